using System.Buffers;
namespace Extraction.Relations;

/// <summary>An entity as a possible argument: where it stands in its clause and what governs it.</summary>
/// <summary>What the argument units with one value are, over a whole article.</summary>
[Flags]
internal enum UnitValueKinds : byte
{
    None = 0,
    Location = 1,
    Organization = 2,
    PluralRole = 4,
}

internal sealed class ArgumentUnit
{
    public required int Entity { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }

    public required EntityLabel Label { get; init; }

    public required string Value { get; set; }

    // The preposition that governs the unit (lemma: in, mit, zwischen, ...), or null.
    public string? Governor { get; set; }

    public bool Genitive { get; set; }

    // Units coordinated with "und", "sowie" or commas share a group number.
    public int Group { get; set; }

    // In brackets, quotes, the dateline or boilerplate: never an argument.
    public bool Excluded { get; set; }

    // A role without a named holder that could not be resolved to a person.
    public bool UnresolvedRole { get; set; }
}

/// <summary>
/// The per-document view the argument strategies work on: token features, argument units (entities with
/// their governing preposition, case hints and coordination), quotes and excluded regions.
/// </summary>
internal sealed class ArticleAnalysis : IDisposable
{
    private static readonly Dictionary<string, string> ContractedPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["im"] = "in", ["ins"] = "in", ["am"] = "an", ["ans"] = "an", ["zum"] = "zu", ["zur"] = "zu", ["vom"] = "von", ["beim"] = "bei",
    };

    // Nouns for people who stand for an entity: their genitive is the party itself.
    private static readonly HashSet<string> ProxyNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "vertreter", "vertreterin", "vertreterinnen", "delegation", "delegationen", "spitze", "spitzen", "führung", "unterhändler", "gesandte", "abgesandte", "emissär",
    };

    public ArticleAnalysis(Document document, IReadOnlyList<Entity> entities, int boilerplateToken, TextSpan? dateline)
    {
        Document = document;
        Features = new TokenFeatures(document, entities);
        BoilerplateToken = boilerplateToken;
        int count = document.TokenCount;
        InQuote = ArrayPool<bool>.Shared.Rent(count);
        InBrackets = ArrayPool<bool>.Shared.Rent(count);
        UnitAt = ArrayPool<int>.Shared.Rent(count);
        InQuote.AsSpan(0, count).Clear();
        InBrackets.AsSpan(0, count).Clear();
        UnitAt.AsSpan(0, count).Fill(-1);
        for (int s = 0; s < document.SentenceCount; s++)
        {
            bool quote = false;
            int depth = 0;
            for (int t = document.SentenceFirstTokens[s]; t < document.SentenceFirstTokens[s + 1]; t++)
            {
                string text = Features.Texts[t];
                if (text is "„" or "»" || (text is "\"" && !quote))
                {
                    quote = true;
                    InQuote[t] = true;
                    continue;
                }

                if (text is "“" or "”" or "«" or "\"")
                {
                    InQuote[t] = true;
                    quote = false;
                    continue;
                }

                if (text == "(")
                {
                    depth++;
                }

                InQuote[t] = quote;
                InBrackets[t] = depth > 0;
                if (text == ")" && depth > 0)
                {
                    depth--;
                }
            }
        }

        BuildUnits(dateline);
    }

    public Document Document { get; }

    public TokenFeatures Features { get; }

    public int BoilerplateToken { get; }

    /// <summary>Gives the rented per-token arrays back; the analysis must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ArrayPool<bool>.Shared.Return(InQuote);
        ArrayPool<bool>.Shared.Return(InBrackets);
        ArrayPool<int>.Shared.Return(UnitAt);
        Features.Dispose();
    }

    private bool _disposed;

    public bool[] InQuote { get; }

    public bool[] InBrackets { get; }

    public List<ArgumentUnit> Units { get; } = [];

    private Dictionary<string, UnitValueKinds>? _valueKinds;

    /// <summary>
    /// What the units with this value are (a place, an organization, a plural role), over the whole article:
    /// one lookup instead of a scan of every unit per trigger, which made long documents quadratic.
    /// </summary>
    public UnitValueKinds KindsOf(string value)
    {
        if (_valueKinds is null)
        {
            var kinds = new Dictionary<string, UnitValueKinds>(StringComparer.Ordinal);
            foreach (ArgumentUnit unit in Units)
            {
                UnitValueKinds kind = unit.Label switch
                {
                    EntityLabel.Location => UnitValueKinds.Location,
                    EntityLabel.Organization => UnitValueKinds.Organization,
                    EntityLabel.Role when Document.GetToken(unit.Start).Morph?.Contains("Number=Plur", StringComparison.Ordinal) == true => UnitValueKinds.PluralRole,
                    _ => UnitValueKinds.None,
                };
                kinds[unit.Value] = kinds.GetValueOrDefault(unit.Value) | kind;
            }

            _valueKinds = kinds;
        }

        return _valueKinds.GetValueOrDefault(value);
    }

    public int[] UnitAt { get; }

    public static string NormalizePreposition(string lower, string lemma) =>
        ContractedPrepositions.TryGetValue(lower, out string? p) ? p : (lemma.Length > 0 ? lemma : lower);

    public bool IsBoundary(int t)
    {
        string text = Features.Texts[t];
        if (text is ";" or ":" or "–" or "—" or "„" or "“" or "”" or "\"" or "»" or "«" or "?" or "!")
        {
            return true;
        }

        if (text != ",")
        {
            return false;
        }

        // A comma inside an enumeration of names ("Macron, Starmer und Selenskyj") does not end the clause.
        int before = t - 1;
        while (before > 0 && InBrackets[before])
        {
            before--;
        }

        if (before < 0 || UnitAt[before] < 0)
        {
            return true;
        }

        for (int k = t + 1; k < Features.Count && k <= t + 5; k++)
        {
            if (UnitAt[k] >= 0)
            {
                return Units[UnitAt[k]].Group != Units[UnitAt[before]].Group;
            }

            if (!IsNounPhraseToken(k))
            {
                return true;
            }
        }

        return true;
    }

    /// <summary>
    /// How far (in tokens) argument searches reach from a trigger within its sentence. News sentences are far
    /// shorter; the bound keeps one trigger's work constant in unpunctuated text (transcripts, OCR, tables), where a
    /// "sentence" of 100,000 tokens with thousands of triggers would otherwise make the layer quadratic.
    /// </summary>
    public const int MaxReach = 80;

    /// <summary>The clause around token <paramref name="t"/>: between boundaries, within its sentence and <see cref="MaxReach"/>.</summary>
    public (int Start, int End) Clause(int t)
    {
        (int first, int last) = SentenceRange(t);
        int start = t;
        while (start > first && !IsBoundary(start - 1))
        {
            start--;
        }

        int end = t + 1;
        while (end < last && !IsBoundary(end))
        {
            end++;
        }

        // "Jens Maurer, Analyst bei der LBBW, sagte, ...": a verb right after a comma whose sentence has no verb
        // before it takes the sentence start (the subject and its apposition) into its clause.
        if (start == t && start > first && Features.Texts[start - 1] == "," && !HasVerb(first, start - 1))
        {
            start = first;
        }

        // A zu-infinitive clause takes its subject and modality from the clause before it.
        for (int hop = 0; hop < 2 && start > first && IsZuInfinitive(t) && Features.Texts[start - 1] == ","; hop++)
        {
            int previous = start - 1;
            while (previous > first && !IsBoundary(previous - 1))
            {
                previous--;
            }

            start = previous;
            if (!ContainsZu(start, t))
            {
                break;
            }
        }

        return (start, end);
    }

    private bool HasVerb(int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (Features.Upos[k] is "VERB" or "AUX" && !InQuote[k])
            {
                return true;
            }
        }

        return false;
    }

    private bool ContainsZu(int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (Features.Stts[k] == "VVIZU" || (Features.Lower[k] == "zu" && k + 1 < end && Features.Upos[k + 1] is "VERB" or "AUX"))
            {
                return k < end - 1 && Features.Texts[k] != ",";
            }
        }

        return false;
    }

    public bool IsZuInfinitive(int t) => Features.Stts[t] == "VVIZU" || (t > 0 && Features.Lower[t - 1] == "zu" && Features.Upos[t] is "VERB" or "AUX");

    /// <summary>The sentence of token <paramref name="t"/>, cut to <see cref="MaxReach"/> tokens on either side of it.</summary>
    public (int First, int End) SentenceRange(int t)
    {
        int sentence = Document.GetSentenceIndexOfToken(t);
        int first = Math.Max(Document.SentenceFirstTokens[sentence], t - MaxReach);
        int end = Math.Min(Document.SentenceFirstTokens[sentence + 1], t + MaxReach + 1);
        Pipeline.WorkMeter.Add(end - first);
        return (first, end);
    }

    private void BuildUnits(TextSpan? dateline)
    {
        TokenFeatures f = Features;
        IReadOnlyList<Entity> entities = f.Entities;
        var roleHolders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        // Surnames of people the article names in full: "Klingbeil" stands for "Lars Klingbeil" even where the
        // tagger missed the short mention.
        var fullNames = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (Entity entity in entities)
        {
            if (entity.Label == EntityLabel.Person && entity.Canonical.Contains(' ', StringComparison.Ordinal))
            {
                string surname = entity.Canonical[(entity.Canonical.LastIndexOf(' ') + 1)..];
                fullNames[surname] = fullNames.TryGetValue(surname, out string? other) && other != entity.Canonical ? null : entity.Canonical;
            }
        }

        var canonicals = new HashSet<string>(entities.Select(e => e.Canonical), StringComparer.Ordinal);
        for (int t = 0; t < f.Count; t++)
        {
            if (f.EntityIndex[t] < 0 && f.Upos[t] is "PROPN" or "NOUN" && f.Texts[t].Length > 2 && char.IsUpper(f.Texts[t][0])
                && (fullNames.GetValueOrDefault(f.Texts[t]) ?? (f.Texts[t].EndsWith('s') ? fullNames.GetValueOrDefault(f.Texts[t][..^1]) : null)) is { } fullName)
            {
                var alias = new ArgumentUnit { Entity = -1, Start = t, End = t + 1, Label = EntityLabel.Person, Value = fullName };
                alias.Excluded = InQuote[t] || InBrackets[t] || (BoilerplateToken >= 0 && t >= BoilerplateToken);
                UnitAt[t] = Units.Count;
                Units.Add(alias);
                continue;
            }

            if (!f.IsEntityStart(t))
            {
                continue;
            }

            int e = f.EntityIndex[t];
            Entity entity = entities[e];
            int end = f.EntityEnd(t);
            if (entity.Label == EntityLabel.Miscellaneous)
            {
                continue;
            }

            var unit = new ArgumentUnit { Entity = e, Start = t, End = end, Label = entity.Label, Value = entity.Canonical };
            // A genitive form ("Russlands", "Putins") stands for the name the article also gives without -s.
            if (unit.Value.Length > 3 && unit.Value.EndsWith('s') && canonicals.Contains(unit.Value[..^1]))
            {
                unit.Value = unit.Value[..^1];
            }

            if (entity.Label == EntityLabel.Person && !unit.Value.Contains(' ', StringComparison.Ordinal)
                && (fullNames.GetValueOrDefault(unit.Value) ?? (unit.Value.EndsWith('s') ? fullNames.GetValueOrDefault(unit.Value[..^1]) : null)) is { } full)
            {
                unit.Value = full;
            }

            if (entity.Label == EntityLabel.Role)
            {
                // A role followed by its holder's name is part of the holder's phrase; a role alone stands for
                // the last person named with it, if any.
                int next = end;
                while (next < f.Count && f.Upos[next] is "PROPN" && f.EntityIndex[next] < 0)
                {
                    next++;
                }

                if (next < f.Count && f.LabelAt(next) == EntityLabel.Person)
                {
                    roleHolders[entity.Canonical] = entities[f.EntityIndex[next]].Canonical;
                    continue;
                }

                if (roleHolders.TryGetValue(entity.Canonical, out string? holder))
                {
                    unit.Value = holder;
                }
                else
                {
                    unit.UnresolvedRole = true;
                }
            }

            unit.Excluded = InQuote[t] || InBrackets[t] || (BoilerplateToken >= 0 && t >= BoilerplateToken)
                || (dateline is { } d && f.Document.TokenStarts[t] < d.End);
            UnitAt.AsSpan(t, end - t).Fill(Units.Count);
            Units.Add(unit);
        }

        // Governors, genitives and coordination groups.
        int group = 0;
        for (int u = 0; u < Units.Count; u++)
        {
            ArgumentUnit unit = Units[u];
            (int first, int _) = SentenceRange(unit.Start);
            int previousUnit = u - 1;
            while (previousUnit >= 0 && InBrackets[Units[previousUnit].Start] && !InBrackets[unit.Start])
            {
                previousUnit--;
            }

            bool coordinated = previousUnit >= 0 && IsCoordinated(Units[previousUnit], unit, first);
            unit.Group = coordinated ? Units[previousUnit].Group : ++group;
            int j = unit.Start - 1;
            bool genitive = false;
            while (j >= first && IsNounPhraseToken(j) && !ArgumentFinder.IsTimeWord(f.Lower[j]))
            {
                if (f.Upos[j] == "DET" && (f.Lower[j] is "des" or "eines" || (f.Lower[j] is "der" or "einer" && IsNounBefore(j))))
                {
                    // "Vertreter Israels", "mit Vertretern der Afrikanischen Union": the group stands for the entity.
                    if (j > first && ProxyNouns.Contains(f.Lemma[j - 1]))
                    {
                        j -= 2;
                        continue;
                    }

                    genitive = true;
                    break;
                }

                if (f.EntityIndex[j] < 0 && ProxyNouns.Contains(f.Lemma[j]) && j + 1 == unit.Start && f.Upos[unit.Start] is "PROPN")
                {
                    j--;
                    continue;
                }

                j--;
            }

            // "mit den Spitzen von BSW und SPD": von after a proxy noun passes the outer preposition on.
            if (!genitive && j > first && f.Lower[j] == "von" && ProxyNouns.Contains(f.Lemma[j - 1]))
            {
                j -= 2;
                while (j >= first && IsNounPhraseToken(j) && !ArgumentFinder.IsTimeWord(f.Lower[j]))
                {
                    j--;
                }
            }

            if (genitive)
            {
                unit.Genitive = true;
            }
            else if (j >= first && f.Upos[j] == "ADP" && !InQuote[j])
            {
                unit.Governor = NormalizePreposition(f.Lower[j], f.Lemma[j]);
            }
            else if (coordinated)
            {
                unit.Governor = Units[previousUnit].Governor;
                unit.Genitive = Units[previousUnit].Genitive;
            }

            // "Vertreter Israels", "Angriffe Russlands": a place or organization in the genitive is named without -s.
            string v = unit.Value;
            if ((unit.Genitive || ProxyBefore(unit.Start)) && unit.Label is EntityLabel.Location or EntityLabel.Organization && v.Length > 4 && v.EndsWith('s') && !v.EndsWith("ss", StringComparison.Ordinal) && !v.EndsWith("us", StringComparison.Ordinal) && !v.EndsWith("is", StringComparison.Ordinal) && !v.Contains(' ', StringComparison.Ordinal))
            {
                unit.Value = v[..^1];
            }

            // "Putins Sprecher": a name in -s directly before a noun is a possessive genitive.
            if (unit.Label is not EntityLabel.Role && unit.End < f.Count && f.Upos[unit.End] is "NOUN" or "ADJ" && f.EntityIndex[unit.End] < 0 && f.Texts[unit.End - 1].EndsWith('s') && !coordinated)
            {
                unit.Genitive = true;
            }
        }
    }

    private bool ProxyBefore(int start) => start > 0 && ProxyNouns.Contains(Features.Lemma[start - 1]);

    private bool IsNounBefore(int j) => j > 0 && (Features.Upos[j - 1] is "NOUN" || (Features.EntityIndex[j - 1] >= 0 && Features.LabelAt(j - 1) != EntityLabel.Role));

    private bool IsNounPhraseToken(int j)
    {
        TokenFeatures f = Features;
        if (f.EntityIndex[j] >= 0)
        {
            // Roles, and possessive names before a noun ("Bayerns Finanzminister"), belong to the phrase.
            return f.LabelAt(j) == EntityLabel.Role || (f.Texts[j].EndsWith('s') && j + 1 < f.Count && f.Upos[j + 1] == "NOUN" && f.EntityIndex[j + 1] < 0);
        }

        return f.Upos[j] is "DET" or "ADJ" or "NUM" or "NOUN" or "PROPN" || f.Stts[j] is "PPOSAT" or "PIAT";
    }

    private bool IsCoordinated(ArgumentUnit previous, ArgumentUnit unit, int sentenceFirst)
    {
        if (previous.Start < sentenceFirst)
        {
            return false;
        }

        int gap = 0;
        for (int t = previous.End; t < unit.Start; t++)
        {
            gap += InBrackets[t] ? 0 : 1;
        }

        if (unit.Start <= previous.End || gap > 6)
        {
            return false;
        }

        bool conjunction = false;
        for (int t = previous.End; t < unit.Start; t++)
        {
            if (InBrackets[t])
            {
                continue;
            }

            string lower = Features.Lower[t];
            if (lower is "und" or "sowie" or ",")
            {
                conjunction = true;
                continue;
            }

            if (!IsNounPhraseToken(t) || Features.Upos[t] == "NOUN" && t + 1 < unit.Start && lower.Length > 0 && Features.Upos[t + 1] == "DET")
            {
                return false;
            }
        }

        return conjunction;
    }
}
