using Extraction.Store;

namespace Extraction.Tests.Store;

/// <summary>Builds an article's entities and relations by hand, so the store's merge rule is tested without the taggers.</summary>
internal sealed class ArticleBuilder
{
    private readonly string _text;
    private readonly List<Entity> _entities = [];
    private readonly List<Relation> _relations = [];
    private readonly List<TextSpan> _sentences = [];

    public ArticleBuilder(string text)
    {
        _text = text;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                _sentences.Add(new TextSpan(start, i + 1));
                start = i + 2;
            }
        }

        if (start < text.Length)
        {
            _sentences.Add(new TextSpan(start, text.Length));
        }
    }

    /// <summary>Adds a mention of <paramref name="surface"/> (its <paramref name="occurrence"/>-th occurrence in the text).</summary>
    public ArticleBuilder Mention(string surface, EntityLabel label, string canonical, string id, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            at = _text.IndexOf(surface, at + 1, StringComparison.Ordinal);
        }

        at.Should().BeGreaterThanOrEqualTo(0, $"'{surface}' occurs in the test text");
        _entities.Add(new Entity(surface, label, at, at + surface.Length, canonical, id, 0.9));
        return this;
    }

    /// <summary>Adds a relation triggered by the first occurrence of <paramref name="trigger"/>; a string[] value is a list argument.</summary>
    public ArticleBuilder Fact(string type, string trigger, params (string Name, object Value)[] arguments)
    {
        int at = _text.IndexOf(trigger, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"'{trigger}' occurs in the test text");
        var map = new Dictionary<string, RelationArgument>();
        foreach ((string name, object value) in arguments)
        {
            map[name] = value is string[] list ? RelationArgument.List(list) : RelationArgument.Single((string)value);
        }

        int sentence = _sentences.FindIndex(s => s.Start <= at && at < s.End);
        _relations.Add(new Relation(type, map, sentence, new TextSpan(at, at + trigger.Length), Modality.Asserted, 0.8, "test." + type.ToLowerInvariant(), type == "Meeting" ? "040" : null));
        return this;
    }

    public (NewsDocument Document, DocumentContent Content) Build(string id, string? date = null, string? source = null) =>
        (new NewsDocument(id, _text) { Date = date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Source = source },
         new DocumentContent(_sentences, _entities.OrderBy(e => e.Start).ToList(), _relations));
}

/// <summary>A temporary folder for store files, deleted afterwards.</summary>
public abstract class StoreTestBase : IDisposable
{
    protected StoreTestBase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "extraction-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    protected string Folder { get; }

