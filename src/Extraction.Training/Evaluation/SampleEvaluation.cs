namespace Extraction.Training.Evaluation;

/// <summary>Scores of the library (or of a second annotation pass) against gold annotations.</summary>
public sealed record SampleScores(
    int Articles,
    IReadOnlyDictionary<string, PrecisionRecall> EntitiesByLabel,
    PrecisionRecall Entities,
    IReadOnlyDictionary<string, PrecisionRecall> RelationsByType,
    PrecisionRecall Relations,
    PrecisionRecall MeetingParticipants,
    PrecisionRecall MeetingPairs,
    IReadOnlyDictionary<string, (int Correct, int Total)> ArgumentAccuracy);

/// <summary>One false positive or miss, with the sentence it stands in (for error analysis).</summary>
/// <param name="Article">The article id.</param>
/// <param name="Kind"><c>missed</c> (in the gold only) or <c>false positive</c> (in the output only).</param>
/// <param name="What">The entity (<c>PER Angela Merkel</c>) or relation with its arguments.</param>
/// <param name="Sentence">The sentence of the text it stands in; empty when unknown.</param>
public sealed record EvaluationError(string Article, string Kind, string What, string Sentence);

/// <summary>
/// Compares output with gold annotations. Entities: strict span and label. Relations: gold and output
/// facts of an article and type are matched one to one on their key arguments
/// (<see cref="RelationSchema.KeyArguments"/>), each gold fact taking the unmatched output fact that also
/// agrees on most other arguments (so five statements of one speaker can all be found); names
/// match when equal ignoring case or when the words of one are contained in the other ("Selenskyj" and
/// "Wolodymyr Selenskyj"), and a capital with <c>refersTo</c> matches its country. Other arguments are
/// scored as accuracy over matched facts; free-text arguments (topic, what, ...) count as correct when
/// they share a word of three or more letters. Meetings are also scored as participant pairs: every
/// unordered pair of participants of a meeting (a one-group meeting is the group alone), per article.
/// </summary>
public static class SampleEvaluation
{
    /// <summary>Runs the extractor on every article and scores its output; misses and false positives go to <paramref name="errors"/> when given.</summary>
    public static SampleScores Evaluate(Extractor extractor, IReadOnlyList<SampleArticle> articles, List<EvaluationError>? errors = null)
    {
        var scorer = new Scorer();
        foreach (SampleArticle article in articles)
        {
            ExtractionResult result = extractor.Extract(article.Text);
            var entities = result.Entities.Select(e => new ScoredEntity(e.Start, e.End, e.LabelCode, e.Canonical)).ToList();
            var relations = result.Relations
                .Select(r => new ScoredRelation(r.Type, r.Arguments.ToDictionary(a => a.Key, a => a.Value.Values, StringComparer.Ordinal), r.Trigger.Start))
                .ToList();
            scorer.Add(article, entities, relations, errors, offset => SentenceAt(result.Document, offset));
        }

        return scorer.Scores(articles.Count);
    }

    /// <summary>
    /// Compares a second annotation of the same articles with the first (inter-annotator agreement):
    /// <paramref name="second"/> is scored as if it were output against <paramref name="first"/>.
    /// Articles present in only one of them are skipped.
    /// </summary>
    public static SampleScores Compare(IReadOnlyList<SampleArticle> first, IReadOnlyList<SampleArticle> second)
    {
        var scorer = new Scorer();
        var byId = second.ToDictionary(a => a.Id, StringComparer.Ordinal);
        int compared = 0;
        foreach (SampleArticle article in first)
        {
            if (!byId.TryGetValue(article.Id, out SampleArticle? other))
            {
                continue;
            }

            compared++;
            var entities = other.Entities.Select(e => new ScoredEntity(e.Start, e.End, e.Label, e.Canonical)).ToList();
            var relations = other.Relations.Select(r => new ScoredRelation(r.Type, r.Arguments, r.TriggerStart ?? -1)).ToList();
            scorer.Add(article, entities, relations, errors: null, sentenceAt: null);
        }

        return scorer.Scores(compared);
    }

    public static bool NamesMatch(string gold, string predicted, IReadOnlyDictionary<string, string>? aliases = null)
    {
        if (WordsContained(gold, predicted))
        {
            return true;
        }

        return aliases is not null && aliases.TryGetValue(gold, out string? alias) && WordsContained(alias, predicted);
    }

    private static string SentenceAt(Document document, int offset)
    {
        if (offset < 0)
        {
            return string.Empty;
        }

        for (int i = 0; i < document.SentenceCount; i++)
        {
            Sentence sentence = document.GetSentence(i);
            if (offset < sentence.End || i == document.SentenceCount - 1)
            {
                return sentence.Text;
            }
        }

        return string.Empty;
    }

    private sealed record ScoredEntity(int Start, int End, string Label, string Canonical);

    private sealed record ScoredRelation(string Type, IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments, int Offset);

