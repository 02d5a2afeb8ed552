namespace Extraction;

/// <summary>
/// The dateline that opens a news article (<c>KIEW / LONDON (dpa) –</c>): the places it was filed from
/// and the agency or source. Immutable and thread-safe.
/// </summary>
public sealed class Dateline
{
    internal Dateline(TextSpan span, IReadOnlyList<string> places, string? source)
    {
        Span = span;
        Places = places;
        Source = source;
    }

    /// <summary>The characters of the dateline, including its closing dash.</summary>
    public TextSpan Span { get; }

    /// <summary>The places, as names in ordinary case (<c>KIEW</c> gives <c>Kiew</c>), at least one.</summary>
    public IReadOnlyList<string> Places { get; }

    /// <summary>The source in brackets (<c>dpa</c>, <c>AFP</c>), or null when the dateline names none.</summary>
    public string? Source { get; }

    /// <inheritdoc />
    public override string ToString() => string.Join(" / ", Places) + (Source is null ? string.Empty : " (" + Source + ")");
}
