using System.Globalization;
using System.Text;

namespace Extraction.Store.Display;

/// <summary>
/// A notebook view of a news store: who met whom (an SVG graph whose nodes are store-wide entities and whose
/// edges carry the number of Meeting facts of each pair) and, optionally, a timeline of facts (date order,
/// with document id and sentence). Built from store query results (<see cref="NewsStore.TopPairs"/>,
/// <see cref="NewsStore.Timeline"/>), rendered by <see cref="ToHtml"/> as one self-contained HTML fragment (no
/// scripts, no external style sheets or fonts; every name and sentence HTML-encoded, so markup in the news is
/// shown, never run). In .NET Interactive notebooks an instance displays as that HTML. Immutable and
/// thread-safe: the inputs are copied when it is built, and the same graph always gives the same HTML.
/// </summary>
[TypeFormatterSource(typeof(MeetingGraphFormatterSource))]
public sealed class MeetingGraph
{
    private const double Width = 880;
    private const double Height = 640;
    private const double Radius = 230;
    private const double NodeRadius = 7;
    private const double LabelAt = 0.3; // counts sit near the first node: lines through the centre would share a midpoint

    private const string Style =
        ".meeting-graph{font-family:system-ui,sans-serif;max-width:60em}" +
        ".meeting-graph svg{background:#fafafa;border:1px solid #ddd}" +
        ".meeting-graph .edge{stroke:#7a8fb3;stroke-opacity:.7}" +
        ".meeting-graph .edge-count{font-size:10px;fill:#445;text-anchor:middle}" +
        ".meeting-graph .node circle{fill:#aa9cfc;stroke:#5b4bb0;stroke-width:1}" +
        ".meeting-graph .node text{font-size:11px;fill:#111}" +
        ".meeting-graph table{border-collapse:collapse;margin-top:1em}" +
        ".meeting-graph th,.meeting-graph td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}" +
        ".meeting-graph td:first-child{white-space:nowrap}";

    private MeetingGraph(string? title, IReadOnlyList<MeetingGraphNode> nodes, IReadOnlyList<EntityPair> edges, IReadOnlyList<StoredFact> timeline)
    {
        Title = title;
        Nodes = nodes;
        Edges = edges;
        Timeline = timeline;
    }

    /// <summary>The heading shown above the graph, or null for none.</summary>
    public string? Title { get; }

    /// <summary>
    /// One node per store-wide entity that takes part in an edge, ordered by number of meetings (most first),
    /// then name and id (ordinal): the order of the nodes around the circle.
    /// </summary>
    public IReadOnlyList<MeetingGraphNode> Nodes { get; }

    /// <summary>
    /// One edge per unordered pair of entities, with its meeting and document counts (pairs given twice are
    /// summed), ordered by meetings (most first), then by the two ids.
    /// </summary>
    public IReadOnlyList<EntityPair> Edges { get; }

    /// <summary>The timeline facts: dated facts oldest first, undated ones last (ties in document, sentence, trigger order).</summary>
    public IReadOnlyList<StoredFact> Timeline { get; }

    /// <summary>
    /// Builds the graph from query results: <paramref name="pairs"/> as <see cref="NewsStore.TopPairs"/> returns
    /// them, and optionally the facts of a timeline (<see cref="NewsStore.Timeline"/> or <see cref="NewsStore.QueryFacts"/>).
    /// A pair of an entity with itself is left out.
    /// </summary>
    /// <param name="pairs">The meeting pairs with their counts.</param>
    /// <param name="timeline">Facts to list in date order under the graph, or null for no timeline.</param>
    /// <param name="title">A heading, or null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pairs"/> or one of the items is null.</exception>
    public static MeetingGraph From(IEnumerable<EntityPair> pairs, IEnumerable<StoredFact>? timeline = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var edges = new Dictionary<(string, string), EntityPair>();
        foreach (EntityPair pair in pairs)
        {
            ArgumentNullException.ThrowIfNull(pair, nameof(pairs));
            if (string.Equals(pair.First, pair.Second, StringComparison.Ordinal))
            {
                continue;
            }

            EntityPair ordered = string.CompareOrdinal(pair.First, pair.Second) < 0
                ? pair
                : new EntityPair(pair.Second, pair.SecondName, pair.First, pair.FirstName, pair.Meetings, pair.Documents);
            (string, string) key = (ordered.First, ordered.Second);
            edges[key] = edges.TryGetValue(key, out EntityPair? seen)
                ? seen with { Meetings = seen.Meetings + ordered.Meetings, Documents = seen.Documents + ordered.Documents }
                : ordered;
        }

        EntityPair[] edgeList = [.. edges.Values
            .OrderByDescending(e => e.Meetings)
            .ThenBy(e => e.First, StringComparer.Ordinal)
            .ThenBy(e => e.Second, StringComparer.Ordinal)];

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (EntityPair edge in edgeList)
        {
            names.TryAdd(edge.First, edge.FirstName);
            names.TryAdd(edge.Second, edge.SecondName);
            counts[edge.First] = counts.GetValueOrDefault(edge.First) + edge.Meetings;
            counts[edge.Second] = counts.GetValueOrDefault(edge.Second) + edge.Meetings;
        }

        MeetingGraphNode[] nodes = [.. names
            .Select(n => new MeetingGraphNode(n.Key, n.Value, counts[n.Key]))
            .OrderByDescending(n => n.Meetings)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal)];