    private sealed class Scorer
    {
        private readonly Dictionary<string, PrecisionRecall> _byLabel = RelationSchema.EntityLabels.ToDictionary(l => l, _ => default(PrecisionRecall), StringComparer.Ordinal);
        private readonly Dictionary<string, PrecisionRecall> _byType = RelationSchema.Arguments.Keys.ToDictionary(t => t, _ => default(PrecisionRecall), StringComparer.Ordinal);
        private readonly Dictionary<string, (int Correct, int Total)> _arguments = new(StringComparer.Ordinal);
        private PrecisionRecall _participants;
        private PrecisionRecall _pairs;

        public void Add(SampleArticle article, List<ScoredEntity> entities, List<ScoredRelation> relations, List<EvaluationError>? errors, Func<int, string>? sentenceAt)
        {
            string Sentence(int offset) => sentenceAt?.Invoke(offset) ?? string.Empty;
            foreach (string label in RelationSchema.EntityLabels)
            {
                var gold = article.Entities.Where(e => e.Label == label).Select(e => (e.Start, e.End)).ToHashSet();
                var predicted = entities.Where(e => e.Label == label).Select(e => (e.Start, e.End)).ToHashSet();
                _byLabel[label] += PrecisionRecall.Compare(gold, predicted);
                if (errors is not null)
                {
                    foreach (GoldEntity missed in article.Entities.Where(e => e.Label == label && !predicted.Contains((e.Start, e.End))))
                    {
                        errors.Add(new EvaluationError(article.Id, "missed", $"{label} {missed.Text} [{missed.Start},{missed.End})", Sentence(missed.Start)));
                    }

                    foreach (ScoredEntity wrong in entities.Where(e => e.Label == label && !gold.Contains((e.Start, e.End))))
                    {
                        errors.Add(new EvaluationError(article.Id, "false positive", $"{label} {article.Text[wrong.Start..wrong.End]} [{wrong.Start},{wrong.End})", Sentence(wrong.Start)));
                    }
                }
            }

            var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (GoldEntity entity in article.Entities.Where(e => e.RefersTo is not null))
            {
                aliases.TryAdd(entity.Canonical, entity.RefersTo!);
            }

            foreach (string type in RelationSchema.Arguments.Keys)
            {
                string[] keys = RelationSchema.KeyArguments[type];
                List<GoldRelation> gold = article.Relations.Where(r => r.Type == type).ToList();
                List<ScoredRelation> predicted = relations.Where(r => r.Type == type).ToList();
                var matched = new bool[predicted.Count];
                int truePositives = 0;
                foreach (GoldRelation goldRelation in gold)
                {
                    // Among the unmatched facts with the same key arguments, the one that agrees on most other arguments.
                    int match = -1;
                    int agreeing = -1;
                    for (int i = 0; i < predicted.Count; i++)
                    {
                        if (matched[i] || !keys.All(key => ArgumentMatches(goldRelation.Arguments, predicted[i], key, aliases)))
                        {
                            continue;
                        }

                        int agree = goldRelation.Arguments.Keys.Count(name => !keys.Contains(name) && ArgumentMatches(goldRelation.Arguments, predicted[i], name, aliases));
                        if (agree > agreeing)
                        {
                            (match, agreeing) = (i, agree);
                        }
                    }

                    if (match < 0)
                    {
                        errors?.Add(new EvaluationError(article.Id, "missed", Describe(type, goldRelation.Arguments), Sentence(goldRelation.TriggerStart ?? -1)));
                        continue;
                    }

                    matched[match] = true;
                    truePositives++;
                    foreach ((string name, IReadOnlyList<string> _) in goldRelation.Arguments)
                    {
                        if (keys.Contains(name))
                        {
                            continue;
                        }

                        string key = type + "." + name;
                        bool correct = ArgumentMatches(goldRelation.Arguments, predicted[match], name, aliases);
                        _arguments.TryGetValue(key, out (int Correct, int Total) count);
                        _arguments[key] = (count.Correct + (correct ? 1 : 0), count.Total + 1);
                        if (!correct && errors is not null)
                        {
                            string found = predicted[match].Arguments.TryGetValue(name, out IReadOnlyList<string>? values) ? string.Join(", ", values) : "(none)";
                            errors.Add(new EvaluationError(article.Id, "wrong argument", $"{Describe(type, goldRelation.Arguments)}: {name} is '{found}'", Sentence(predicted[match].Offset)));
                        }
                    }
                }

                if (errors is not null)
                {
                    for (int i = 0; i < predicted.Count; i++)
                    {
                        if (!matched[i])
                        {
                            errors.Add(new EvaluationError(article.Id, "false positive", Describe(type, predicted[i].Arguments), Sentence(predicted[i].Offset)));
                        }
                    }
                }

                _byType[type] += new PrecisionRecall(truePositives, predicted.Count - truePositives, gold.Count - truePositives);
                if (type == "Meeting")
                {
                    _participants += ScoreParticipants(gold, predicted, aliases);
                    _pairs += ScorePairs(gold, predicted, aliases);
                }
            }
        }

