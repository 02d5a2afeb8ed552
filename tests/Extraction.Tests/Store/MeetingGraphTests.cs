using System.Text.RegularExpressions;
using Extraction.Store;
using Extraction.Store.Display;
using Extraction.Tests.Notebooks;
using Extraction.Tests.Packaging;
using Microsoft.DotNet.Interactive.Formatting;

namespace Extraction.Tests.Store;

/// <summary>
/// The notebook view of a store (<see cref="MeetingGraph"/>): a store built through the real extractor from German
/// news-style sentences written for this test, its graph of who met whom, the timeline, HTML encoding, the
/// convention-based notebook formatter (with the real .NET Interactive package) and rendering in headless Chromium.
/// </summary>
[Collection("Packaging")]
public sealed partial class MeetingGraphTests : StoreTestBase
{
    private const string Injected = "<script>document.title='pwned'</script>";

    private static readonly (string Id, string Date, string Text)[] Articles =
    [
        ("dpa-1", "2024-03-04", "Bundeskanzler Friedrich Merz traf am Montag in Paris den französischen Präsidenten Emmanuel Macron. Die beiden sprachen über die Ukraine."),
        ("dpa-2", "2024-03-05", "Außenministerin Annalena Baerbock traf am Dienstag in Berlin den ukrainischen Präsidenten Wolodymyr Selenskyj."),
        ("dpa-3", "2024-03-06", "Friedrich Merz traf am Mittwoch in Brüssel Emmanuel Macron zu Gesprächen über die Verteidigung."),
        ("apa-4", "2024-03-08", "Emmanuel Macron traf am Freitag in Rom die italienische Ministerpräsidentin Giorgia Meloni."),
        ("web-5", "2024-02-01", "Friedrich Merz traf in Berlin den Gewerkschafter Karl " + Injected + " Huber."),
    ];

    private NewsStore BuildStore()
    {
        NewsStore store = NewsStore.Open(DbPath());
        foreach ((string id, string date, string text) in Articles)
        {
            var document = new NewsDocument(id, text) { Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Source = "test" };
            store.Add(document, StoreCliTests.Extractor.Extract(text));
        }

        return store;
    }

    [GeneratedRegex("<g class=\"node\" data-id=\"([^\"]+)\"")]
    private static partial Regex NodePattern();

    [GeneratedRegex("<g class=\"edge-group\" data-first=\"([^\"]+)\" data-second=\"([^\"]+)\" data-meetings=\"(\\d+)\"")]
    private static partial Regex EdgePattern();

