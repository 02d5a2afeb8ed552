using System.Collections.Concurrent;

namespace Extraction.Morphology;

/// <summary>Lemma conventions that go beyond Universal Dependencies; both are on by default.</summary>
[Flags]
internal enum LemmaConventions
{
    /// <summary>UD German GSD conventions only.</summary>
    UniversalDependencies = 0,

    /// <summary>A separated verb particle joins the lemma of its verb: "lehnt ... ab" gives "ablehnen".</summary>
    ReattachParticles = 1,

    /// <summary>A capitalised adjective inside a name gets the name's nominative: "Internationalen Strafgerichtshofs" gives "Internationaler".</summary>
    NameAdjectives = 2,

    /// <summary>The conventions of the pipeline.</summary>
    Default = ReattachParticles | NameAdjectives,
}

/// <summary>
/// Tags, lemmatizes and analyses sentences with a trained <see cref="MorphModel"/> and a
/// <see cref="MorphLexicon"/>. Immutable and thread-safe; per-thread scratch buffers make it
/// allocation-free apart from lemmas that must be built (compounds, unknown words).
/// </summary>
internal sealed class MorphologyAnnotator
{
    [ThreadStatic]
    private static Scratch? t_scratch;

    private static readonly ConcurrentDictionary<uint, string> MorphStrings = new();

    private readonly MorphModel _model;
    private readonly MorphLexicon _lexicon;
    private readonly int _noun;
    private readonly int _propn;
    private readonly int _adj;
    private readonly int _verb;
    private readonly int _aux;
    private readonly int _det;
    private readonly int _num;
    private readonly int _adp;
    private readonly int _punct;
    private readonly int _sym;
    private readonly int _x;
    private readonly int _adja;
    private readonly int _ptkvz;
    private readonly bool[] _finiteVerbTag;
    private readonly LexClass[] _verbClassByTag;

    public MorphologyAnnotator(MorphModel model, MorphLexicon lexicon)
    {
        _model = model;
        _lexicon = lexicon;
        string[] upos = model.Upos.Labels;
        _noun = Array.IndexOf(upos, "NOUN");
        _propn = Array.IndexOf(upos, "PROPN");
        _adj = Array.IndexOf(upos, "ADJ");
        _verb = Array.IndexOf(upos, "VERB");
        _aux = Array.IndexOf(upos, "AUX");
        _det = Array.IndexOf(upos, "DET");
        _num = Array.IndexOf(upos, "NUM");
        _adp = Array.IndexOf(upos, "ADP");
        _punct = Array.IndexOf(upos, "PUNCT");
        _sym = Array.IndexOf(upos, "SYM");
        _x = Array.IndexOf(upos, "X");
        string[] stts = model.Stts.Labels;
        _adja = Array.IndexOf(stts, "ADJA");
        _ptkvz = Array.IndexOf(stts, "PTKVZ");
        _finiteVerbTag = stts.Select(t => t is "VVFIN" or "VVIMP").ToArray();
        _verbClassByTag = stts.Select(t => t switch
        {
            "VVFIN" or "VAFIN" or "VMFIN" => LexClass.VerbFinite,
            "VVINF" or "VAINF" or "VMINF" => LexClass.VerbInfinitive,
            "VVPP" or "VAPP" or "VMPP" => LexClass.VerbParticiple,
            "VVIZU" => LexClass.VerbZuInfinitive,
            "VVIMP" or "VAIMP" => LexClass.VerbImperative,
            _ => LexClass.None,
        }).ToArray();
    }

    public MorphModel Model => _model;

    public MorphLexicon Lexicon => _lexicon;

