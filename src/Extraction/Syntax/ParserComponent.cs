using Extraction.Pipeline;

namespace Extraction.Syntax;

/// <summary>
/// Pipeline component that adds a dependency tree to every sentence: each token's head and UD relation
/// label, and the child lists the syntax views read. Reads the morphology layer's tags, lemmas and
/// case/number/gender. Immutable and thread-safe.
/// </summary>
internal sealed class ParserComponent : IPipelineComponent
{
    /// <summary>The file name in a model folder (<see cref="ExtractorOptions.ModelDirectory"/>).</summary>
    public const string ModelFileName = "parser-de.bin";

    public const string ResourceName = "Extraction.Models.parser-de.bin";

    private static readonly Lazy<DependencyParser> EmbeddedParser = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly DependencyParser _parser;

    public ParserComponent(DependencyParser parser) => _parser = parser;

    public string Name => "parser";

    public Annotation Requires => Annotation.Tokens | Annotation.Sentences | Annotation.PartOfSpeech | Annotation.Lemmas;

    public Annotation Produces => Annotation.Dependencies;

    /// <summary>The component with the model embedded in the assembly (loaded once).</summary>
    public static ParserComponent CreateDefault() => new(Embedded);

    /// <summary>The parser with the model embedded in the assembly (loaded on first use).</summary>
    public static DependencyParser Embedded => EmbeddedParser.Value;

    /// <summary>The component with a parser model file (a retrained model); not cached.</summary>
    /// <exception cref="ModelFormatException">The file is not a valid parser model.</exception>
    public static ParserComponent Load(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return new(new DependencyParser(ParserModel.Read(stream, path)));
    }

    public void Process(Document document, CancellationToken cancellationToken)
    {
        int count = document.TokenCount;
        var heads = new int[count];
        var labels = new string?[count];
        for (int s = 0; s < document.SentenceCount; s++)
        {
            if ((s & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int first = document.SentenceFirstTokens[s];
            _parser.ParseSentence(document, first, document.SentenceFirstTokens[s + 1] - first, heads, labels);
        }

        SetTrees(document, heads, labels);
    }

    /// <summary>Stores heads and labels in the document with their child lists (also for gold trees in evaluation and tests).</summary>
    internal static void SetTrees(Document document, int[] heads, string?[] labels)
    {
        int count = document.TokenCount;
        var firstChild = new int[count];
        var nextSibling = new int[count];
        firstChild.AsSpan().Fill(-1);
        nextSibling.AsSpan().Fill(-1);
        for (int t = count - 1; t >= 0; t--)
        {
            int head = heads[t];
            if (head >= 0)
            {
                nextSibling[t] = firstChild[head];
                firstChild[head] = t;
            }
        }

        document.HeadArray = heads;
        document.DepRelArray = labels;
        document.FirstChildArray = firstChild;
        document.NextSiblingArray = nextSibling;
    }

    private static DependencyParser LoadEmbedded()
    {
        using Stream stream = typeof(ParserComponent).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new ModelFormatException($"Model file '{ResourceName}' is not embedded in the Extraction assembly; rebuild it with models/parser-de.bin.");
        return new DependencyParser(ParserModel.Read(stream, ModelFileName));
    }
}
