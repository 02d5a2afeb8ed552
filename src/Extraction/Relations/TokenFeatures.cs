using System.Buffers;

namespace Extraction.Relations;

/// <summary>
/// What rules see of each token of one document: lower-case form, lemma, UPOS and STTS tags, the entity
/// it belongs to and the noun-phrase chunk it starts. Built once per document by the relation component.
/// </summary>
internal sealed class TokenFeatures : IDisposable
{
    private bool _returned;

    public TokenFeatures(Document document, IReadOnlyList<Entity> entities)
    {
        Document = document;
        int count = document.TokenCount;
        Count = count;
        // The per-token arrays live only while the relation layer works on the document: rented, and given back
        // by Dispose (arrays may be longer than the document; only the first Count entries are used).
        Texts = ArrayPool<string>.Shared.Rent(count);
        Lower = ArrayPool<string>.Shared.Rent(count);
        Lemma = ArrayPool<string>.Shared.Rent(count);
        Upos = ArrayPool<string?>.Shared.Rent(count);
        Stts = ArrayPool<string?>.Shared.Rent(count);
        EntityIndex = ArrayPool<int>.Shared.Rent(count);
        ChunkEnd = ArrayPool<int>.Shared.Rent(count);
        EntityIndex.AsSpan(0, count).Fill(-1);
        for (int i = 0; i < count; i++)
        {
            Token token = document.GetToken(i);
            ReadOnlySpan<char> text = document.Text.AsSpan(document.TokenStarts[i], document.TokenLengths[i]);
            string pooled = Pipeline.StringPool.Get(text);
            Texts[i] = pooled;
            Lower[i] = Pipeline.StringPool.GetLower(pooled);
            string? lemma = token.Lemma;
            Lemma[i] = lemma is null ? Lower[i] : Pipeline.StringPool.GetLower(lemma);
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
        ChunkEnd.AsSpan(0, count).Fill(-1);
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

    /// <summary>Gives the per-token arrays back to the pool; the features must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_returned)
        {
            return;
        }

        _returned = true;
        ArrayPool<string>.Shared.Return(Texts, clearArray: true);
        ArrayPool<string>.Shared.Return(Lower, clearArray: true);
        ArrayPool<string>.Shared.Return(Lemma, clearArray: true);
        ArrayPool<string?>.Shared.Return(Upos, clearArray: true);
        ArrayPool<string?>.Shared.Return(Stts, clearArray: true);
        ArrayPool<int>.Shared.Return(EntityIndex);
        ArrayPool<int>.Shared.Return(ChunkEnd);
    }

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