    protected string DbPath(string name = "kb.db") => Path.Combine(Folder, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temp folder is cleaned up by the system.
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Two articles about the same meeting, a third with the surname only, a fourth with a namesake.</summary>
    internal static IReadOnlyList<(NewsDocument Document, DocumentContent Content)> Corpus() =>
    [
        new ArticleBuilder("Die Ministerin Karin Berger traf am Montag in Wien den Gewerkschafter Paul Novak. Berger und Novak sprachen über Löhne.")
            .Mention("Ministerin", EntityLabel.Role, "Ministerin", "e1")
            .Mention("Karin Berger", EntityLabel.Person, "Karin Berger", "e2")
            .Mention("Wien", EntityLabel.Location, "Wien", "e3")
            .Mention("Paul Novak", EntityLabel.Person, "Paul Novak", "e4")
            .Mention("Berger", EntityLabel.Person, "Karin Berger", "e2", occurrence: 1)
            .Mention("Novak", EntityLabel.Person, "Paul Novak", "e4", occurrence: 1)
            .Fact("HoldsRole", "Ministerin", ("person", "Karin Berger"), ("role", "Ministerin"))
            .Fact("Meeting", "traf", ("participants", new[] { "Karin Berger", "Paul Novak" }), ("place", "Wien"), ("topic", "Löhne"))
            .Build("art-1", "2024-03-04", "APA"),
        new ArticleBuilder("Karin Berger hat Paul Novak erneut in Linz getroffen. Bergers Sprecher sagte, man sei sich nähergekommen.")
            .Mention("Karin Berger", EntityLabel.Person, "Karin Berger", "e1")
            .Mention("Paul Novak", EntityLabel.Person, "Paul Novak", "e2")
            .Mention("Linz", EntityLabel.Location, "Linz", "e3")
            .Mention("Bergers", EntityLabel.Person, "Karin Berger", "e1")
            .Fact("Meeting", "getroffen", ("participants", new[] { "Karin Berger", "Paul Novak" }), ("place", "Linz"))
            .Build("art-2", "2024-05-10", "dpa"),
        new ArticleBuilder("Berger kritisierte die Pläne der Regierung. Berger traf später Novak in Graz.")
            .Mention("Berger", EntityLabel.Person, "Berger", "e1")
            .Mention("Berger", EntityLabel.Person, "Berger", "e1", occurrence: 1)
            .Mention("Novak", EntityLabel.Person, "Novak", "e2")
            .Mention("Graz", EntityLabel.Location, "Graz", "e3")
            .Fact("Criticism", "kritisierte", ("speaker", "Berger"), ("topic", "Pläne der Regierung"))
            .Fact("Meeting", "traf", ("participants", new[] { "Berger", "Novak" }), ("place", "Graz"))
            .Build("art-3", "2024-06-01"),
        new ArticleBuilder("Der Trainer Stefan Berger verlängerte seinen Vertrag. Stefan Berger traf den Präsidenten Paul Novak in Wien.")
            .Mention("Trainer", EntityLabel.Role, "Trainer", "e1")
            .Mention("Stefan Berger", EntityLabel.Person, "Stefan Berger", "e2")
            .Mention("Stefan Berger", EntityLabel.Person, "Stefan Berger", "e2", occurrence: 1)
            .Mention("Paul Novak", EntityLabel.Person, "Paul Novak", "e3")
            .Mention("Wien", EntityLabel.Location, "Wien", "e4")
            .Fact("HoldsRole", "Trainer", ("person", "Stefan Berger"), ("role", "Trainer"))
            .Fact("Meeting", "traf", ("participants", new[] { "Stefan Berger", "Paul Novak" }), ("place", "Wien"))
            .Build("art-4", "2023-11-20", "ORF"),
    ];

    /// <summary>
    /// Adds an article whose person is named <paramref name="name"/> (SQL syntax in the tests) to a store that holds
    /// <see cref="Corpus"/>, and checks that every name filter treats it as a value: the backends' injection tests.
    /// </summary>
    protected static void AddAndQueryNameWithSqlSyntax(NewsStore store, string name)
    {
        var tricky = new ArticleBuilder($"Der Minister {name} traf in Wien die Ministerin Karin Berger.")
            .Mention(name, EntityLabel.Person, name, "e1")
            .Mention("Wien", EntityLabel.Location, "Wien", "e2")
            .Mention("Karin Berger", EntityLabel.Person, "Karin Berger", "e3")
            .Fact("Meeting", "traf", ("participants", new[] { name, "Karin Berger" }), ("place", "Wien"))
            .Build("tricky", "2024-07-01");
        store.AddContents([tricky]);

        store.QueryFacts(new FactQuery { Participant = name }).Should().ContainSingle().Which.DocumentId.Should().Be("tricky");
        store.QueryFacts(new FactQuery { Entity = name, Type = name }).Should().BeEmpty();
        store.QueryFacts(new FactQuery { Place = name }).Should().BeEmpty();
        store.Timeline(name).Should().ContainSingle();
        store.FindEntities(name).Should().ContainSingle().Which.Name.Should().Be(name);
        store.Contains(new NewsDocument(name, "Kein Text.")).Should().BeFalse();
        store.Remove(name).Should().BeFalse();

        store.CountDocuments().Should().Be(5);
        store.CountFacts().Should().Be(8);
    }
}
