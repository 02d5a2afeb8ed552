using Extraction;
using Extraction.Training.Evaluation;

// Usage: dotnet run --project benchmarks/Extraction.Evaluation -c Release -- [all | SECTION ...] [--data DIR] [--samples DIR] [--out DIR]
// Prints the accuracy table and writes accuracy.json and accuracy.md to the output folder (benchmarks/results by default).
string root = FindRepositoryRoot();
string data = Path.Combine(root, "..", "shared", "data");
string samples = Path.Combine(root, "benchmarks", "data");
string output = Path.Combine(root, "benchmarks", "results");
var sections = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--data": data = args[++i]; break;
        case "--samples": samples = args[++i]; break;
        case "--out": output = args[++i]; break;
        case "all": break;
        default: sections.Add(args[i]); break;
    }
}

IReadOnlyList<AccuracyRow> rows = AccuracyReport.Run(new EvaluationPaths(data, samples), Extractor.CreateGerman(), sections, Console.Error);
string markdown = AccuracyReport.ToMarkdown(rows);
Console.WriteLine(markdown);
Directory.CreateDirectory(output);
if (sections.Count == 0)
{
    File.WriteAllText(Path.Combine(output, "accuracy.json"), AccuracyReport.ToJson(rows) + "\n");
    File.WriteAllText(Path.Combine(output, "accuracy.md"), "# Accuracy\n\nWritten by `dotnet run --project benchmarks/Extraction.Evaluation -c Release -- all`.\n\n" + markdown);
}

return 0;

static string FindRepositoryRoot()
{
    for (DirectoryInfo? directory = new(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Extraction.sln")))
        {
            return directory.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
