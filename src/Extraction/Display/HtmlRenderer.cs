using System.Text;

namespace Extraction.Display;

/// <summary>
/// Renders a result as self-contained HTML: the text with entities highlighted inline and labelled (in
/// the manner of displaCy), followed by a table of the relations. Every piece of input text is
/// HTML-encoded, so markup in the input (a <c>&lt;script&gt;</c>) is shown, never run.
/// </summary>
internal static class HtmlRenderer
{
    private const string Style =
        ".extraction{font-family:system-ui,sans-serif;line-height:2.2;max-width:60em}" +
        ".extraction mark{padding:.15em .35em;margin:0 .1em;border-radius:.3em;line-height:1}" +
        ".extraction mark span{font-size:.65em;font-weight:bold;margin-left:.4em;text-transform:uppercase;vertical-align:middle}" +
        ".extraction .PER{background:#aa9cfc}.extraction .ROLE{background:#feca74}.extraction .LOC{background:#9cc9cc}" +
        ".extraction .ORG{background:#7aecec}.extraction .MISC{background:#e4e7d2}" +
        ".extraction table{border-collapse:collapse;margin-top:1em;line-height:1.4}" +
        ".extraction th,.extraction td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}";

    public static string Render(ExtractionResult result)
    {
        var html = new StringBuilder(result.Text.Length * 2 + 1024);
        html.Append("<div class=\"extraction\"><style>").Append(Style).Append("</style><div class=\"extraction-text\">");
        string text = result.Text;
        int position = 0;
        foreach (Entity entity in result.Entities)
        {
            if (entity.Start < position)
            {
                continue; // overlapping mentions are listed once, by the first
            }

            AppendText(html, text, position, entity.Start);
            html.Append("<mark class=\"").Append(entity.LabelCode).Append("\" title=\"")
                .Append(Encode(entity.Canonical)).Append("\">");
            AppendText(html, text, entity.Start, entity.End);
            html.Append("<span>").Append(entity.LabelCode).Append("</span></mark>");
            position = entity.End;
        }

        AppendText(html, text, position, text.Length);
        html.Append("</div>");
        if (result.Relations.Count > 0)
        {
            html.Append("<table class=\"extraction-relations\"><thead><tr><th>type</th><th>arguments</th><th>modality</th><th>trigger</th><th>rule</th><th>score</th></tr></thead><tbody>");
            foreach (Relation relation in result.Relations)
            {
                html.Append("<tr><td>").Append(Encode(relation.Type)).Append("</td><td>");
                foreach (KeyValuePair<string, RelationArgument> argument in relation.Arguments)
                {
                    html.Append("<b>").Append(Encode(argument.Key)).Append("</b>: ")
                        .Append(Encode(argument.Value.ToString())).Append("<br>");
                }

                html.Append("</td><td>").Append(relation.Modality.ToString().ToLowerInvariant()).Append("</td><td>");
                AppendText(html, text, Math.Clamp(relation.Trigger.Start, 0, text.Length), Math.Clamp(relation.Trigger.End, 0, text.Length));
                html.Append("</td><td>").Append(Encode(relation.Rule)).Append("</td><td>")
                    .Append(relation.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</div>");
        return html.ToString();
    }

    private static void AppendText(StringBuilder html, string text, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                html.Append("<br>"); // line breaks stay visible
            }
            else if (c != '\r')
            {
                AppendEncoded(html, c);
            }
        }
    }

    private static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 16);
        AppendEncoded(builder, value);
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="value"/> HTML-encoded (text and attribute values); shared with the store's notebook view.</summary>
    internal static void AppendEncoded(StringBuilder html, string value)
    {
        foreach (char c in value)
        {
            AppendEncoded(html, c);
        }
    }

    // Escapes what HTML needs escaped in text and attribute values; German letters stay readable.
    private static void AppendEncoded(StringBuilder html, char c)
    {
        switch (c)
        {
            case '&': html.Append("&amp;"); break;
            case '<': html.Append("&lt;"); break;
            case '>': html.Append("&gt;"); break;
            case '"': html.Append("&quot;"); break;
            case '\'': html.Append("&#39;"); break;
            case '\0': html.Append('\uFFFD'); break;
            default: html.Append(c); break;
        }
    }
}

/// <summary>
/// Lets .NET Interactive notebooks display results as HTML without this library depending on the
/// notebook packages: the notebook's formatter finds an attribute with this name by convention.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    public Type FormatterSourceType { get; }

    public string[] PreferredMimeTypes { get; set; } = ["text/html"];
}

/// <summary>The formatter source named by <see cref="TypeFormatterSourceAttribute"/> (found by convention, so members are public).</summary>
internal sealed class NotebookFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() => [new HtmlFormatter()];

    /// <summary>Formats an <see cref="ExtractionResult"/> as text/html.</summary>
    internal sealed class HtmlFormatter
    {
        public string MimeType => "text/html";

        public Type Type => typeof(ExtractionResult);

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not ExtractionResult result)
            {
                return false;
            }

            writer.Write(HtmlRenderer.Render(result));
            return true;
        }
    }
}
