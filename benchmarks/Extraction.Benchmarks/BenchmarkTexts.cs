using Extraction.Tokenization;

namespace Extraction.Benchmarks;

/// <summary>Inputs of three sizes, built from the team's sample article, and their token counts.</summary>
public static class BenchmarkTexts
{
    private static readonly Lazy<string> Article = new(() => File.ReadAllText(FindSample()));

    public static string Get(string size) => size switch
    {
        "short" => Article.Value[..Article.Value.IndexOf('.', StringComparison.Ordinal)] + ".",
        "article" => Article.Value,
        "long" => string.Join("\n\n", Enumerable.Repeat(Article.Value, 100)),
        "samples" => string.Join("\n\n", SampleArticles()),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Use short, article or long."),
    };

    /// <summary>The 80 articles of the team's annotated sample set (benchmarks/data/dev.jsonl and test.jsonl).</summary>
    public static string[] SampleArticles()
    {
        string folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(FindSample())!)!, "benchmarks", "data");
        return new[] { "dev.jsonl", "test.jsonl" }
            .SelectMany(name => File.ReadLines(Path.Combine(folder, name)))
            .Where(line => line.Length > 0)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)
            .ToArray();
    }

    public static int CountTokens(string size) => GermanTokenizer.Tokenize(Get(size), CancellationToken.None).TokenCount;

    private static string FindSample()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "samples", "article-de.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/article-de.txt not found above " + AppContext.BaseDirectory);
    }
}