    /// <summary>
    /// Annotates the tokens <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> of a text.
    /// Lemma null means "the same as the token's text".
    /// </summary>
    public void AnnotateSentence(
        string text,
        ReadOnlySpan<int> starts,
        ReadOnlySpan<int> lengths,
        int first,
        int count,
        string?[] upos,
        string?[] stts,
        string?[] lemmas,
        string?[] morph,
        LemmaConventions conventions)
    {
        if (count == 0)
        {
            return;
        }

        Scratch s = t_scratch ??= new Scratch();
        s.Ensure(count);
        Span<TokenInfo> infos = s.Infos.AsSpan(0, count);
        for (int k = 0; k < count; k++)
        {
            TaggerFeatures.Describe(text.AsSpan(starts[first + k], lengths[first + k]), _lexicon, _model.Names, _model.Clusters, s.Chars, ref infos[k]);
        }

        Span<int> uposIds = s.Upos.AsSpan(0, count);
        Span<int> sttsIds = s.Stts.AsSpan(0, count);
        Span<ulong> features = s.Features;
        Span<float> scores = s.Scores;
        int p1 = -1;
        int p2 = -1;
        for (int k = 0; k < count; k++)
        {
            int n = TaggerFeatures.Extract(infos, k, p1, p2, default, features);
            uposIds[k] = _model.Upos.Predict(features[..n], scores);
            p2 = p1;
            p1 = uposIds[k];
        }

        if (_model.UposSecondPass is { } second)
        {
            Span<int> firstPass = s.FirstPass.AsSpan(0, count);
            uposIds.CopyTo(firstPass);
            p1 = -1;
            p2 = -1;
            for (int k = 0; k < count; k++)
            {
                int n = TaggerFeatures.Extract(infos, k, p1, p2, default, firstPass, TaggerFeatures.TargetDomain, features);
                uposIds[k] = second.Predict(features[..n], scores);
                p2 = p1;
                p1 = uposIds[k];
            }
        }

        p1 = -1;
        p2 = -1;
        for (int k = 0; k < count; k++)
        {
            int n = TaggerFeatures.Extract(infos, k, p1, p2, uposIds, features);
            sttsIds[k] = _model.Stts.Predict(features[..n], scores);
            p2 = p1;
            p1 = sttsIds[k];
        }

        Span<uint> cells = s.Cells.AsSpan(0, count);
        for (int k = 0; k < count; k++)
        {
            int index = first + k;
            upos[index] = _model.Upos.Labels[uposIds[k]];
            stts[index] = _model.Stts.Labels[sttsIds[k]];
            ReadOnlySpan<char> token = text.AsSpan(starts[index], lengths[index]);
            lemmas[index] = Lemmatize(token, in infos[k], uposIds[k], sttsIds[k], k == 0, s.Chars, out cells[k]);
            if (cells[k] == 0 && (uposIds[k] == _noun || uposIds[k] == _propn))
            {
                cells[k] = GenderOfLemma(lemmas[index] is { } lemma ? lemma.AsSpan() : token);
            }
        }

        Agree(text, starts, lengths, first, uposIds, sttsIds, cells);
        for (int k = 0; k < count; k++)
        {
            morph[first + k] = cells[k] == 0 ? null : MorphString(cells[k]);
        }

        if ((conventions & LemmaConventions.ReattachParticles) != 0 && _ptkvz >= 0)
        {
            ReattachParticles(text, starts, lengths, first, count, sttsIds, uposIds, stts, lemmas);
        }

        if ((conventions & LemmaConventions.NameAdjectives) != 0 && _adja >= 0)
        {
            NameAdjectives(text, starts, lengths, first, count, uposIds, sttsIds, cells, lemmas);
        }
    }

