using Extraction.Store;
using Microsoft.Data.Sqlite;

namespace Extraction.Tests.Store;

public class NewsStoreTests : StoreTestBase
{
    private NewsStore CreateStore(string name = "kb.db")
    {
        NewsStore store = NewsStore.Open(DbPath(name));
        store.AddContents(Corpus());
        return store;
    }

    private static string Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public void Open_NewFile_CreatesSchemaInWalMode()
    {
        using (NewsStore store = NewsStore.Open(DbPath()))
        {
            store.CountDocuments().Should().Be(0);
        }

        Scalar(DbPath(), "PRAGMA journal_mode").Should().Be("wal");
        Scalar(DbPath(), "SELECT count(*) FROM sqlite_master WHERE type = 'view' AND name IN ('meetings', 'statements', 'holds_role', 'entity_facts', 'meeting_participants', 'entity_aliases')").Should().Be("6");
    }

    [Fact]
    public void AddContents_SameDocumentsTwice_SecondTimeUnchanged()
    {
        using NewsStore store = CreateStore();
        int facts = store.CountFacts();

        IReadOnlyList<AddOutcome> again = store.AddContents(Corpus());

        again.Should().AllBeEquivalentTo(AddOutcome.Unchanged);
        store.CountDocuments().Should().Be(4);
        store.CountFacts().Should().Be(facts).And.Be(7);
        store.Contains(Corpus()[0].Document).Should().BeTrue();
        store.Contains(Corpus()[0].Document with { Title = "Neu" }).Should().BeFalse("the title is part of the content hash");
    }

