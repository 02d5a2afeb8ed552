using System.Globalization;
using Extraction.Pipeline;

namespace Extraction.Roles;

/// <summary>
/// Gives every entity its canonical name and an id shared by all mentions of the same thing in the
/// document, and marks capitals and seats of government with <c>refersTo</c>.
/// Canonical names: organizations and countries from the lexicons (des Internationalen Strafgerichtshofs
/// to Internationaler Strafgerichtshof, der USA to USA), genitive -s of names dropped where the document
/// or the lexicon shows the base form (Trumps to Trump), inflected adjectives in names restored to the
/// nominative from the head noun's gender. Linking: a surname to the full name that ends with it, an
/// acronym in brackets to the long form before it, equal canonical names to each other.
/// Immutable and thread-safe.
/// </summary>
internal sealed class EntityLinkingComponent : IPipelineComponent
{
    private static readonly HashSet<string> LocativePrepositions = new(StringComparer.Ordinal)
    {
        "in", "In", "nach", "Nach", "aus", "Aus", "bei", "Bei", "von", "Von", "vom", "Vom", "über", "Über", "durch", "Durch",
        "zwischen", "Zwischen", "im", "Im", "ins", "nahe", "um", "Um",
    };

    private readonly GermanLexicons _lexicons;

    public EntityLinkingComponent(GermanLexicons lexicons) => _lexicons = lexicons;

    public string Name => "canonical names and linking";

    public Annotation Requires => Annotation.Entities | Annotation.Lemmas;

    public Annotation Produces => Annotation.CanonicalNames;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        List<Entity> entities = document.EntityList;
        if (entities.Count == 0)
        {
            return;
        }

        MakeLabelsConsistent(entities);
        var canonicals = new string[entities.Count];
        var personSurfaces = new HashSet<string>(entities.Where(e => e.Label == EntityLabel.Person).Select(e => e.Text), StringComparer.Ordinal);
        for (int i = 0; i < entities.Count; i++)
        {
            canonicals[i] = Canonicalize(document, entities[i], personSurfaces);
        }

        LinkSurnamesToFullNames(entities, canonicals);
        LinkAcronymsInBrackets(document, entities, canonicals);

