using System.Reflection;
using PublicApiGenerator;

namespace Extraction.Tests.Api;

public class PublicApiTests
{
    // Found from the repository root: deterministic CI builds map source paths, so CallerFilePath is not a real path there.
    private static string SnapshotPath() =>
        Path.Combine(Packaging.ProcessRunner.RepositoryRoot(), "tests", "Extraction.Tests", "Api", "Extraction.approved.txt");

    /// <summary>
    /// The public API is tracked: a change to it fails this test until the snapshot is updated on purpose
    /// (set EXTRACTION_UPDATE_API=1 and run the test once, then review the diff).
    /// </summary>
    [Fact]
    public void PublicApi_MatchesApprovedSnapshot()
    {
        string api = typeof(Extractor).Assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute", "System.Runtime.CompilerServices.InternalsVisibleToAttribute"] });
        string path = SnapshotPath();
        if (Environment.GetEnvironmentVariable("EXTRACTION_UPDATE_API") == "1")
        {
            File.WriteAllText(path, api);
        }

        File.Exists(path).Should().BeTrue("the approved API snapshot is committed");
        api.ReplaceLineEndings().Should().Be(File.ReadAllText(path).ReplaceLineEndings());
    }

    [Fact]
    public void PublicClasses_AreSealedOrStaticAndStateThreadSafety()
    {
        Type[] types = typeof(Extractor).Assembly.GetExportedTypes();
        string xml = File.ReadAllText(Path.ChangeExtension(typeof(Extractor).Assembly.Location, ".xml"));

        foreach (Type type in types.Where(t => t.IsClass && !t.IsSubclassOf(typeof(Exception)) && !t.IsSubclassOf(typeof(Attribute))))
        {
            (type.IsSealed || (type.IsAbstract && type.IsSealed)).Should().BeTrue($"{type.Name} is sealed or static");
        }

        // NodaTime's rule: every public class and struct says in its docs whether it is immutable or thread-safe.
        foreach (Type type in types.Where(t => (t.IsClass || (t.IsValueType && !t.IsEnum)) && !t.IsSubclassOf(typeof(Exception)) && !t.IsNested))
        {
            string member = "T:" + type.FullName;
            int at = xml.IndexOf("<member name=\"" + member + "\">", StringComparison.Ordinal);
            at.Should().BeGreaterThanOrEqualTo(0, $"{type.Name} has XML docs");
            int end = xml.IndexOf("</member>", at, StringComparison.Ordinal);
            string doc = xml[at..end];
            (doc.Contains("thread-safe", StringComparison.OrdinalIgnoreCase) || doc.Contains("immutable", StringComparison.OrdinalIgnoreCase) || doc.Contains("one thread", StringComparison.OrdinalIgnoreCase))
                .Should().BeTrue($"{type.Name} states its thread safety");
        }
    }
}