    private string? Lemmatize(ReadOnlySpan<char> token, in TokenInfo info, int upos, int stts, bool sentenceStart, Span<char> scratch, out uint cells)
    {
        cells = 0;
        bool nounLike = upos == _noun || upos == _propn;
        if (nounLike && info.Form >= 0)
        {
            cells = _lexicon.CellsOf(info.Form, LexClass.Noun, -1);
        }
        else if (upos == _adj && stts == _adja)
        {
            int form = info.Form >= 0 && (info.Lex & LexClass.Adjective) != 0 ? info.Form : info.LowerForm;
            if (form >= 0)
            {
                cells = _lexicon.CellsOf(form, LexClass.Adjective, -1);
            }
        }
        else if (upos == _det)
        {
            cells = ArticleCells(token);
        }

        string? known = _model.FindLemma(token, info.Exact, upos);
        bool upper = token.Length > 0 && char.IsUpper(token[0]);
        if (known is null && upper && !nounLike && token.Length <= scratch.Length)
        {
            Span<char> lower = scratch[..token.Length];
            token.CopyTo(lower);
            lower[0] = char.ToLowerInvariant(lower[0]);
            known = _model.FindLemma(lower, upos);
        }

        if (known is not null)
        {
            return known;
        }

        if (upos == _punct || upos == _num || upos == _sym || upos == _x)
        {
            return null;
        }

        if (nounLike)
        {
            int a = _lexicon.FindAnalysis(info.Form, LexClass.Noun);
            if (a >= 0)
            {
                return _lexicon.LemmaStrings[_lexicon.Lemmas[a]];
            }

            if (upos == _noun)
            {
                string? compound = CompoundLemma(token, in info, ref cells);
                if (compound is not null)
                {
                    return compound;
                }
            }
            else
            {
                return null;
            }
        }
        else if (upos == _adj)
        {
            int a = _lexicon.FindAnalysis(info.Form, LexClass.Adjective);
            if (a < 0)
            {
                a = _lexicon.FindAnalysis(info.LowerForm, LexClass.Adjective);
            }

            if (a >= 0)
            {
                return _lexicon.LemmaStrings[_lexicon.Lemmas[a]];
            }
        }
        else if (upos == _verb || upos == _aux)
        {
            LexClass preferred = _verbClassByTag[stts];
            const LexClass AnyVerb = LexClass.VerbFinite | LexClass.VerbInfinitive | LexClass.VerbParticiple | LexClass.VerbZuInfinitive | LexClass.VerbImperative;
            int a = preferred != LexClass.None ? _lexicon.FindAnalysis(info.Form, preferred) : -1;
            if (a < 0)
            {
                a = _lexicon.FindAnalysis(info.Form, AnyVerb);
            }

            if (a < 0)
            {
                a = _lexicon.FindAnalysis(info.LowerForm, AnyVerb);
            }

            if (a >= 0)
            {
                return _lexicon.LemmaStrings[_lexicon.Lemmas[a]];
            }
        }

        SuffixRule? rule = _model.FindRule(token, upos);
        if (rule is not null && (rule.Strip > 0 || rule.Append.Length > 0))
        {
            string lemma = rule.Apply(token);
            return upper && !nounLike && sentenceStart ? LowerFirst(lemma) : lemma;
        }

        if (upper && !nounLike && sentenceStart)
        {
            return LowerFirst(token.ToString());
        }

        return null;
    }

    // A noun form the lexicon lacks but whose lemma it knows ("Amtes", lemma "Amt"): every case, in the
    // singular with the lemma's gender and in the plural; agreement with the determiner narrows it.
    private uint GenderOfLemma(ReadOnlySpan<char> lemma)
    {
        int form = _lexicon.Find(lemma);
        if (_lexicon.FindAnalysis(form, LexClass.Noun) < 0)
        {
            return 0;
        }

        int gender = Cells.SingleGender(_lexicon.CellsOf(form, LexClass.Noun, -1));
        if (gender < 0)
        {
            return 0;
        }

        uint cells = 0;
        for (int c = 0; c < 4; c++)
        {
            cells |= Cells.Bit(c, 0, gender) | Cells.Bit(c, 1, Cells.AnyGender);
        }

        return cells;
    }

