using Extraction.Pipeline;
using Extraction.Tokenization;

namespace Extraction;

/// <summary>
/// Reads German text and returns tokens, sentences, entities and relations. Create one with
/// <see cref="CreateGerman()"/> and reuse it: an extractor is immutable and thread-safe, so one instance
/// serves any number of threads at once, and every call gives the same result for the same text.
/// </summary>
public sealed class Extractor
{
    private readonly IPipelineComponent[] _components;

    internal Extractor(IReadOnlyList<IPipelineComponent> components)
    {
        Annotation available = Annotation.Tokens | Annotation.Sentences;
        foreach (IPipelineComponent component in components)
        {
            Annotation missing = component.Requires & ~available;
            if (missing != Annotation.None)
            {
                throw new InvalidOperationException($"Pipeline component '{component.Name}' needs {missing}, which no earlier component produces.");
            }

            available |= component.Produces;
        }

        _components = [.. components];
        ProducedAnnotations = available;
    }

    /// <summary>Everything the pipeline annotates (tokens and sentences plus what its components produce).</summary>
    internal Annotation ProducedAnnotations { get; }

    /// <summary>The names of the pipeline's components, in order.</summary>
    public IReadOnlyList<string> ComponentNames => _components.Select(c => c.Name).ToArray();

    /// <summary>
    /// Creates an extractor for German with the default models embedded in the package. Nothing is
    /// downloaded. Loading takes a moment: create it once and reuse it.
    /// </summary>
    /// <returns>The extractor.</returns>
    public static Extractor CreateGerman() => new(GermanPipeline.CreateDefaultComponents(ExtractorOptions.Default));

    /// <summary>
    /// Creates an extractor for German with the given options: a folder of retrained models (else the
    /// embedded ones), extra relation rule files, relation types switched off.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <returns>The extractor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RuleFormatException">A rule file is malformed (the message gives file, line and reason).</exception>
    /// <exception cref="FileNotFoundException">A rule file does not exist.</exception>
    /// <exception cref="DirectoryNotFoundException">The options' model folder does not exist.</exception>
    /// <exception cref="ModelFormatException">A model file of the model folder is corrupt, truncated or of another kind.</exception>
    public static Extractor CreateGerman(ExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(GermanPipeline.CreateDefaultComponents(options));
    }

    /// <summary>Extracts entities and relations from a text.</summary>
    /// <param name="text">The text; any string, including an empty one.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public ExtractionResult Extract(string text) => Extract(text, CancellationToken.None);

    /// <summary>Extracts entities and relations from a text, stopping early when cancelled.</summary>
    /// <param name="text">The text; any string, including an empty one.</param>
    /// <param name="cancellationToken">Cancels the work; no partial result is returned.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ExtractionResult Extract(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        Document document = GermanTokenizer.Tokenize(text, cancellationToken);
        Pipeline.WorkMeter.Add(document.TokenCount);
        foreach (IPipelineComponent component in _components)
        {
            cancellationToken.ThrowIfCancellationRequested();
            component.Process(document, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ExtractionResult(document);
    }

    /// <summary>
    /// Extracts from many texts using all cores, returning results lazily and in input order. Texts are
    /// read in blocks of a few times the number of cores, so memory stays bounded for any number of texts.
    /// </summary>
    /// <param name="texts">The texts; none may be null.</param>
    /// <param name="cancellationToken">Cancels the work between and within texts.</param>
    /// <returns>One result per text, in the same order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> or one of its items is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IEnumerable<ExtractionResult> Extract(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return ExtractBlocks(texts, cancellationToken);
    }

    /// <summary>
    /// Extracts from an asynchronous stream of texts using all cores, yielding results in input order as
    /// blocks complete. Memory stays bounded for any stream length.
    /// </summary>
    /// <param name="texts">The texts; none may be null.</param>
    /// <param name="cancellationToken">Cancels reading and extraction.</param>
    /// <returns>One result per text, in the same order.</returns>
    public async IAsyncEnumerable<ExtractionResult> ExtractAsync(IAsyncEnumerable<string> texts, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var block = new List<string>(BlockSize);
        await foreach (string text in texts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ArgumentNullException.ThrowIfNull(text, nameof(texts));
            block.Add(text);
            if (block.Count == BlockSize)
            {
                foreach (ExtractionResult result in await Task.Run(() => ExtractBlock(block, cancellationToken), cancellationToken).ConfigureAwait(false))
                {
                    yield return result;
                }

                block.Clear();
            }
        }

        if (block.Count > 0)
        {
            foreach (ExtractionResult result in await Task.Run(() => ExtractBlock(block, cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }
        }
    }

    // Enough texts per block to keep every core busy while one slow text finishes.
    private static int BlockSize => Math.Max(8, Environment.ProcessorCount * 8);

    private IEnumerable<ExtractionResult> ExtractBlocks(IEnumerable<string> texts, CancellationToken cancellationToken) =>
        Pipeline.OrderedParallel.Map(
            texts.Select(text => text ?? throw new ArgumentNullException(nameof(texts))),
            text => Extract(text, cancellationToken),
            BlockSize,
            cancellationToken);

    private ExtractionResult[] ExtractBlock(List<string> block, CancellationToken cancellationToken)
    {
        var results = new ExtractionResult[block.Count];
        Parallel.For(0, block.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => results[i] = Extract(block[i], cancellationToken));
        return results;
    }
}
