using Extraction.Morphology;

namespace Extraction.Syntax;

/// <summary>
/// The trained dependency parser: an averaged perceptron that chooses the next arc-hybrid transition
/// (shift, left arc, right arc), one that labels each arc with a UD relation, and the word clusters its
/// features read. Stored in the container of the other models (<see cref="ModelFile"/>: magic, version,
/// lengths, CRC-32, Deflate). Immutable and thread-safe.
/// </summary>
internal sealed class ParserModel
{
    public const int FormatVersion = 1;

    /// <summary>The most relation labels a model may have (a token's child labels are kept as a 64-bit set).</summary>
    public const int MaxLabels = 63;

    /// <summary>The transition labels of <see cref="Actions"/>, in this order.</summary>
    public static readonly string[] ActionNames = ["shift", "left", "right"];

    public static ReadOnlySpan<byte> Magic => "EXDEPDE\0"u8;

    public ParserModel(PerceptronModel actions, PerceptronModel labels, FormClassTable clusters)
    {
        if (!actions.Labels.AsSpan().SequenceEqual(ActionNames))
        {
            throw new ArgumentException("The action model must have the labels shift, left, right.", nameof(actions));
        }

        if (labels.Labels.Length is 0 or > MaxLabels)
        {
            throw new ArgumentException($"The label model must have 1 to {MaxLabels} labels.", nameof(labels));
        }

        Actions = actions;
        Labels = labels;
        Clusters = clusters;
    }

    /// <summary>Scores of the three transitions.</summary>
    public PerceptronModel Actions { get; }

    /// <summary>Scores of the relation labels of an arc (never "root": the root arc is labelled by rule).</summary>
    public PerceptronModel Labels { get; }

    /// <summary>Distributional word clusters by lower-cased form (a copy of the morphology model's, so the parser stands alone).</summary>
    public FormClassTable Clusters { get; }

    public void Write(Stream output)
    {
        var w = new PayloadWriter();
        Actions.Write(w);
        Labels.Write(w);
        Clusters.Write(w);
        ModelFile.Write(output, Magic, FormatVersion, w.ToArray());
    }

    /// <exception cref="ModelFormatException">The file is not a valid parser model.</exception>
    public static ParserModel Read(Stream input, string fileName)
    {
        var r = new PayloadReader(ModelFile.Read(input, fileName, Magic, FormatVersion), fileName);
        PerceptronModel actions = PerceptronModel.Read(r);
        if (!actions.Labels.AsSpan().SequenceEqual(ActionNames))
        {
            throw r.Corrupt("the transition labels are not shift, left, right");
        }

        PerceptronModel labels = PerceptronModel.Read(r);
        if (labels.Labels.Length is 0 or > MaxLabels)
        {
            throw r.Corrupt($"the model has {labels.Labels.Length} relation labels, not 1 to {MaxLabels}");
        }

        FormClassTable clusters = FormClassTable.Read(r);
        return new ParserModel(actions, labels, clusters);
    }
}