    private string? CompoundLemma(ReadOnlySpan<char> token, in TokenInfo info, ref uint cells)
    {
        int a = _lexicon.FindAnalysis(info.HeadForm, LexClass.Noun);
        if (a < 0)
        {
            return null;
        }

        int k = info.HeadStart;
        int lemmaId = _lexicon.Lemmas[a];
        string headLemma = _lexicon.LemmaStrings[lemmaId];
        cells = _lexicon.CellsOf(info.HeadForm, LexClass.Noun, lemmaId);
        if (token[k - 1] == '-')
        {
            return string.Concat(token[..k], headLemma);
        }

        return string.Create(k + headLemma.Length, (Token: token.ToString(), Head: headLemma, K: k), static (span, state) =>
        {
            state.Token.AsSpan(0, state.K).CopyTo(span);
            state.Head.AsSpan().CopyTo(span[state.K..]);
            span[state.K] = char.ToLowerInvariant(span[state.K]);
        });
    }

    // Case, number and gender agree inside a noun phrase: a noun and the determiners, attributive
    // adjectives (and numbers) directly before it keep only the cells they share; a preposition before
    // the phrase keeps only the cases it governs ("mit dem Minister": dative).
    private void Agree(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, int first, ReadOnlySpan<int> upos, ReadOnlySpan<int> stts, Span<uint> cells)
    {
        for (int i = 0; i < upos.Length; i++)
        {
            if ((upos[i] != _noun && upos[i] != _propn) || cells[i] == 0)
            {
                continue;
            }

            uint shared = cells[i];
            int j = i - 1;
            while (j >= 0 && (upos[j] == _det || upos[j] == _num || (upos[j] == _adj && stts[j] == _adja)))
            {
                if (cells[j] != 0)
                {
                    uint next = shared & cells[j];
                    if (next == 0)
                    {
                        break;
                    }

                    shared = next;
                }

                j--;
            }

            if (j >= 0 && upos[j] == _adp)
            {
                uint governed = shared & PrepositionCells(text.AsSpan(starts[first + j], lengths[first + j]));
                if (governed != 0)
                {
                    shared = governed;
                }
            }

            for (int k = j + 1; k <= i; k++)
            {
                if (cells[k] != 0)
                {
                    cells[k] = shared;
                }
            }
        }
    }

    // The cases a preposition governs, as a cell mask (all cells of those cases); all cells if unknown.
    internal static uint PrepositionCells(ReadOnlySpan<char> token)
    {
        const uint Gen = 0xFFu << (Cells.Gen * 8);
        const uint Dat = 0xFFu << (Cells.Dat * 8);
        const uint Acc = 0xFFu << (Cells.Acc * 8);
        Span<char> lower = stackalloc char[16];
        if (token.Length > lower.Length)
        {
            return uint.MaxValue;
        }

        lower = lower[..token.Length];
        token.ToLowerInvariant(lower);
        return lower switch
        {
            "mit" or "von" or "zu" or "aus" or "bei" or "nach" or "seit" or "gegenüber" or "ab" or "gemäß" or "samt" or "außer" or "entgegen"
                or "im" or "am" or "zum" or "zur" or "vom" or "beim" or "hinterm" or "unterm" or "vorm" or "überm" => Dat,
            "für" or "durch" or "gegen" or "ohne" or "um" or "bis" or "wider"
                or "ins" or "ans" or "aufs" or "übers" or "durchs" or "fürs" or "ums" => Acc,
            "in" or "an" or "auf" or "über" or "unter" or "vor" or "hinter" or "neben" or "zwischen" => Dat | Acc,
            "wegen" or "während" or "trotz" or "statt" or "anstatt" or "laut" or "dank" => Gen | Dat,
            "innerhalb" or "außerhalb" or "aufgrund" or "angesichts" or "mittels" or "seitens" or "infolge" or "anlässlich"
                or "bezüglich" or "hinsichtlich" or "oberhalb" or "unterhalb" or "jenseits" or "diesseits" or "zugunsten" => Gen,
            _ => uint.MaxValue,
        };
    }

