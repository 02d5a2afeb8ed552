using Extraction.Store;
using Extraction.Tests.Cli;
using Npgsql;

namespace Extraction.Tests.Store;

/// <summary>The PostgreSQL backend against a real server (see <see cref="PostgresTestServer"/>), and its parity with SQLite.</summary>
public sealed class PostgresStoreTests : StoreTestBase, IDisposable
{
    private const string WrongPassword = "Falsches-Passwort-4711";
    private readonly Lazy<PostgresTestServer> _server = new(() => new PostgresTestServer());

    private PostgresTestServer Server => _server.Value;

    private NewsStore CreateStore()
    {
        NewsStore store = NewsStore.Open(Server.ConnectionString);
        store.AddContents(Corpus());
        return store;
    }

    void IDisposable.Dispose()
    {
        if (_server.IsValueCreated)
        {
            _server.Value.Dispose();
        }

        Dispose();
    }

    [Fact]
    public void SkipReason_NoServerOutsideCi_SkipsButUnderCiRuns()
    {
        PostgresTestServer.SkipReason(null, runningInCi: false).Should().Contain(PostgresTestServer.Variable);
        PostgresTestServer.SkipReason(null, runningInCi: true).Should().BeNull("under CI=true a missing server is a failure, not a skip");
        PostgresTestServer.SkipReason("Host=127.0.0.1", runningInCi: false).Should().BeNull();
    }

    [PostgresFact]
    public void Open_EmptySchema_CreatesTablesAndViews()
    {
        using (NewsStore store = NewsStore.Open(Server.ConnectionString))
        {
            store.CountDocuments().Should().Be(0);
            store.Path.Should().StartWith("postgres://").And.NotContain(Server.Builder.Password!);
        }

        Server.Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'").Should().Be("7");
        Server.Scalar("SELECT count(*) FROM information_schema.views WHERE table_schema = current_schema() AND table_name IN ('meetings', 'statements', 'holds_role', 'entity_facts', 'meeting_participants', 'entity_aliases')").Should().Be("6");
        Server.Scalar("SELECT value FROM store_info WHERE key = 'schema_version'").Should().Be("1");
    }

    [PostgresFact]
    public void AddContents_SameDocumentsTwice_SecondTimeUnchanged()
    {
        using NewsStore store = CreateStore();

        IReadOnlyList<AddOutcome> again = store.AddContents(Corpus());

        again.Should().AllBeEquivalentTo(AddOutcome.Unchanged);
        store.CountDocuments().Should().Be(4);
        store.CountFacts().Should().Be(7);
        store.Contains(Corpus()[0].Document).Should().BeTrue();
        store.Contains(Corpus()[0].Document with { Title = "Neu" }).Should().BeFalse("the title is part of the content hash");
    }

    [PostgresFact]
    public void AddContents_ChangedText_ReplacesTheDocumentsFactsAndDropsOrphanEntities()
    {
        using NewsStore store = CreateStore();
        var changed = new ArticleBuilder("Berger schwieg am Dienstag in Salzburg.")
            .Mention("Berger", EntityLabel.Person, "Berger", "e1")
            .Mention("Salzburg", EntityLabel.Location, "Salzburg", "e2")
            .Build("art-3", "2024-06-02");

        store.AddContents([changed]).Should().Equal(AddOutcome.Replaced);

        store.CountDocuments().Should().Be(4);
        store.QueryFacts(new FactQuery { Place = "Graz" }).Should().BeEmpty();
        store.FindEntities("Graz").Should().BeEmpty("no document mentions Graz any more");
        store.FindEntities("Salzburg").Should().ContainSingle();
        Server.Scalar("SELECT count(*) FROM mentions WHERE document_id = 'art-3'").Should().Be("2");
        store.Remove("art-3").Should().BeTrue();
        store.FindEntities("Salzburg").Should().BeEmpty();
    }

    [PostgresFact]
    public void Queries_SameCorpusInSqliteAndPostgres_GiveTheSameResultsAndIds()
    {
        using NewsStore postgres = NewsStore.Open(Server.ConnectionString);
        postgres.AddContents(Corpus().Reverse().ToList());
        using NewsStore sqlite = NewsStore.Open(DbPath());
        sqlite.AddContents(Corpus());

        FactQuery[] queries =
        [
            new(),
            new() { Type = "meeting", Participant = "Paul Novak", From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 12, 31) },
            new() { Place = "wien" },
            new() { Entity = "Novak", Type = "Meeting" },
            new() { Type = "Meeting", Limit = 1 },
            new() { Limit = 0 },
        ];
        foreach (FactQuery query in queries)
        {
            postgres.QueryFacts(query).Should().BeEquivalentTo(sqlite.QueryFacts(query), o => o.WithStrictOrdering(), query.ToString());
        }

