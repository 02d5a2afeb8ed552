namespace Extraction.Morphology;

/// <summary>The word classes a full-form lexicon entry can have; a form may have several.</summary>
[Flags]
internal enum LexClass : byte
{
    None = 0,
    Noun = 1,
    Adjective = 2,
    VerbFinite = 4,
    VerbInfinitive = 8,
    VerbParticiple = 16,
    VerbPresentParticiple = 32,
    VerbZuInfinitive = 64,
    VerbImperative = 128,
}

/// <summary>
/// Case, number and gender as a 32-bit set: bit <c>case * 8 + number * 4 + gender</c> with case
/// 0..3 = Nom, Gen, Dat, Acc; number 0 = Sing, 1 = Plur; gender 0..2 = Masc, Fem, Neut, 3 = unknown.
/// </summary>
internal static class Cells
{
    public const int Nom = 0;
    public const int Gen = 1;
    public const int Dat = 2;
    public const int Acc = 3;
    public const int Masc = 0;
    public const int Fem = 1;
    public const int Neut = 2;
    public const int AnyGender = 3;

    public static uint Bit(int grammaticalCase, int plural, int gender) => 1u << ((grammaticalCase * 8) + (plural * 4) + gender);

    /// <summary>The gender of a set, or -1 when none or several.</summary>
    public static int SingleGender(uint cells)
    {
        int found = -1;
        for (int g = 0; g < 3; g++)
        {
            uint any = 0;
            for (int c = 0; c < 4; c++)
            {
                any |= cells & Bit(c, 0, g);
            }

            if (any != 0)
            {
                if (found >= 0)
                {
                    return -1;
                }

                found = g;
            }
        }

        return found;
    }
}

/// <summary>
/// A German full-form lexicon: for each word form, its analyses (word class, lemma, case/number/gender
/// cells). Compiled from the LanguageTool-derived dictionaries by the training project. Immutable and
/// thread-safe.
/// </summary>
internal sealed class MorphLexicon
{
    public const int FormatVersion = 1;

    public static ReadOnlySpan<byte> Magic => "EXLEXDE\0"u8;

    // All forms, sorted, back to back in one buffer; _formStarts[f] .. _formStarts[f + 1] is form f.
    // A hash index over the forms' exact hashes finds them without a string per form.
    private readonly char[] _chars;
    private readonly int[] _formStarts;
    private readonly HashIndex _index;

    private MorphLexicon(char[] chars, int[] formStarts, int[] firstAnalysis, LexClass[] classes, int[] lemmas, uint[] cells, string[] lemmaStrings)
    {
        _chars = chars;
        _formStarts = formStarts;
        FirstAnalysis = firstAnalysis;
        Classes = classes;
        Lemmas = lemmas;
        CellSets = cells;
        LemmaStrings = lemmaStrings;
        int count = formStarts.Length - 1;
        var hashes = new ulong[count];
        for (int f = 0; f < count; f++)
        {
            hashes[f] = Hashing.Hash(FormAt(f), lower: false);
        }

        _index = new HashIndex(hashes);
    }

    private MorphLexicon(string[] forms, int[] firstAnalysis, LexClass[] classes, int[] lemmas, uint[] cells, string[] lemmaStrings)
        : this(string.Concat(forms).ToCharArray(), Starts(forms), firstAnalysis, classes, lemmas, cells, lemmaStrings)
    {
    }

    public int FormCount => _formStarts.Length - 1;

    /// <summary>The text of form <paramref name="form"/>.</summary>
    public ReadOnlySpan<char> FormAt(int form) => _chars.AsSpan(_formStarts[form], _formStarts[form + 1] - _formStarts[form]);

    private static int[] Starts(string[] forms)
    {
        var starts = new int[forms.Length + 1];
        for (int f = 0; f < forms.Length; f++)
        {
            starts[f + 1] = starts[f] + forms[f].Length;
        }

        return starts;
    }


    public int AnalysisCount => Classes.Length;

    // FirstAnalysis[f] .. FirstAnalysis[f + 1] are the analyses of form f.
    internal int[] FirstAnalysis { get; }

    internal LexClass[] Classes { get; }

    internal int[] Lemmas { get; }