    // A separated verb particle joins its verb's lemma ("lehnt ... ab" gives "ablehnen"). A token the
    // tagger marked PTKVZ attaches to the nearest finite full verb before it. A short lower-case word at
    // the end of a clause that the tagger took for an adverb or preposition attaches too when the lexicon
    // knows the joined verb ("setzt ... fort": "fortsetzen"), and is then tagged PTKVZ.
    private void ReattachParticles(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, int first, int count, Span<int> stts, ReadOnlySpan<int> upos, string?[] sttsOut, string?[] lemmas)
    {
        Span<char> joined = stackalloc char[64];
        for (int k = 1; k < count; k++)
        {
            ReadOnlySpan<char> particle = text.AsSpan(starts[first + k], lengths[first + k]);
            bool tagged = stts[k] == _ptkvz;
            if (!tagged && !IsCandidateParticle(particle, k + 1 == count || upos[k + 1] == _punct))
            {
                continue;
            }

            for (int j = k - 1; j >= 0; j--)
            {
                if (stts[j] == _ptkvz || (!tagged && upos[j] == _punct))
                {
                    break;
                }

                if (!_finiteVerbTag[stts[j]])
                {
                    continue;
                }

                int verb = first + j;
                string verbLemma = lemmas[verb] ?? text.Substring(starts[verb], lengths[verb]);
                if (verbLemma.StartsWith(particle, StringComparison.OrdinalIgnoreCase) || particle.Length + verbLemma.Length > joined.Length)
                {
                    break;
                }

                Span<char> whole = joined[..(particle.Length + verbLemma.Length)];
                particle.ToLowerInvariant(whole);
                verbLemma.AsSpan().CopyTo(whole[particle.Length..]);
                if (!tagged && _lexicon.FindAnalysis(_lexicon.Find(whole), LexClass.VerbInfinitive) < 0)
                {
                    break;
                }

                int known = _lexicon.FindAnalysis(_lexicon.Find(whole), LexClass.VerbInfinitive);
                lemmas[verb] = known >= 0 ? _lexicon.LemmaStrings[_lexicon.Lemmas[known]] : whole.ToString();
                if (!tagged)
                {
                    stts[k] = _ptkvz;
                    sttsOut[first + k] = _model.Stts.Labels[_ptkvz];
                }

                break;
            }
        }
    }

