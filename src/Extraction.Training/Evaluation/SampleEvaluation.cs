namespace Extraction.Training.Evaluation;

/// <summary>Scores of the library on the team's sample set.</summary>
public sealed record SampleScores(
    int Articles,
    IReadOnlyDictionary<string, PrecisionRecall> EntitiesByLabel,
    PrecisionRecall Entities,
    IReadOnlyDictionary<string, PrecisionRecall> RelationsByType,
    PrecisionRecall Relations,
    PrecisionRecall MeetingParticipants,
    IReadOnlyDictionary<string, (int Correct, int Total)> ArgumentAccuracy);

/// <summary>
/// Compares the library's output with the sample set's gold annotations.
/// Entities: strict span and label. Relations: one fact per article and type, identified by its key
/// arguments (<see cref="RelationSchema.KeyArguments"/>); names match when equal ignoring case or when
/// the words of one are contained in the other ("Selenskyj" and "Wolodymyr Selenskyj"), and a capital
/// with <c>refersTo</c> matches its country. Other arguments are scored as accuracy over matched facts;
/// free-text arguments (topic, what, ...) count as correct when they share a word of three or more letters.
/// </summary>
public static class SampleEvaluation
{
    public static SampleScores Evaluate(Extractor extractor, IReadOnlyList<SampleArticle> articles)
    {
        var byLabel = RelationSchema.EntityLabels.ToDictionary(l => l, _ => default(PrecisionRecall), StringComparer.Ordinal);
        var byType = RelationSchema.Arguments.Keys.ToDictionary(t => t, _ => default(PrecisionRecall), StringComparer.Ordinal);
        var arguments = new Dictionary<string, (int Correct, int Total)>(StringComparer.Ordinal);
        PrecisionRecall participants = default;

        foreach (SampleArticle article in articles)
        {
            ExtractionResult result = extractor.Extract(article.Text);
            foreach (string label in RelationSchema.EntityLabels)
            {
                var gold = article.Entities.Where(e => e.Label == label).Select(e => (e.Start, e.End)).ToHashSet();
                var predicted = result.Entities.Where(e => e.LabelCode == label).Select(e => (e.Start, e.End)).ToHashSet();
                byLabel[label] += PrecisionRecall.Compare(gold, predicted);
            }

            var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (GoldEntity entity in article.Entities.Where(e => e.RefersTo is not null))
            {
                aliases.TryAdd(entity.Canonical, entity.RefersTo!);
            }

            foreach (string type in RelationSchema.Arguments.Keys)
            {
                List<GoldRelation> gold = article.Relations.Where(r => r.Type == type).ToList();
                List<Relation> predicted = Deduplicate(result.Relations.Where(r => r.Type == type), RelationSchema.KeyArguments[type]);
                var matched = new bool[predicted.Count];
                int truePositives = 0;
                foreach (GoldRelation goldRelation in gold)
                {
                    int match = -1;
                    for (int i = 0; i < predicted.Count && match < 0; i++)
                    {
                        if (!matched[i] && RelationSchema.KeyArguments[type].All(key => ArgumentMatches(goldRelation, predicted[i], key, aliases)))
                        {
                            match = i;
                        }
                    }

                    if (match < 0)
                    {
                        continue;
                    }

                    matched[match] = true;
                    truePositives++;
                    foreach ((string name, IReadOnlyList<string> _) in goldRelation.Arguments)
                    {
                        if (RelationSchema.KeyArguments[type].Contains(name))
                        {
                            continue;
                        }

                        string key = type + "." + name;
                        arguments.TryGetValue(key, out (int Correct, int Total) count);
                        arguments[key] = (count.Correct + (ArgumentMatches(goldRelation, predicted[match], name, aliases) ? 1 : 0), count.Total + 1);
                    }
                }

                byType[type] += new PrecisionRecall(truePositives, predicted.Count - truePositives, gold.Count - truePositives);
                if (type == "Meeting")
                {
                    participants += ScoreParticipants(gold, predicted, aliases);
                }
            }
        }

        return new SampleScores(
            articles.Count,
            byLabel,
            byLabel.Values.Aggregate(default(PrecisionRecall), (a, b) => a + b),
            byType,
            byType.Values.Aggregate(default(PrecisionRecall), (a, b) => a + b),
            participants,
            arguments);
    }

    private static List<Relation> Deduplicate(IEnumerable<Relation> relations, string[] keys)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<Relation>();
        foreach (Relation relation in relations)
        {
            string identity = string.Join("|", keys.Select(k => relation.Arguments.TryGetValue(k, out RelationArgument? a) ? string.Join(",", a.Values.Order(StringComparer.OrdinalIgnoreCase)) : string.Empty));
            if (seen.Add(identity))
            {
                result.Add(relation);
            }
        }

        return result;
    }

    // Participants of meetings as (participant) pairs per article: how many gold participants of all meetings are found.
    private static PrecisionRecall ScoreParticipants(List<GoldRelation> gold, List<Relation> predicted, Dictionary<string, string> aliases)
    {
        var goldNames = gold.SelectMany(r => r.Arguments.TryGetValue("participants", out IReadOnlyList<string>? p) ? p : []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var predictedNames = predicted.SelectMany(r => r.Arguments.TryGetValue("participants", out RelationArgument? p) ? p.Values : []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        int found = goldNames.Count(g => predictedNames.Any(p => NamesMatch(g, p, aliases)));
        int correct = predictedNames.Count(p => goldNames.Any(g => NamesMatch(g, p, aliases)));
        return new PrecisionRecall(correct, predictedNames.Count - correct, goldNames.Count - found);
    }

    private static bool ArgumentMatches(GoldRelation gold, Relation predicted, string name, Dictionary<string, string> aliases)
    {
        if (!gold.Arguments.TryGetValue(name, out IReadOnlyList<string>? goldValues))
        {
            return !predicted.Arguments.ContainsKey(name);
        }

        if (!predicted.Arguments.TryGetValue(name, out RelationArgument? predictedArgument))
        {
            return false;
        }

        IReadOnlyList<string> predictedValues = predictedArgument.Values;
        if (RelationSchema.FreeTextArguments.Contains(name))
        {
            return SharesWord(string.Join(" ", goldValues), string.Join(" ", predictedValues));
        }

        // Sets must correspond both ways (participants); single values simply match.
        return goldValues.All(g => predictedValues.Any(p => NamesMatch(g, p, aliases)))
            && predictedValues.All(p => goldValues.Any(g => NamesMatch(g, p, aliases)));
    }

    public static bool NamesMatch(string gold, string predicted, IReadOnlyDictionary<string, string>? aliases = null)
    {
        if (WordsContained(gold, predicted))
        {
            return true;
        }

        return aliases is not null && aliases.TryGetValue(gold, out string? alias) && WordsContained(alias, predicted);
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
