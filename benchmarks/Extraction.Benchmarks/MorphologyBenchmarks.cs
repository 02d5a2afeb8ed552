using BenchmarkDotNet.Attributes;
using Extraction.Morphology;

namespace Extraction.Benchmarks;

/// <summary>
/// POS tagging (UPOS + STTS), lemmatization and morphology on one thread, over pre-tokenized invented
/// news sentences. Each operation is one token, so the Mean column is the time per token (tokens per
/// second = 1 s / Mean); Allocated is per token.
/// </summary>
[MemoryDiagnoser]
public class MorphologyBenchmarks
{
    // Invented sentences in the style of German news (not taken from any corpus).
    private static readonly string[] Sentences =
    [
        "Der Verteidigungsminister traf am Montag in Berlin seine Amtskollegen aus Frankreich und Polen .",
        "Die Regierung lehnt den Vorschlag der Opposition ab , wie ein Sprecher am Abend mitteilte .",
        "Nach dem Urteil des Internationalen Strafgerichtshofs setzt die Kommission ihre Ermittlungen fort .",
        "Im vergangenen Jahr stiegen die Preise für Energie um mehr als zwölf Prozent .",
        "Die Vorsitzende der Partei kündigte an , im Herbst erneut für das Amt zu kandidieren .",
        "Der Konzern hatte seinen Gewinn im dritten Quartal deutlich gesteigert .",
        "Tausende Menschen demonstrierten am Wochenende gegen die geplanten Kürzungen im Gesundheitswesen .",
        "Der neue Botschafter wird sein Amt voraussichtlich im Januar antreten .",
        "Wegen des Streiks fielen in mehreren Städten zahlreiche Züge und Busse aus .",
        "Die Ministerin sagte , man werde die Gespräche mit den Gewerkschaften schon bald fortsetzen .",
    ];

    private MorphologyComponent _component = null!;
    private Document _document = null!;

    /// <summary>The number of tokens per operation.</summary>
    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _component = MorphologyComponent.CreateDefault();
        var sentences = new List<IReadOnlyList<string>>();
        for (int i = 0; i < 100; i++)
        {
            foreach (string sentence in Sentences)
            {
                sentences.Add(sentence.Split(' '));
            }
        }

        _document = Document.FromTokens(sentences);
        Tokens = _document.TokenCount;
    }

    /// <summary>Tags, lemmatizes and analyses 1,000 sentences (13,500 tokens); reported per token.</summary>
    [Benchmark(OperationsPerInvoke = 13_500)]
    public void TagAndLemmatize() => _component.Process(_document, CancellationToken.None);
}
