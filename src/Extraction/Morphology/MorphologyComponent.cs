using Extraction.Pipeline;

namespace Extraction.Morphology;

/// <summary>
/// Pipeline component that adds UPOS and STTS tags, lemmas and case/number/gender to every token.
/// Immutable and thread-safe.
/// </summary>
internal sealed class MorphologyComponent : IPipelineComponent
{
    private readonly MorphologyAnnotator _annotator;
    private readonly LemmaConventions _conventions;

    public MorphologyComponent(MorphologyAnnotator annotator, LemmaConventions conventions = LemmaConventions.Default)
    {
        _annotator = annotator;
        _conventions = conventions;
    }

    public string Name => "morphology";

    public Annotation Requires => Annotation.Tokens | Annotation.Sentences;

    public Annotation Produces => Annotation.PartOfSpeech | Annotation.Lemmas;

    /// <summary>The component with the models embedded in the assembly (loaded once).</summary>
    public static MorphologyComponent CreateDefault() => new(EmbeddedMorphology.Annotator);

    /// <summary>The component with a POS model file and a lexicon file (retrained models); not cached.</summary>
    /// <exception cref="ModelFormatException">A file is not a valid model of its kind.</exception>
    public static MorphologyComponent Load(string modelPath, string lexiconPath)
    {
        MorphLexicon lexicon;
        using (FileStream stream = File.OpenRead(lexiconPath))
        {
            lexicon = MorphLexicon.Read(stream, lexiconPath);
        }

        using FileStream model = File.OpenRead(modelPath);
        return new(new MorphologyAnnotator(MorphModel.Read(model, modelPath), lexicon));
    }

    public void Process(Document document, CancellationToken cancellationToken)
    {
        int count = document.TokenCount;
        var upos = new string?[count];
        var stts = new string?[count];
        var lemmas = new string?[count];
        var morph = new string?[count];
        for (int s = 0; s < document.SentenceCount; s++)
        {
            if ((s & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int first = document.SentenceFirstTokens[s];
            int length = document.SentenceFirstTokens[s + 1] - first;
            _annotator.AnnotateSentence(document.Text, document.TokenStarts, document.TokenLengths, first, length, upos, stts, lemmas, morph, _conventions);
        }

        document.UposArray = upos;
        document.SttsArray = stts;
        document.LemmaArray = lemmas;
        document.MorphArray = morph;
    }
}

/// <summary>The morphology models embedded in the assembly, loaded on first use.</summary>
internal static class EmbeddedMorphology
{
    public const string LexiconResource = "Extraction.Models.lexicon-de.bin";
    public const string ModelResource = "Extraction.Models.pos-de.bin";

    /// <summary>The file names in a model folder (<see cref="ExtractorOptions.ModelDirectory"/>).</summary>
    public const string LexiconFileName = "lexicon-de.bin";

    public const string ModelFileName = "pos-de.bin";

    private static readonly Lazy<MorphologyAnnotator> Lazy = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static MorphologyAnnotator Annotator => Lazy.Value;

    private static MorphologyAnnotator Load()
    {
        MorphLexicon lexicon;
        using (Stream stream = Open(LexiconResource))
        {
            lexicon = MorphLexicon.Read(stream, "lexicon-de.bin");
        }

        MorphModel model;
        using (Stream stream = Open(ModelResource))
        {
            model = MorphModel.Read(stream, "pos-de.bin");
        }

        return new MorphologyAnnotator(model, lexicon);
    }

    private static Stream Open(string name) =>
        typeof(EmbeddedMorphology).Assembly.GetManifestResourceStream(name)
        ?? throw new ModelFormatException($"Model file '{name}' is not embedded in the Extraction assembly; rebuild it with the files in models/.");
}
