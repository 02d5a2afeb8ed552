using Extraction.Pipeline;

namespace Extraction.Ner;

/// <summary>
/// The statistical NER step: tags every token with a GermEval outer BIO tag (kept on the document for
/// later layers) and adds PER, LOC, ORG and OTH mentions as <see cref="Entity"/> objects
/// (<c>deriv</c> and <c>part</c> mentions stay token tags only). An entity's score is the smallest
/// forward-backward marginal probability of its tokens' tags. Immutable and thread-safe.
/// </summary>
internal sealed class NerComponent : IPipelineComponent
{
    /// <summary>The logical name of the embedded default model.</summary>
    public const string ResourceName = "Extraction.Models.ner-de.bin";

    /// <summary>The file name of the model in a model folder (<see cref="ExtractorOptions.ModelDirectory"/>).</summary>
    public const string ModelFileName = "ner-de.bin";

    private static readonly Lazy<NerModel> EmbeddedModel = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly NerTagger _tagger;

    public NerComponent(NerModel model) => _tagger = new NerTagger(model);

    public string Name => "ner";

    public Annotation Requires => Annotation.Tokens | Annotation.Sentences;

    public Annotation Produces => Annotation.NamedEntityTags | Annotation.Entities;

    public NerModel Model => _tagger.Model;

    /// <summary>Whether the assembly carries the default model.</summary>
    public static bool HasEmbeddedModel => typeof(NerComponent).Assembly.GetManifestResourceInfo(ResourceName) is not null;

    /// <summary>Creates the component with a model file (a retrained model); not cached.</summary>
    /// <exception cref="ModelFormatException">The file is not a valid NER model.</exception>
    public static NerComponent Load(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return new(NerModelFormat.Read(stream, path));
    }

    /// <summary>Creates the component with the embedded default model (loaded once per process).</summary>
    public static NerComponent CreateDefault() => new(EmbeddedModel.Value);

    /// <summary>The embedded default model.</summary>
    public static NerModel DefaultModel => EmbeddedModel.Value;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var marginals = new double[document.TokenCount];
        byte[] tags = _tagger.TagDocument(document, marginals, cancellationToken);
        document.NerTagArray = tags;
        AddEntities(document, tags, marginals);
    }

    internal static void AddEntities(Document document, ReadOnlySpan<byte> tags, ReadOnlySpan<double> marginals)
    {
        int i = 0;
        while (i < document.TokenCount)
        {
            int tag = tags[i];
            if (!NerTags.IsBegin(tag))
            {
                i++;
                continue;
            }

            int label = NerTags.LabelOf(tag);
            int start = i;
            double score = marginals[i];
            i++;
            while (i < document.TokenCount && tags[i] == NerTags.Inside(label) && !IsSentenceStart(document, i))
            {
                score = Math.Min(score, marginals[i]);
                i++;
            }

            if (!NerTags.IsEntityLabel(label))
            {
                continue;
            }

            int startOffset = document.TokenStarts[start];
            int endOffset = document.TokenStarts[i - 1] + document.TokenLengths[i - 1];
            string text = document.Text[startOffset..endOffset];
            string id = "e" + (document.EntityList.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            document.EntityList.Add(new Entity(text, NerTags.ToEntityLabel(label), startOffset, endOffset, text, id, Math.Round(score, 4)));
        }
    }

    private static bool IsSentenceStart(Document document, int token) => (document.TokenFlagsArray[token] & TokenFlags.SentenceStart) != 0;

    private static NerModel LoadEmbedded()
    {
        using Stream? stream = typeof(NerComponent).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new ModelFormatException($"NER model '{ResourceName}': the embedded resource is missing from the assembly.");
        return NerModelFormat.Read(stream, ResourceName);
    }
}
