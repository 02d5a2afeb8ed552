using Extraction.Ner;

namespace Extraction.Training.Ner;

/// <summary>
/// Sentences turned into feature ids once, for fast training epochs: for every token the ids of its
/// hashed features (from the library's own <see cref="NerFeatureExtractor"/>, so training and tagging
/// agree), and the gold tags.
/// </summary>
internal sealed class FeatureCorpus
{
    private FeatureCorpus(int[][] features, int[][] tokenEnds, int[][] tags)
    {
        Features = features;
        TokenEnds = tokenEnds;
        Tags = tags;
    }

    /// <summary>Per sentence, the feature ids of all its tokens, concatenated.</summary>
    public int[][] Features { get; }

    /// <summary>Per sentence, the end of each token's ids in <see cref="Features"/>.</summary>
    public int[][] TokenEnds { get; }

    public int[][] Tags { get; }

    public int Count => Features.Length;

    /// <summary>
    /// Extracts features; when <paramref name="grow"/> is true unknown keys get new ids (training),
    /// otherwise they are dropped.
    /// </summary>
    public static FeatureCorpus Build(IReadOnlyList<LabeledSentence> sentences, NerFeatureExtractor extractor, FeatureSpace space, bool grow) =>
        Build(sentences, _ => extractor, space, grow);

    /// <summary>As above, with a possibly different extractor per sentence (jackknifed gazetteers).</summary>
    public static FeatureCorpus Build(IReadOnlyList<LabeledSentence> sentences, Func<int, NerFeatureExtractor> extractorFor, FeatureSpace space, bool grow)
    {
        var features = new int[sentences.Count][];
        var ends = new int[sentences.Count][];
        var tags = new int[sentences.Count][];
        var ids = new List<int>(4096);
        ulong[] buffer = new ulong[256 * NerFeatureExtractor.MaxFeaturesPerToken];
        int[] counts = new int[256];
        for (int s = 0; s < sentences.Count; s++)
        {
            LabeledSentence sentence = sentences[s];
            Document document = Document.FromTokens([sentence.Tokens]);
            int n = document.TokenCount;
            if (buffer.Length < n * NerFeatureExtractor.MaxFeaturesPerToken)
            {
                buffer = new ulong[n * NerFeatureExtractor.MaxFeaturesPerToken];
                counts = new int[n];
            }

            extractorFor(s).Extract(document.Text, document.TokenStarts.AsSpan(0, n), document.TokenLengths.AsSpan(0, n), document.TokenKinds.AsSpan(0, n), buffer, counts);
            ids.Clear();
            var tokenEnds = new int[n];
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<ulong> keys = buffer.AsSpan(i * NerFeatureExtractor.MaxFeaturesPerToken, counts[i]);
                foreach (ulong key in keys)
                {
                    int id = grow ? space.GetOrAdd(key) : space.Get(key);
                    if (id >= 0)
                    {
                        ids.Add(id);
                    }
                }

                tokenEnds[i] = ids.Count;
            }

            features[s] = [.. ids];
            ends[s] = tokenEnds;
            tags[s] = sentence.Tags;
        }

        return new FeatureCorpus(features, ends, tags);
    }
}

/// <summary>Maps feature keys to dense ids and counts occurrences.</summary>
internal sealed class FeatureSpace
{
    private readonly Dictionary<ulong, int> _ids = new(1 << 20);

    public List<ulong> Keys { get; } = new(1 << 20);

    public List<int> Counts { get; } = new(1 << 20);

    public int Count => Keys.Count;

    public int GetOrAdd(ulong key)
    {
        if (!_ids.TryGetValue(key, out int id))
        {
            id = Keys.Count;
            _ids[key] = id;
            Keys.Add(key);
            Counts.Add(0);
        }

        Counts[id]++;
        return id;
    }

    public int Get(ulong key) => _ids.TryGetValue(key, out int id) ? id : -1;
}
