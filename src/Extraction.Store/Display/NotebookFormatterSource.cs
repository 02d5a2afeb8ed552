namespace Extraction.Store.Display;

/// <summary>
/// Lets .NET Interactive notebooks display a <see cref="MeetingGraph"/> as HTML without this package depending
/// on the notebook packages: the notebook's formatter finds an attribute with this name by convention (the same
/// convention the core library uses for <c>ExtractionResult</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    public Type FormatterSourceType { get; }

    public string[] PreferredMimeTypes { get; set; } = ["text/html"];
}

/// <summary>The formatter source named by <see cref="TypeFormatterSourceAttribute"/> (found by convention, so members are public).</summary>
internal sealed class MeetingGraphFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() => [new HtmlFormatter()];

    /// <summary>Formats a <see cref="MeetingGraph"/> as text/html.</summary>
    internal sealed class HtmlFormatter
    {
        public string MimeType => "text/html";

        public Type Type => typeof(MeetingGraph);

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not MeetingGraph graph)
            {
                return false;
            }

            writer.Write(graph.ToHtml());
            return true;
        }
    }
}
