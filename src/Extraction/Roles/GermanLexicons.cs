using System.Collections.Frozen;
using System.Reflection;

namespace Extraction.Roles;

/// <summary>A role (office) of the lexicon, as written in <c>LanguageData/roles-de.tsv</c>.</summary>
internal sealed record RoleEntry(string Masculine, string? Feminine, string Inflection, string Domain, bool CompoundHead);

/// <summary>An inflected role form and what it is: the entry, whether it is feminine and plural.</summary>
internal readonly record struct RoleForm(RoleEntry Entry, bool Feminine, bool Plural)
{
    /// <summary>The nominative singular in the holder's gender (the canonical role name).</summary>
    public string BaseForm => Feminine && Entry.Feminine is not null ? Entry.Feminine : Entry.Masculine;
}

/// <summary>A country with its names, adjectives, capital and seats (<c>LanguageData/countries-de.tsv</c>).</summary>
internal sealed record Country(string Canonical, string[] Aliases, string[] AdjectiveStems, string[] Demonyms, string? Capital, string[] Seats);

/// <summary>
/// The German language data of the roles and linking layers, loaded once from the TSV files embedded in
/// the assembly (sources and licences in LanguageData/README.md). Immutable and thread-safe.
/// </summary>
internal sealed class GermanLexicons
{
    private static readonly Lazy<GermanLexicons> Shared = new(() => Load(typeof(GermanLexicons).Assembly));