    [Fact]
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
        store.QueryFacts().Should().NotContain(f => f.DocumentId == "art-3");
        store.FindEntities("Graz").Should().BeEmpty("no document mentions Graz any more");
        store.FindEntities("Salzburg").Should().ContainSingle();
        Scalar(DbPath(), "SELECT count(*) FROM mentions WHERE document_id = 'art-3'").Should().Be("2");
    }

    [Fact]
    public void AddContents_FullNameInTwoArticles_IsOneEntity()
    {
        using NewsStore store = CreateStore();

        IReadOnlyList<StoreEntity> karin = store.FindEntities("Karin Berger");

        karin.Should().ContainSingle();
        karin[0].DocumentCount.Should().Be(2);
        karin[0].Aliases.Should().Contain(["Berger", "Bergers"]);
        karin[0].Label.Should().Be(EntityLabel.Person);
    }

    [Fact]
    public void AddContents_SurnameAloneInAnotherArticle_StaysApartFromTheFullName()
    {
        using NewsStore store = CreateStore();

        IReadOnlyList<StoreEntity> berger = store.FindEntities("Berger");

        // The surname is an alias of Karin Berger (art-1 names her in full) and the name of art-3's unresolved "Berger".
        berger.Select(e => e.Name).Should().BeEquivalentTo(["Karin Berger", "Berger"]);
        berger.Single(e => e.Name == "Berger").DocumentCount.Should().Be(1);
        store.FindEntities("Karin Berger").Single().Id.Should().NotBe(berger.Single(e => e.Name == "Berger").Id);
    }

    [Fact]
    public void AddContents_TwoFullNamesWithTheSameSurname_NeverMerge()
    {
        using NewsStore store = CreateStore();

        StoreEntity karin = store.FindEntities("Karin Berger").Single();
        StoreEntity stefan = store.FindEntities("Stefan Berger").Single();

        karin.Id.Should().NotBe(stefan.Id);
        stefan.Aliases.Should().BeEmpty();
        store.Timeline("Stefan Berger").Should().OnlyContain(f => f.DocumentId == "art-4");
    }

    [Fact]
    public void EntityIds_IndexedInAnotherOrderIntoAnotherStore_AreTheSame()
    {
        using NewsStore first = CreateStore("first.db");
        using NewsStore second = NewsStore.Open(DbPath("second.db"));
        second.AddContents(Corpus().Reverse().ToList());

        string[] names = ["Karin Berger", "Paul Novak", "Berger", "Stefan Berger", "Wien"];
        foreach (string name in names)
        {
            second.FindEntities(name).Select(e => e.Id).Should().Equal(first.FindEntities(name).Select(e => e.Id), name);
        }

        first.FindEntities("Karin Berger").Single().Id.Should().MatchRegex("^per-[0-9a-f]{16}$");
    }

    [Fact]
    public void QueryFacts_Filters_CombineAndCarryProvenance()
    {
        using NewsStore store = CreateStore();

        IReadOnlyList<StoredFact> meetings = store.QueryFacts(new FactQuery { Type = "meeting", Participant = "Paul Novak", From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 12, 31) });

        meetings.Select(f => f.DocumentId).Should().Equal("art-1", "art-2");
        StoredFact first = meetings[0];
        first.Date.Should().Be(new DateOnly(2024, 3, 4));
        first.Source.Should().Be("APA");
        first.Sentence.Should().Be(0);
        first.SentenceText.Should().Be("Die Ministerin Karin Berger traf am Montag in Wien den Gewerkschafter Paul Novak.");
        Corpus()[0].Document.Text[first.Start..first.End].Should().Be("traf");
        first.GetValue("place").Should().Be("Wien");
        first.Code.Should().Be("040");
        StoredArgument participants = first.Arguments.Single(a => a.Name == "participants");
        participants.IsList.Should().BeTrue();
        participants.Values.Should().Equal("Karin Berger", "Paul Novak");
        participants.EntityIds.Should().Equal(store.FindEntities("Karin Berger").Single().Id, store.FindEntities("Paul Novak").Single().Id);
        first.Arguments.Single(a => a.Name == "topic").EntityIds.Should().Equal([null], "a topic is free text");

        store.QueryFacts(new FactQuery { Place = "wien" }).Select(f => f.DocumentId).Should().Equal("art-4", "art-1");
        store.QueryFacts(new FactQuery { Type = "Meeting", Limit = 1 }).Should().ContainSingle().Which.DocumentId.Should().Be("art-4", "facts come in date order");
        store.QueryFacts(new FactQuery { Entity = "Novak", Type = "Meeting" }).Should().HaveCount(4, "Novak is an alias of Paul Novak and the name of art-3's Novak");
        store.QueryFacts(new FactQuery { Type = "Statement" }).Should().BeEmpty();
    }

    [Fact]
    public void TopPairs_CountsMeetingsOfStoreWideEntities()
    {
        using NewsStore store = CreateStore();

        IReadOnlyList<EntityPair> pairs = store.TopPairs();

        pairs.Should().HaveCount(3);
        pairs[0].Meetings.Should().Be(2);
        pairs[0].Documents.Should().Be(2);
        new[] { pairs[0].FirstName, pairs[0].SecondName }.Should().BeEquivalentTo(["Karin Berger", "Paul Novak"]);
        pairs.Skip(1).Should().OnlyContain(p => p.Meetings == 1);
        store.TopPairs(from: new DateOnly(2024, 4, 1)).Should().HaveCount(2).And.OnlyContain(p => p.Meetings == 1);
        store.TopPairs(limit: 1).Should().ContainSingle();
    }

    [Fact]
    public void Timeline_OfAPerson_GivesOfficesAndMeetingsInDateOrder()
    {
        using NewsStore store = CreateStore();

        IReadOnlyList<StoredFact> timeline = store.Timeline("Karin Berger");

        timeline.Select(f => (f.DocumentId, f.Type)).Should().Equal(("art-1", "HoldsRole"), ("art-1", "Meeting"), ("art-2", "Meeting"));
        timeline.Select(f => f.Date).Should().BeInAscendingOrder();
        store.Timeline("Karin Berger", new FactQuery { Type = "HoldsRole" }).Single().GetValue("role").Should().Be("Ministerin");
    }

    [Theory]
    [InlineData("'; DROP TABLE facts; --")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("O'Brien') OR ('1'='1")]
    [InlineData("x'); DELETE FROM documents; /*")]
    [InlineData("SELECT * FROM entities UNION SELECT name FROM sqlite_master")]
    public void QueryFacts_NamesWithSqlSyntax_AreBoundParameters(string name)
    {
        using NewsStore store = CreateStore();
        AddAndQueryNameWithSqlSyntax(store, name);
        Scalar(DbPath(), "PRAGMA integrity_check").Should().Be("ok");
    }

    [Fact]
    public void Open_FileThatIsNotSqlite_ThrowsNewsStoreException()
    {
        File.WriteAllText(DbPath("notes.db"), "Dies ist keine Datenbank, sondern eine Notiz über das Treffen in Wien.");

        Action readOnly = () => NewsStore.Open(DbPath("notes.db"), NewsStoreOptions.ReadOnly);
        Action readWrite = () => NewsStore.Open(DbPath("notes.db"));

        readOnly.Should().Throw<NewsStoreException>().WithMessage("*notes.db*not an SQLite database*");
        readWrite.Should().Throw<NewsStoreException>().WithMessage("*not an SQLite database*");
    }

    [Fact]
    public void Open_ForeignSqliteDatabase_IsRefusedAndLeftAlone()
    {
        string path = DbPath("foreign.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE customers(name TEXT)";
            command.ExecuteNonQuery();
        }

        Action open = () => NewsStore.Open(path);

        open.Should().Throw<NewsStoreException>().WithMessage("*not an Extraction news store*");
        Scalar(path, "SELECT count(*) FROM sqlite_master").Should().Be("1");
    }

    [Fact]
    public void Open_ReadOnlyMissingFile_ThrowsWithoutCreatingIt()
    {
        Action open = () => NewsStore.Open(DbPath("missing.db"), NewsStoreOptions.ReadOnly);

        open.Should().Throw<NewsStoreException>().WithMessage("*not found*");
        File.Exists(DbPath("missing.db")).Should().BeFalse();
    }

    [Fact]
    public void Open_CorruptStore_ThrowsNewsStoreExceptionOnOpenOrQuery()
    {
        using (NewsStore store = CreateStore())
        {
        }

        byte[] bytes = File.ReadAllBytes(DbPath());
        bytes.Length.Should().BeGreaterThan(4096);
        for (int i = 100; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        File.WriteAllBytes(DbPath(), bytes);
        File.Delete(DbPath() + "-wal");
        File.Delete(DbPath() + "-shm");

        Action use = () =>
        {
            using NewsStore store = NewsStore.Open(DbPath(), NewsStoreOptions.ReadOnly);
            store.QueryFacts();
        };

        use.Should().Throw<NewsStoreException>().WithMessage("*kb.db*");
    }

    [Fact]
    public void ReadOnly_AddOrRemove_ThrowsAndTheFileIsUnchanged()
    {
        using (NewsStore store = CreateStore())
        {
        }

        using NewsStore reader = NewsStore.Open(DbPath(), NewsStoreOptions.ReadOnly);
        Action add = () => reader.AddContents(Corpus());
        Action remove = () => reader.Remove("art-1");

        add.Should().Throw<InvalidOperationException>();
        remove.Should().Throw<InvalidOperationException>();
        reader.CountDocuments().Should().Be(4);
        reader.IsReadOnly.Should().BeTrue();
    }

    [Fact]
    public void Remove_Document_DeletesItsRowsOnly()
    {
        using NewsStore store = CreateStore();

        store.Remove("art-4").Should().BeTrue();
        store.Remove("art-4").Should().BeFalse();

        store.CountDocuments().Should().Be(3);
        store.FindEntities("Stefan Berger").Should().BeEmpty();
        store.FindEntities("Paul Novak").Single().DocumentCount.Should().Be(2);
    }

    [Fact]
    public async Task QueryFacts_ReaderWhileAnotherInstanceWrites_SeesWholeDocumentsOnly()
    {
        using NewsStore writer = NewsStore.Open(DbPath());
        using NewsStore reader = NewsStore.Open(DbPath(), NewsStoreOptions.ReadOnly);
        var batches = Enumerable.Range(0, 40).Select(b => Enumerable.Range(0, 5).Select(i =>
            new ArticleBuilder($"Ministerin Karin Berger traf in Wien den Gewerkschafter Paul Novak zum {b * 5 + i}. Mal. Novak lobte Berger.")
                .Mention("Karin Berger", EntityLabel.Person, "Karin Berger", "e1")
                .Mention("Paul Novak", EntityLabel.Person, "Paul Novak", "e2")
                .Fact("Meeting", "traf", ("participants", new[] { "Karin Berger", "Paul Novak" }))
                .Fact("Support", "lobte", ("giver", "Paul Novak"), ("receiver", "Karin Berger"))
                .Build($"doc-{b * 5 + i}")).ToList()).ToList();

        Task writing = Task.Run(() =>
        {
            foreach (List<(NewsDocument, DocumentContent)> batch in batches)
            {
                writer.AddContents(batch);
            }
        });
        var seen = new List<int>();
        while (!writing.IsCompleted)
        {
            IReadOnlyList<StoredFact> facts = reader.QueryFacts();
            facts.GroupBy(f => f.DocumentId).Where(g => g.Count() != 2).Should().BeEmpty("a document is written with all its facts in one transaction");
            (facts.Count % 10).Should().Be(0, "a batch of five documents is one transaction");
            seen.Add(facts.Count);
        }

        await writing;
        reader.QueryFacts().Should().HaveCount(400);
        seen.Should().NotBeEmpty();
    }

    [Fact]
    public void Add_RealExtractionResult_StoresRelationsWithOffsetsIntoTheText()
    {
        const string text = "WIEN (APA) – Die Außenministerin Karin Berger hat am Dienstag in Brüssel den polnischen Außenminister Tomasz Nowicki getroffen. Berger und Nowicki sprachen über die Energiepreise.";
        ExtractionResult result = StoreCliTests.Extractor.Extract(text);
        using NewsStore store = NewsStore.Open(DbPath());

        store.Add(new NewsDocument("real-1", text) { Date = new DateOnly(2024, 9, 3) }, result).Should().Be(AddOutcome.Added);
        Action wrongText = () => store.Add(new NewsDocument("real-2", text + " Ende."), result);

        wrongText.Should().Throw<ArgumentException>();
        IReadOnlyList<StoredFact> facts = store.QueryFacts();
        facts.Should().HaveCount(result.Relations.Count);
        foreach (StoredFact fact in facts)
        {
            Relation relation = result.Relations.Single(r => r.Trigger.Start == fact.Start && r.Type == fact.Type);
            fact.End.Should().Be(relation.Trigger.End);
            fact.Sentence.Should().Be(relation.Sentence);
            fact.SentenceText.Should().Be(result.Document.GetSentence(relation.Sentence).Text);
            fact.Arguments.Select(a => a.Name).Should().Equal(relation.Arguments.Keys);
        }

        store.QueryFacts(new FactQuery { Type = "Meeting", Participant = "Berger" }).Should().NotBeEmpty("the library links the surname to the full name within the article");
    }

    [Fact]
    public void Views_OverTheCorpus_GiveMeetingsStatementsOfficesAndEntityFacts()
    {
        using (NewsStore store = CreateStore())
        {
        }

        string karin = EntityKeys.EntityId(EntityLabel.Person, "karin berger");
        Scalar(DbPath(), "SELECT count(*) FROM meetings").Should().Be("4");
        Scalar(DbPath(), "SELECT participants FROM meetings WHERE document_id = 'art-2'").Should().Be("[\"Karin Berger\",\"Paul Novak\"]");
        Scalar(DbPath(), "SELECT place || '/' || topic || '/' || date FROM meetings WHERE document_id = 'art-1'").Should().Be("Wien/Löhne/2024-03-04");
        Scalar(DbPath(), $"SELECT count(*) FROM meeting_participants WHERE entity_id = '{karin}'").Should().Be("2");
        Scalar(DbPath(), "SELECT speaker || '/' || type || '/' || topic FROM statements").Should().Be("Berger/Criticism/Pläne der Regierung");
        Scalar(DbPath(), "SELECT group_concat(person || ':' || role, ';' ORDER BY date) FROM holds_role").Should().Be("Stefan Berger:Trainer;Karin Berger:Ministerin");
        Scalar(DbPath(), $"SELECT person_entity_id FROM holds_role WHERE person = 'Karin Berger'").Should().Be(karin);
        Scalar(DbPath(), $"SELECT count(DISTINCT fact_id) FROM entity_facts WHERE entity_id = '{karin}'").Should().Be("3");
        Scalar(DbPath(), $"SELECT group_concat(alias, '|' ORDER BY alias) FROM entity_aliases WHERE entity_id = '{karin}'").Should().Be("Berger|Bergers|Karin Berger");
    }

    [Fact]
    public void AddContents_SameNameUnderTwoLabels_GivesTwoEntities()
    {
        using NewsStore store = NewsStore.Open(DbPath());
        var article = new ArticleBuilder("Der Verein Rapid verlor in Wien. Die Stadt Wien und der Klub Wien feierten trotzdem.")
            .Mention("Wien", EntityLabel.Location, "Wien", "e1")
            .Mention("Wien", EntityLabel.Location, "Wien", "e1", occurrence: 1)
            .Mention("Wien", EntityLabel.Organization, "Wien", "e2", occurrence: 2)
            .Build("labels");

        store.AddContents([article]);

        store.FindEntities("Wien").Select(e => e.Label).Should().BeEquivalentTo([EntityLabel.Location, EntityLabel.Organization]);
    }

    [Fact]
    public void PublicTypes_AreSealedAndStateThreadSafety()
    {
        System.Reflection.Assembly assembly = typeof(NewsStore).Assembly;
        string xml = File.ReadAllText(Path.ChangeExtension(assembly.Location, ".xml"));

        foreach (Type type in assembly.GetExportedTypes().Where(t => t.IsClass))
        {
            type.IsSealed.Should().BeTrue($"{type.Name} is sealed");
        }

        foreach (Type type in assembly.GetExportedTypes().Where(t => (t.IsClass || (t.IsValueType && !t.IsEnum)) && !t.IsSubclassOf(typeof(Exception))))
        {
            int at = xml.IndexOf("<member name=\"T:" + type.FullName + "\">", StringComparison.Ordinal);
            at.Should().BeGreaterThanOrEqualTo(0, $"{type.Name} has XML docs");
            string doc = xml[at..xml.IndexOf("</member>", at, StringComparison.Ordinal)];
            (doc.Contains("thread-safe", StringComparison.OrdinalIgnoreCase) || doc.Contains("immutable", StringComparison.OrdinalIgnoreCase))
                .Should().BeTrue($"{type.Name} states its thread safety");
        }
    }
}
