using System.Globalization;
using Extraction.Pipeline;

namespace Extraction.Relations;

/// <summary>
/// The relation layer: recognises the dateline and trailing web boilerplate, matches the relation rules
/// (built-in and user files) over each sentence, fills the arguments with the strategies the rules name,
/// sets modality and time, and reports each fact once per article with all its evidence sentences.
/// Immutable after construction and thread-safe.
/// </summary>
internal sealed class RelationComponent : IPipelineComponent
{
    private readonly RelationRule[] _rules;

    // Rules whose trigger element names exact lemmas, by lemma: a sentence runs only the rules one of its
    // lemmas points to, plus the rules that must be scanned (wildcard lemmas, no lemma test).
    private readonly Dictionary<string, int[]> _rulesByLemma;
    private readonly int[] _scannedRules;

    internal RelationComponent(IEnumerable<RelationRule> rules, IEnumerable<string> disabledTypes)
    {
        var disabled = new HashSet<string>(disabledTypes, StringComparer.OrdinalIgnoreCase);
        _rules = rules.Where(r => !disabled.Contains(r.Type)).ToArray();
        var byLemma = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var scanned = new List<int>();
        for (int i = 0; i < _rules.Length; i++)
        {
            if (_rules[i].Anchor?.Lemma?.ExactOnly is { } lemmas)
            {
                foreach (string lemma in lemmas)
                {
                    if (!byLemma.TryGetValue(lemma, out List<int>? list))
                    {
                        byLemma[lemma] = list = [];
                    }

                    list.Add(i);
                }
            }
            else
            {
                scanned.Add(i);
            }
        }

        _rulesByLemma = byLemma.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _scannedRules = [.. scanned];
    }

    public string Name => "relations";

    public Annotation Requires => Annotation.Entities | Annotation.PartOfSpeech | Annotation.Lemmas;

    public Annotation Produces => Annotation.Relations;

    /// <summary>The rules in use, in order (for tests and the CLI).</summary>
    internal IReadOnlyList<RelationRule> Rules => _rules;

    /// <summary>Creates the component with the built-in rules plus the options' rule files, minus disabled types.</summary>
    public static RelationComponent Create(ExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<RelationRule> rules = BuiltInRules.Value.ToList();
        var ids = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (string path in options.RuleFiles)
        {
            foreach (RelationRule rule in RuleLoader.LoadFile(path))
            {
                if (!ids.Add(rule.Id))
                {
                    throw new RuleFormatException(path, 0, $"rule id '{rule.Id}' is already defined by another rule file");
                }

                rules.Add(rule);
            }
        }

        return new RelationComponent(rules, options.DisabledRelationTypes);
    }

    private static readonly Lazy<List<RelationRule>> BuiltInRules = new(RuleLoader.LoadBuiltIn);

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        string text = document.Text;
        Dateline? dateline = ArticleLayout.FindDateline(text);
        document.DatelineValue = dateline;
        if (dateline is not null)
        {
            AddDatelineEntities(document, dateline);
        }

        int boilerplateOffset = ArticleLayout.FindBoilerplateStart(text);
        int boilerplateToken = -1;
        if (boilerplateOffset >= 0)
        {
            boilerplateToken = FirstTokenAtOrAfter(document, boilerplateOffset);
            MarkBoilerplate(document, boilerplateOffset);
        }

        if (_rules.Length == 0 || document.TokenCount == 0)
        {
            return;
        }

        // The rules read persons, places and organizations; roles reach them through HoldsRole and linking.
        // Offering role mentions as parties of their own cost precision on the dev samples (Meeting F1 0.77 to 0.62).
        using var analysis = new ArticleAnalysis(document, document.EntityList.FindAll(e => e.Label != EntityLabel.Role), boilerplateToken, dateline?.Span);
        var found = new List<Relation>();
        var taken = new HashSet<(string Type, int Token)>();
        var candidate = new bool[_rules.Length];
        var steps = new StepCounter();
        for (int s = 0; s < document.SentenceCount; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int first = document.SentenceFirstTokens[s];
            int last = document.SentenceFirstTokens[s + 1];
            if (boilerplateToken >= 0 && first >= boilerplateToken)
            {
                break;
            }

            if (boilerplateToken >= 0 && last > boilerplateToken)
            {
                last = boilerplateToken;
            }

            Array.Clear(candidate);
            TokenFeatures features = analysis.Features;
            for (int t = first; t < last; t++)
            {
                if (_rulesByLemma.TryGetValue(features.Lemma[t], out int[]? indexed))
                {
                    foreach (int r in indexed)
                    {
                        candidate[r] |= features.Consume(_rules[r].Anchor!, t, last) > 0;
                    }
                }
            }

            foreach (int r in _scannedRules)
            {
                candidate[r] = _rules[r].Anchor is not { } anchor || AnyAccepts(features, anchor, first, last);
            }

            for (int r = 0; r < _rules.Length; r++)
            {
                RelationRule rule = _rules[r];
                if (!candidate[r])
                {
                    continue;
                }

                foreach (PatternMatch match in rule.Pattern.Matches(analysis.Features, first, last, steps))
                {
                    Apply(analysis, rule, match, s, found, taken);
                }
            }
        }