        var ids = new Dictionary<(EntityLabel, string), string>();
        for (int i = 0; i < entities.Count; i++)
        {
            Entity entity = entities[i];
            (EntityLabel, string) key = (entity.Label, canonicals[i].ToLowerInvariant());
            if (!ids.TryGetValue(key, out string? id))
            {
                id = "e" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
                ids[key] = id;
            }

            var attributes = new Dictionary<string, string>(entity.Attributes, StringComparer.Ordinal);
            if (RefersTo(document, entity, canonicals[i]) is string country)
            {
                attributes["refersTo"] = country;
            }

            // Seats of government (Kreml, Weißes Haus) are organizations standing for their country.
            EntityLabel label = entity.Label == EntityLabel.Location && _lexicons.CountriesByCapitalOrSeat.TryGetValue(canonicals[i], out Country? seatOf)
                && seatOf.Seats.Contains(canonicals[i], StringComparer.Ordinal) ? EntityLabel.Organization : entity.Label;
            entities[i] = new Entity(entity.Text, label, entity.Start, entity.End, canonicals[i], id, entity.Score, attributes);
        }
    }

    // The tagger decides each mention alone; the document decides together: a one-word mention that is the
    // surname of a person named in full is that person ("mit Selenskyj" tagged LOC), and a country name
    // (also in the genitive, "Kenias") is a place.
    private void MakeLabelsConsistent(List<Entity> entities)
    {
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (Entity entity in entities)
        {
            if (entity.Label == EntityLabel.Person && entity.Text.Contains(' ', StringComparison.Ordinal))
            {
                surnames.Add(entity.Text[(entity.Text.LastIndexOf(' ') + 1)..]);
            }
        }

        for (int i = 0; i < entities.Count; i++)
        {
            Entity entity = entities[i];
            EntityLabel label = entity.Label;
            if (label is EntityLabel.Location or EntityLabel.Organization or EntityLabel.Miscellaneous && !entity.Text.Contains(' ', StringComparison.Ordinal)
                && (surnames.Contains(entity.Text) || (entity.Text.EndsWith('s') && surnames.Contains(entity.Text[..^1]))))
            {
                label = EntityLabel.Person;
            }
            else if (label is EntityLabel.Person or EntityLabel.Miscellaneous && _lexicons.CountriesByName.ContainsKey(entity.Text))
            {
                label = EntityLabel.Location;
            }

            if (label != entity.Label)
            {
                entities[i] = new Entity(entity.Text, label, entity.Start, entity.End, entity.Canonical, entity.Id, entity.Score, entity.Attributes);
            }
        }
    }

    private string Canonicalize(Document document, Entity entity, HashSet<string> personSurfaces)
    {
        string text = entity.Text.Replace('\n', ' ');
        switch (entity.Label)
        {
            case EntityLabel.Role:
                return entity.Canonical;
            case EntityLabel.Person:
                // Genitive of names: "Trumps", "Selenskyjs"; kept when the bare form is not attested ("Klaus").
                // Only after a consonant: "Pistorius", "Guterres", "Kallas" end in -s in the nominative.
                if (text.Length > 3 && text.EndsWith('s') && IsGenitiveStem(text[^2]))
                {
                    string stem = text[..^1];
                    if (personSurfaces.Contains(stem) || personSurfaces.Any(p => p.EndsWith(" " + stem, StringComparison.Ordinal)) || IsGenitivePosition(document, entity))
                    {
                        return stem;
                    }
                }

                return text;
            default:
                if (_lexicons.Organizations.TryGetValue(text, out string? organization))
                {
                    return organization;
                }

                if (_lexicons.CountriesByName.TryGetValue(text, out Country? country))
                {
                    return country.Canonical;
                }

                return NormalizeInflection(document, entity, text);
        }
    }

    private static bool IsGenitiveStem(char beforeS) =>
        char.IsLetter(beforeS) && "aeiouäöüyAEIOUÄÖÜYsxzß".IndexOf(beforeS, StringComparison.Ordinal) < 0;

    // A name right after a noun or role without article ("Sondergesandter Trumps") or right before one ("Trumps Sondergesandter").
    private static bool IsGenitivePosition(Document document, Entity entity)
    {
        int first = document.FindTokenAt(entity.Start);
        int last = document.FindTokenAt(entity.End - 1);
        if (first < 0 || last < 0)
        {
            return false;
        }

        string? before = first > 0 ? document.UposArray?[first - 1] : null;
        string? after = last + 1 < document.TokenCount ? document.UposArray?[last + 1] : null;
        return before == "NOUN" || after == "NOUN";
    }

    // "Europäischen Zentralbank" → "Europäische Zentralbank", "Bundestags" → "Bundestag": the head noun's lemma,
    // and adjectives before it with the nominative ending of the head's gender.
    private static string NormalizeInflection(Document document, Entity entity, string text)
    {
        int first = document.FindTokenAt(entity.Start);
        int last = document.FindTokenAt(entity.End - 1);
        if (first < 0 || last < first || document.LemmaArray is null || last - first > 6)
        {
            return text;
        }

        int head = -1;
        for (int t = last; t >= first; t--)
        {
            if (document.UposArray?[t] is "NOUN" or "PROPN")
            {
                head = t;
                break;
            }
        }

        if (head < 0)
        {
            return text;
        }

        string? morph = document.MorphArray?[head];
        string gender = morph is null ? string.Empty : morph.Contains("Gender=Fem", StringComparison.Ordinal) ? "Fem"
            : morph.Contains("Gender=Masc", StringComparison.Ordinal) ? "Masc" : morph.Contains("Gender=Neut", StringComparison.Ordinal) ? "Neut" : string.Empty;
        bool plural = morph?.Contains("Number=Plur", StringComparison.Ordinal) == true;
        var parts = new List<string>();
        int cursor = entity.Start;
        for (int t = first; t <= last; t++)
        {
            int start = document.TokenStarts[t];
            string word = document.Text.Substring(start, document.TokenLengths[t]);
            string replacement = word;
            if (t == head && !plural && document.LemmaArray[t] is string lemma && lemma.Length > 0 && char.IsUpper(lemma[0])
                && word.StartsWith(lemma, StringComparison.Ordinal) && word.Length - lemma.Length <= 2)
            {
                replacement = lemma;
            }
            else if (t < head && !plural && document.UposArray?[t] == "ADJ" && char.IsUpper(word[0]) && gender.Length > 0)
            {
                string stem = word.EndsWith("en", StringComparison.Ordinal) || word.EndsWith("em", StringComparison.Ordinal) || word.EndsWith("es", StringComparison.Ordinal) || word.EndsWith("er", StringComparison.Ordinal) ? word[..^2]
                    : word.EndsWith('e') ? word[..^1] : word;
                // Canonical names stand without article, so adjectives take the strong ending: Internationaler, Weißes.
                replacement = stem + (gender == "Masc" ? "er" : gender == "Fem" ? "e" : "es");
            }

            parts.Add(document.Text[cursor..start] + replacement);
            cursor = start + word.Length;
        }

        return string.Concat(parts).Replace('\n', ' ');
    }

    // "Selenskyj" → "Wolodymyr Selenskyj" when the document names him fully.
    private static void LinkSurnamesToFullNames(List<Entity> entities, string[] canonicals)
    {
        var fullNames = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < entities.Count; i++)
        {
            if (entities[i].Label == EntityLabel.Person && canonicals[i].Contains(' ', StringComparison.Ordinal))
            {
                string surname = canonicals[i][(canonicals[i].LastIndexOf(' ') + 1)..];
                fullNames.TryAdd(surname, canonicals[i]);
            }
        }

        for (int i = 0; i < entities.Count; i++)
        {
            if (entities[i].Label == EntityLabel.Person && !canonicals[i].Contains(' ', StringComparison.Ordinal) && fullNames.TryGetValue(canonicals[i], out string? full))
            {
                canonicals[i] = full;
            }
        }
    }

    // "Internationaler Strafgerichtshof (IStGH)": the acronym takes the long form's canonical name. The pairs are
    // collected first and applied in one pass (the first long form given for an acronym wins), so a document
    // that repeats "long form (ACRONYM)" thousands of times stays linear.
    private static void LinkAcronymsInBrackets(Document document, List<Entity> entities, string[] canonicals)
    {
        Dictionary<(EntityLabel, string), string>? longForms = null;
        for (int i = 1; i < entities.Count; i++)
        {
            Entity acronym = entities[i];
            Entity longForm = entities[i - 1];
            if (acronym.Label != longForm.Label || acronym.Text.Length > 8 || !acronym.Text.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '-'))
            {
                continue;
            }

            ReadOnlySpan<char> between = document.Text.AsSpan(longForm.End, Math.Max(0, acronym.Start - longForm.End)).Trim();
            if (between.SequenceEqual("(") && acronym.End < document.Text.Length && document.Text[acronym.End] == ')')
            {
                longForms ??= [];
                longForms.TryAdd((acronym.Label, canonicals[i]), canonicals[i - 1]);
            }
        }

        if (longForms is null)
        {
            return;
        }

        Pipeline.WorkMeter.Add(entities.Count);
        for (int j = 0; j < entities.Count; j++)
        {
            if (longForms.TryGetValue((entities[j].Label, canonicals[j]), out string? longCanonical))
            {
                canonicals[j] = longCanonical;
            }
        }
    }

    // Seats of government always stand for their country; capitals only where they act (not after in, nach, aus ...).
    private string? RefersTo(Document document, Entity entity, string canonical)
    {
        if (entity.Label is not (EntityLabel.Location or EntityLabel.Organization) || !_lexicons.CountriesByCapitalOrSeat.TryGetValue(canonical, out Country? country))
        {
            return null;
        }

        if (country.Seats.Contains(canonical, StringComparer.Ordinal))
        {
            return country.Canonical;
        }

        int first = document.FindTokenAt(entity.Start);
        if (first > 0)
        {
            string previous = document.Text.Substring(document.TokenStarts[first - 1], document.TokenLengths[first - 1]);
            if (LocativePrepositions.Contains(previous) || document.UposArray?[first - 1] == "ADP")
            {
                return null;
            }
        }

        // A dateline place ("KIEW / LONDON (dpa)") is where the report comes from, not a government.
        return first == 0 || (document.TokenFlagsArray[first] & TokenFlags.SentenceStart) != 0 && entity.Text.All(c => !char.IsLower(c)) ? null : country.Canonical;
    }
}
