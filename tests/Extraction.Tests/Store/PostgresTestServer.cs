using Npgsql;

namespace Extraction.Tests.Store;

/// <summary>
/// A test against the real PostgreSQL server named by <c>EXTRACTION_TEST_POSTGRES</c> (an Npgsql connection string;
/// <c>./test.sh</c> starts a throw-away server and sets it). Without it the test is skipped with the reason on a
/// user's machine; under CI (<c>CI=true</c>) it runs and fails with a clear message instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresTestServer.SkipReason(PostgresTestServer.ConfiguredConnectionString, PostgresTestServer.RunningInCi);
}

/// <inheritdoc cref="PostgresFactAttribute"/>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = PostgresTestServer.SkipReason(PostgresTestServer.ConfiguredConnectionString, PostgresTestServer.RunningInCi);
}

/// <summary>One fresh schema on the test server per test, dropped afterwards; stores opened on it see only their own tables.</summary>
public sealed class PostgresTestServer : IDisposable
{
    public const string Variable = "EXTRACTION_TEST_POSTGRES";

    public PostgresTestServer()
    {
        string admin = ConfiguredConnectionString ?? throw new Xunit.Sdk.XunitException(
            $"CI=true but no PostgreSQL server is configured: set {Variable} to an Npgsql connection string (./test.sh starts one as root from Debian's postgresql package).");
        Schema = "t_" + Guid.NewGuid().ToString("N");
        Admin = admin;
        Execute($"CREATE SCHEMA {Schema}");
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = Schema }.ConnectionString;
    }

    public static string? ConfiguredConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool RunningInCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a PostgreSQL test is skipped, or null when it runs (a server is configured, or CI demands it).</summary>
    public static string? SkipReason(string? connectionString, bool runningInCi) =>
        connectionString is null && !runningInCi
            ? $"needs a PostgreSQL server: set {Variable} (./test.sh starts one when run as root); CI=true makes a missing server a failure"
            : null;

    /// <summary>The server's connection string with the search path set to this test's schema.</summary>
    public string ConnectionString { get; }

    public string Admin { get; }

    public string Schema { get; }

    public NpgsqlConnectionStringBuilder Builder => new(ConnectionString);

    /// <summary>Runs SQL in this test's schema and returns the first column of the first row as text.</summary>
    public string? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try
        {
            Execute($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
        }
        catch (NpgsqlException)
        {
            // The server went away; its temporary folder is removed by test.sh.
        }
    }
}
