using System.Collections.Frozen;
using Extraction.Tokenization;

namespace Extraction.Roles;

/// <summary>A token recognised as a role: its canonical name and what its prefix says.</summary>
internal readonly record struct RoleMatch(RoleForm Form, string Canonical, string? PrefixOrganization, string? PrefixAttribute);

/// <summary>
/// Decides whether a token names a role: a lexicon form (Außenminister, des Sondergesandten), a
/// compound whose head is a role (Verteidigungsministers, Bahnchef, Chefunterhändler), or a hyphenated
/// compound whose last part is one (US-Außenminister, NATO-Verteidigungschefs, Ex-Kanzler); the prefix
/// then names the country or organization, or a modifier (Ex, Vize). Thread-safe.
/// </summary>
internal sealed class RoleRecognizer
{
    // Compounds that end in a role word but are things, not offices.
    private static readonly FrozenSet<string> NotRoles = FrozenSet.ToFrozenSet(
    [
        "Lautsprecher", "Halbleiter", "Blitzableiter", "Crosstrainer", "Wärmeleiter", "Stromleiter", "Supraleiter",
        "Lautsprechern", "Halbleitern", "Lautsprechers", "Halbleiters", "Brandstifter", "Gastgeber", "Arbeitgeber",
        "Geldgeber", "Auftraggeber", "Ratgeber", "Herausgeber", "Impulsgeber", "Taktgeber", "Arbeitnehmer",
    ], StringComparer.Ordinal);

    private readonly GermanLexicons _lexicons;

    public RoleRecognizer(GermanLexicons lexicons) => _lexicons = lexicons;

    public bool TryRecognize(ReadOnlySpan<char> token, out RoleMatch match)
    {
        match = default;
        int lastHyphen = token.LastIndexOfAny('-', '\u2010', '\u2011');
        if (token.Length < 3 || !CharClasses.IsUpper(token[lastHyphen > 0 && lastHyphen < token.Length - 1 ? lastHyphen + 1 : 0]))
        {
            return false; // the role word itself is a capitalised noun; a prefix may be lower case ("vzbv-Vorständin")
        }

        if (lastHyphen > 0 && lastHyphen < token.Length - 1)
        {
            ReadOnlySpan<char> head = token[(lastHyphen + 1)..];
            if (!TryRecognizeWord(head, out RoleForm form, out string headCanonical))
            {
                return false;
            }

            string? organization = null;
            string? attribute = null;
            foreach (Range part in token[..lastHyphen].Split('-'))
            {
                string prefix = token[..lastHyphen][part].ToString();
                if (_lexicons.Modifiers.TryGetValue(prefix, out (string Attribute, string Value) modifier))
                {
                    attribute = modifier.Attribute;
                }
                else if (_lexicons.Prefixes.TryGetValue(prefix, out (string Canonical, string Type) named))
                {
                    organization = named.Canonical;
                }
                else if (_lexicons.CountriesByName.TryGetValue(prefix, out Country? country))
                {
                    organization = country.Canonical;
                }
            }

            match = new RoleMatch(form, token[..(lastHyphen + 1)].ToString() + headCanonical, organization, attribute);
            return true;
        }

        if (NotRoles.Contains(token.ToString()))
        {
            return false;
        }

        if (TryRecognizeWord(token, out RoleForm wordForm, out string canonical))
        {
            match = new RoleMatch(wordForm, canonical, null, null);
            return true;
        }

        // Fused modifier prefixes: "Vizepremier", "Interimstrainer", "Ex-" without hyphen is rare.
        Span<char> buffer = stackalloc char[Math.Min(token.Length, 64)];
        foreach ((string prefix, (string Attribute, string Value) modifier) in _lexicons.FusedModifierPrefixes)
        {
            if (token.Length > prefix.Length + 2 && token.Length - prefix.Length <= buffer.Length && token.StartsWith(prefix, StringComparison.Ordinal))
            {
                Span<char> rest = buffer[..(token.Length - prefix.Length)];
                token[prefix.Length..].CopyTo(rest);
                rest[0] = char.ToUpperInvariant(rest[0]);
                if (_lexicons.RoleFormLookup.TryGetValue(rest, out RoleForm restForm))
                {
                    string baseForm = restForm.BaseForm;
                    match = new RoleMatch(restForm, prefix + char.ToLowerInvariant(baseForm[0]) + baseForm[1..], null, modifier.Attribute);
                    return true;
                }
            }
        }

        return false;
    }

    // A word without hyphen: a lexicon form, or a compound whose longest role head is at least three letters in.
    private bool TryRecognizeWord(ReadOnlySpan<char> word, out RoleForm form, out string canonical)
    {
        if (_lexicons.RoleFormLookup.TryGetValue(word, out form))
        {
            canonical = form.BaseForm;
            return true;
        }

        canonical = string.Empty;
        if (word.Length < 6 || word.Length > 64)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        for (int split = 3; split <= word.Length - 3; split++)
        {
            if (_lexicons.CompoundHeadLookup.TryGetValue(lower[split..], out form))
            {
                string baseForm = form.BaseForm;
                canonical = string.Concat(word[..split], char.ToLowerInvariant(baseForm[0]).ToString(), baseForm.AsSpan(1));
                return true;
            }
        }

        return false;
    }
}