    internal uint[] CellSets { get; }

    internal string[] LemmaStrings { get; }

    /// <summary>Finds a form (case-sensitive); -1 when unknown.</summary>
    public int Find(ReadOnlySpan<char> form) => Find(form, Hashing.Hash(form, lower: false));

    /// <summary>The form whose exact hash is <paramref name="exactHash"/>, unverified (the caller compares the text); -1 if none.</summary>
    public int FindCandidate(ulong exactHash) => _index.Find(exactHash);

    /// <summary>Finds a form whose exact hash (<see cref="Hashing.Hash"/>, not lower-cased) is already known.</summary>
    public int Find(ReadOnlySpan<char> form, ulong exactHash)
    {
        int index = _index.Find(exactHash);
        return index >= 0 && form.SequenceEqual(FormAt(index)) ? index : -1;
    }

    /// <summary>The union of the word classes of a form (or <see cref="LexClass.None"/> for -1).</summary>
    public LexClass ClassesOf(int form)
    {
        if (form < 0)
        {
            return LexClass.None;
        }

        LexClass result = LexClass.None;
        for (int a = FirstAnalysis[form]; a < FirstAnalysis[form + 1]; a++)
        {
            result |= Classes[a];
        }

        return result;
    }

    /// <summary>The first analysis of <paramref name="form"/> with a class in <paramref name="wanted"/>; -1 if none.</summary>
    public int FindAnalysis(int form, LexClass wanted)
    {
        if (form < 0)
        {
            return -1;
        }

        for (int a = FirstAnalysis[form]; a < FirstAnalysis[form + 1]; a++)
        {
            if ((Classes[a] & wanted) != 0)
            {
                return a;
            }
        }

        return -1;
    }

    /// <summary>The union of the cells of the analyses of <paramref name="form"/> with a class in <paramref name="wanted"/>.</summary>
    public uint CellsOf(int form, LexClass wanted, int lemma)
    {
        uint cells = 0;
        for (int a = FirstAnalysis[form]; a < FirstAnalysis[form + 1]; a++)
        {
            if ((Classes[a] & wanted) != 0 && (lemma < 0 || Lemmas[a] == lemma))
            {
                cells |= CellSets[a];
            }
        }

        return cells;
    }

    /// <summary>Builds a lexicon from entries (form, class, lemma, cells); duplicates are merged.</summary>
    public static MorphLexicon Build(IEnumerable<(string Form, LexClass Class, string Lemma, uint Cells)> entries)
    {
        var grouped = new SortedDictionary<string, Dictionary<(LexClass, string), uint>>(StringComparer.Ordinal);
        foreach ((string form, LexClass cls, string lemma, uint cells) in entries)
        {
            if (!grouped.TryGetValue(form, out Dictionary<(LexClass, string), uint>? analyses))
            {
                analyses = [];
                grouped[form] = analyses;
            }

            analyses[(cls, lemma)] = analyses.GetValueOrDefault((cls, lemma)) | cells;
        }

        var lemmaIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var lemmaStrings = new List<string>();
        var forms = new string[grouped.Count];
        var first = new int[grouped.Count + 1];
        var classes = new List<LexClass>();
        var lemmas = new List<int>();
        var cellList = new List<uint>();
        int f = 0;
        foreach ((string form, Dictionary<(LexClass, string), uint> analyses) in grouped)
        {
            forms[f] = form;
            first[f] = classes.Count;
            foreach (((LexClass cls, string lemma), uint cells) in analyses.OrderBy(a => a.Key.Item1).ThenBy(a => a.Key.Item2, StringComparer.Ordinal))
            {
                if (!lemmaIds.TryGetValue(lemma, out int id))
                {
                    id = lemmaStrings.Count;
                    lemmaIds[lemma] = id;
                    lemmaStrings.Add(lemma);
                }

                classes.Add(cls);
                lemmas.Add(id);
                cellList.Add(cells);
            }

            f++;
        }

        first[f] = classes.Count;
        return new MorphLexicon(forms, first, [.. classes], [.. lemmas], [.. cellList], [.. lemmaStrings]);
    }