    private GermanLexicons(
        FrozenDictionary<string, RoleForm> roleForms,
        FrozenDictionary<string, RoleForm> compoundHeads,
        FrozenDictionary<string, (string Attribute, string Value)> modifiers,
        FrozenDictionary<string, Country> countriesByName,
        FrozenDictionary<string, Country> countriesByAdjective,
        FrozenDictionary<string, Country> countriesByCapitalOrSeat,
        FrozenDictionary<string, (string Canonical, string Type)> prefixes,
        FrozenDictionary<string, string> organizations)
    {
        RoleForms = roleForms;
        CompoundHeads = compoundHeads;
        Modifiers = modifiers;
        CountriesByName = countriesByName;
        CountriesByAdjective = countriesByAdjective;
        CountriesByCapitalOrSeat = countriesByCapitalOrSeat;
        Prefixes = prefixes;
        Organizations = organizations;
        RoleFormLookup = roleForms.GetAlternateLookup<ReadOnlySpan<char>>();
        FusedModifierPrefixes = modifiers.Where(m => char.IsUpper(m.Key[0]) && !AdjectiveEndings.Any(e => m.Key.EndsWith(e, StringComparison.Ordinal) && m.Key.Length > 5))
            .Select(m => (m.Key, m.Value)).ToArray();
        CompoundHeadLookup = compoundHeads.GetAlternateLookup<ReadOnlySpan<char>>();
        ModifierLookup = modifiers.GetAlternateLookup<ReadOnlySpan<char>>();
        CountriesByAdjectiveLookup = countriesByAdjective.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static GermanLexicons Default => Shared.Value;

    /// <summary>Every inflected form of every role (Außenminister, Außenministers, Außenministerin, Vorsitzenden, ...).</summary>
    public FrozenDictionary<string, RoleForm> RoleForms { get; }

    public FrozenDictionary<string, RoleForm>.AlternateLookup<ReadOnlySpan<char>> RoleFormLookup { get; }

    /// <summary>Modifier prefixes that fuse with a role (Vize, Interims, Ex).</summary>
    public (string Prefix, (string Attribute, string Value) Modifier)[] FusedModifierPrefixes { get; }

    /// <summary>Forms of the roles that end compounds, in lower case (minister, chef, präsidentin).</summary>
    public FrozenDictionary<string, RoleForm> CompoundHeads { get; }

    public FrozenDictionary<string, RoleForm>.AlternateLookup<ReadOnlySpan<char>> CompoundHeadLookup { get; }

    /// <summary>Inflected modifier adjectives and prefixes (ehemalige, stellvertretenden, Ex) to their attribute.</summary>
    public FrozenDictionary<string, (string Attribute, string Value)> Modifiers { get; }

    public FrozenDictionary<string, (string Attribute, string Value)>.AlternateLookup<ReadOnlySpan<char>> ModifierLookup { get; }

    public FrozenDictionary<string, Country>.AlternateLookup<ReadOnlySpan<char>> CountriesByAdjectiveLookup { get; }

    /// <summary>Country names and aliases (and their genitive forms) to the country.</summary>
    public FrozenDictionary<string, Country> CountriesByName { get; }

    /// <summary>Inflected nationality adjectives (russische, US-amerikanischen) to the country.</summary>
    public FrozenDictionary<string, Country> CountriesByAdjective { get; }

    /// <summary>Capitals and seats of government (Moskau, Kreml, Weißes Haus) to the country.</summary>
    public FrozenDictionary<string, Country> CountriesByCapitalOrSeat { get; }

    /// <summary>Compound prefixes (US, EU, NATO, SPD) to the country or organization they name.</summary>
    public FrozenDictionary<string, (string Canonical, string Type)> Prefixes { get; }

    /// <summary>Organization names, aliases, inflected forms and acronyms to the canonical name.</summary>
    public FrozenDictionary<string, string> Organizations { get; }

    private static readonly string[] AdjectiveEndings = ["e", "en", "er", "em", "es"];

    internal static GermanLexicons Load(Assembly assembly)
    {
        var roleForms = new Dictionary<string, RoleForm>(StringComparer.Ordinal);
        var heads = new Dictionary<string, RoleForm>(StringComparer.Ordinal);
        foreach (string[] row in ReadTsv(assembly, "roles-de.tsv", 5))
        {
            var entry = new RoleEntry(row[0], row[1] == "-" ? null : row[1], row[2], row[3], row[4] == "yes");
            foreach ((string form, RoleForm info) in Inflect(entry))
            {
                roleForms.TryAdd(form, info);
                if (entry.CompoundHead)
                {
                    heads.TryAdd(form.ToLowerInvariant(), info);
                }
            }
        }

        var modifiers = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (string[] row in ReadTsv(assembly, "role-modifiers-de.tsv", 3))
        {
            if (char.IsUpper(row[0][0]))
            {
                modifiers.TryAdd(row[0], (row[1], row[2])); // prefix: Ex, Vize
                continue;
            }

            foreach (string ending in AdjectiveEndings)
            {
                modifiers.TryAdd(row[0] + ending, (row[1], row[2]));
                modifiers.TryAdd(char.ToUpperInvariant(row[0][0]) + row[0][1..] + ending, (row[1], row[2]));
            }
        }

        var byName = new Dictionary<string, Country>(StringComparer.Ordinal);
        var byAdjective = new Dictionary<string, Country>(StringComparer.Ordinal);
        var byCapital = new Dictionary<string, Country>(StringComparer.Ordinal);
        foreach (string[] row in ReadTsv(assembly, "countries-de.tsv", 7))
        {
            var country = new Country(row[0], Split(row[2]), Split(row[3]), Split(row[4]), row[5] == "-" ? null : row[5], Split(row[6]));
            foreach (string name in country.Aliases.Prepend(country.Canonical))
            {
                byName.TryAdd(name, country);
                if (!name.EndsWith('s') && !name.EndsWith('z'))
                {
                    byName.TryAdd(name + "s", country); // Deutschlands, Russlands
                }
            }

            foreach (string stem in country.AdjectiveStems.Where(s => !s.All(char.IsUpper)))
            {
                // "us-amerikanisch" is written "US-amerikanisch": an acronym before the hyphen keeps its capitals.
                int hyphen = stem.IndexOf('-', StringComparison.Ordinal);
                string written = hyphen is > 0 and <= 3 ? stem[..hyphen].ToUpperInvariant() + stem[hyphen..] : stem;
                foreach (string ending in AdjectiveEndings)
                {
                    byAdjective.TryAdd(written + ending, country);
                    byAdjective.TryAdd(char.ToUpperInvariant(written[0]) + written[1..] + ending, country);
                }
            }

            if (country.Capital is not null)
            {
                byCapital.TryAdd(country.Capital, country);
            }

            foreach (string seat in country.Seats)
            {
                byCapital.TryAdd(seat, country);
            }
        }

        var prefixes = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (string[] row in ReadTsv(assembly, "prefixes-de.tsv", 3))
        {
            prefixes.TryAdd(row[0], (row[1], row[2]));
        }

        var organizations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string[] row in ReadTsv(assembly, "organizations-de.tsv", 3))
        {
            organizations.TryAdd(row[0], row[0]);
            if (row[1] != "-")
            {
                organizations.TryAdd(row[1], row[0]);
            }

            foreach (string alias in Split(row[2]))
            {
                organizations.TryAdd(alias, row[0]);
            }
        }

        return new GermanLexicons(
            roleForms.ToFrozenDictionary(StringComparer.Ordinal),
            heads.ToFrozenDictionary(StringComparer.Ordinal),
            modifiers.ToFrozenDictionary(StringComparer.Ordinal),
            byName.ToFrozenDictionary(StringComparer.Ordinal),
            byAdjective.ToFrozenDictionary(StringComparer.Ordinal),
            byCapital.ToFrozenDictionary(StringComparer.Ordinal),
            prefixes.ToFrozenDictionary(StringComparer.Ordinal),
            organizations.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static string[] Split(string field) => field == "-" ? [] : field.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The inflected forms of a role: case and number endings, feminine forms and gender-inclusive plurals.</summary>
    internal static IEnumerable<(string Form, RoleForm Info)> Inflect(RoleEntry entry)
    {
        string m = entry.Masculine;
        string? f = entry.Feminine;
        switch (entry.Inflection)
        {
            case "adjectival":
                string stem = m.EndsWith("er", StringComparison.Ordinal) ? m[..^2] : m;
                yield return (stem + "er", new RoleForm(entry, false, false));
                yield return (stem + "en", new RoleForm(entry, false, false));
                yield return (stem + "em", new RoleForm(entry, false, false));
                // "die Vorsitzende" is feminine; plural forms share the -en ending.
                yield return (stem + "e", new RoleForm(entry, true, false));
                break;
            case "weak":
                yield return (m, new RoleForm(entry, false, false));
                yield return (m.EndsWith('e') ? m + "n" : m + "en", new RoleForm(entry, false, false));
                break;
            case "invariable":
                yield return (m, new RoleForm(entry, false, false));
                break;
            default:
                yield return (m, new RoleForm(entry, false, false));
                yield return (m + "s", new RoleForm(entry, false, false));
                if (m.EndsWith("er", StringComparison.Ordinal) || m.EndsWith("el", StringComparison.Ordinal))
                {
                    yield return (m + "n", new RoleForm(entry, false, true));
                }
                else if (m.EndsWith("or", StringComparison.Ordinal))
                {
                    yield return (m + "en", new RoleForm(entry, false, true));
                }
                else
                {
                    yield return (m + "e", new RoleForm(entry, false, true));
                    yield return (m + "es", new RoleForm(entry, false, false));
                    yield return (m + "en", new RoleForm(entry, false, true));
                }

                break;
        }

        if (f is not null && entry.Inflection != "adjectival")
        {
            yield return (f, new RoleForm(entry, true, false));
            if (f.EndsWith("in", StringComparison.Ordinal))
            {
                yield return (f + "nen", new RoleForm(entry, true, true));
            }
        }

        // Gender-inclusive forms: Minister*innen, Minister:innen, Minister_innen, MinisterInnen.
        if (f is not null && f.EndsWith("in", StringComparison.Ordinal) && entry.Inflection != "adjectival")
        {
            string root = f[..^2];
            foreach (string mark in new[] { "*", ":", "_", string.Empty })
            {
                string suffix = mark.Length == 0 ? "In" : "in";
                yield return (root + mark + suffix, new RoleForm(entry, true, false));
                yield return (root + mark + suffix + "nen", new RoleForm(entry, true, true));
            }
        }
    }

    private static IEnumerable<string[]> ReadTsv(Assembly assembly, string name, int columns)
    {
        string resource = "Extraction.LanguageData." + name;
        using Stream stream = assembly.GetManifestResourceStream(resource)
            ?? throw new ModelFormatException($"Language data '{resource}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        int lineNumber = 0;
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length != columns || fields.Any(string.IsNullOrEmpty))
            {
                throw new ModelFormatException($"Language data '{resource}', line {lineNumber}: expected {columns} non-empty tab-separated fields.");
            }

            rows.Add(fields);
        }

        return rows;
    }
}