        postgres.QueryFacts().Should().HaveCount(7);
        postgres.TopPairs().Should().Equal(sqlite.TopPairs());
        postgres.TopPairs(limit: 1, from: new DateOnly(2024, 4, 1)).Should().Equal(sqlite.TopPairs(limit: 1, from: new DateOnly(2024, 4, 1)));
        postgres.Timeline("Karin Berger").Should().BeEquivalentTo(sqlite.Timeline("Karin Berger"), o => o.WithStrictOrdering());
        foreach (string name in new[] { "Karin Berger", "Berger", "Paul Novak", "Stefan Berger", "Wien", "Novak" })
        {
            postgres.FindEntities(name).Should().BeEquivalentTo(sqlite.FindEntities(name), o => o.WithStrictOrdering(), name);
        }

        postgres.FindEntities("Karin Berger").Single().Id.Should().Be(EntityKeys.EntityId(EntityLabel.Person, "karin berger"));
        postgres.FindEntities("Berger").Should().HaveCount(2, "the surname alone in another article stays its own entity");
    }

    [PostgresFact]
    public void Views_OverTheCorpus_GiveMeetingsStatementsOfficesAndEntityFacts()
    {
        using (NewsStore store = CreateStore())
        {
        }

        string karin = EntityKeys.EntityId(EntityLabel.Person, "karin berger");
        Server.Scalar("SELECT count(*) FROM meetings").Should().Be("4");
        Server.Scalar("SELECT participants FROM meetings WHERE document_id = 'art-2'").Should().Be("[\"Karin Berger\",\"Paul Novak\"]");
        Server.Scalar("SELECT place || '/' || topic || '/' || date FROM meetings WHERE document_id = 'art-1'").Should().Be("Wien/Löhne/2024-03-04");
        Server.Scalar($"SELECT count(*) FROM meeting_participants WHERE entity_id = '{karin}'").Should().Be("2");
        Server.Scalar("SELECT speaker || '/' || type || '/' || topic FROM statements").Should().Be("Berger/Criticism/Pläne der Regierung");
        Server.Scalar("SELECT string_agg(person || ':' || role, ';' ORDER BY date) FROM holds_role").Should().Be("Stefan Berger:Trainer;Karin Berger:Ministerin");
        Server.Scalar("SELECT person_entity_id FROM holds_role WHERE person = 'Karin Berger'").Should().Be(karin);
        Server.Scalar($"SELECT count(DISTINCT fact_id) FROM entity_facts WHERE entity_id = '{karin}'").Should().Be("3");
        Server.Scalar($"SELECT string_agg(alias, '|' ORDER BY alias) FROM entity_aliases WHERE entity_id = '{karin}'").Should().Be("Berger|Bergers|Karin Berger");
    }

    [PostgresTheory]
    [InlineData("'; DROP TABLE facts; --")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("O'Brien') OR ('1'='1")]
    [InlineData("x'); DELETE FROM documents; /*")]
    [InlineData("SELECT * FROM entities UNION SELECT table_name FROM information_schema.tables")]
    [InlineData("$1; DROP SCHEMA public CASCADE; --")]
    [InlineData("E'\\x27'); TRUNCATE mentions; $$ @key")]
    public void QueryFacts_NamesWithSqlSyntax_AreBoundParameters(string name)
    {
        using NewsStore store = CreateStore();
        AddAndQueryNameWithSqlSyntax(store, name);
        Server.Scalar("SELECT count(*) FROM mentions").Should().Be("22", "19 in the corpus and 3 in the tricky article");
        Server.Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()").Should().Be("13");
    }

    [PostgresFact]
    public void Open_WrongPassword_ThrowsWithoutShowingThePassword()
    {
        NpgsqlConnectionStringBuilder builder = Server.Builder;
        builder.Password = WrongPassword;
        string url = $"postgres://{builder.Username}:{Uri.EscapeDataString(WrongPassword)}@{builder.Host}:{builder.Port}/{builder.Database}";

        foreach (string target in new[] { builder.ConnectionString, url })
        {
            Action open = () => NewsStore.Open(target);

            NewsStoreException e = open.Should().Throw<NewsStoreException>().Which;
            e.Message.Should().Contain("authentication failed").And.Contain($"{builder.Host}:{builder.Port}");
            e.ToString().Should().NotContain(WrongPassword).And.NotContain(Uri.EscapeDataString(WrongPassword));
        }
    }

    [PostgresFact]
    public void Open_UnreachableServerOrBadConnectionString_ThrowsWithoutShowingThePassword()
    {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        Action unreachable = () => NewsStore.Open($"postgres://nutzer:{WrongPassword}@127.0.0.1:1/nachrichten");
        Action badKeyword = () => NewsStore.Open($"Host=127.0.0.1;Password={WrongPassword};Unbekannter Schluessel=1");
        Action badPort = () => NewsStore.Open($"Host=127.0.0.1;Port=keine-Zahl;Password={WrongPassword}");

        NewsStoreException refused = unreachable.Should().Throw<NewsStoreException>().Which;
        refused.Message.Should().Contain("cannot be reached").And.Contain("postgres://nutzer@127.0.0.1:1/nachrichten");
        refused.ToString().Should().NotContain(WrongPassword);
        badKeyword.Should().Throw<NewsStoreException>().Which.ToString().Should().Contain("not valid").And.NotContain(WrongPassword);
        badPort.Should().Throw<NewsStoreException>().Which.ToString().Should().NotContain(WrongPassword);
    }

    [PostgresFact]
    public void Open_UrlAndPasswordFromEnvironment_OpenTheSameStore()
    {
        using (NewsStore store = CreateStore())
        {
        }

        NpgsqlConnectionStringBuilder builder = Server.Builder;
        string password = builder.Password!;
        string url = $"postgresql://{builder.Username}:{Uri.EscapeDataString(password)}@{builder.Host}:{builder.Port}/{builder.Database}?search%20path={Server.Schema}";
        using (NewsStore fromUrl = NewsStore.Open(url, NewsStoreOptions.ReadOnly))
        {
            fromUrl.CountDocuments().Should().Be(4);
            fromUrl.Path.Should().Be($"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}?search_path={Server.Schema}");
        }

        string? saved = Environment.GetEnvironmentVariable("PGPASSWORD");
        Environment.SetEnvironmentVariable("PGPASSWORD", password);
        try
        {
            using NewsStore fromEnvironment = NewsStore.Open($"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}?search%20path={Server.Schema}", NewsStoreOptions.ReadOnly);
            fromEnvironment.QueryFacts(new FactQuery { Type = "HoldsRole" }).Should().HaveCount(2);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PGPASSWORD", saved);
        }
    }

    [PostgresFact]
    public void Open_ReadOnly_RefusesAnEmptySchemaAndWrites()
    {
        Action empty = () => NewsStore.Open(Server.ConnectionString, NewsStoreOptions.ReadOnly);
        empty.Should().Throw<NewsStoreException>().WithMessage("*not an Extraction news store*");
        Server.Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()").Should().Be("0", "a read-only open creates nothing");

        using (NewsStore store = CreateStore())
        {
        }

        using NewsStore reader = NewsStore.Open(Server.ConnectionString, NewsStoreOptions.ReadOnly);
        Action add = () => reader.AddContents(Corpus());
        add.Should().Throw<InvalidOperationException>();
        reader.IsReadOnly.Should().BeTrue();
        reader.TopPairs().Should().HaveCount(3);
    }

    [PostgresFact]
    public void Open_ForeignSchema_IsRefusedAndLeftAlone()
    {
        Server.Execute($"CREATE TABLE {Server.Schema}.kunden(name text)");

        Action open = () => NewsStore.Open(Server.ConnectionString);

        open.Should().Throw<NewsStoreException>().WithMessage("*a PostgreSQL database but not an Extraction news store*");
        Server.Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()").Should().Be("1");
    }

    [PostgresFact]
    public void AddContents_TwoWritersAddTheSameNewEntitiesAtOnce_NeitherFailsNorDuplicates()
    {
        string[] people = ["Karin Berger", "Paul Novak", "Stefan Berger", "Anna Huber", "Lukas Gruber", "Maria Wagner"];
        (NewsDocument, DocumentContent) Article(string id, int batch, bool reversed)
        {
            string[] order = reversed ? people.Reverse().ToArray() : people;
            var article = new ArticleBuilder(string.Join(" ", order.Select(p => $"{p} sprach in Wien.")) + $" Es war die Runde {batch}.");
            for (int n = 0; n < order.Length; n++)
            {
                article.Mention(order[n], EntityLabel.Person, order[n], "e" + n);
            }

            return article.Mention("Wien", EntityLabel.Location, "Wien", "ort")
                .Fact("Meeting", "sprach", ("participants", order.Take(2).ToArray()), ("place", "Wien"))
                .Build(id, "2024-02-01");
        }

        // Each batch: a document of the writer's own, whose entities the two writers insert in opposite orders (a
        // deadlock the store must retry), and one document that both writers add at the same moment.
        List<(NewsDocument, DocumentContent)> Batch(string writer, int batch, bool reversed) =>
            [Article($"{writer}-{batch}", batch, reversed), Article($"gemeinsam-{batch}", batch, reversed: false)];

        using (NewsStore.Open(Server.ConnectionString))
        {
            // The schema exists before the race starts (its creation is tested by the other tests).
        }

        using NewsStore first = NewsStore.Open(Server.ConnectionString);
        using NewsStore second = NewsStore.Open(Server.ConnectionString);
        using var start = new Barrier(2);
        IReadOnlyList<AddOutcome> Run(NewsStore store, string writer, bool reversed)
        {
            var outcomes = new List<AddOutcome>();
            for (int batch = 0; batch < 25; batch++)
            {
                start.SignalAndWait();
                outcomes.AddRange(store.AddContents(Batch(writer, batch, reversed)));
            }

            return outcomes;
        }

        Task<IReadOnlyList<AddOutcome>> a = Task.Factory.StartNew(() => Run(first, "a", reversed: false), TaskCreationOptions.LongRunning);
        Task<IReadOnlyList<AddOutcome>> b = Task.Factory.StartNew(() => Run(second, "b", reversed: true), TaskCreationOptions.LongRunning);
        Task.WaitAll(a, b);

        Server.Scalar("SELECT count(*) FROM entities").Should().Be("7", "six people and Wien, each once");
        Server.Scalar("SELECT count(*) FROM (SELECT key FROM entities GROUP BY label, key HAVING count(*) > 1) d").Should().Be("0");
        first.CountDocuments().Should().Be(75);
        a.Result.Concat(b.Result).Count(o => o == AddOutcome.Added).Should().Be(75, "each shared document is added by exactly one writer");
        a.Result.Concat(b.Result).Count(o => o == AddOutcome.Unchanged).Should().Be(25);
        first.FindEntities("Anna Huber").Should().ContainSingle().Which.DocumentCount.Should().Be(75);
        first.TopPairs().Select(p => (p.FirstName, p.SecondName, p.Meetings)).Should().BeEquivalentTo([("Karin Berger", "Paul Novak", 50), ("Lukas Gruber", "Maria Wagner", 25)]);
    }

    [PostgresFact]
    public void IndexAndQueryCommands_PostgresUrl_WorkLikeAFile()
    {
        NpgsqlConnectionStringBuilder builder = Server.Builder;
        string url = $"postgres://{builder.Username}:{Uri.EscapeDataString(builder.Password!)}@{builder.Host}:{builder.Port}/{builder.Database}?search%20path={Server.Schema}";
        string input = Path.Combine(Folder, "artikel.jsonl");
        File.WriteAllText(input, StoreCliTests.Line("p1", "Bundeskanzlerin Angela Merkel hat am Montag in Paris den französischen Präsidenten Emmanuel Macron getroffen.", "2024-03-04", "dpa") + "\n");

        (int index, string indexOutput, string indexError) = CliRunner.Run("index", input, "--db", url);
        (int again, _, string againError) = CliRunner.Run("index", input, "--db", url);
        (int query, string output, string queryError) = CliRunner.Run("query", "--db", url, "--type", "Meeting", "--participant", "angela merkel", "--format", "jsonl");

        index.Should().Be(0, indexError);
        indexError.Should().Contain("1 added").And.NotContain(builder.Password!);
        indexOutput.Should().BeEmpty();
        again.Should().Be(0);
        againError.Should().Contain("0 added, 0 replaced, 1 unchanged");
        query.Should().Be(0, queryError);
        output.Should().Contain("\"document\":\"p1\"").And.Contain("Paris");
    }

    [PostgresFact]
    public void QueryCommand_WrongPassword_FailsWithOneLineWithoutThePassword()
    {
        NpgsqlConnectionStringBuilder builder = Server.Builder;
        string url = $"postgres://{builder.Username}:{WrongPassword}@{builder.Host}:{builder.Port}/{builder.Database}";

        (int code, string output, string error) = CliRunner.Run("query", "--db", url);

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Trim().Should().StartWith("error: ").And.Contain("authentication failed").And.NotContain(WrongPassword);
        error.Trim().Split('\n').Should().ContainSingle();
    }
}