        StoredFact[] facts = timeline is null ? [] : [.. timeline];
        foreach (StoredFact fact in facts)
        {
            ArgumentNullException.ThrowIfNull(fact, nameof(timeline));
        }

        facts = [.. facts
            .OrderBy(f => f.Date is null ? 1 : 0)
            .ThenBy(f => f.Date ?? DateOnly.MinValue)
            .ThenBy(f => f.DocumentId, StringComparer.Ordinal)
            .ThenBy(f => f.Sentence)
            .ThenBy(f => f.Start)];
        return new MeetingGraph(title, nodes, edgeList, facts);
    }

    /// <summary>
    /// Queries <paramref name="store"/> and builds the graph: the <paramref name="limit"/> pairs that meet most
    /// often in the period, and, when <paramref name="timelineEntity"/> is given, that entity's facts in the
    /// same period (names and aliases match as in <see cref="NewsStore.Timeline"/>).
    /// </summary>
    /// <param name="store">The store to read.</param>
    /// <param name="limit">The number of pairs (the graph's edges).</param>
    /// <param name="from">Only documents dated on or after this day, or null.</param>
    /// <param name="to">Only documents dated on or before this day, or null.</param>
    /// <param name="timelineEntity">An entity name or alias whose facts to list, or null for no timeline.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    /// <exception cref="NewsStoreException">The store cannot be read.</exception>
    public static MeetingGraph FromStore(NewsStore store, int limit = 20, DateOnly? from = null, DateOnly? to = null, string? timelineEntity = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        IReadOnlyList<EntityPair> pairs = store.TopPairs(limit, from, to);
        IReadOnlyList<StoredFact>? timeline = timelineEntity is null ? null : store.Timeline(timelineEntity, new FactQuery { From = from, To = to });
        return From(pairs, timeline, timelineEntity is null ? "Meetings" : "Meetings and timeline of " + timelineEntity);
    }

    /// <summary>
    /// The self-contained HTML fragment: a <c>div.meeting-graph</c> with its own style, the SVG graph (nodes on a
    /// circle in <see cref="Nodes"/> order, edges as lines with their meeting counts) and the timeline table.
    /// Deterministic: the same graph gives the same string.
    /// </summary>
    public string ToHtml()
    {
        var html = new StringBuilder(4096 + (Nodes.Count * 256) + (Edges.Count * 256) + (Timeline.Count * 512));
        html.Append("<div class=\"meeting-graph\"><style>").Append(Style).Append("</style>");
        if (Title is not null)
        {
            html.Append("<h3>");
            Encode(html, Title);
            html.Append("</h3>");
        }

        AppendGraph(html);
        if (Timeline.Count > 0)
        {
            AppendTimeline(html);
        }

        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>The HTML of <see cref="ToHtml"/>.</summary>
    public override string ToString() => ToHtml();

    private void AppendGraph(StringBuilder html)
    {
        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        for (int i = 0; i < Nodes.Count; i++)
        {
            double angle = (2 * Math.PI * i / Nodes.Count) - (Math.PI / 2);
            positions[Nodes[i].Id] = Nodes.Count == 1 ? (Width / 2, Height / 2) : ((Width / 2) + (Radius * Math.Cos(angle)), (Height / 2) + (Radius * Math.Sin(angle)));
        }

        html.Append(Invariant($"<svg class=\"meeting-graph-svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">"));
        html.Append("<title>Who met whom: ").Append(Nodes.Count.ToString(CultureInfo.InvariantCulture)).Append(" entities, ")
            .Append(Edges.Count.ToString(CultureInfo.InvariantCulture)).Append(" pairs</title>");
        if (Nodes.Count == 0)
        {
            html.Append(Invariant($"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">no meetings</text>"));
        }

        int maxMeetings = Edges.Count == 0 ? 1 : Math.Max(1, Edges.Max(e => e.Meetings));
        html.Append("<g class=\"edges\">");
        foreach (EntityPair edge in Edges)
        {
            (double x1, double y1) = positions[edge.First];
            (double x2, double y2) = positions[edge.Second];
            double width = 1 + (5.0 * edge.Meetings / maxMeetings);
            html.Append("<g class=\"edge-group\" data-first=\"");
            Encode(html, edge.First);
            html.Append("\" data-second=\"");
            Encode(html, edge.Second);
            html.Append(Invariant($"\" data-meetings=\"{edge.Meetings}\" data-documents=\"{edge.Documents}\">"));
            html.Append(Invariant($"<line class=\"edge\" x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke-width=\"{width:0.##}\"><title>"));
            Encode(html, edge.FirstName);
            html.Append(" – ");
            Encode(html, edge.SecondName);
            html.Append(": ").Append(Count(edge.Meetings, "meeting")).Append(" in ").Append(Count(edge.Documents, "document")).Append("</title></line>");
            html.Append(Invariant($"<text class=\"edge-count\" x=\"{x1 + ((x2 - x1) * LabelAt):0.#}\" y=\"{y1 + ((y2 - y1) * LabelAt) - 3:0.#}\">{edge.Meetings}</text></g>"));
        }

        html.Append("</g><g class=\"nodes\">");
        foreach (MeetingGraphNode node in Nodes)
        {
            (double x, double y) = positions[node.Id];
            bool right = x >= Width / 2;
            html.Append("<g class=\"node\" data-id=\"");
            Encode(html, node.Id);
            html.Append(Invariant($"\" data-meetings=\"{node.Meetings}\"><circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{NodeRadius}\"><title>"));
            Encode(html, node.Name);
            html.Append(": ").Append(Count(node.Meetings, "meeting")).Append("</title></circle>");
            html.Append(Invariant($"<text x=\"{x + (right ? 10 : -10):0.#}\" y=\"{y + 4:0.#}\" text-anchor=\"{(right ? "start" : "end")}\">"));
            Encode(html, node.Name);
            html.Append("</text></g>");
        }

        html.Append("</g></svg>");
    }

    private void AppendTimeline(StringBuilder html)
    {
        html.Append("<table class=\"meeting-timeline\"><thead><tr><th>date</th><th>type</th><th>arguments</th><th>document</th><th>sentence</th></tr></thead><tbody>");
        foreach (StoredFact fact in Timeline)
        {
            html.Append("<tr><td>").Append(fact.Date is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "undated").Append("</td><td>");
            Encode(html, fact.Type);
            html.Append("</td><td>");
            foreach (StoredArgument argument in fact.Arguments)
            {
                html.Append("<b>");
                Encode(html, argument.Name);
                html.Append("</b>: ");
                Encode(html, string.Join(", ", argument.Values));
                html.Append("<br>");
            }

            html.Append("</td><td>");
            Encode(html, fact.DocumentId);
            html.Append('#').Append(fact.Sentence.ToString(CultureInfo.InvariantCulture)).Append("</td><td>");
            Encode(html, fact.SentenceText);
            html.Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    // The core library's HTML encoding (one place for it).
    private static void Encode(StringBuilder html, string value) => Extraction.Display.HtmlRenderer.AppendEncoded(html, value);
}

/// <summary>A node of a <see cref="MeetingGraph"/>: a store-wide entity and the number of meetings on its edges. Immutable and thread-safe.</summary>
/// <param name="Id">The store-wide entity id (<c>per-…</c>, <c>org-…</c>, ...).</param>
/// <param name="Name">The entity's name.</param>
/// <param name="Meetings">The sum of the meeting counts of the node's edges in the graph.</param>
public sealed record MeetingGraphNode(string Id, string Name, int Meetings);
