namespace Extraction.Syntax;

/// <summary>
/// A configuration of the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) over one
/// sentence of <see cref="Length"/> tokens, with the root as an extra token at the end of the buffer
/// (Ballesteros and Nivre 2013). Shift moves the buffer front onto the stack; left arc makes the buffer
/// front the head of the stack top and pops it; right arc makes the second stack item the head of the top
/// and pops it. Every token is shifted once and popped once, so a sentence takes exactly 2n transitions.
/// A left arc to the root is allowed only when the stack holds one token, so every parse is a tree with
/// exactly one root. Also holds the per-token feature atoms. Reused per thread; not thread-safe.
/// </summary>
internal sealed class ParserState
{
    public const int NoLabel = -1;

    /// <summary>The label index of the root arc (the label model never predicts it).</summary>
    public const int RootLabel = -2;

    private int _capacity;

    public ParserState() => Ensure(64);

    /// <summary>The number of tokens; index <see cref="Length"/> is the root, <see cref="None"/> an absent position.</summary>
    public int Length { get; private set; }

    public int Root => Length;

    public int None => Length + 1;

    public int StackSize;
    public int Buffer;
    public int[] Stack = [];

    // The tree built so far, per token (and for the root and the absent position).
    public int[] Head = [];
    public int[] Label = [];
    public int[] Left1 = [];
    public int[] Left2 = [];
    public int[] Right1 = [];
    public int[] Right2 = [];
    public int[] LeftCount = [];
    public int[] RightCount = [];
    public ulong[] ChildLabels = [];

    // Feature atoms per token (hashes), filled by ParserFeatures.Describe.
    public ulong[] Word = [];
    public ulong[] Tag = [];
    public ulong[] Upos = [];
    public ulong[] Lemma = [];
    public ulong[] Suffix = [];
    public ulong[] Case = [];
    public ulong[] NumberGender = [];
    public ulong[] Cluster = [];

    /// <summary>Starts a sentence of <paramref name="length"/> tokens; the atoms must be filled afterwards.</summary>
    public void Reset(int length)
    {
        Ensure(length + 2);
        Length = length;
        StackSize = 0;
        Buffer = 0;
        for (int i = 0; i < length + 2; i++)
        {
            Head[i] = -1;
            Label[i] = NoLabel;
            Left1[i] = Left2[i] = Right1[i] = Right2[i] = length + 1;
            LeftCount[i] = RightCount[i] = 0;
            ChildLabels[i] = 0;
        }

        // The root and the absent position have fixed atoms of their own.
        for (int i = length; i < length + 2; i++)
        {
            ulong value = (ulong)(i - length + 1);
            Word[i] = Tag[i] = Upos[i] = Lemma[i] = Suffix[i] = Case[i] = NumberGender[i] = Cluster[i] = value;
        }
    }

    /// <summary>The k-th stack item from the top, or <see cref="None"/>.</summary>
    public int S(int k) => StackSize > k ? Stack[StackSize - 1 - k] : None;

    /// <summary>The k-th buffer item (the root last), or <see cref="None"/>.</summary>
    public int B(int k) => Buffer + k <= Length ? Buffer + k : None;

    public bool CanShift => Buffer < Length;

    public bool CanLeft => StackSize >= 1 && (Buffer < Length || StackSize == 1);

    public bool CanRight => StackSize >= 2;

    public bool IsTerminal => StackSize == 0 && Buffer == Length;

    public bool IsLegal(int action) => action switch
    {
        Transition.Shift => CanShift,
        Transition.Left => CanLeft,
        _ => CanRight,
    };

    public void Apply(int action, int label)
    {
        switch (action)
        {
            case Transition.Shift:
                Stack[StackSize++] = Buffer++;
                break;
            case Transition.Left:
                AddArc(Buffer, Stack[--StackSize], Buffer == Length ? RootLabel : label);
                break;
            default:
                int dependent = Stack[--StackSize];
                AddArc(Stack[StackSize - 1], dependent, label);
                break;
        }
    }

    private void AddArc(int head, int dependent, int label)
    {
        Head[dependent] = head;
        Label[dependent] = label;
        if (label >= 0)
        {
            ChildLabels[head] |= 1UL << label;
        }

        if (dependent < head)
        {
            // Keep the two outermost dependents on each side (dependents arrive nearest first).
            LeftCount[head]++;
            if (Left1[head] == None || dependent < Left1[head])
            {
                Left2[head] = Left1[head];
                Left1[head] = dependent;
            }
            else if (Left2[head] == None || dependent < Left2[head])
            {
                Left2[head] = dependent;
            }
        }
        else
        {
            RightCount[head]++;
            if (Right1[head] == None || dependent > Right1[head])
            {
                Right2[head] = Right1[head];
                Right1[head] = dependent;
            }
            else if (Right2[head] == None || dependent > Right2[head])
            {
                Right2[head] = dependent;
            }
        }
    }

    private void Ensure(int size)
    {
        if (size <= _capacity)
        {
            return;
        }

        int capacity = Math.Max(size, _capacity * 2);
        _capacity = capacity;
        Stack = new int[capacity];
        Head = new int[capacity];
        Label = new int[capacity];
        Left1 = new int[capacity];
        Left2 = new int[capacity];
        Right1 = new int[capacity];
        Right2 = new int[capacity];
        LeftCount = new int[capacity];
        RightCount = new int[capacity];
        ChildLabels = new ulong[capacity];
        Word = new ulong[capacity];
        Tag = new ulong[capacity];
        Upos = new ulong[capacity];
        Lemma = new ulong[capacity];
        Suffix = new ulong[capacity];
        Case = new ulong[capacity];
        NumberGender = new ulong[capacity];
        Cluster = new ulong[capacity];
    }

    /// <summary>The hash of a label for features (the absent label and the root arc included).</summary>
    public ulong LabelAtom(int token) => (ulong)(Label[token] + 3);
}

/// <summary>The arc-hybrid transitions, as indices of <see cref="ParserModel.Actions"/>.</summary>
internal static class Transition
{
    public const int Shift = 0;
    public const int Left = 1;
    public const int Right = 2;
}
