using Extraction.Pipeline;

namespace Extraction.Syntax;

/// <summary>
/// Greedy arc-hybrid dependency parsing with the averaged perceptrons of a <see cref="ParserModel"/>: at
/// each step the best legal transition, and for each arc the best relation label. Linear in sentence length
/// (2n transitions, constant work each). Immutable and thread-safe; scratch space is per thread.
/// </summary>
internal sealed class DependencyParser
{
    /// <summary>Sentences longer than this get scratch space of their own instead of growing the thread's.</summary>
    private const int MaxCachedLength = 4096;

    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly ScoreTable _transitions;
    private readonly ScoreTable _labels;

    public DependencyParser(ParserModel model)
    {
        Model = model;
        _transitions = new ScoreTable(model.Actions);
        _labels = new ScoreTable(model.Labels);
    }

    public ParserModel Model { get; }

    /// <summary>
    /// Parses the tokens <paramref name="first"/> to <paramref name="first"/> + <paramref name="length"/> − 1 of a
    /// tagged document; writes each token's head (a document token index, −1 for the root) and relation label.
    /// </summary>
    public void ParseSentence(Document document, int first, int length, int[] heads, string?[] labels)
    {
        if (length == 0)
        {
            return;
        }

        Scratch scratch = length > MaxCachedLength ? new Scratch() : (t_scratch ??= new Scratch());
        ParserState state = scratch.State;
        state.Reset(length);
        ParserFeatures.Describe(document, first, length, Model.Clusters, state);
        Parse(state, scratch);
        string[] names = Model.Labels.Labels;
        for (int k = 0; k < length; k++)
        {
            int head = state.Head[k];
            heads[first + k] = head == state.Root ? -1 : first + head;
            labels[first + k] = state.Label[k] >= 0 ? names[state.Label[k]] : "root";
        }

        WorkMeter.Add(2L * length);
    }

    /// <summary>Runs the transitions on a state whose atoms are filled (training evaluates through this too).</summary>
    internal void Parse(ParserState state, Scratch scratch)
    {
        Span<ulong> features = scratch.Features;
        Span<int> scores = scratch.Scores;
        while (!state.IsTerminal)
        {
            int action = BestAction(state, features);
            int label = ParserState.NoLabel;
            if (action != Transition.Shift && !(action == Transition.Left && state.Buffer == state.Length))
            {
                int dependent = state.S(0);
                int head = action == Transition.Left ? state.Buffer : state.S(1);
                int count = ParserFeatures.Label(state, head, dependent, features);
                label = _labels.Score(features[..count], scores);
            }

            state.Apply(action, label);
        }
    }

    private int BestAction(ParserState state, Span<ulong> features)
    {
        bool shift = state.CanShift, left = state.CanLeft, right = state.CanRight;
        if ((shift ? 1 : 0) + (left ? 1 : 0) + (right ? 1 : 0) == 1)
        {
            return shift ? Transition.Shift : left ? Transition.Left : Transition.Right;
        }

        int count = ParserFeatures.Actions(state, features);
        Span<int> scores = stackalloc int[3];
        _transitions.Score(features[..count], scores);
        // The best legal transition (the table's own argmax ignores legality).
        int best = -1;
        for (int a = 0; a < 3; a++)
        {
            if (state.IsLegal(a) && (best < 0 || scores[a] > scores[best]))
            {
                best = a;
            }
        }

        return best;
    }

    /// <summary>Per-thread buffers.</summary>
    internal sealed class Scratch
    {
        public readonly ParserState State = new();
        public readonly ulong[] Features = new ulong[ParserFeatures.MaxFeatures];
        public readonly int[] Scores = new int[ParserModel.MaxLabels];
    }
}
