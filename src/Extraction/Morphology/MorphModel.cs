namespace Extraction.Morphology;

/// <summary>
/// The trained part of the morphology: the UPOS and STTS perceptrons, the lemmas seen in the training
/// corpus by form and UPOS, and suffix rules for the lemmas of unknown words. Immutable and thread-safe.
/// </summary>
internal sealed class MorphModel
{
    public const int FormatVersion = 1;

    public static ReadOnlySpan<byte> Magic => "EXPOSDE\0"u8;

    private readonly HashIndex _lemmaIndex;
    private readonly HashIndex _ruleIndex;

    public MorphModel(PerceptronModel upos, PerceptronModel? uposSecondPass, PerceptronModel stts, IReadOnlyList<LemmaEntry> lemmas, IReadOnlyList<SuffixRule> rules, FormClassTable names, FormClassTable clusters)
    {
        Clusters = clusters;
        UposSecondPass = uposSecondPass;
        Names = names;
        Upos = upos;
        Stts = stts;
        LemmaEntries = [.. lemmas];
        SuffixRules = [.. rules];
        _lemmaIndex = new HashIndex(LemmaEntries.Select(e => LemmaKey(e.Form, e.Upos)).ToArray());
        _ruleIndex = new HashIndex(SuffixRules.Select(r => RuleKey(r.Suffix, r.Upos)).ToArray());
    }

    public PerceptronModel Upos { get; }

    /// <summary>A second UPOS pass that also sees the first pass's labels to the right; null when not trained.</summary>
    public PerceptronModel? UposSecondPass { get; }

    public PerceptronModel Stts { get; }

    /// <summary>How often forms are parts of names (from GermEval 2014).</summary>
    public FormClassTable Names { get; }

    /// <summary>Distributional word clusters (by lower-cased form) from unannotated text.</summary>
    public FormClassTable Clusters { get; }

    internal LemmaEntry[] LemmaEntries { get; }

    internal SuffixRule[] SuffixRules { get; }

    public static ulong LemmaKey(ReadOnlySpan<char> form, int upos) => LemmaKey(Hashing.Hash(form, lower: false), upos);

    public static ulong LemmaKey(ulong exactHash, int upos) => Hashing.Mix(exactHash, (ulong)upos);

    public static ulong RuleKey(ReadOnlySpan<char> suffix, int upos) => Hashing.Mix(Hashing.Hash(suffix, lower: true), (ulong)(upos + 1000));

    /// <summary>The training-corpus lemma of a form with a UPOS label, or null.</summary>
    public string? FindLemma(ReadOnlySpan<char> form, int upos) => FindLemma(form, Hashing.Hash(form, lower: false), upos);

    /// <summary>As above, with the form's exact hash already computed.</summary>
    public string? FindLemma(ReadOnlySpan<char> form, ulong exactHash, int upos)
    {
        int index = _lemmaIndex.Find(LemmaKey(exactHash, upos));
        return index >= 0 && form.SequenceEqual(LemmaEntries[index].Form) ? LemmaEntries[index].Lemma : null;
    }

    /// <summary>The suffix rule for the longest known suffix of a form, or null.</summary>
    public SuffixRule? FindRule(ReadOnlySpan<char> form, int upos)
    {
        for (int length = Math.Min(SuffixRule.MaxSuffix, form.Length - 1); length >= 1; length--)
        {
            ReadOnlySpan<char> suffix = form[^length..];
            int index = _ruleIndex.Find(RuleKey(suffix, upos));
            if (index >= 0 && SuffixRules[index].Upos == upos && suffix.Equals(SuffixRules[index].Suffix, StringComparison.OrdinalIgnoreCase))
            {
                return SuffixRules[index];
            }
        }

        return null;
    }

    public void Write(Stream output)
    {
        var w = new PayloadWriter();
        Upos.Write(w);
        w.WriteByte(UposSecondPass is null ? (byte)0 : (byte)1);
        UposSecondPass?.Write(w);
        Stts.Write(w);
        w.WriteVarInt(LemmaEntries.Length);
        foreach (LemmaEntry e in LemmaEntries)
        {
            w.WriteString(e.Form);
            w.WriteByte((byte)e.Upos);
            w.WriteString(e.Lemma == e.Form ? string.Empty : e.Lemma);
        }

        w.WriteVarInt(SuffixRules.Length);
        foreach (SuffixRule r in SuffixRules)
        {
            w.WriteString(r.Suffix);
            w.WriteByte((byte)r.Upos);
            w.WriteByte((byte)r.Strip);
            w.WriteString(r.Append);
        }

        Names.Write(w);
        Clusters.Write(w);
        ModelFile.Write(output, Magic, FormatVersion, w.ToArray());
    }

    /// <exception cref="ModelFormatException">The file is not a valid POS model.</exception>
    public static MorphModel Read(Stream input, string fileName)
    {
        var r = new PayloadReader(ModelFile.Read(input, fileName, Magic, FormatVersion), fileName);
        PerceptronModel upos = PerceptronModel.Read(r);
        PerceptronModel? second = r.ReadByte() switch
        {
            0 => null,
            1 => PerceptronModel.Read(r),
            _ => throw r.Corrupt("the second-pass flag is neither 0 nor 1"),
        };
        PerceptronModel stts = PerceptronModel.Read(r);
        int lemmaCount = r.ReadCount(10_000_000);
        var lemmas = new LemmaEntry[lemmaCount];
        for (int i = 0; i < lemmaCount; i++)
        {
            string form = r.ReadString();
            int label = r.ReadByte();
            string lemma = r.ReadString();
            if (label >= upos.Labels.Length)
            {
                throw r.Corrupt($"UPOS label {label} is out of range");
            }

            lemmas[i] = new LemmaEntry(form, label, lemma.Length == 0 ? form : string.Intern(lemma));
        }

        int ruleCount = r.ReadCount(10_000_000);
        var rules = new SuffixRule[ruleCount];
        for (int i = 0; i < ruleCount; i++)
        {
            string suffix = r.ReadString();
            int label = r.ReadByte();
            int strip = r.ReadByte();
            string append = r.ReadString();
            rules[i] = new SuffixRule(suffix, label, strip, append);
        }

        FormClassTable names = FormClassTable.Read(r);
        FormClassTable clusters = FormClassTable.Read(r);
        return new MorphModel(upos, second, stts, lemmas, rules, names, clusters);
    }
}

/// <summary>A lemma seen in the training corpus for a form with a UPOS label (index into the UPOS labels).</summary>
internal sealed record LemmaEntry(string Form, int Upos, string Lemma);

/// <summary>For unknown words with a UPOS label ending in <see cref="Suffix"/>: strip characters, append a string.</summary>
internal sealed record SuffixRule(string Suffix, int Upos, int Strip, string Append)
{
    public const int MaxSuffix = 5;

    public string Apply(ReadOnlySpan<char> form) => Strip >= form.Length ? form.ToString() : string.Concat(form[..^Strip], Append);
}