        Pipeline.WorkMeter.Add(steps.Steps);

        // Earlier mentions first, so that a fact keeps the trigger and sentence of its first report (the lead).
        document.RelationList.AddRange(Deduplicate([.. found.OrderBy(r => r.Trigger.Start)]).OrderBy(r => r.Trigger.Start));
    }

    private static bool AnyAccepts(TokenFeatures features, PatternElement anchor, int first, int last)
    {
        for (int t = first; t < last; t++)
        {
            if (features.Consume(anchor, t, last) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void Apply(ArticleAnalysis a, RelationRule rule, PatternMatch match, int sentence, List<Relation> found, HashSet<(string Type, int Token)> taken)
    {
        int triggerStart = match.Start;
        int triggerEnd = match.End;
        if (rule.Pattern.TriggerSlot >= 0 && match.Slots[2 * rule.Pattern.TriggerSlot] >= 0)
        {
            triggerStart = match.Slots[2 * rule.Pattern.TriggerSlot];
            triggerEnd = match.Slots[(2 * rule.Pattern.TriggerSlot) + 1];
        }

        if (a.InQuote[triggerStart] || (rule.Action == RuleAction.Relation && !taken.Add((rule.Type, triggerStart))))
        {
            return;
        }

        TokenFeatures f = a.Features;
        (int Start, int End) clause = a.Clause(triggerStart);
        var arguments = new Dictionary<string, RelationArgument>(StringComparer.Ordinal);
        bool listArgument(string name) => name == "participants";

        // Captures first, then the strategies for arguments still empty.
        for (int slot = 0; slot < rule.Pattern.SlotNames.Count; slot++)
        {
            string name = rule.Pattern.SlotNames[slot];
            int start = match.Slots[2 * slot];
            int end = match.Slots[(2 * slot) + 1];
            if (name == "$trigger" || start < 0 || end <= start)
            {
                continue;
            }

            List<string> values = CaptureValues(a, name, start, end);
            if (values.Count > 0)
            {
                arguments[name] = listArgument(name) ? RelationArgument.List(values) : RelationArgument.Single(values[0]);
            }
        }

        foreach ((string name, string[] strategies) in rule.Arguments)
        {
            if (arguments.ContainsKey(name))
            {
                continue;
            }

            var values = new List<string>();
            foreach (string strategy in strategies)
            {
                // A body named by a common noun only stands in when no named party was found.
                if (strategy == "orgNoun" && values.Count > 0)
                {
                    continue;
                }

                foreach (string value in ArgumentFinder.Find(a, strategy, triggerStart, triggerEnd, clause))
                {
                    if (!values.Contains(value, StringComparer.OrdinalIgnoreCase))
                    {
                        values.Add(value);
                    }
                }

                if (values.Count > 0 && !listArgument(name))
                {
                    break;
                }
            }

            if (values.Count > 0)
            {
                arguments[name] = listArgument(name) ? RelationArgument.List(values) : RelationArgument.Single(values[0]);
            }
        }

        string? time = ArgumentFinder.Time(a, triggerStart, clause);
        if (rule.Action == RuleAction.Attach)
        {
            Attach(rule, arguments, sentence, found);
            return;
        }

        if (!Complete(a, rule, arguments))
        {
            return;
        }

        string[] known = RelationTypes.Arguments[rule.Type];
        if (time is not null && known.Contains("time") && !arguments.ContainsKey("time"))
        {
            arguments["time"] = RelationArgument.Single(time);
        }

        if (rule.Kind is not null && known.Contains("kind"))
        {
            arguments["kind"] = RelationArgument.Single(rule.Kind);
        }

        bool nominal = f.Upos[triggerStart] is "NOUN" or "PROPN";
        Modality modality = rule.Modality ?? ArgumentFinder.Modality(a, triggerStart, clause, nominal);
        int from = a.Document.TokenStarts[triggerStart];
        int to = a.Document.TokenStarts[triggerEnd - 1] + a.Document.TokenLengths[triggerEnd - 1];
        var ordered = known.Where(arguments.ContainsKey).ToDictionary(k => k, k => arguments[k], StringComparer.Ordinal);
        found.Add(new Relation(rule.Type, ordered, sentence, new TextSpan(from, to), modality, rule.Score, rule.Id, rule.Code, time));
    }

    private static List<string> CaptureValues(ArticleAnalysis a, string name, int start, int end)
    {
        if (RelationTypes.FreeText.Contains(name))
        {
            int from = a.Document.TokenStarts[start];
            int to = a.Document.TokenStarts[end - 1] + a.Document.TokenLengths[end - 1];
            return [a.Document.Text[from..to]];
        }

        var values = new List<string>();
        for (int t = start; t < end; t++)
        {
            int u = a.UnitAt[t];
            if (u >= 0 && a.Units[u].Start == t && !a.Units[u].Excluded && !a.Units[u].UnresolvedRole && !values.Contains(a.Units[u].Value))
            {
                values.Add(a.Units[u].Value);
            }
        }

        return values;
    }

    // Required arguments present; a meeting needs two participants, or one organization or group.
    private static bool Complete(ArticleAnalysis a, RelationRule rule, Dictionary<string, RelationArgument> arguments)
    {
        foreach (string name in rule.Required)
        {
            if (!arguments.ContainsKey(name))
            {
                return false;
            }
        }

        if (rule.Type == "Meeting" && arguments.TryGetValue("participants", out RelationArgument? participants))
        {
            // A visit to a place is travel, not a meeting with the place.
            if (rule.Kind == "visit")
            {
                var people = participants.Values.Where(p => (a.KindsOf(p) & UnitValueKinds.Location) == 0).ToList();
                if (people.Count == 0)
                {
                    return false;
                }

                arguments["participants"] = participants = RelationArgument.List(people);
            }

            if (arguments.TryGetValue("place", out RelationArgument? place) && participants.Values.Contains(place.Values[0], StringComparer.OrdinalIgnoreCase))
            {
                var rest = participants.Values.Where(p => !string.Equals(p, place.Values[0], StringComparison.OrdinalIgnoreCase)).ToList();
                if (rest.Count == 0)
                {
                    return false;
                }

                arguments["participants"] = participants = RelationArgument.List(rest);
            }

            if (participants.Values.Count == 1)
            {
                string only = participants.Values[0];
                // One party meets only as an organization or a group: a plural role ("die NATO-Verteidigungschefs"), not one office-holder.
                return rule.Kind is not ("visit" or "call") && ((a.KindsOf(only) & (UnitValueKinds.Organization | UnitValueKinds.PluralRole)) != 0
                    || ArgumentFinder.IsOrgNoun(only));
            }
        }

        return true;
    }

    private static void Attach(RelationRule rule, Dictionary<string, RelationArgument> arguments, int sentence, List<Relation> found)
    {
        for (int i = found.Count - 1; i >= 0; i--)
        {
            Relation target = found[i];
            if (target.Sentence < sentence - 2)
            {
                return;
            }

            if (target.Type != rule.Type)
            {
                continue;
            }

            var merged = new Dictionary<string, RelationArgument>(target.Arguments, StringComparer.Ordinal);
            foreach ((string name, RelationArgument value) in arguments)
            {
                merged.TryAdd(name, value);
            }

            var ordered = RelationTypes.Arguments[target.Type].Where(merged.ContainsKey).ToDictionary(k => k, k => merged[k], StringComparer.Ordinal);
            found[i] = new Relation(target.Type, ordered, target.Sentence, target.Trigger, target.Modality, target.Score, target.Rule, target.Code, target.Time, [.. target.EvidenceSentences, sentence]);
            return;
        }
    }

    // One relation per fact: same type and key arguments (or, for meetings, participants that contain the
    // other's with no conflicting place or time). The first report wins; later ones add evidence and missing arguments.
    // How many earlier facts sharing a name word a new relation is compared with. News articles stay far below it;
    // it keeps de-duplication linear in documents with thousands of relations about the same few names.
    private const int DeduplicationWindow = 256;

    private static List<Relation> Deduplicate(List<Relation> relations)
    {
        var result = new List<Relation>();
        var evidence = new List<List<int>>();
        var byWord = new Dictionary<(string Type, string Word), List<int>>();
        var candidates = new List<int>();
        foreach (Relation relation in relations)
        {
            candidates.Clear();
            foreach (string word in KeyWords(relation))
            {
                if (byWord.TryGetValue((relation.Type, word), out List<int>? indices))
                {
                    for (int i = Math.Max(0, indices.Count - DeduplicationWindow); i < indices.Count; i++)
                    {
                        candidates.Add(indices[i]);
                    }
                }
            }

            // The earliest matching fact keeps the report, as a scan in text order would find it.
            candidates.Sort();
            Pipeline.WorkMeter.Add(candidates.Count + 1);
            int same = -1;
            for (int i = 0; i < candidates.Count && same < 0; i++)
            {
                if ((i == 0 || candidates[i] != candidates[i - 1]) && SameFact(result[candidates[i]], relation))
                {
                    same = candidates[i];
                }
            }

            if (same < 0)
            {
                same = result.Count;
                result.Add(relation);
                evidence.Add([.. relation.EvidenceSentences]);
            }
            else
            {
                result[same] = Merge(result[same], relation);
                evidence[same].AddRange(relation.EvidenceSentences);
            }

            foreach (string word in KeyWords(result[same]))
            {
                if (!byWord.TryGetValue((relation.Type, word), out List<int>? indices))
                {
                    byWord[(relation.Type, word)] = indices = [];
                }

                if (indices.Count == 0 || indices[^1] != same)
                {
                    indices.Add(same);
                }
            }
        }

        for (int i = 0; i < result.Count; i++)
        {
            Relation r = result[i];
            if (evidence[i].Count > 1)
            {
                result[i] = new Relation(r.Type, r.Arguments, r.Sentence, r.Trigger, r.Modality, r.Score, r.Rule, r.Code, r.Time, evidence[i]);
            }
        }

        return result;
    }

    // The lower-case words of the names that identify a fact (every participant of a meeting, else the first key
    // argument): two relations are only the same fact when they share one of them. Words come from the pool.
    private static IEnumerable<string> KeyWords(Relation relation)
    {
        string key = relation.Type == "Meeting" ? "participants" : RelationTypes.KeyArguments[relation.Type][0];
        if (!relation.Arguments.TryGetValue(key, out RelationArgument? argument))
        {
            return [string.Empty];
        }

        var words = new List<string>(4);
        foreach (string value in argument.Values)
        {
            ReadOnlySpan<char> rest = value;
            while (rest.Length > 0)
            {
                int space = rest.IndexOf(' ');
                ReadOnlySpan<char> word = space < 0 ? rest : rest[..space];
                if (word.Length > 0)
                {
                    words.Add(Pipeline.StringPool.GetLower(word));
                }

                rest = space < 0 ? [] : rest[(space + 1)..];
            }
        }

        return words;
    }

    private static Relation Merge(Relation kept, Relation relation)
    {
        var merged = new Dictionary<string, RelationArgument>(kept.Arguments, StringComparer.Ordinal);
        foreach ((string name, RelationArgument value) in relation.Arguments)
        {
            if (name == "participants" && merged.TryGetValue(name, out RelationArgument? existing))
            {
                var names = existing.Values.ToList();
                foreach (string v in value.Values)
                {
                    int at = names.FindIndex(n => NamesMatch(n, v));
                    if (at < 0)
                    {
                        names.Add(v);
                    }
                    else if (v.Length > names[at].Length)
                    {
                        names[at] = v;
                    }
                }

                merged[name] = RelationArgument.List(names);
                continue;
            }

            merged.TryAdd(name, value);
        }

        var ordered = RelationTypes.Arguments[kept.Type].Where(merged.ContainsKey).ToDictionary(k => k, k => merged[k], StringComparer.Ordinal);
        return new Relation(kept.Type, ordered, kept.Sentence, kept.Trigger, kept.Modality, Math.Max(kept.Score, relation.Score), kept.Rule, kept.Code, kept.Time ?? relation.Time, [kept.Sentence]);
    }

    private static bool SameFact(Relation a, Relation b)
    {
        if (a.Type != b.Type)
        {
            return false;
        }

        if (a.Type == "Meeting")
        {
            IReadOnlyList<string> pa = a.Arguments["participants"].Values;
            IReadOnlyList<string> pb = b.Arguments["participants"].Values;
            bool contained = pa.All(x => pb.Any(y => NamesMatch(x, y))) || pb.All(x => pa.Any(y => NamesMatch(x, y)));
            return contained && Compatible(a, b, "place") && Compatible(a, b, "time") && a.Modality == b.Modality;
        }

        foreach (string key in RelationTypes.KeyArguments[a.Type])
        {
            string? x = a.Arguments.TryGetValue(key, out RelationArgument? va) ? va.ToString() : null;
            string? y = b.Arguments.TryGetValue(key, out RelationArgument? vb) ? vb.ToString() : null;
            if (x is null || y is null ? x != y : !NamesMatch(x, y))
            {
                return false;
            }
        }

        // Statements of one speaker are separate facts unless they say the same.
        if (a.Type == "Statement")
        {
            return Compatible(a, b, "content", strict: true) && Compatible(a, b, "topic", strict: true);
        }

        return Compatible(a, b, "topic") && Compatible(a, b, "what") && Compatible(a, b, "target") && Compatible(a, b, "receiver")
            && Compatible(a, b, "destination") && Compatible(a, b, "addressee") && Compatible(a, b, "sent");
    }

    // "Rubio" and "Marco Rubio" name the same entity: the words of one are contained in the other.
    internal static bool NamesMatch(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string[] wa = a.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] wb = b.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        (string[] shorter, string[] longer) = wa.Length <= wb.Length ? (wa, wb) : (wb, wa);
        return shorter.Length > 0 && shorter.All(w => longer.Contains(w, StringComparer.OrdinalIgnoreCase));
    }

    private static bool Compatible(Relation a, Relation b, string name, bool strict = false)
    {
        bool hasA = a.Arguments.TryGetValue(name, out RelationArgument? x);
        bool hasB = b.Arguments.TryGetValue(name, out RelationArgument? y);
        if (!hasA || !hasB)
        {
            return !strict || hasA == hasB;
        }

        return RelationTypes.FreeText.Contains(name) ? string.Equals(x!.ToString(), y!.ToString(), StringComparison.OrdinalIgnoreCase) : NamesMatch(x!.ToString(), y!.ToString());
    }

    private static int FirstTokenAtOrAfter(Document document, int offset)
    {
        for (int t = 0; t < document.TokenCount; t++)
        {
            if (document.TokenStarts[t] >= offset)
            {
                return t;
            }
        }

        return document.TokenCount;
    }

    private static void MarkBoilerplate(Document document, int offset)
    {
        List<Entity> entities = document.EntityList;
        for (int i = 0; i < entities.Count; i++)
        {
            Entity e = entities[i];
            if (e.Start >= offset && !e.Attributes.ContainsKey("boilerplate"))
            {
                var attributes = new Dictionary<string, string>(e.Attributes, StringComparer.Ordinal) { ["boilerplate"] = "true" };
                entities[i] = new Entity(e.Text, e.Label, e.Start, e.End, e.Canonical, e.Id, e.Score, attributes);
            }
        }
    }

    // The dateline's places are LOC and its source ORG: entities the tagger missed are added, all-caps
    // place names get their ordinary spelling as canonical.
    private static void AddDatelineEntities(Document document, Dateline dateline)
    {
        List<Entity> entities = document.EntityList;
        string text = document.Text;
        int cursor = dateline.Span.Start;
        var added = false;
        foreach (string place in dateline.Places)
        {
            int at = text.IndexOf(place.ToUpperInvariant(), cursor, dateline.Span.End - cursor, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            int end = at + place.Length;
            cursor = end;
            added |= Upsert(entities, text, at, end, EntityLabel.Location, place);
        }

        if (dateline.Source is { } source)
        {
            int at = text.IndexOf(source, dateline.Span.Start, dateline.Span.End - dateline.Span.Start, StringComparison.Ordinal);
            if (at >= 0)
            {
                added |= Upsert(entities, text, at, at + source.Length, EntityLabel.Organization, source);
            }
        }

        if (added)
        {
            entities.Sort((x, y) => x.Start.CompareTo(y.Start));
        }
    }

    private static bool Upsert(List<Entity> entities, string text, int start, int end, EntityLabel label, string canonical)
    {
        int overlap = entities.FindIndex(e => e.Start < end && e.End > start);
        if (overlap >= 0)
        {
            Entity e = entities[overlap];
            if (e.Start == start && e.End == end)
            {
                entities[overlap] = new Entity(e.Text, label, e.Start, e.End, canonical, e.Id, e.Score, e.Attributes);
            }

            return false;
        }

        // The same thing keeps its id ("KIEW" in the dateline and "Kiew" in the text); a new one gets the next free number.
        string id = entities.Find(e => e.Label == label && string.Equals(e.Canonical, canonical, StringComparison.OrdinalIgnoreCase))?.Id
            ?? "e" + (entities.Select(e => e.Id.Length > 1 && int.TryParse(e.Id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0).DefaultIfEmpty(0).Max() + 1).ToString(CultureInfo.InvariantCulture);

        entities.Add(new Entity(text[start..end], label, start, end, canonical, id, 0.9));
        return true;
    }
}