    private static bool IsCandidateParticle(ReadOnlySpan<char> token, bool atClauseEnd)
    {
        if (!atClauseEnd || token.Length < 2 || token.Length > 9)
        {
            return false;
        }

        foreach (char c in token)
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private void NameAdjectives(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, int first, int count, ReadOnlySpan<int> upos, ReadOnlySpan<int> stts, ReadOnlySpan<uint> cells, string?[] lemmas)
    {
        for (int k = 1; k < count; k++)
        {
            int index = first + k;
            if (stts[k] != _adja || !char.IsUpper(text[starts[index]]))
            {
                continue;
            }

            int head = k + 1;
            while (head < count && stts[head] == _adja)
            {
                head++;
            }

            if (head >= count || (upos[head] != _noun && upos[head] != _propn) || !char.IsUpper(text[starts[first + head]]))
            {
                continue;
            }

            string baseLemma = lemmas[index] ?? text.Substring(starts[index], lengths[index]);
            uint agreed = cells[head] != 0 ? cells[head] : cells[k];
            string ending = NominativeEnding(agreed);
            if (baseLemma.Length == 0 || (ending.Length == 0 && agreed == 0))
            {
                continue;
            }

            if (baseLemma.EndsWith('e'))
            {
                ending = ending.Length > 0 ? ending[1..] : ending;
            }

            lemmas[index] = string.Concat(char.ToUpperInvariant(baseLemma[0]).ToString(), baseLemma.AsSpan(1), ending);
        }
    }

    private static string NominativeEnding(uint cells)
    {
        if (cells == 0)
        {
            return string.Empty;
        }

        int gender = Cells.SingleGender(cells);
        bool singular = false;
        for (int c = 0; c < 4; c++)
        {
            singular |= ((cells >> (c * 8)) & 0xF) != 0;
        }

        if (!singular)
        {
            return "e";
        }

        return gender switch
        {
            Cells.Masc => "er",
            Cells.Fem => "e",
            Cells.Neut => "es",
            _ => string.Empty,
        };
    }

    private static string LowerFirst(string value) =>
        value.Length == 0 || char.IsLower(value[0]) ? value : string.Concat(char.ToLowerInvariant(value[0]).ToString(), value.AsSpan(1));

    /// <summary>The UD feature string of a set of cells: <c>Case=Gen|Gender=Masc|Number=Sing</c>.</summary>
    public static string MorphString(uint cells) => MorphStrings.GetOrAdd(cells, static c =>
    {
        string[] caseNames = ["Nom", "Gen", "Dat", "Acc"];
        string[] genderNames = ["Masc", "Fem", "Neut"];
        var cases = new List<string>();
        var genders = new SortedSet<string>(StringComparer.Ordinal);
        bool sing = false;
        bool plur = false;
        for (int ca = 0; ca < 4; ca++)
        {
            uint bits = (c >> (ca * 8)) & 0xFF;
            if (bits != 0)
            {
                cases.Add(caseNames[ca]);
            }

            sing |= (bits & 0xF) != 0;
            plur |= (bits & 0xF0) != 0;
            for (int g = 0; g < 3; g++)
            {
                if ((bits & (1u << g)) != 0)
                {
                    genders.Add(genderNames[g]);
                }
            }
        }

        cases.Sort(StringComparer.Ordinal);
        var parts = new List<string> { "Case=" + string.Join(',', cases) };
        if (genders.Count > 0)
        {
            parts.Add("Gender=" + string.Join(',', genders));
        }

        parts.Add("Number=" + (sing && plur ? "Plur,Sing" : plur ? "Plur" : "Sing"));
        return string.Join('|', parts);
    });

    // Determiners: the definite article and the der- and ein-words by their endings.
    internal static uint ArticleCells(ReadOnlySpan<char> token)
    {
        Span<char> lower = stackalloc char[16];
        if (token.Length > lower.Length)
        {
            return 0;
        }

        lower = lower[..token.Length];
        token.ToLowerInvariant(lower);
        switch (lower)
        {
            case "der": return Cells.Bit(Cells.Nom, 0, Cells.Masc) | Cells.Bit(Cells.Gen, 0, Cells.Fem) | Cells.Bit(Cells.Dat, 0, Cells.Fem) | Cells.Bit(Cells.Gen, 1, Cells.AnyGender);
            case "die": return Cells.Bit(Cells.Nom, 0, Cells.Fem) | Cells.Bit(Cells.Acc, 0, Cells.Fem) | Cells.Bit(Cells.Nom, 1, Cells.AnyGender) | Cells.Bit(Cells.Acc, 1, Cells.AnyGender);
            case "das": return Cells.Bit(Cells.Nom, 0, Cells.Neut) | Cells.Bit(Cells.Acc, 0, Cells.Neut);
            case "des": return Cells.Bit(Cells.Gen, 0, Cells.Masc) | Cells.Bit(Cells.Gen, 0, Cells.Neut);
            case "dem": return Cells.Bit(Cells.Dat, 0, Cells.Masc) | Cells.Bit(Cells.Dat, 0, Cells.Neut);
            case "den": return Cells.Bit(Cells.Acc, 0, Cells.Masc) | Cells.Bit(Cells.Dat, 1, Cells.AnyGender);
        }

        ReadOnlySpan<string> einWords = ["ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "eur"];
        foreach (string stem in einWords)
        {
            if (lower.StartsWith(stem))
            {
                return EinEnding(lower[stem.Length..], stem != "ein");
            }
        }

        ReadOnlySpan<string> derWords = ["dies", "jen", "jed", "welch", "manch", "solch", "all"];
        foreach (string stem in derWords)
        {
            if (lower.StartsWith(stem))
            {
                return DerEnding(lower[stem.Length..]);
            }
        }

        return 0;
    }

    private static uint EinEnding(ReadOnlySpan<char> ending, bool hasPlural)
    {
        uint plural(int c) => hasPlural ? Cells.Bit(c, 1, Cells.AnyGender) : 0;
        return ending switch
        {
            "" => Cells.Bit(Cells.Nom, 0, Cells.Masc) | Cells.Bit(Cells.Nom, 0, Cells.Neut) | Cells.Bit(Cells.Acc, 0, Cells.Neut),
            "e" => Cells.Bit(Cells.Nom, 0, Cells.Fem) | Cells.Bit(Cells.Acc, 0, Cells.Fem) | plural(Cells.Nom) | plural(Cells.Acc),
            "er" => Cells.Bit(Cells.Gen, 0, Cells.Fem) | Cells.Bit(Cells.Dat, 0, Cells.Fem) | plural(Cells.Gen),
            "es" => Cells.Bit(Cells.Gen, 0, Cells.Masc) | Cells.Bit(Cells.Gen, 0, Cells.Neut),
            "em" => Cells.Bit(Cells.Dat, 0, Cells.Masc) | Cells.Bit(Cells.Dat, 0, Cells.Neut),
            "en" => Cells.Bit(Cells.Acc, 0, Cells.Masc) | plural(Cells.Dat),
            _ => 0,
        };
    }

    private static uint DerEnding(ReadOnlySpan<char> ending) => ending switch
    {
        "er" => Cells.Bit(Cells.Nom, 0, Cells.Masc) | Cells.Bit(Cells.Gen, 0, Cells.Fem) | Cells.Bit(Cells.Dat, 0, Cells.Fem) | Cells.Bit(Cells.Gen, 1, Cells.AnyGender),
        "e" => Cells.Bit(Cells.Nom, 0, Cells.Fem) | Cells.Bit(Cells.Acc, 0, Cells.Fem) | Cells.Bit(Cells.Nom, 1, Cells.AnyGender) | Cells.Bit(Cells.Acc, 1, Cells.AnyGender),
        "es" => Cells.Bit(Cells.Nom, 0, Cells.Neut) | Cells.Bit(Cells.Acc, 0, Cells.Neut) | Cells.Bit(Cells.Gen, 0, Cells.Masc) | Cells.Bit(Cells.Gen, 0, Cells.Neut),
        "em" => Cells.Bit(Cells.Dat, 0, Cells.Masc) | Cells.Bit(Cells.Dat, 0, Cells.Neut),
        "en" => Cells.Bit(Cells.Acc, 0, Cells.Masc) | Cells.Bit(Cells.Dat, 1, Cells.AnyGender),
        _ => 0,
    };

    private sealed class Scratch
    {
        public TokenInfo[] Infos = new TokenInfo[64];
        public int[] Upos = new int[64];
        public int[] Stts = new int[64];
        public int[] FirstPass = new int[64];
        public uint[] Cells = new uint[64];
        public readonly ulong[] Features = new ulong[TaggerFeatures.MaxFeatures];
        public readonly float[] Scores = new float[256];
        public readonly char[] Chars = new char[128];

        public void Ensure(int count)
        {
            if (Infos.Length < count)
            {
                int size = Math.Max(count, Infos.Length * 2);
                Infos = new TokenInfo[size];
                Upos = new int[size];
                Stts = new int[size];
                FirstPass = new int[size];
                Cells = new uint[size];
            }
        }
    }
}
