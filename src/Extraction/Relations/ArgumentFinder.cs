namespace Extraction.Relations;

/// <summary>
/// The argument strategies that rules name (documented in RULES.md): where in the clause of a trigger an
/// argument is found. Entity-valued strategies give canonical names; phrase strategies give text as written.
/// </summary>
internal static class ArgumentFinder
{
    private static readonly HashSet<string> Fixed = new(StringComparer.Ordinal)
    {
        "subject", "object", "genitive", "objectPhrase", "content", "purpose", "place", "destination", "groupSubject", "zuClause", "genitiveAfter", "orgNoun",
    };

    private static readonly HashSet<string> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sonnabend", "wochenende",
    };

    private static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember", "jänner",
        "frühjahr", "frühling", "sommer", "herbst", "winter", "vorjahr", "jahr",
    };

    // A parameterised strategy ("pp:mit:PER") split once per name, not on every trigger.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> StrategyParts = new(StringComparer.Ordinal);

    public static bool IsKnownStrategy(string strategy)
    {
        if (Fixed.Contains(strategy))
        {
            return true;
        }

        string[] parts = strategy.Split(':');
        return parts[0] switch
        {
            "subject" or "object" => parts.Length == 2 && parts[1] is "PER" or "LOC" or "ORG",
            "pp" => parts.Length is 2 or 3 && parts[1].Length > 0 && (parts.Length == 2 || parts[2] is "PER" or "LOC" or "ORG" or "ROLE"),
            "phrase" => parts.Length == 2 && parts[1].Length > 0,
            _ => false,
        };
    }

    /// <summary>Values of one strategy for a trigger at tokens [<paramref name="triggerStart"/>, <paramref name="triggerEnd"/>).</summary>
    public static List<string> Find(ArticleAnalysis a, string strategy, int triggerStart, int triggerEnd, (int Start, int End) clause)
    {
        var values = new List<string>();
        switch (strategy)
        {
            case "subject":
                AddGroup(a, values, Subject(a, triggerStart, clause));
                break;
            case "groupSubject":
                if (GroupNoun(a, clause) is { } group)
                {
                    values.Add(group);
                }

                break;
            case "object":
                AddGroup(a, values, Object(a, triggerStart, triggerEnd, clause));
                break;
            case "genitive":
                foreach (ArgumentUnit unit in UnitsIn(a, clause).Where(u => u.Genitive && u.Start >= triggerEnd && u.Start <= triggerEnd + 4))
                {
                    AddUnit(values, unit);
                }

                break;
            case "orgNoun":
                if (OrgNoun(a, triggerStart, triggerEnd, clause) is { } org)
                {
                    values.Add(org);
                }

                break;
            case "genitiveAfter":
                foreach (ArgumentUnit unit in UnitsIn(a, clause).Where(u => u.Genitive && u.Start >= triggerEnd))
                {
                    AddUnit(values, unit);
                    break;
                }

                break;
            case "place":
                AddNearest(a, values, clause, triggerStart, u => u.Governor is "in" or "auf" or "bei" && u.Label == EntityLabel.Location);
                if (values.Count == 0)
                {
                    AddNearest(a, values, clause, triggerStart, u => u.Governor is "nach" && u.Label == EntityLabel.Location);
                }

                if (values.Count == 0 && There(a, clause) is { } there)
                {
                    values.Add(there);
                }

                break;
            case "destination":
                AddNearest(a, values, clause, triggerStart, u => u.Governor is "nach" && u.Label == EntityLabel.Location);
                if (values.Count == 0)
                {
                    AddNearest(a, values, clause, triggerStart, u => u.Governor is "in" && u.Label == EntityLabel.Location);
                }

                break;
            case "objectPhrase":
                if (ObjectPhrase(a, triggerStart, triggerEnd, clause) is { } phrase)
                {
                    values.Add(phrase);
                }

                break;
            case "content":
                if (Content(a, triggerStart, triggerEnd) is { } content)
                {
                    values.Add(content);
                }

                break;
            case "zuClause":
                if (ZuClause(a, triggerEnd) is { } zu)
                {
                    values.Add(zu);
                }

                break;
            case "purpose":
                if (Purpose(a, triggerStart, clause) is { } purpose)
                {
                    values.Add(purpose);
                }

                break;
            default:
                string[] parts = StrategyParts.GetOrAdd(strategy, static name => name.Split(':'));
                if (parts[0] is "subject" or "object")
                {
                    List<ArgumentUnit> found = parts[0] == "subject" ? Subject(a, triggerStart, clause) : Object(a, triggerStart, triggerEnd, clause);
                    AddGroup(a, values, found.Where(u => Entity.ToCode(u.Label) == parts[1]));
                }
                else if (parts[0] == "pp")
                {
                    foreach (ArgumentUnit unit in UnitsIn(a, clause).Where(u => u.Governor == parts[1] && !u.Genitive))
                    {
                        if (parts.Length == 3 && Entity.ToCode(unit.Label) != parts[2])
                        {
                            continue;
                        }

                        AddUnit(values, unit);
                    }
                }
                else if (parts[0] == "phrase" && PrepositionPhrase(a, parts[1], triggerStart, clause) is { } text)
                {
                    values.Add(text);
                }

                break;
        }

        return values;
    }

    private static IEnumerable<ArgumentUnit> UnitsIn(ArticleAnalysis a, (int Start, int End) clause)
    {
        for (int t = clause.Start; t < clause.End; t++)
        {
            int u = a.UnitAt[t];
            if (u >= 0 && a.Units[u].Start == t && !a.Units[u].Excluded && !a.Units[u].UnresolvedRole)
            {
                yield return a.Units[u];
            }
        }
    }

    // "Dort könnte er Putin treffen": the place named last before, in this or the two sentences before.
    private static string? There(ArticleAnalysis a, (int Start, int End) clause)
    {
        int at = -1;
        for (int t = clause.Start; t < clause.End; t++)
        {
            if (a.Features.Lower[t] is "dort" or "dorthin")
            {
                at = t;
                break;
            }
        }

        if (at < 0)
        {
            return null;
        }

        int sentence = a.Document.GetSentenceIndexOfToken(at);
        int floor = a.Document.SentenceFirstTokens[Math.Max(0, sentence - 2)];
        for (int j = at - 1; j >= floor; j--)
        {
            int u = a.UnitAt[j];
            if (u >= 0 && a.Units[u].Label == EntityLabel.Location && !a.Units[u].Excluded && a.Units[u].Governor is "in" or "nach" or "auf")
            {
                return a.Units[u].Value;
            }
        }

        return null;
    }

    private static void AddNearest(ArticleAnalysis a, List<string> values, (int Start, int End) clause, int trigger, Func<ArgumentUnit, bool> predicate)
    {
        ArgumentUnit? best = UnitsIn(a, clause).Where(u => !u.Genitive && predicate(u)).MinBy(u => Math.Abs(u.Start - trigger));
        if (best is not null)
        {
            AddUnit(values, best);
        }
    }

    private static void AddUnit(List<string> values, ArgumentUnit unit)
    {
        // A role without a named holder ("der Regierungschef", "Vertreter") names no party of its own.
        if (!unit.UnresolvedRole && !values.Contains(unit.Value, StringComparer.OrdinalIgnoreCase))
        {
            values.Add(unit.Value);
        }
    }

    private static void AddGroup(ArticleAnalysis a, List<string> values, IEnumerable<ArgumentUnit> units)
    {
        foreach (ArgumentUnit unit in units)
        {
            AddUnit(values, unit);
        }
    }

    private static bool IsCore(ArgumentUnit unit) => unit.Governor is null && !unit.Genitive && unit.Label is EntityLabel.Person or EntityLabel.Organization or EntityLabel.Location or EntityLabel.Role;

    private static List<ArgumentUnit> Subject(ArticleAnalysis a, int trigger, (int Start, int End) clause)
    {
        for (int t = clause.Start; t < clause.End; t++)
        {
            if (t >= trigger && t < trigger + 1)
            {
                continue;
            }

            if (a.Features.Stts[t] == "PPER" && a.Features.Lower[t] is "er" or "sie" && !a.InQuote[t])
            {
                // A pronoun subject stands for the last person named before it, within two sentences.
                if (LastPerson(a, t, clause) is { } person)
                {
                    return [person];
                }

                return [];
            }

            int u = a.UnitAt[t];
            if (u >= 0 && a.Units[u].Start == t && !a.Units[u].Excluded && !a.Units[u].UnresolvedRole && IsCore(a.Units[u]))
            {
                int group = a.Units[u].Group;
                return UnitsIn(a, clause).Where(x => x.Group == group && IsCore(x)).ToList();
            }
        }

        return [];
    }

    // A pronoun never stands for another argument of its own clause ("Bei einem Treffen mit Infantino habe
    // er ..." is not Infantino), so names inside the clause are skipped.
    private static ArgumentUnit? LastPerson(ArticleAnalysis a, int t, (int Start, int End) clause)
    {
        int sentence = a.Document.GetSentenceIndexOfToken(t);
        int floor = a.Document.SentenceFirstTokens[Math.Max(0, sentence - 2)];
        for (int j = t - 1; j >= floor; j--)
        {
            int u = a.UnitAt[j];
            if (u >= 0 && a.Units[u].Label is EntityLabel.Person && !a.Units[u].Excluded && !a.Units[u].Genitive && (j < clause.Start || j >= clause.End))
            {
                return a.Units[u];
            }
        }

        return null;
    }

    private static List<ArgumentUnit> Object(ArticleAnalysis a, int triggerStart, int triggerEnd, (int Start, int End) clause)
    {
        List<ArgumentUnit> subject = Subject(a, triggerStart, clause);
        var candidates = UnitsIn(a, clause).Where(u => IsCore(u) && !subject.Contains(u)).ToList();
        ArgumentUnit? first = candidates.FirstOrDefault(u => u.Start >= triggerEnd) ?? candidates.FirstOrDefault();
        return first is null ? [] : candidates.Where(u => u.Group == first.Group).ToList();
    }

    // "Außenminister Andrij Sybiha", "Landgericht Bochum": a chunk naming an entity is no topic.
    private static bool HasNameApposition(TokenFeatures f, int start, int end)
    {
        int k = start;
        while (k < end && f.Upos[k] is "DET" or "ADJ")
        {
            k++;
        }

        if (k < end && f.EntityIndex[k] >= 0)
        {
            return true;
        }

        for (int j = Math.Max(k, start + 1); j < end; j++)
        {
            if (f.EntityIndex[j] >= 0 && f.EntityIndex[j - 1] < 0 && f.Upos[j - 1] is "NOUN" or "PROPN")
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] OrgSuffixes =
    [
        "sicherheitsrat", "gemeinderat", "stadtrat", "bundesrat", "aufsichtsrat", "ministerrat", "ausschuss", "versammlung", "kabinett", "parlament", "kommission", "fraktion", "gremium", "senat", "landtag", "bundestag", "kreistag",
    ];

    /// <summary>Whether a noun names a body that meets (Gemeinderat, Koalitionsausschuss, Stadtverordnetenversammlung).</summary>
    public static bool IsOrgNoun(string lemma)
    {
        string lower = lemma.ToLowerInvariant();
        return lower.Length > 4 && OrgSuffixes.Any(s => lower.EndsWith(s, StringComparison.Ordinal)) && !lower.EndsWith("berater", StringComparison.Ordinal);
    }

    // A body named by a common noun that the tagger does not mark as an entity: the subject of the clause
    // ("Der Gemeinderat berät ...") or, for nominal triggers, its genitive ("Sitzung des Gemeinderats").
    private static string? OrgNoun(ArticleAnalysis a, int triggerStart, int triggerEnd, (int Start, int End) clause)
    {
        TokenFeatures f = a.Features;
        bool nominal = f.Upos[triggerStart] == "NOUN";
        for (int t = nominal ? triggerEnd : clause.Start; t < clause.End && (!nominal || t <= triggerEnd + 2); t++)
        {
            if (t >= triggerStart && t < triggerEnd)
            {
                continue;
            }

            if (f.Upos[t] == "ADP" && !nominal)
            {
                // Skip the prepositional phrase ("am Montagabend", "im Kanzleramt").
                while (t + 1 < clause.End && f.IsNominal(t + 1))
                {
                    t++;
                }

                continue;
            }

            if (f.Upos[t] == "NOUN" && f.EntityIndex[t] < 0 && IsOrgNoun(f.Lemma[t]))
            {
                string lemma = a.Document.GetToken(t).Lemma ?? f.Texts[t];
                return lemma;
            }

            if (!nominal && t > triggerStart + 3)
            {
                return null;
            }
        }

        return null;
    }

    // A plural role or group noun as the subject of a meeting ("Die NATO-Verteidigungschefs berieten ...").
    private static string? GroupNoun(ArticleAnalysis a, (int Start, int End) clause)
    {
        for (int t = clause.Start; t < clause.End; t++)
        {
            // A role directly before a name is that person's title ("Außenminister Andrij Sybiha"), never a group.
            bool titleOfName = t + 1 < clause.End && a.Features.LabelAt(t + 1) == EntityLabel.Person;
            if (!titleOfName && a.Features.LabelAt(t) == EntityLabel.Role && a.Document.GetToken(t).Morph is { } morph && morph.Contains("Number=Plur", StringComparison.Ordinal))
            {
                return a.Features.Entities[a.Features.EntityIndex[t]].Canonical;
            }
        }

        return null;
    }

    // The noun phrase after the first occurrence of a preposition in the clause, nearest after the trigger first.
    private static string? PrepositionPhrase(ArticleAnalysis a, string preposition, int trigger, (int Start, int End) clause)
    {
        int best = -1;
        for (int t = clause.Start; t < clause.End; t++)
        {
            if (a.Features.Upos[t] is "ADP" && ArticleAnalysis.NormalizePreposition(a.Features.Lower[t], a.Features.Lemma[t]) == preposition && !a.InQuote[t]
                && !(trigger > t && trigger <= t + 3 && a.Features.Upos[trigger] is "NOUN"))
            {
                if (best < 0 || (best < trigger && t > trigger))
                {
                    best = t;
                }
            }
        }

        return best < 0 ? null : NounPhraseText(a, best + 1, clause.End);
    }

    // The text of the noun phrase starting at token t, without its determiner; null when no noun heads it.
    private static string? NounPhraseText(ArticleAnalysis a, int t, int limit, bool allowNumber = false)
    {
        TokenFeatures f = a.Features;
        while (t < limit && (f.Upos[t] is "DET" || f.Stts[t] is "PPOSAT" or "ART" or "PIAT"))
        {
            t++;
        }

        int start = t;
        int end = t;
        bool noun = false;
        while (end < limit && (f.Upos[end] is "ADJ" or "NUM" or "NOUN" or "PROPN" || f.EntityIndex[end] >= 0 || (f.Upos[end] is "DET" && noun)))
        {
            if (f.Upos[end] == "DET" && noun && f.Lower[end] is not ("des" or "der" or "eines" or "einer"))
            {
                break;
            }

            noun |= f.Upos[end] is "NOUN" or "PROPN" || f.EntityIndex[end] >= 0;
            end++;
        }

        // "Rahmen für Friedensverhandlungen": one attached für/von/gegen phrase belongs to the topic.
        if (noun && end + 1 < limit && f.Lower[end] is "für" or "gegen" && f.Upos[end + 1] is "NOUN" or "ADJ")
        {
            int k = end + 1;
            while (k < limit && f.Upos[k] is "ADJ" or "NOUN")
            {
                k++;
            }

            end = k;
        }

        while (end > start && f.Upos[end - 1] is "DET" or "ADJ")
        {
            end--;
        }

        if (!noun || end <= start || (f.Upos[start] == "NUM" && !allowNumber))
        {
            return null;
        }

        int from = a.Document.TokenStarts[start];
        int to = a.Document.TokenStarts[end - 1] + a.Document.TokenLengths[end - 1];
        return a.Document.Text[from..to];
    }

    // The object noun phrase (not an entity, not in a prepositional phrase): after the trigger first, else before it.
    private static string? ObjectPhrase(ArticleAnalysis a, int triggerStart, int triggerEnd, (int Start, int End) clause)
    {
        TokenFeatures f = a.Features;
        string? before = null;
        for (int t = clause.Start; t < clause.End; t++)
        {
            if (t >= triggerStart && t < triggerEnd)
            {
                continue;
            }

            if (f.ChunkEnd[t] < 0 || (t > clause.Start && f.Upos[t - 1] == "ADP"))
            {
                continue;
            }

            int end = Math.Min(f.ChunkEnd[t], clause.End);
            bool hasNoun = false;
            bool entityOnly = true;
            for (int k = t; k < end; k++)
            {
                hasNoun |= f.Upos[k] == "NOUN";
                entityOnly &= f.EntityIndex[k] >= 0 || f.Upos[k] is "DET";
            }

            if (!hasNoun || entityOnly || a.InQuote[t] || HasNameApposition(f, t, end))
            {
                continue;
            }

            string? text = NounPhraseText(a, t, clause.End, allowNumber: true);
            if (text is null)
            {
                continue;
            }

            if (t >= triggerEnd)
            {
                return text;
            }

            before ??= text;
        }

        return before;
    }

    // What a speaker said: the reported clause after the comma that follows the trigger, the text before
    // ", sagte X", the quotation after a colon, else any quotation in the sentence.
    private static string? Content(ArticleAnalysis a, int triggerStart, int triggerEnd)
    {
        (int first, int last) = a.SentenceRange(triggerStart);
        TokenFeatures f = a.Features;
        int end = last;
        while (end > first && f.Upos[end - 1] == "PUNCT" && f.Texts[end - 1] is "." or "!" or "?" or ";")
        {
            end--;
        }

        // "X erklärte, ...", also with the subject between verb and comma ("erklärte Peskow, ...").
        for (int t = triggerEnd; t < end && t <= triggerEnd + 5; t++)
        {
            if (f.Texts[t] is "," or ":")
            {
                int from = t + 1;
                if (from < end && f.Lower[from] is "dass")
                {
                    from++;
                }

                if (end - from >= 2)
                {
                    return StripQuotes(Slice(a, from, end));
                }

                break;
            }

            if (f.Upos[t] is "VERB" or "AUX" || a.InQuote[t])
            {
                break;
            }
        }

        // "..., sagte X."
        for (int t = triggerStart - 1; t > first && t >= triggerStart - 2; t--)
        {
            if (f.Texts[t] == ",")
            {
                int stop = t;
                return stop - first >= 2 ? StripQuotes(Slice(a, first, stop)) : null;
            }
        }

        int open = -1;
        for (int t = first; t < last; t++)
        {
            if (f.Texts[t] is "„" or "»" or "\"" && open < 0)
            {
                open = t;
            }
            else if (open >= 0 && f.Texts[t] is "“" or "”" or "«" or "\"")
            {
                if (t - open > 2)
                {
                    return Slice(a, open + 1, t);
                }

                open = -1;
            }
        }

        return null;
    }

    private static string StripQuotes(string text) => text.Trim().Trim('„', '“', '”', '"', '»', '«').Trim();

    // "forderte X auf, die Gespräche fortzusetzen": the zu-infinitive clause after the trigger, as written.
    private static string? ZuClause(ArticleAnalysis a, int triggerEnd)
    {
        (int _, int last) = a.SentenceRange(triggerEnd - 1);
        TokenFeatures f = a.Features;
        int comma = -1;
        for (int t = triggerEnd; t < last && t < triggerEnd + 12; t++)
        {
            if (f.Texts[t] == ",")
            {
                comma = t;
                break;
            }
        }

        if (comma < 0)
        {
            return null;
        }

        for (int t = comma + 1; t < last; t++)
        {
            if (f.Texts[t] is "," or ";" or ":" || (f.Texts[t] == "." && t == last - 1))
            {
                return null;
            }

            if (f.Stts[t] == "VVIZU" || (f.Lower[t] == "zu" && t + 1 < last && f.Upos[t + 1] is "VERB" or "AUX"))
            {
                int end = f.Stts[t] == "VVIZU" ? t + 1 : t + 2;
                return end - comma > 2 ? Slice(a, comma + 1, end) : null;
            }
        }

        return null;
    }

    // "um über Sicherheitsgarantien zu beraten": the noun phrase of the um ... zu clause.
    private static string? Purpose(ArticleAnalysis a, int trigger, (int Start, int End) clause)
    {
        (int first, int last) = a.SentenceRange(trigger);
        TokenFeatures f = a.Features;
        for (int t = trigger + 1; t < last - 2; t++)
        {
            if (f.Lower[t] == "um" && f.Upos[t] != "ADP" || (f.Lower[t] == "um" && t > 0 && f.Texts[t - 1] == ","))
            {
                for (int k = t + 1; k < last && k < t + 12; k++)
                {
                    if (f.Lower[k] == "zu" && k + 1 < last && f.Upos[k + 1] is "VERB" or "AUX")
                    {
                        int s = t + 1;
                        if (f.Upos[s] == "ADP")
                        {
                            s++;
                        }

                        return NounPhraseText(a, s, k) ?? Slice(a, t + 1, k + 2);
                    }
                }
            }
        }

        _ = first;
        _ = clause;
        return null;
    }

    private static string Slice(ArticleAnalysis a, int start, int end)
    {
        int from = a.Document.TokenStarts[start];
        int to = a.Document.TokenStarts[end - 1] + a.Document.TokenLengths[end - 1];
        return a.Document.Text[from..to];
    }

    /// <summary>The time expression of the clause (else of the sentence), as written.</summary>
    public static string? Time(ArticleAnalysis a, int trigger, (int Start, int End) clause)
    {
        (int first, int last) = a.SentenceRange(trigger);
        return TimeIn(a, clause.Start, clause.End) ?? TimeIn(a, first, last);
    }

    private static string? TimeIn(ArticleAnalysis a, int start, int end)
    {
        TokenFeatures f = a.Features;
        for (int t = start; t < end; t++)
        {
            if (a.InQuote[t])
            {
                continue;
            }

            string lower = f.Lower[t];
            if (lower is "am" or "vom" or "bis" or "seit")
            {
                int k = t + 1;
                while (k < end && !IsDate(f.Texts[k]) && (f.Upos[k] is "ADJ" or "NUM" || f.Texts[k] == "."))
                {
                    k++;
                }

                if (k < end && IsDate(f.Texts[k]))
                {
                    return Slice(a, t, k + 1);
                }

                if (k < end && (IsWeekday(f.Lower[k]) || (k > t + 1 && Months.Contains(f.Lower[k]))))
                {
                    int stop = k + 1;
                    if (Months.Contains(f.Lower[k]) && stop < end && f.Upos[stop] == "NUM")
                    {
                        stop++;
                    }

                    if (stop + 2 < end && f.Lower[stop] == "um" && f.Upos[stop + 1] == "NUM")
                    {
                        stop += f.Lower[stop + 2] == "uhr" ? 3 : 2;
                    }

                    return Slice(a, t, stop);
                }

                if (k < end && f.Lower[k] == "wochenende")
                {
                    return Slice(a, t, k + 1);
                }
            }
            else if (lower is "im" && t + 1 < end && Months.Contains(f.Lower[t + 1]))
            {
                int stop = t + 2;
                if (stop < end && f.Upos[stop] == "NUM")
                {
                    stop++;
                }

                return Slice(a, t, stop);
            }
            else if (lower is "in" && t + 2 < end && f.Lower[t + 1] == "der" && f.Lower[t + 2] is "nacht" or "vergangenen" or "kommenden" or "nächsten" or "vorigen")
            {
                int stop = t + 3;
                if (f.Lower[t + 2] != "nacht" && stop < end && f.Upos[stop] == "NOUN")
                {
                    stop++;
                }
                else if (f.Lower[t + 2] == "nacht" && stop + 1 < end && f.Lower[stop] is "zu" or "zum" && IsWeekday(f.Lower[stop + 1]))
                {
                    stop += 2;
                }

                return Slice(a, t, stop);
            }
            else if (lower is "in" or "für" or "bis" or "ab" or "seit" or "im" or "vom" && t + 1 < end)
            {
                int k = t + 1;
                while (k < end && k <= t + 3 && (f.Upos[k] is "DET" or "ADJ" || f.Lower[k] is "dieser" or "diesem" or "kommenden" or "nächsten" or "vergangenen"))
                {
                    k++;
                }

                if (k < end && (IsTimeWord(f.Lower[k]) || f.Lower[k] is "tagen" or "wochen" or "monaten" or "jahren" or "jahresende" or "monatsende") && !(k == t + 1 && f.Lower[k] is "tag" or "woche" or "jahr"))
                {
                    int from = t > start && f.Lower[t - 1] == "noch" ? t - 1 : t;
                    return Slice(a, from, k + 1);
                }
            }
            else if (IsWeekday(lower) && f.Upos[t] is "NOUN" or "PROPN" or "ADV")
            {
                return f.Texts[t];
            }
            else if (lower is "heute" or "gestern" or "vorgestern" or "morgen" or "übermorgen" && f.Upos[t] == "ADV")
            {
                return f.Texts[t];
            }
            else if (IsDate(f.Texts[t]))
            {
                return f.Texts[t];
            }
            else if (f.Upos[t] == "NUM" && f.Texts[t].EndsWith('.') && t + 1 < end && Months.Contains(f.Lower[t + 1]) && f.Lower[t + 1] is not ("jahr" or "vorjahr"))
            {
                int stop = t + 2;
                if (stop < end && f.Upos[stop] == "NUM")
                {
                    stop++;
                }

                return Slice(a, t, stop);
            }
        }

        return null;
    }

    // 12.04.2016, 12.4.16, 2016-04-12
    private static bool IsDate(string text)
    {
        // Three runs of one to four digits split by '.' or '-', at most one of them four digits long; no allocation.
        int parts = 0, fourDigit = 0, run = 0;
        foreach (char c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                run++;
                continue;
            }

            if ((c is not ('.' or '-')) || run is < 1 or > 4)
            {
                return false;
            }

            parts++;
            fourDigit += run == 4 ? 1 : 0;
            run = 0;
        }

        if (run is < 1 or > 4)
        {
            return false;
        }

        parts++;
        fourDigit += run == 4 ? 1 : 0;
        return parts == 3 && fourDigit <= 1;
    }

    /// <summary>Weekdays, months and seasons: nouns of time expressions, never part of a name's phrase.</summary>
    public static bool IsTimeWord(string lower) => IsWeekday(lower) || Months.Contains(lower) || lower is "woche" or "tag" or "abend" or "morgen" or "nacht" or "vormittag" or "nachmittag";

    private static bool IsWeekday(string lower)
    {
        if (Weekdays.Contains(lower))
        {
            return true;
        }

        foreach (string day in Weekdays)
        {
            if (lower.StartsWith(day, StringComparison.Ordinal) && lower.Length > day.Length && lower.AsSpan(day.Length) is "abend" or "morgen" or "nachmittag" or "vormittag" or "mittag" or "nacht" or "früh")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The modality of a relation from cue words in its clause and sentence (precedence: negated, possible, reported, planned).</summary>
    public static Modality Modality(ArticleAnalysis a, int trigger, (int Start, int End) clause, bool nominal)
    {
        TokenFeatures f = a.Features;
        (int first, int last) = a.SentenceRange(trigger);
        bool negated = false, possible = false, planned = false, reported = false;
        for (int t = clause.Start; t < clause.End; t++)
        {
            if (a.InQuote[t] && !a.InQuote[trigger])
            {
                continue;
            }

            string lower = f.Lower[t];
            string lemma = f.Lemma[t];
            negated |= lower is "nicht" or "nie" or "niemals" || lemma is "kein" || lower.StartsWith("kein", StringComparison.Ordinal) && f.Upos[t] is "DET" or "PRON";
            possible |= lower is "könnte" or "könnten" or "möglich" or "möglicherweise" or "womöglich" or "eventuell" or "vielleicht" or "dürfte" or "dürften" || lemma is "erwägen";
            planned |= t != trigger && lemma is "sollen" or "wollen" or "planen" or "beabsichtigen" or "vorhaben" or "ankündigen" or "vorsehen" or "vereinbaren"
                || (t != trigger && lower is "geplant" or "geplante" or "geplanten" or "soll" or "sollen" or "will" or "wollen" or "vorgesehen" or "angekündigt")
                || (lower is "werde" or "werden" or "wird" or "werdet" && f.Stts[trigger] is "VVINF" && t != trigger);
        }

        for (int t = first; t < last; t++)
        {
            string lower = f.Lower[t];
            reported |= lower is "zufolge" || (lower is "angaben" or "informationen" or "berichten" && t > first && f.Lower[t - 1] is "nach" or "laut");
            if (nominal)
            {
                negated |= f.Lemma[t] is "absagen" || lower is "abgesagt" or "ausgeschlossen";
                possible |= lower is "möglich" or "möglichen" or "mögliches" or "mögliche";
                planned |= lower is "geplant" or "geplante" or "geplanten" or "geplantes" or "soll" or "sollen";
            }
        }

        return negated ? Extraction.Modality.Negated
            : possible ? Extraction.Modality.Possible
            : reported ? Extraction.Modality.Reported
            : planned ? Extraction.Modality.Planned
            : Extraction.Modality.Asserted;
    }
}
