using System.Text.Json;

namespace Extraction.Tests.Packaging;

/// <summary>
/// The library as people meet it: packed into a local feed, referenced by version from a fresh project
/// outside the solution, restored from that feed only, and run.
/// </summary>
[Collection("Packaging")]
public sealed class PackageConsumerTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("extraction-pack-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Version() => typeof(Extractor).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.1.0";

    private Dictionary<string, string> IsolatedNuGet() => new()
    {
        // A package cache of its own, so nothing cached from the source tree or earlier runs is used.
        ["NUGET_PACKAGES"] = Path.Combine(_work, "packages"),
    };

    // The library packs what the solution build made; the tool's platform packages (linux-x64 ReadyToRun and the
    // portable "any") are published by pack itself, since the solution build makes neither.
    private string Pack(string project, string feed, bool build = false)
    {
        string root = ProcessRunner.RepositoryRoot();
        string[] arguments = build
            ? ["pack", Path.Combine(root, project), "-c", "Release", "-o", feed]
            : ["pack", Path.Combine(root, project), "-c", "Release", "--no-build", "-o", feed];
        (int code, string output) = ProcessRunner.Run("dotnet", arguments, root);
        code.Should().Be(0, output);
        return output;
    }

    private void WriteNuGetConfig(string folder, string feed) => File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{feed}" />
          </packageSources>
        </configuration>
        """);

    [Fact]
    public void Package_ReferencedFromFreshProject_ExtractsEntities()
    {
        string feed = Path.Combine(_work, "feed");
        Pack(Path.Combine("src", "Extraction", "Extraction.csproj"), feed);
        File.Exists(Path.Combine(feed, $"Extraction.{Version()}.nupkg")).Should().BeTrue();

        string app = Path.Combine(_work, "consumer");
        Directory.CreateDirectory(app);
        WriteNuGetConfig(app, feed);
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Extraction" Version="{Version()}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Extraction;

            Extractor extractor = Extractor.CreateGerman();
            ExtractionResult result = extractor.Extract("Bundeskanzlerin Petra Sommer traf am Montag in Wien den Präsidenten Jan Novak.");
            Console.WriteLine(result.ToJson());
            """);

        (int code, string output) = ProcessRunner.Run("dotnet", ["run", "-c", "Release"], app, IsolatedNuGet());

        code.Should().Be(0, output);
        string json = output.Split('\n').Single(line => line.StartsWith('{'));
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement[] entities = document.RootElement.GetProperty("entities").EnumerateArray().ToArray();
        entities.Should().Contain(e => e.GetProperty("label").GetString() == "PER" && e.GetProperty("text").GetString() == "Petra Sommer");
        entities.Should().Contain(e => e.GetProperty("label").GetString() == "LOC" && e.GetProperty("text").GetString() == "Wien");
    }

    [Fact]
    public void Tool_InstalledFromLocalFeed_Runs()
    {
        string feed = Path.Combine(_work, "feed");
        Pack(Path.Combine("src", "Extraction.Cli", "Extraction.Cli.csproj"), feed, build: true);
        string tools = Path.Combine(_work, "tools");
        WriteNuGetConfig(_work, feed);

        (int installCode, string installOutput) = ProcessRunner.Run(
            "dotnet", ["tool", "install", "Extraction.Cli", "--tool-path", tools, "--version", Version(), "--configfile", Path.Combine(_work, "nuget.config")], _work, IsolatedNuGet());
        installCode.Should().Be(0, installOutput);

        (int code, string output) = ProcessRunner.Run(Path.Combine(tools, "extraction"), ["info"], _work);
        code.Should().Be(0, output);
        output.Should().Contain("PER, ROLE, LOC, ORG, MISC");
    }
}
