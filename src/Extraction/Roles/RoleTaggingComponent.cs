using Extraction.Pipeline;

namespace Extraction.Roles;

/// <summary>
/// Adds ROLE entities: every token the <see cref="RoleRecognizer"/> accepts that no statistical entity
/// covers. Modifiers before the role (ehemalige, stellvertretende) and in its prefix (Ex-, Vize-) become
/// attributes (<c>former</c>, <c>deputy</c>, ...); the country or organization a prefix or a nationality
/// adjective names becomes <c>organization</c>. Immutable and thread-safe.
/// </summary>
internal sealed class RoleTaggingComponent : IPipelineComponent
{
    private const int ModifierWindow = 3;
    private readonly GermanLexicons _lexicons;
    private readonly RoleRecognizer _recognizer;

    public RoleTaggingComponent(GermanLexicons lexicons)
    {
        _lexicons = lexicons;
        _recognizer = new RoleRecognizer(lexicons);
    }

    public string Name => "roles (lexicon and compounds)";

    public Annotation Requires => Annotation.Entities | Annotation.PartOfSpeech;

    public Annotation Produces => Annotation.Roles;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        bool[] covered = document.TokensCoveredByEntities();
        var roles = new List<Entity>();
        for (int i = 0; i < document.TokenCount; i++)
        {
            if (covered[i] || document.TokenKinds[i] != TokenKind.Word)
            {
                continue;
            }

            // No part-of-speech filter: unknown capitalised compounds are where taggers err most.
            Token token = document.GetToken(i);
            if (!_recognizer.TryRecognize(token.Span, out RoleMatch match))
            {
                continue;
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (match.PrefixAttribute is not null)
            {
                attributes[match.PrefixAttribute] = "true";
            }

            if (match.PrefixOrganization is not null)
            {
                attributes["organization"] = match.PrefixOrganization;
            }

            ReadModifiers(document, i, attributes);
            string canonical = match.Form.Entry.Inflection == "adjectival" ? AdjectivalGender(document, i, match) : match.Canonical;
            if (IsCouncilBody(document, i, canonical))
            {
                // "Der Gemeinderat beschloss": the council itself, an organization; "Gemeinderat Max Weber" is a member.
                roles.Add(new Entity(token.Text, EntityLabel.Organization, token.Start, token.End, canonical, "r", 0.8));
                continue;
            }

            roles.Add(new Entity(token.Text, EntityLabel.Role, token.Start, token.End, canonical, "r", 1.0, attributes));
        }

        if (roles.Count > 0)
        {
            document.EntityList.AddRange(roles);
            document.EntityList.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    // "der Vorsitzende" is masculine, "die Vorsitzende" feminine, "der Vorsitzenden" a feminine genitive or dative:
    // the article before the role decides; without one the form's own reading stands.
    private static string AdjectivalGender(Document document, int roleToken, RoleMatch match)
    {
        RoleEntry entry = match.Form.Entry;
        if (entry.Feminine is null)
        {
            return match.Canonical;
        }

        string? article = null;
        for (int j = roleToken - 1; j >= Math.Max(0, roleToken - 3); j--)
        {
            if (document.UposArray?[j] == "DET")
            {
                article = document.Text.Substring(document.TokenStarts[j], document.TokenLengths[j]).ToLowerInvariant();
                break;
            }

            if (document.UposArray?[j] is not ("ADJ" or "ADV"))
            {
                break;
            }
        }

        if (article is null)
        {
            return match.Canonical;
        }

        string word = document.Text.Substring(document.TokenStarts[roleToken], document.TokenLengths[roleToken]);
        bool enForm = word.EndsWith("en", StringComparison.Ordinal);
        bool feminine = article switch
        {
            "die" or "eine" or "einer" or "ihre" or "seine" => true,
            "der" => enForm,
            _ => false,
        };
        string baseForm = feminine ? entry.Feminine : entry.Masculine;
        int hyphen = match.Canonical.LastIndexOf('-');
        string prefix = hyphen >= 0 ? match.Canonical[..(hyphen + 1)] : string.Empty;
        string head = hyphen >= 0 ? match.Canonical[(hyphen + 1)..] : match.Canonical;
        string current = match.Form.BaseForm;
        // Keep compound prefixes ("Landes" in "Landesvorsitzender"): swap only the ending of the head.
        string compoundPart = head.Length > current.Length ? head[..(head.Length - current.Length)] : string.Empty;
        string newHead = compoundPart.Length > 0 ? compoundPart + char.ToLowerInvariant(baseForm[0]) + baseForm[1..] : baseForm;
        return prefix + newHead;
    }

    private static bool IsCouncilBody(Document document, int token, string canonical)
    {
        if (!canonical.EndsWith("rat", StringComparison.Ordinal) || canonical.EndsWith("berat", StringComparison.Ordinal))
        {
            return false;
        }

        int next = token + 1;
        return next >= document.TokenCount || !document.EntityList.Exists(e => e.Label == EntityLabel.Person && e.Start == document.TokenStarts[next]);
    }

    // Looks back over adjectives and articles for modifiers and nationality adjectives: "der ehemalige russische Außenminister".
    private void ReadModifiers(Document document, int roleToken, Dictionary<string, string> attributes)
    {
        int sentenceStart = document.SentenceFirstTokens[document.GetSentenceIndexOfToken(roleToken)];
        for (int j = roleToken - 1; j >= Math.Max(sentenceStart, roleToken - ModifierWindow); j--)
        {
            ReadOnlySpan<char> word = document.Text.AsSpan(document.TokenStarts[j], document.TokenLengths[j]);
            string? pos = document.UposArray?[j];
            if (_lexicons.ModifierLookup.TryGetValue(word, out (string Attribute, string Value) modifier))
            {
                attributes.TryAdd(modifier.Attribute, modifier.Value);
                continue;
            }

            if (_lexicons.CountriesByAdjectiveLookup.TryGetValue(word, out Country? country))
            {
                attributes.TryAdd("organization", country.Canonical);
                continue;
            }

            if (pos is not ("ADJ" or "DET" or "ADV" or "NUM"))
            {
                break;
            }
        }
    }
}
