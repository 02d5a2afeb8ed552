namespace Extraction.Relations;

/// <summary>Counts the automaton states the matcher visits (tests use it to check linear growth).</summary>
internal sealed class StepCounter
{
    public long Steps { get; set; }
}

/// <summary>A match of a <see cref="TokenPattern"/>: token range and the token ranges of its captures.</summary>
internal readonly record struct PatternMatch(int Start, int End, int[] Slots);

/// <summary>
/// A rule pattern compiled to a nondeterministic automaton (Thompson construction) and matched by
/// simulating all states at once (a Pike VM). Every (state, token) pair is visited at most once, so
/// matching takes time linear in the number of tokens times the size of the pattern, whatever the
/// nesting of optional and repeated elements: there is no backtracking. Immutable and thread-safe.
/// </summary>
internal sealed class TokenPattern
{
    private enum OpCode : byte
    {
        Consume,
        Split,
        Jump,
        Save,
        Accept,
    }

    private readonly struct Instruction(OpCode op, PatternElement? element, int x, int y)
    {
        public OpCode Op { get; } = op;

        public PatternElement? Element { get; } = element;

        public int X { get; } = x;

        public int Y { get; } = y;
    }

    private readonly Instruction[] _program;

    // The slots of a thread that has captured nothing yet; shared, never written (a capture copies).
    private readonly int[] _emptySlots;

    private TokenPattern(Instruction[] program, IReadOnlyList<string> slotNames, int triggerSlot)
    {
        _program = program;
        SlotNames = slotNames;
        TriggerSlot = triggerSlot;
        _emptySlots = new int[slotNames.Count * 2];
        Array.Fill(_emptySlots, -1);
    }

    /// <summary>The names of the capture slots (slot i has start 2i and end 2i+1 in <see cref="PatternMatch.Slots"/>).</summary>
    public IReadOnlyList<string> SlotNames { get; }

    /// <summary>The slot of the trigger element, or -1 when the whole match is the trigger.</summary>
    public int TriggerSlot { get; }

    /// <summary>The number of instructions (for tests and diagnostics).</summary>
    public int Size => _program.Length;

    public static TokenPattern Compile(IReadOnlyList<PatternElement> elements)
    {
        var program = new List<Instruction>();
        var slots = new List<string>();
        int triggerSlot = -1;
        Emit(elements, program, slots, ref triggerSlot);
        program.Add(new Instruction(OpCode.Accept, null, 0, 0));
        return new TokenPattern([.. program], slots, triggerSlot);
    }

    private static void Emit(IReadOnlyList<PatternElement> elements, List<Instruction> program, List<string> slots, ref int triggerSlot)
    {
        foreach (PatternElement element in elements)
        {
            EmitQuantified(element, program, slots, ref triggerSlot);
        }
    }

    private static void EmitQuantified(PatternElement element, List<Instruction> program, List<string> slots, ref int triggerSlot)
    {
        // A capture spans the whole repetition: its start is saved before the loop and its end after it.
        int slot = -1;
        if (element.Capture is not null || element.Trigger)
        {
            slot = slots.Count;
            slots.Add(element.Capture ?? "$trigger");
            if (element.Trigger)
            {
                triggerSlot = slot;
            }

            program.Add(new Instruction(OpCode.Save, null, 2 * slot, 0));
        }

        switch (element.Quantifier)
        {
            case Quantifier.One:
                EmitOne(element, program, slots, ref triggerSlot);
                break;
            case Quantifier.Optional:
            {
                int split = program.Count;
                program.Add(default);
                EmitOne(element, program, slots, ref triggerSlot);
                program[split] = new Instruction(OpCode.Split, null, split + 1, program.Count);
                break;
            }

            case Quantifier.Star:
            {
                int split = program.Count;
                program.Add(default);
                EmitOne(element, program, slots, ref triggerSlot);
                program.Add(new Instruction(OpCode.Jump, null, split, 0));
                program[split] = new Instruction(OpCode.Split, null, split + 1, program.Count);
                break;
            }

            case Quantifier.Plus:
            {
                int start = program.Count;
                EmitOne(element, program, slots, ref triggerSlot);
                program.Add(new Instruction(OpCode.Split, null, start, program.Count + 1));
                break;
            }
        }

        if (slot >= 0)
        {
            program.Add(new Instruction(OpCode.Save, null, (2 * slot) + 1, 0));
        }
    }

    private static void EmitOne(PatternElement element, List<Instruction> program, List<string> slots, ref int triggerSlot)
    {
        if (element.Group is { } group)
        {
            Emit(group, program, slots, ref triggerSlot);
        }
        else
        {
            program.Add(new Instruction(OpCode.Consume, element, 0, 0));
        }
    }

