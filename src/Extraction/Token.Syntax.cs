namespace Extraction;

public readonly partial struct Token
{
    /// <summary>
    /// The index (into <see cref="Document.Tokens"/>) of the token's syntactic head in the dependency tree of its
    /// sentence, or −1 for the sentence's root and when the pipeline has no parser.
    /// </summary>
    public int Head => _document.HeadArray is { } heads ? heads[Index] : -1;

    /// <summary>
    /// The Universal Dependencies relation to the head (<c>nsubj</c>, <c>obj</c>, <c>obl</c>, <c>nmod</c>, ...,
    /// <c>root</c> for the root), in UD German GSD's conventions; null when the pipeline has no parser.
    /// </summary>
    public string? DepRel => _document.DepRelArray?[Index];

    /// <summary>The head as a token, or null for a root (and without a parser).</summary>
    public Token? Governor => Head >= 0 ? new Token(_document, Head) : null;

    /// <summary>The token's dependents in the tree, in text order. Enumerating allocates nothing.</summary>
    public Dependents Children => new(_document, Index, null, includeParent: false);

    /// <summary>
    /// The coordination group the token belongs to: its first conjunct, then every token attached to that one
    /// by <c>conj</c>, in text order ("Merz und Macron" gives both). A token outside any coordination gives itself.
    /// </summary>
    public Dependents Conjuncts
    {
        get
        {
            int first = Index;
            string?[]? labels = _document.DepRelArray;
            int[]? heads = _document.HeadArray;
            while (labels is not null && heads is not null && labels[first] == "conj" && heads[first] >= 0)
            {
                first = heads[first];
            }

            return new Dependents(_document, first, "conj", includeParent: true);
        }
    }

    /// <summary>The dependents with relation <paramref name="relation"/> or one of its subtypes (<c>obl</c> also gives <c>obl:agent</c>).</summary>
    /// <param name="relation">A UD relation such as <c>obj</c>.</param>
    /// <returns>The dependents, in text order.</returns>
    public Dependents ChildrenWith(string relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return new Dependents(_document, Index, relation, includeParent: false);
    }

    /// <summary>The first dependent with relation <paramref name="relation"/> (or a subtype), or null.</summary>
    internal Token? FirstChild(string relation)
    {
        foreach (Token child in ChildrenWith(relation))
        {
            return child;
        }

        return null;
    }
}
