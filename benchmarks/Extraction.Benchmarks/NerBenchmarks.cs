using BenchmarkDotNet.Attributes;
using Extraction.Ner;
using Extraction.Tokenization;

namespace Extraction.Benchmarks;

/// <summary>
/// Speed of the NER step on GermEval-like news text built from invented sentences (about 10,000
/// tokens per operation). Tokens per second = <see cref="TokenCount"/> / Mean. One thread.
/// </summary>
[MemoryDiagnoser]
public class NerBenchmarks
{
    private static readonly string[] Sentences =
    [
        "Bundeskanzlerin Angela Merkel ist am Montag zu einem zweitägigen Besuch in Paris eingetroffen .",
        "Der Vorstandschef der Deutschen Bank , Christian Sewing , äußerte sich am Rande der Hauptversammlung in Frankfurt .",
        "Die NATO-Truppen sollen nach Angaben des Pentagons bis Ende des Jahres aus Afghanistan abgezogen werden .",
        "In der ukrainischen Hauptstadt Kiew demonstrierten am Wochenende Tausende Menschen gegen die Regierung .",
        "Der FC Bayern München gewann das Spiel gegen Borussia Dortmund mit 3:1 .",
        "Laut einem Bericht der Süddeutschen Zeitung plant Siemens den Abbau von 2000 Stellen in Bayern .",
        "Der Film \" Das Leben der Anderen \" gewann 2007 den Oscar als bester fremdsprachiger Film .",
        "Außenministerin Annalena Baerbock traf in Washington ihren amerikanischen Amtskollegen Antony Blinken .",
        "Die Polizei in Köln sucht nach Zeugen eines Überfalls auf eine Tankstelle in der Innenstadt .",
        "Nach Angaben des Statistischen Bundesamtes stieg die Inflationsrate im Oktober auf 4,5 Prozent .",
    ];

    private string _text = string.Empty;
    private Document _document = null!;
    private NerTagger _tagger = null!;
    private NerComponent _component = null!;

    /// <summary>Tokens per operation.</summary>
    public int TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var builder = new System.Text.StringBuilder();
        var tokens = new List<IReadOnlyList<string>>();
        int count = 0;
        for (int i = 0; count < 10_000; i++)
        {
            string sentence = Sentences[i % Sentences.Length];
            builder.Append(sentence).Append(' ');
            string[] parts = sentence.Split(' ');
            tokens.Add(parts);
            count += parts.Length;
        }

        _text = builder.ToString();
        _document = Document.FromTokens(tokens);
        TokenCount = _document.TokenCount;
        _component = NerComponent.CreateDefault();
        _tagger = new NerTagger(_component.Model);
        Console.WriteLine($"// NerBenchmarks: {TokenCount} tokens per operation");
    }

    /// <summary>NER on a pre-tokenised document: features, scores, Viterbi, marginals.</summary>
    [Benchmark(Baseline = true)]
    public byte[] NerOnly() => _tagger.TagDocument(_document, new double[_document.TokenCount], CancellationToken.None);

    /// <summary>Tokenization plus the full NER component (tags, entities with scores).</summary>
    [Benchmark]
    public int TokenizeAndNer()
    {
        Document document = GermanTokenizer.Tokenize(_text, CancellationToken.None);
        _component.Process(document, CancellationToken.None);
        return document.EntityList.Count;
    }
}
