using Extraction.Ner;

namespace Extraction.Training.Ner;

/// <summary>
/// A gazetteer of entity phrases (1 to <see cref="NerLexicon.MaxPhraseLength"/> tokens) compiled from
/// training sentences: for each phrase the label it carried most often and how reliably the token
/// sequence is that entity wherever it occurs (bucketed). Used with jackknifing: training sentences
/// see a gazetteer built from the other folds only, so the tagger learns how far to trust it.
/// </summary>
internal static class PhraseGazetteer
{
    public static Dictionary<ulong, int> Build(IReadOnlyList<LabeledSentence> sentences, Func<int, bool> include)
    {
        var labelCounts = new Dictionary<ulong, int[]>();
        var hashes = new List<ulong[]>(sentences.Count);
        for (int s = 0; s < sentences.Count; s++)
        {
            ulong[] words = sentences[s].Tokens.Select(t => FeatureHash.Exact(t)).ToArray();
            hashes.Add(words);
            if (!include(s))
            {
                continue;
            }

            int[] tags = sentences[s].Tags;
            int i = 0;
            while (i < tags.Length)
            {
                if (!NerTags.IsBegin(tags[i]))
                {
                    i++;
                    continue;
                }

                int label = NerTags.LabelOf(tags[i]);
                int start = i++;
                while (i < tags.Length && tags[i] == NerTags.Inside(label))
                {
                    i++;
                }

                if (i - start <= NerLexicon.MaxPhraseLength)
                {
                    ulong key = NerLexicon.PhraseKey(words.AsSpan(start, i - start));
                    if (!labelCounts.TryGetValue(key, out int[]? counts))
                    {
                        counts = new int[NerTags.LabelCount];
                        labelCounts[key] = counts;
                    }

                    counts[label]++;
                }
            }
        }

        // Token level: the entity tag (label and B/I) each word form carries most often.
        var tokenCounts = new Dictionary<ulong, int[]>();
        var tokenTotals = new Dictionary<ulong, int>();
        for (int s = 0; s < sentences.Count; s++)
        {
            if (!include(s))
            {
                continue;
            }

            int[] tags = sentences[s].Tags;
            for (int i = 0; i < tags.Length; i++)
            {
                ulong key = NerLexicon.TokenKey(hashes[s][i]);
                tokenTotals[key] = tokenTotals.GetValueOrDefault(key) + 1;
                if (tags[i] != NerTags.Outside)
                {
                    if (!tokenCounts.TryGetValue(key, out int[]? counts))
                    {
                        counts = new int[NerTags.TagCount];
                        tokenCounts[key] = counts;
                    }

                    counts[tags[i]]++;
                }
            }
        }

        // How often each candidate token sequence occurs at all (entity or not).
        var totals = new Dictionary<ulong, int>();
        for (int s = 0; s < sentences.Count; s++)
        {
            if (!include(s))
            {
                continue;
            }

            ulong[] words = hashes[s];
            for (int i = 0; i < words.Length; i++)
            {
                for (int length = 1; length <= NerLexicon.MaxPhraseLength && i + length <= words.Length; length++)
                {
                    ulong key = NerLexicon.PhraseKey(words.AsSpan(i, length));
                    if (labelCounts.ContainsKey(key))
                    {
                        totals[key] = totals.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        var result = new Dictionary<ulong, int>(labelCounts.Count);
        foreach (KeyValuePair<ulong, int[]> pair in labelCounts)
        {
            int best = 0;
            for (int label = 1; label < NerTags.LabelCount; label++)
            {
                if (pair.Value[label] > pair.Value[best])
                {
                    best = label;
                }
            }

            int total = Math.Max(totals.GetValueOrDefault(pair.Key), pair.Value.Sum());
            double ratio = (double)pair.Value[best] / total;
            int bucket = ratio >= 0.9 ? 3 : ratio >= 0.6 ? 2 : ratio >= 0.3 ? 1 : 0;
            int seen = pair.Value.Sum() >= 3 ? 1 : 0;
            result[pair.Key] = (best + 1) | (bucket << 8) | (seen << 10);
        }

        foreach (KeyValuePair<ulong, int[]> pair in tokenCounts)
        {
            int best = 1;
            for (int tag = 2; tag < NerTags.TagCount; tag++)
            {
                if (pair.Value[tag] > pair.Value[best])
                {
                    best = tag;
                }
            }

            int total = tokenTotals[pair.Key];
            double ratio = (double)pair.Value.Sum() / total;
            int bucket = ratio >= 0.9 ? 3 : ratio >= 0.6 ? 2 : ratio >= 0.3 ? 1 : 0;
            int seen = total >= 3 ? 1 : 0;
            result[pair.Key] = best | (bucket << 8) | (seen << 10);
        }

        return result;
    }

    /// <summary>A lexicon with the base word lists plus a phrase gazetteer.</summary>
    public static NerLexicon Combine(NerLexicon baseLexicon, Dictionary<ulong, int> phrases)
    {
        var keys = new List<ulong>(baseLexicon.Keys.Length + phrases.Count);
        var values = new List<int>(keys.Capacity);
        keys.AddRange(baseLexicon.Keys);
        values.AddRange(baseLexicon.Values);
        foreach (KeyValuePair<ulong, int> pair in phrases.OrderBy(p => p.Key))
        {
            keys.Add(pair.Key);
            values.Add(pair.Value);
        }

        return new NerLexicon([.. keys], [.. values]);
    }
}
