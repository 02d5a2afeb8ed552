using System.Collections.Frozen;

namespace Extraction.Tokenization;

/// <summary>
/// Declarative language data for the German tokenizer and sentence splitter: abbreviations, the words
/// that make a number with a period an ordinal, and the abbreviations that may end a sentence.
/// </summary>
internal static class GermanTokenizerData
{
    /// <summary>Abbreviations written with their final period (case-sensitive).</summary>
    public static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
    [
        "Abb.", "Abg.", "Abs.", "Abt.", "Adm.", "Akad.", "allg.", "Anm.", "Art.", "Aufl.", "Bd.", "Bde.", "Bhf.",
        "Bsp.", "bspw.", "bzgl.", "bzw.", "ca.", "Chr.", "Co.", "Corp.", "d.h.", "dgl.", "Di.", "Dipl.", "Dir.",
        "Do.", "Dr.", "dt.", "e.V.", "ebd.", "eigtl.", "einschl.", "Em.", "entspr.", "erg.", "etc.", "evtl.", "exkl.",
        "Fa.", "Feb.", "ff.", "Fr.", "Frl.", "gegr.", "geb.", "Gebr.", "gem.", "Gen.", "ges.", "gesch.", "gest.",
        "ggf.", "ggfs.", "Hbf.", "hl.", "Hl.", "Hr.", "Hrn.", "Hrsg.", "i.A.", "i.d.R.", "i.e.", "i.V.", "inkl.",
        "Inc.", "Ing.", "insb.", "insbes.", "Jan.", "Jh.", "Jhd.", "Jhdt.", "jr.", "Jr.", "Kap.", "kath.", "Kfm.",
        "Kl.", "Komm.", "Lfg.", "lt.", "Ltd.", "Mag.", "max.", "Mi.", "min.", "Mio.", "Mo.", "Mrd.", "Mrz.", "Mss.",
        "n.Chr.", "Nov.", "Nr.", "Nrn.", "o.", "o.Ä.", "o.ä.", "o.g.", "Okt.", "Pfr.", "Pkt.", "Pl.", "Prof.",
        "Proz.", "rd.", "Reg.", "Rel.", "röm.", "S.", "Sa.", "sen.", "Sen.", "Sept.", "Sep.", "So.", "sog.", "Sr.",
        "St.", "Std.", "Str.", "stv.", "Tab.", "Tel.", "Tsd.", "u.", "u.a.", "u.Ä.", "u.ä.", "u.a.m.", "u.U.",
        "u.v.m.", "Univ.", "urspr.", "usf.", "usw.", "v.", "v.a.", "v.Chr.", "Verf.", "verh.", "vgl.", "Vors.",
        "vs.", "z.", "z.B.", "z.T.", "z.Zt.", "zit.", "zzgl.", "Z.", "Dez.", "Aug.", "Apr.", "Jul.", "Jun.",
        "Mr.", "Mrs.", "Ms.", "Gen.", "Lt.", "Maj.", "Oberstlt.", "Kpt.", "Sgt.", "Obj.", "Ziff.", "lit.", "Buchst.",
    ]);

    /// <summary>Abbreviations that may also end a sentence when a capitalised word follows (<c>usw. Die</c>).</summary>
    public static readonly FrozenSet<string> SentenceFinalAbbreviations = FrozenSet.ToFrozenSet(
    [
        "etc.", "usw.", "usf.", "u.v.m.", "u.a.m.", "ff.", "Co.", "Inc.", "Ltd.", "Corp.", "Chr.", "v.Chr.", "n.Chr.",
    ]);

    /// <summary>Words after which a number with a period is an ordinal (<c>3. Oktober</c>, <c>1. FC Köln</c>).</summary>
    public static readonly FrozenSet<string> OrdinalFollowers = FrozenSet.ToFrozenSet(
    [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
        "Dezember", "Jan.", "Feb.", "Mrz.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Okt.", "Nov.", "Dez.",
        "Jänner", "Bundesliga", "Liga", "Klasse", "Runde", "Platz", "Rang", "Spieltag", "Jahrhundert", "Jahrhunderts",
        "Jh.", "Jahrtausend", "Weltkrieg", "Weltkriegs", "Weltkrieges", "Stock", "Etage", "Quartal", "Halbjahr",
        "Advent", "Adventssonntag", "Todestag", "Geburtstag", "Jahrestag", "Lebensjahr", "Symphonie", "Sinfonie",
        "Parteitag", "Sitzung", "Lesung", "Kammer", "Senat", "Strafsenat", "Zivilsenat", "Strafkammer", "Armee",
        "Division", "Kompanie", "Legislaturperiode", "Amtszeit", "Mal", "Tag", "Woche", "Monat", "Jahr", "Satz",
        "Akt", "Szene", "Auflage", "Band", "Kapitel", "Staffel", "Folge", "Etappe", "Halbzeit", "Minute", "Grades",
        "Grad", "Ordnung", "FC", "SC", "SV", "FSV", "VfB", "VfL", "TSV", "FFC", "BC", "HC", "Mannschaft",
    ]);

    /// <summary>Words before which a number with a period is an ordinal (<c>am 6. Juni</c>, <c>der 19.</c>).</summary>
    public static readonly FrozenSet<string> OrdinalPredecessors = FrozenSet.ToFrozenSet(
    [
        "der", "die", "das", "dem", "den", "des", "am", "im", "zum", "zur", "vom", "beim", "ab", "bis", "seit",
        "Am", "Im", "Der", "Die", "Das", "Den", "Dem", "Vom", "Zum", "Seit", "Ab", "Bis", "ihr", "ihrem", "ihren",
        "ihrer", "sein", "seinem", "seinen", "seiner", "ein", "einem", "einen", "einer", "jeder", "jedem", "jeden",
    ]);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceFinalAbbreviationLookup = SentenceFinalAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrdinalFollowerLookup = OrdinalFollowers.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrdinalPredecessorLookup = OrdinalPredecessors.GetAlternateLookup<ReadOnlySpan<char>>();
}