    /// <summary>Writes the lexicon as a model file: lemmas, then forms sorted and prefix-compressed with their analyses.</summary>
    public void Write(Stream output)
    {
        var w = new PayloadWriter();
        w.WriteVarInt(LemmaStrings.Length);
        foreach (string lemma in LemmaStrings)
        {
            w.WriteString(lemma);
        }

        w.WriteVarInt(FormCount);
        string previous = string.Empty;
        for (int f = 0; f < FormCount; f++)
        {
            string form = FormAt(f).ToString();
            int shared = 0;
            int max = Math.Min(previous.Length, form.Length);
            while (shared < max && previous[shared] == form[shared])
            {
                shared++;
            }

            w.WriteVarInt(shared);
            w.WriteString(form[shared..]);
            int count = FirstAnalysis[f + 1] - FirstAnalysis[f];
            w.WriteVarInt(count);
            for (int a = FirstAnalysis[f]; a < FirstAnalysis[f + 1]; a++)
            {
                w.WriteByte((byte)Classes[a]);
                w.WriteVarInt(Lemmas[a]);
                w.WriteVarInt((int)(CellSets[a] & 0x7FFFFFFF));
                w.WriteByte((byte)(CellSets[a] >> 31));
            }

            previous = form;
        }

        ModelFile.Write(output, Magic, FormatVersion, w.ToArray());
    }

    /// <summary>Reads a lexicon model file.</summary>
    /// <exception cref="ModelFormatException">The file is not a valid lexicon.</exception>
    public static MorphLexicon Read(Stream input, string fileName)
    {
        var r = new PayloadReader(ModelFile.Read(input, fileName, Magic, FormatVersion), fileName);
        int lemmaCount = r.ReadCount(10_000_000);
        var lemmaStrings = new string[lemmaCount];
        for (int i = 0; i < lemmaCount; i++)
        {
            lemmaStrings[i] = r.ReadString();
        }

        // Forms are front-coded (characters shared with the previous form, then the rest) and decoded straight
        // into one character buffer: no string per form, no list growth copies of boxed values.
        int formCount = r.ReadCount(50_000_000);
        var chars = new char[Math.Max(16, formCount * 12)];
        int charCount = 0;
        var starts = new int[formCount + 1];
        var first = new int[formCount + 1];
        var classes = new LexClass[Math.Max(16, formCount * 2)];
        var lemmas = new int[classes.Length];
        var cells = new uint[classes.Length];
        int analyses = 0;
        int previousStart = 0;
        int previousLength = 0;
        for (int f = 0; f < formCount; f++)
        {
            int shared = r.ReadVarInt();
            if (shared < 0 || shared > previousLength)
            {
                throw r.Corrupt($"form {f} shares {shared} characters with a form of {previousLength}");
            }

            int start = charCount;
            if (start + shared > chars.Length)
            {
                Array.Resize(ref chars, Math.Max(start + shared, chars.Length * 2));
            }

            chars.AsSpan(previousStart, shared).CopyTo(chars.AsSpan(start));
            charCount += shared;
            charCount += r.ReadStringInto(ref chars, charCount);
            starts[f] = start;
            starts[f + 1] = charCount;
            first[f] = analyses;
            int count = r.ReadCount(1000);
            if (analyses + count > classes.Length)
            {
                int size = Math.Max(analyses + count, classes.Length * 2);
                Array.Resize(ref classes, size);
                Array.Resize(ref lemmas, size);
                Array.Resize(ref cells, size);
            }

            for (int a = 0; a < count; a++)
            {
                classes[analyses] = (LexClass)r.ReadByte();
                int lemma = r.ReadVarInt();
                if (lemma < 0 || lemma >= lemmaCount)
                {
                    throw r.Corrupt($"lemma index {lemma} is out of range");
                }

                lemmas[analyses] = lemma;
                uint low = (uint)r.ReadVarInt();
                uint high = r.ReadByte();
                cells[analyses] = low | (high << 31);
                analyses++;
            }

            previousStart = start;
            previousLength = charCount - start;
        }

        first[formCount] = analyses;
        return new MorphLexicon(chars[..charCount], starts, first, classes[..analyses], lemmas[..analyses], cells[..analyses], lemmaStrings);
    }
}