        public SampleScores Scores(int articles) => new(
            articles,
            _byLabel,
            _byLabel.Values.Aggregate(default(PrecisionRecall), (a, b) => a + b),
            _byType,
            _byType.Values.Aggregate(default(PrecisionRecall), (a, b) => a + b),
            _participants,
            _pairs,
            _arguments);
    }

    private static string Describe(string type, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments) =>
        type + "(" + string.Join(", ", arguments.Select(a => a.Key + "=" + string.Join("+", a.Value))) + ")";

    // Participants of meetings per article: how many gold participants of all meetings are found.
    private static PrecisionRecall ScoreParticipants(List<GoldRelation> gold, List<ScoredRelation> predicted, Dictionary<string, string> aliases)
    {
        var goldNames = gold.SelectMany(r => r.Arguments.TryGetValue("participants", out IReadOnlyList<string>? p) ? p : []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var predictedNames = predicted.SelectMany(r => r.Arguments.TryGetValue("participants", out IReadOnlyList<string>? p) ? p : []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        int found = goldNames.Count(g => predictedNames.Any(p => NamesMatch(g, p, aliases)));
        int correct = predictedNames.Count(p => goldNames.Any(g => NamesMatch(g, p, aliases)));
        return new PrecisionRecall(correct, predictedNames.Count - correct, goldNames.Count - found);
    }

    // Who met whom: the distinct unordered participant pairs of all meetings of an article, matched one to one.
    private static PrecisionRecall ScorePairs(List<GoldRelation> gold, List<ScoredRelation> predicted, Dictionary<string, string> aliases)
    {
        List<(string A, string B)> goldPairs = DistinctPairs(gold.Select(r => r.Arguments.TryGetValue("participants", out IReadOnlyList<string>? p) ? p : []));
        List<(string A, string B)> predictedPairs = DistinctPairs(predicted.Select(r => r.Arguments.TryGetValue("participants", out IReadOnlyList<string>? p) ? p : []));
        var used = new bool[predictedPairs.Count];
        int truePositives = 0;
        foreach ((string a, string b) in goldPairs)
        {
            for (int i = 0; i < predictedPairs.Count; i++)
            {
                (string c, string d) = predictedPairs[i];
                if (!used[i] && ((NamesMatch(a, c, aliases) && NamesMatch(b, d, aliases)) || (NamesMatch(a, d, aliases) && NamesMatch(b, c, aliases))))
                {
                    used[i] = true;
                    truePositives++;
                    break;
                }
            }
        }

        return new PrecisionRecall(truePositives, predictedPairs.Count - truePositives, goldPairs.Count - truePositives);
    }

    private static List<(string A, string B)> DistinctPairs(IEnumerable<IReadOnlyList<string>> meetings)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pairs = new List<(string, string)>();
        foreach (IReadOnlyList<string> participants in meetings)
        {
            string[] names = participants.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();
            if (names.Length == 1 && seen.Add(names[0] + "\u0001" + names[0]))
            {
                pairs.Add((names[0], names[0]));
            }

            for (int i = 0; i < names.Length; i++)
            {
                for (int j = i + 1; j < names.Length; j++)
                {
                    if (seen.Add(names[i] + "\u0001" + names[j]))
                    {
                        pairs.Add((names[i], names[j]));
                    }
                }
            }
        }

        return pairs;
    }

    private static bool ArgumentMatches(IReadOnlyDictionary<string, IReadOnlyList<string>> gold, ScoredRelation predicted, string name, Dictionary<string, string> aliases)
    {
        if (!gold.TryGetValue(name, out IReadOnlyList<string>? goldValues))
        {
            return !predicted.Arguments.ContainsKey(name);
        }

        if (!predicted.Arguments.TryGetValue(name, out IReadOnlyList<string>? predictedValues))
        {
            return false;
        }

        if (RelationSchema.FreeTextArguments.Contains(name))
        {
            return SharesWord(string.Join(" ", goldValues), string.Join(" ", predictedValues));
        }

        // Sets must correspond both ways (participants); single values simply match.
        return goldValues.All(g => predictedValues.Any(p => NamesMatch(g, p, aliases)))
            && predictedValues.All(p => goldValues.Any(g => NamesMatch(g, p, aliases)));
    }

    private static bool WordsContained(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string[] wordsA = a.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] wordsB = b.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (wordsA.Length == 0 || wordsB.Length == 0)
        {
            return false;
        }

        (string[] shorter, string[] longer) = wordsA.Length <= wordsB.Length ? (wordsA, wordsB) : (wordsB, wordsA);
        return shorter.All(w => longer.Contains(w, StringComparer.OrdinalIgnoreCase));
    }

    private static bool SharesWord(string a, string b)
    {
        var words = a.Split([' ', ',', '.', '„', '“', '"'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return b.Split([' ', ',', '.', '„', '“', '"'], StringSplitOptions.RemoveEmptyEntries).Any(words.Contains);
    }
}