    [Fact]
    public void ToHtml_StoreWithMeetings_OneNodePerEntityAndOneEdgePerPairWithCounts()
    {
        using NewsStore store = BuildStore();
        IReadOnlyList<EntityPair> pairs = store.TopPairs(limit: 100);
        MeetingGraph graph = MeetingGraph.From(pairs);

        string html = graph.ToHtml();

        pairs.Should().Contain(p => p.FirstName == "Friedrich Merz" && p.SecondName == "Emmanuel Macron" || p.FirstName == "Emmanuel Macron" && p.SecondName == "Friedrich Merz");
        string[] entityIds = [.. pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct()];
        entityIds.Should().HaveCountGreaterThanOrEqualTo(6, "Merz, Macron, Baerbock, Selenskyj, Meloni and the union man");
        NodePattern().Matches(html).Select(m => m.Groups[1].Value).Should().BeEquivalentTo(entityIds, "one node per store-wide entity");
        graph.Nodes.Select(n => n.Id).Should().OnlyHaveUniqueItems();

        var edges = EdgePattern().Matches(html).Select(m => (First: m.Groups[1].Value, Second: m.Groups[2].Value, Meetings: int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        edges.Should().HaveCount(pairs.Count, "one edge per pair");
        foreach (EntityPair pair in pairs)
        {
            edges.Should().ContainSingle(e => (e.First == pair.First && e.Second == pair.Second) || (e.First == pair.Second && e.Second == pair.First))
                .Which.Meetings.Should().Be(pair.Meetings);
        }

        EntityPair merzMacron = pairs.Single(p => new[] { p.FirstName, p.SecondName }.Order().SequenceEqual(["Emmanuel Macron", "Friedrich Merz"]));
        merzMacron.Meetings.Should().Be(2, "Paris and Brussels");
        graph.Nodes[0].Name.Should().BeOneOf("Friedrich Merz", "Emmanuel Macron");
        graph.Nodes[0].Meetings.Should().Be(3, "most meetings come first around the circle");
    }

    [Fact]
    public void From_HandMadePairs_SumsDuplicatesDropsSelfPairsAndCountsNodes()
    {
        MeetingGraph graph = MeetingGraph.From(
        [
            new EntityPair("per-a", "Anna", "per-b", "Bert", 2, 2),
            new EntityPair("per-b", "Bert", "per-a", "Anna", 1, 1),
            new EntityPair("per-c", "Carla", "per-a", "Anna", 1, 1),
            new EntityPair("per-c", "Carla", "per-c", "Carla", 5, 5),
        ]);

        graph.Edges.Should().HaveCount(2);
        graph.Edges[0].Should().Be(new EntityPair("per-a", "Anna", "per-b", "Bert", 3, 3));
        graph.Nodes.Select(n => (n.Name, n.Meetings)).Should().Equal(("Anna", 4), ("Bert", 3), ("Carla", 1));
        graph.ToHtml().Should().Contain("data-first=\"per-a\" data-second=\"per-b\" data-meetings=\"3\" data-documents=\"3\"");
    }

    [Fact]
    public void ToHtml_ScriptInNamesAndSentences_IsEncoded()
    {
        using NewsStore store = BuildStore();
        MeetingGraph graph = MeetingGraph.From(
            [.. store.TopPairs(limit: 100), new EntityPair("per-x", Injected, "per-y", "\"Anführungszeichen\" & Co", 1, 1)],
            store.Timeline("Friedrich Merz"),
            title: "Titel " + Injected);

        string html = graph.ToHtml();

        html.Should().NotContain("<script", "names, sentences and the title come from user data");
        html.Should().Contain("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;");
        html.Should().Contain("&quot;Anführungszeichen&quot; &amp; Co");
        html.Should().NotContainAny(["http", "<link", " src=", "@import", "url("], "the page is self-contained");
    }

    [Fact]
    public void ToHtml_Timeline_ListsFactsInDateOrderWithDocumentAndSentence()
    {
        using NewsStore store = BuildStore();
        IReadOnlyList<StoredFact> timeline = store.Timeline("Friedrich Merz", new FactQuery { Type = "Meeting" });

        MeetingGraph graph = MeetingGraph.FromStore(store, limit: 100, timelineEntity: "Friedrich Merz");
        string html = graph.ToHtml();

        timeline.Select(f => f.DocumentId).Should().Equal("web-5", "dpa-1", "dpa-3");
        graph.Timeline.Select(f => f.Date).Should().BeInAscendingOrder();
        graph.Timeline.Select(f => f.DocumentId).Should().ContainInOrder("web-5", "dpa-1", "dpa-3");
        int first = html.IndexOf("<td>web-5#0</td>", StringComparison.Ordinal);
        int second = html.IndexOf("<td>dpa-1#0</td>", StringComparison.Ordinal);
        int third = html.IndexOf("<td>dpa-3#0</td>", StringComparison.Ordinal);
        first.Should().BePositive();
        second.Should().BeGreaterThan(first);
        third.Should().BeGreaterThan(second);
        html.Should().Contain("<td>2024-03-04</td>").And.Contain("Bundeskanzler Friedrich Merz traf am Montag in Paris den französischen Präsidenten Emmanuel Macron.");
    }

    [Fact]
    public void ToHtml_SameStoreTwice_IsByteIdentical()
    {
        string first, second;
        using (NewsStore store = BuildStore())
        {
            first = MeetingGraph.FromStore(store, limit: 100, timelineEntity: "Emmanuel Macron").ToHtml();
        }

        using (NewsStore again = NewsStore.Open(DbPath("again.db")))
        {
            foreach ((string id, string date, string text) in Enumerable.Reverse(Articles))
            {
                again.Add(new NewsDocument(id, text) { Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Source = "test" }, StoreCliTests.Extractor.Extract(text));
            }

            second = MeetingGraph.FromStore(again, limit: 100, timelineEntity: "Emmanuel Macron").ToHtml();
        }

        second.Should().Be(first, "the layout depends only on the pairs, not on indexing order");
        MeetingGraph.From([.. MeetingGraph.From([new EntityPair("per-b", "B", "per-a", "A", 1, 1)]).Edges]).ToHtml()
            .Should().Be(MeetingGraph.From([new EntityPair("per-a", "A", "per-b", "B", 1, 1)]).ToHtml());
    }

    [Fact]
    public void DisplayTypes_PublicTypes_AreSealedAndStateThreadSafety()
    {
        Type[] types = [.. typeof(MeetingGraph).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(MeetingGraph).Namespace)];
        string xml = File.ReadAllText(Path.ChangeExtension(typeof(MeetingGraph).Assembly.Location, ".xml"));

        types.Should().BeEquivalentTo([typeof(MeetingGraph), typeof(MeetingGraphNode)], "the formatter plumbing stays internal");
        foreach (Type type in types)
        {
            type.IsSealed.Should().BeTrue($"{type.Name} is sealed");
            int at = xml.IndexOf("<member name=\"T:" + type.FullName + "\">", StringComparison.Ordinal);
            at.Should().BeGreaterThanOrEqualTo(0, $"{type.Name} has XML docs");
            xml[at..xml.IndexOf("</member>", at, StringComparison.Ordinal)].Should().Contain("thread-safe").And.Contain("Immutable");
        }
    }

    [Fact]
    public void NotebookFormatter_MeetingGraph_IsFoundByConvention()
    {
        using NewsStore store = BuildStore();
        MeetingGraph graph = MeetingGraph.FromStore(store, timelineEntity: "Friedrich Merz");

        // The real .NET Interactive formatter discovers the store package's attribute by its name.
        string html = graph.ToDisplayString("text/html");

        html.Should().Be(graph.ToHtml());
        html.Should().StartWith("<div class=\"meeting-graph\">").And.Contain("<svg");
    }

    [Fact]
    public void MeetingGraphHtml_InHeadlessChromium_RendersNodesAndRunsNoScript()
    {
        using NewsStore store = BuildStore();
        MeetingGraph graph = MeetingGraph.FromStore(store, limit: 100, timelineEntity: "Friedrich Merz");

        (string dom, byte[] screenshot) = HeadlessChromium.Render("meeting-graph", "graph", graph.ToHtml(), "1000,1100");

        NodePattern().Matches(dom).Select(m => m.Groups[1].Value).Should().BeEquivalentTo(graph.Nodes.Select(n => n.Id), "the browser parsed every SVG node");
        dom.Should().Contain("<circle").And.Contain("class=\"edge\"").And.Contain("Emmanuel Macron");
        dom.Should().Contain("<title>graph</title>", "the script in the news was shown as text, not run");
        dom.Should().NotContain("pwned</title>");
        HeadlessChromium.DistinctPixelBytes(screenshot).Should().BeGreaterThan(20, "a blank page has one or two byte values");
    }
}
