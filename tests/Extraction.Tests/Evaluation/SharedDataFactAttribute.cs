namespace Extraction.Tests.Evaluation;

/// <summary>
/// A test that needs the shared data folder (<c>../shared/data/</c> beside the repository). Without the
/// folder it is reported as skipped with the reason on a user's machine, never as passed; under CI
/// (<c>CI=true</c>) it runs and fails with a clear message instead, since CI always has the data.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (SharedData.Find(relativePath) is null && !SharedData.RunningInCi)
        {
            Skip = $"needs ../shared/data/{relativePath}, which is not on this machine (CI=true makes a missing data folder a failure)";
        }
    }
}

/// <summary>Finds the shared data folder from the test's output folder upwards.</summary>
public static class SharedData
{
    public static bool RunningInCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The shared data folder that holds <paramref name="relativePath"/>, or null.</summary>
    public static string? Find(string relativePath)
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "shared", "data");
            if (Path.Exists(Path.Combine(candidate, relativePath)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The shared data folder, or a failure that says what is missing and where it was looked for.</summary>
    public static string Require(string relativePath) =>
        Find(relativePath) ?? throw new Xunit.Sdk.XunitException(
            $"The shared data folder with '{relativePath}' was not found above '{AppContext.BaseDirectory}' (expected at ../shared/data/ beside the repository); under CI=true this is a failure.");
}
