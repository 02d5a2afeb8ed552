#:package Microsoft.Data.Sqlite@11.0.0
#:package DuckDB.NET.Data.Full@1.5.6.1
#:property PublishAot=false
#:property ManagePackageVersionsCentrally=false
using System.Data.Common;
using System.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

// Which embedded engine for the news store (ARCHITECTURE.md, "Store"): SQLite or DuckDB, on the store's own
// pattern: documents written in batches of 64 per transaction with parameterized inserts (~25 mention rows and
// ~4 fact rows per document), then a point query by name and period, and a group-by over meeting pairs.
// Usage: dotnet run -c Release benchmarks/store/EngineChoice.cs [DOCUMENTS]   (default 20000; synthetic rows,
// no article text). Writes its files under the system temp folder.
int Documents = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
string folder = Directory.CreateTempSubdirectory("engine-choice-").FullName;
foreach (string engine in new[] { "sqlite", "duckdb" })
{
    string path = Path.Combine(folder, engine + ".db");
    using DbConnection c = engine == "sqlite" ? new SqliteConnection($"Data Source={path}") : new DuckDBConnection($"Data Source={path}");
    c.Open();
    void Exec(string sql) { using var cmd = c.CreateCommand(); cmd.CommandText = sql; cmd.ExecuteNonQuery(); }
    if (engine == "sqlite") { Exec("PRAGMA journal_mode=WAL"); Exec("PRAGMA synchronous=NORMAL"); }
    Exec("CREATE TABLE mentions(document_id VARCHAR, entity_id VARCHAR, name VARCHAR, start_ INTEGER, end_ INTEGER)");
    Exec("CREATE TABLE facts(id BIGINT PRIMARY KEY, document_id VARCHAR, type VARCHAR, a VARCHAR, b VARCHAR, date_ VARCHAR)");
    Exec("CREATE INDEX m_entity ON mentions(entity_id)");
    Exec("CREATE INDEX f_a ON facts(a)");
    var sw = Stopwatch.StartNew();
    long factId = 0;
    var rnd = new Random(7);
    for (int batch = 0; batch < Documents / 64; batch++)
    {
        using DbTransaction tx = c.BeginTransaction();
        using var m = c.CreateCommand(); m.Transaction = tx;
        m.CommandText = "INSERT INTO mentions VALUES ($d, $e, $n, $s, $t)";
        foreach (string p in new[] { "d", "e", "n", "s", "t" }) { var prm = m.CreateParameter(); prm.ParameterName = p; m.Parameters.Add(prm); }
        using var fc = c.CreateCommand(); fc.Transaction = tx;
        fc.CommandText = "INSERT INTO facts VALUES ($i, $d, $ty, $a, $b, $dt)";
        foreach (string p in new[] { "i", "d", "ty", "a", "b", "dt" }) { var prm = fc.CreateParameter(); prm.ParameterName = p; fc.Parameters.Add(prm); }
        for (int k = 0; k < 64; k++)
        {
            string doc = $"doc-{batch}-{k}";
            for (int j = 0; j < 25; j++)
            {
                m.Parameters[0].Value = doc; m.Parameters[1].Value = "per-" + rnd.Next(9000); m.Parameters[2].Value = "Name " + j; m.Parameters[3].Value = j * 10; m.Parameters[4].Value = j * 10 + 5;
                m.ExecuteNonQuery();
            }
            for (int j = 0; j < 4; j++)
            {
                fc.Parameters[0].Value = ++factId; fc.Parameters[1].Value = doc; fc.Parameters[2].Value = j == 0 ? "Meeting" : "Statement";
                fc.Parameters[3].Value = "per-" + rnd.Next(9000); fc.Parameters[4].Value = "per-" + rnd.Next(9000); fc.Parameters[5].Value = $"2015-{1 + rnd.Next(12):00}-{1 + rnd.Next(28):00}";
                fc.ExecuteNonQuery();
            }
        }
        tx.Commit();
    }
    double write = sw.Elapsed.TotalSeconds;
    double Time(string sql) { var t = Stopwatch.StartNew(); for (int i = 0; i < 20; i++) { using var cmd = c.CreateCommand(); cmd.CommandText = sql; using var r = cmd.ExecuteReader(); while (r.Read()) { } } return t.Elapsed.TotalMilliseconds / 20; }
    double point = Time("SELECT * FROM facts WHERE a = 'per-42' AND date_ >= '2015-03-01' AND date_ <= '2015-08-31'");
    double pairs = Time("SELECT a, b, count(*) n FROM facts WHERE type = 'Meeting' GROUP BY a, b ORDER BY n DESC LIMIT 20");
    c.Close();
    long size = Directory.GetFiles(folder, engine + ".db*").Sum(f => new FileInfo(f).Length);
    Console.WriteLine(FormattableString.Invariant($"{engine}: write {Documents} documents ({Documents * 29} rows, batches of 64) {write:F2} s = {Documents / write:F0} documents/s; point query {point:F2} ms; pair group-by {pairs:F2} ms; file {size / 1048576.0:F1} MiB"));
}

Directory.Delete(folder, recursive: true);