    /// <summary>
    /// Finds the matches in tokens [<paramref name="from"/>, <paramref name="to"/>): for each start the
    /// longest match found by the leftmost-first thread, then non-overlapping matches from left to right.
    /// </summary>
    public IReadOnlyList<PatternMatch> Matches(TokenFeatures features, int from, int to, StepCounter? counter = null)
    {
        int size = _program.Length;
        List<PatternMatch>? found = null;

        // Per-thread scratch space reused across calls: matching runs once per candidate rule and sentence,
        // and fresh collections for each call were most of the relation layer's allocation.
        MatcherScratch scratch = t_scratch ??= new MatcherScratch();
        scratch.Reset(size);
        Dictionary<int, List<(int Pc, int Start, int[] Slots)>> pending = scratch.Pending;
        int[] visited = scratch.Visited;
        Stack<(int Pc, int Start, int[] Slots)> stack = scratch.Stack;
        List<(int Pc, int Start, int[] Slots)> arriving = scratch.Arriving;
        int[] empty = _emptySlots;
        int bestStart = -1;
        int bestEnd = -1;
        int[]? bestSlots = null;

        for (int position = from; position <= to; position++)
        {
            arriving.Clear();
            if (pending.Remove(position, out List<(int Pc, int Start, int[] Slots)>? waiting))
            {
                arriving.AddRange(waiting);
                scratch.Release(waiting);
            }

            if (position < to || arriving.Count > 0)
            {
                arriving.Add((0, position, empty));
            }

            foreach ((int Pc, int Start, int[] Slots) thread in arriving)
            {
                stack.Push(thread);
                while (stack.Count > 0)
                {
                    (int pc, int start, int[] slots) = stack.Pop();
                    if (visited[pc] == position)
                    {
                        continue;
                    }

                    visited[pc] = position;
                    if (counter is not null)
                    {
                        counter.Steps++;
                    }

                    Instruction instruction = _program[pc];
                    switch (instruction.Op)
                    {
                        case OpCode.Jump:
                            stack.Push((instruction.X, start, slots));
                            break;
                        case OpCode.Split:
                            // Push the lower-priority branch first so the preferred one is explored first.
                            stack.Push((instruction.Y, start, slots));
                            stack.Push((instruction.X, start, slots));
                            break;
                        case OpCode.Save:
                        {
                            // Slot arrays are shared by threads and never changed in place: a capture copies.
                            int[] copy = (int[])slots.Clone();
                            copy[instruction.X] = position;
                            stack.Push((pc + 1, start, copy));
                            break;
                        }

                        case OpCode.Accept:
                            if (position > start && (bestStart < 0 || start < bestStart || (start == bestStart && position > bestEnd)))
                            {
                                if (bestStart >= 0 && start > bestStart)
                                {
                                    break;
                                }

                                bestStart = start;
                                bestEnd = position;
                                bestSlots = slots;
                            }

                            break;
                        case OpCode.Consume:
                            if (position < to)
                            {
                                int length = features.Consume(instruction.Element!, position, to);
                                if (length > 0)
                                {
                                    int next = position + length;
                                    if (!pending.TryGetValue(next, out List<(int Pc, int Start, int[] Slots)>? list))
                                    {
                                        list = scratch.Rent();
                                        pending[next] = list;
                                    }

                                    list.Add((pc + 1, start, slots));
                                }
                            }

                            break;
                    }
                }
            }

            // A match is final once no thread that started at or before its start is still running.
            if (bestStart >= 0 && !AnyPendingFrom(pending, bestStart))
            {
                found ??= [];
                found.Add(new PatternMatch(bestStart, bestEnd, bestSlots!));
                bestStart = -1;
                bestEnd = -1;
                bestSlots = null;

                // Threads that started inside the match are dropped: matches do not overlap.
                DropThreadsStartingBefore(pending, found[^1].End);
            }
        }

        scratch.ReleaseAll();
        return (IReadOnlyList<PatternMatch>?)found ?? [];
    }

    [ThreadStatic]
    private static MatcherScratch? t_scratch;

    /// <summary>The collections one matching run needs, kept per thread between runs.</summary>
    private sealed class MatcherScratch
    {
        private readonly Stack<List<(int Pc, int Start, int[] Slots)>> _free = new();

        public Dictionary<int, List<(int Pc, int Start, int[] Slots)>> Pending { get; } = [];

        public Stack<(int Pc, int Start, int[] Slots)> Stack { get; } = new();

        public List<(int Pc, int Start, int[] Slots)> Arriving { get; } = [];

        public int[] Visited { get; private set; } = [];

        public void Reset(int programSize)
        {
            if (Visited.Length < programSize)
            {
                Visited = new int[programSize];
            }

            Visited.AsSpan(0, programSize).Fill(-1);
            Stack.Clear();
            Arriving.Clear();
        }

        public List<(int Pc, int Start, int[] Slots)> Rent() => _free.Count > 0 ? _free.Pop() : [];

        public void Release(List<(int Pc, int Start, int[] Slots)> list)
        {
            list.Clear();
            _free.Push(list);
        }

        public void ReleaseAll()
        {
            foreach (List<(int Pc, int Start, int[] Slots)> list in Pending.Values)
            {
                Release(list);
            }

            Pending.Clear();
            Arriving.Clear();
        }
    }

    private static bool AnyPendingFrom(Dictionary<int, List<(int Pc, int Start, int[] Slots)>> pending, int start)
    {
        foreach (List<(int Pc, int Start, int[] Slots)> list in pending.Values)
        {
            foreach ((int _, int threadStart, int[] _) in list)
            {
                if (threadStart <= start)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void DropThreadsStartingBefore(Dictionary<int, List<(int Pc, int Start, int[] Slots)>> pending, int end)
    {
        foreach (List<(int Pc, int Start, int[] Slots)> list in pending.Values)
        {
            list.RemoveAll(t => t.Start < end);
        }
    }
}
