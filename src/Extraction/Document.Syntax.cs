namespace Extraction;

public sealed partial class Document
{
    // Dependency trees written by Syntax.ParserComponent; null until it runs. Heads are document token
    // indices (-1 for a sentence's root); labels are shared strings. Children are linked lists in token
    // order: the first child of each token and the next sibling of each token (-1 for none).
    internal int[]? HeadArray { get; set; }

    internal string?[]? DepRelArray { get; set; }

    internal int[]? FirstChildArray { get; set; }

    internal int[]? NextSiblingArray { get; set; }
}
