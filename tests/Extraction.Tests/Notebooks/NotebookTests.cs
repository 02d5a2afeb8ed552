using System.Text;
using System.Text.Json;
using Extraction.Tests.Packaging;

namespace Extraction.Tests.Notebooks;

/// <summary>
/// The notebook kernel cannot be installed here, so the sample notebook's C# cells are run as a
/// file-based app (<c>dotnet run app.cs</c>) against the library project: the notebook cannot rot.
/// </summary>
[Collection("Packaging")]
public sealed class NotebookTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extraction-notebook-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    internal static string NotebookToProgram(string notebookJson, string libraryProject)
    {
        using JsonDocument notebook = JsonDocument.Parse(notebookJson);
        var program = new StringBuilder();
        program.AppendLine($"#:project {libraryProject}");
        foreach (JsonElement cell in notebook.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() != "code")
            {
                continue;
            }

            string source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(line => line.GetString()));
            foreach (string line in source.Split('\n'))
            {
                // The notebook references the package; the test references the project it is built from.
                if (!line.TrimStart().StartsWith("#r \"nuget: Extraction", StringComparison.Ordinal))
                {
                    program.AppendLine(line);
                }
            }
        }

        // .NET Interactive's display() renders with the formatter the library declares; here it prints the same HTML.
        program.AppendLine("static void display(object value) => Console.WriteLine(value is Extraction.ExtractionResult r ? r.ToHtml() : value);");
        return program.ToString();
    }

    [Fact]
    public void QuickstartNotebook_CellsRunAsFileBasedApp()
    {
        string root = ProcessRunner.RepositoryRoot();
        string notebook = File.ReadAllText(Path.Combine(root, "samples", "quickstart.ipynb"));
        notebook.Should().Contain("#r \\\"nuget: Extraction");
        string program = NotebookToProgram(notebook, Path.Combine(root, "src", "Extraction", "Extraction.csproj"));
        string app = Path.Combine(_work, "app.cs");
        File.WriteAllText(app, program);

        (int code, string output) = ProcessRunner.Run("dotnet", ["run", "app.cs"], _work, timeoutSeconds: 600);

        code.Should().Be(0, output);
        output.Should().Contain("<div class=\"extraction\">").And.Contain("<mark class=\"PER\"");
        output.Should().Contain("PER   Petra Sommer");
        output.Should().Contain("\"relations\"");
    }
}
