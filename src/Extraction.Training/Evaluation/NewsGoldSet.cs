using System.Globalization;
using System.Text;
using System.Text.Json;
using Extraction.Serialization;

namespace Extraction.Training.Evaluation;

/// <summary>
/// Reads the real-news gold set (<c>benchmarks/data/news-*.jsonl</c>): annotations that name an article of
/// <c>../shared/data/news-de/</c> by id and point into its text by UTF-16 offsets, since the licence forbids
/// copying the texts into the repository. The text is read from the corpus, and every surface form is
/// checked against it: the article's CRC-32, each entity's text, each trigger's first word and each
/// free-text argument's CRC-32 (format in <c>benchmarks/data/GUIDELINES.md</c>, "Real news").
/// </summary>
public static class NewsGoldSet
{
    /// <summary>The corpus file, relative to the shared data folder.</summary>
    public const string CorpusFile = "news-de/derstandard-10kgnad.jsonl";

    /// <summary>The gold files of the real-news set, in <c>benchmarks/data/</c>.</summary>
    public static readonly IReadOnlyList<string> Splits = ["news-dev", "news-test"];

    /// <summary>Reads the corpus texts by article id.</summary>
    /// <exception cref="FileNotFoundException">The corpus file is missing.</exception>
    public static IReadOnlyDictionary<string, (string Category, string Text)> ReadCorpus(string sharedData)
    {
        string path = Path.Combine(sharedData, CorpusFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The real-news corpus is missing: '{Path.GetFullPath(path)}'. The real-news gold refers to its texts by id; get ../shared/data/ (see README, 'Data and licences').", path);
        }

        var texts = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            texts[root.GetProperty("id").GetString()!] = (root.GetProperty("category").GetString()!, root.GetProperty("text").GetString()!);
        }

        return texts;
    }

    /// <summary>
    /// Reads one gold file against the corpus. Lines whose annotations do not match the text are
    /// reported in <paramref name="problems"/> (file, line and what differs) and left out; nothing is thrown.
    /// </summary>
    public static IReadOnlyList<SampleArticle> Load(string path, IReadOnlyDictionary<string, (string Category, string Text)> corpus, List<string> problems)
    {
        var articles = new List<SampleArticle>();
        int lineNumber = 0;
        string file = Path.GetFileName(path);
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var lineProblems = new List<string>();
            try
            {
                SampleArticle? article = Parse(line, lineNumber, corpus, lineProblems);
                if (article is not null && lineProblems.Count == 0)
                {
                    articles.Add(article);
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                lineProblems.Add(e.Message);
            }

            problems.AddRange(lineProblems.Select(p => $"{file}:{lineNumber}: {p}"));
        }

        return articles;
    }

    /// <summary>Reads a gold file and throws when any annotation does not match the corpus text.</summary>
    /// <exception cref="InvalidDataException">A line does not parse or a surface form differs from the text at its offsets.</exception>
    public static IReadOnlyList<SampleArticle> LoadOrThrow(string path, IReadOnlyDictionary<string, (string Category, string Text)> corpus)
    {
        var problems = new List<string>();
        IReadOnlyList<SampleArticle> articles = Load(path, corpus, problems);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{problems.Count} problem(s) in '{path}' against the real-news corpus; first: " + string.Join("; ", problems.Take(5)));
        }

        return articles;
    }

    /// <summary>The CRC-32 of a string's UTF-8 bytes as eight lower-case hex digits (the gold's <c>textCrc</c> and <c>crc</c>).</summary>
    public static string Checksum(string text) => Crc32.Compute(Encoding.UTF8.GetBytes(text)).ToString("x8", CultureInfo.InvariantCulture);

    private static SampleArticle? Parse(string line, int lineNumber, IReadOnlyDictionary<string, (string Category, string Text)> corpus, List<string> problems)
    {
        using JsonDocument json = JsonDocument.Parse(line);
        JsonElement root = json.RootElement;
        string id = root.GetProperty("id").GetString()!;
        if (!corpus.TryGetValue(id, out (string Category, string Text) source))
        {
            problems.Add($"{id}: no article with this id in {CorpusFile}");
            return null;
        }

        string text = source.Text;
        string expected = root.GetProperty("textCrc").GetString()!;
        if (Checksum(text) != expected)
        {
            problems.Add($"{id}: the corpus text has CRC-32 {Checksum(text)}, the gold was written for {expected}");
            return null;
        }

        var entities = new List<GoldEntity>();
        foreach (JsonElement e in root.GetProperty("entities").EnumerateArray())
        {
            int start = e.GetProperty("start").GetInt32();
            int end = e.GetProperty("end").GetInt32();
            string surface = e.GetProperty("text").GetString()!;
            if (!SpanMatches(text, start, end, surface))
            {
                problems.Add($"{id}: entity '{surface}' does not match the text at [{start},{end})");
                continue;
            }

            entities.Add(new GoldEntity(
                start,
                end,
                e.GetProperty("label").GetString()!,
                surface,
                e.GetProperty("canonical").GetString()!,
                e.TryGetProperty("refersTo", out JsonElement refersTo) ? refersTo.GetString() : null,
                Boilerplate: false));
        }

        var relations = new List<GoldRelation>();
        foreach (JsonElement r in root.GetProperty("relations").EnumerateArray())
        {
            string type = r.GetProperty("type").GetString()!;
            var arguments = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            bool listValued = false;
            foreach (JsonProperty argument in r.GetProperty("arguments").EnumerateObject())
            {
                switch (argument.Value.ValueKind)
                {
                    case JsonValueKind.Array:
                        listValued = true;
                        arguments[argument.Name] = argument.Value.EnumerateArray().Select(v => v.GetString()!).ToArray();
                        break;
                    case JsonValueKind.Object:
                        // A free-text argument: a span of the text with the CRC-32 of its words.
                        int start = argument.Value.GetProperty("start").GetInt32();
                        int end = argument.Value.GetProperty("end").GetInt32();
                        string crc = argument.Value.GetProperty("crc").GetString()!;
                        if (start < 0 || end > text.Length || start >= end || Checksum(text[start..end]) != crc)
                        {
                            problems.Add($"{id}: {type}.{argument.Name} at [{start},{end}) does not match its CRC-32 {crc}");
                            continue;
                        }

                        arguments[argument.Name] = [text[start..end]];
                        break;
                    default:
                        arguments[argument.Name] = [argument.Value.GetString()!];
                        break;
                }
            }

            string? trigger = null;
            int? triggerStart = null;
            if (r.TryGetProperty("trigger", out JsonElement triggerElement))
            {
                int start = triggerElement.GetProperty("start").GetInt32();
                int end = triggerElement.GetProperty("end").GetInt32();
                trigger = triggerElement.GetProperty("text").GetString()!;
                string firstWord = trigger.Split(" ... ")[0];
                if (!SpanMatches(text, start, end, firstWord))
                {
                    problems.Add($"{id}: {type} trigger '{firstWord}' does not match the text at [{start},{end})");
                }

                triggerStart = start;
            }

            relations.Add(new GoldRelation(
                type,
                arguments,
                listValued,
                trigger,
                r.TryGetProperty("modality", out JsonElement modality) ? modality.GetString()! : "asserted",
                r.TryGetProperty("former", out JsonElement former) && former.ValueKind == JsonValueKind.True,
                triggerStart));
        }

        return new SampleArticle(id, source.Category, text, entities, relations, lineNumber);
    }

    private static bool SpanMatches(string text, int start, int end, string surface) =>
        start >= 0 && end <= text.Length && start < end && text.AsSpan(start, end - start).SequenceEqual(surface);
}
