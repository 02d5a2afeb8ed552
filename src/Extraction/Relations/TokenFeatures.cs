namespace Extraction.Relations;

/// <summary>
/// What rules see of each token of one document: lower-case form, lemma, UPOS and STTS tags, the entity
/// it belongs to and the noun-phrase chunk it starts. Built once per document by the relation component.
/// </summary>
internal sealed class TokenFeatures
{
    public TokenFeatures(Document document, IReadOnlyList<Entity> entities)
    {
        Document = document;
        int count = document.TokenCount;
        Count = count;
        Texts = new string[count];
        Lower = new string[count];
        Lemma = new string[count];
        Upos = new string?[count];
        Stts = new string?[count];
        EntityIndex = new int[count];
        ChunkEnd = new int[count];
        Array.Fill(EntityIndex, -1);
        for (int i = 0; i < count; i++)
        {
            Token token = document.GetToken(i);
            string text = token.Text;
            Texts[i] = text;
            Lower[i] = text.ToLowerInvariant();
            string? lemma = token.Lemma;
            Lemma[i] = lemma is null ? Lower[i] : lemma.ToLowerInvariant();
            Upos[i] = token.Pos;
            Stts[i] = token.Tag;
        }

        Entities = entities;
        int cursor = 0;
        for (int e = 0; e < entities.Count; e++)
        {
            Entity entity = entities[e];
            while (cursor < count && document.TokenStarts[cursor] + document.TokenLengths[cursor] <= entity.Start)
            {
                cursor++;
            }

            for (int t = cursor; t < count && document.TokenStarts[t] < entity.End; t++)
            {
                if (EntityIndex[t] < 0)
                {
                    EntityIndex[t] = e;
                }
            }
        }

        // Noun-phrase chunks: maximal runs of determiners, adjectives, numbers, nouns and entity tokens
        // within a sentence; ChunkEnd is set at the run's first token.
        Array.Fill(ChunkEnd, -1);
        for (int s = 0; s < document.SentenceCount; s++)
        {
            int first = document.SentenceFirstTokens[s];
            int last = document.SentenceFirstTokens[s + 1];
            int i = first;
            while (i < last)
            {
                if (!IsNominal(i))
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < last && IsNominal(i))
                {
                    i++;

                    // "der Ukraine weitere Luftabwehrsysteme": a name followed by a new determiner or adjective ends the chunk.
                    if (i < last && EntityIndex[i - 1] >= 0 && EntityIndex[i] < 0 && Upos[i] is "DET" or "ADJ" or "NUM")
                    {
                        break;
                    }
                }

                ChunkEnd[start] = i;
            }
        }
    }

    public Document Document { get; }

    public int Count { get; }

    public string[] Texts { get; }

    public string[] Lower { get; }

    public string[] Lemma { get; }

    public string?[] Upos { get; }

    public string?[] Stts { get; }

    public int[] EntityIndex { get; }

    public int[] ChunkEnd { get; }

    public IReadOnlyList<Entity> Entities { get; }

    public bool IsNominal(int i) => EntityIndex[i] >= 0 || Upos[i] is "DET" or "ADJ" or "NUM" or "NOUN" or "PROPN";

    public EntityLabel? LabelAt(int i) => EntityIndex[i] >= 0 ? Entities[EntityIndex[i]].Label : null;

    public bool IsEntityStart(int i) => EntityIndex[i] >= 0 && (i == 0 || EntityIndex[i - 1] != EntityIndex[i]);

    public int EntityEnd(int i)
    {
        int e = EntityIndex[i];
        int j = i;
        while (j < Count && EntityIndex[j] == e)
        {
            j++;
        }

        return j;
    }

    /// <summary>How many tokens <paramref name="element"/> consumes at <paramref name="position"/> (0: no match).</summary>
    public int Consume(PatternElement element, int position, int limit)
    {
        int end;
        int head;
        switch (element.Unit)
        {
            case PatternUnit.Entity:
                if (!IsEntityStart(position))
                {
                    return 0;
                }

                end = Math.Min(EntityEnd(position), limit);
                head = end - 1;
                break;
            case PatternUnit.NounPhrase:
                if (ChunkEnd[position] < 0)
                {
                    return 0;
                }

                end = Math.Min(ChunkEnd[position], limit);
                head = end - 1;
                break;
            default:
                end = position + 1;
                head = position;
                break;
        }

        bool ok = Test(element, head, position, end);
        return ok != element.Negated ? end - position : 0;
    }

    private bool Test(PatternElement element, int head, int start, int end)
    {
        if (element.Pos is { } pos && (Upos[head] is not { } upos || !pos.Contains(upos)))
        {
            return false;
        }

        if (element.Tag is { } tag && (Stts[head] is not { } stts || !tag.Contains(stts)))
        {
            return false;
        }

        if (element.Lemma is { } lemma && !lemma.Matches(Lemma[head]))
        {
            return false;
        }

        if (element.Lower is { } lower && !lower.Matches(Lower[head]))
        {
            return false;
        }

        if (element.Text is { } text && !text.Matches(Texts[head]))
        {
            return false;
        }

        if (element.Entity is { } labels)
        {
            bool any = false;
            for (int i = start; i < end && !any; i++)
            {
                EntityLabel? label = LabelAt(i);
                any = label is null ? labels.Contains("NONE") : labels.Contains("ANY") || labels.Contains(Entity.ToCode(label.Value));
            }

            if (!any)
            {
                return false;
            }
        }

        if (element.Role is { } role)
        {
            bool isRole = false;
            for (int i = start; i < end && !isRole; i++)
            {
                isRole = LabelAt(i) == EntityLabel.Role;
            }

            if (isRole != role)
            {
                return false;
            }
        }

        return true;
    }
}
