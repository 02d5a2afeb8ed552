using Extraction.ML;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Extraction.Tests.ML;

public class ExtractionCatalogTests
{
    private sealed class Sentence
    {
        public string Satz { get; set; } = string.Empty;

        public bool IstPolitik { get; set; }
    }

    private sealed class Prediction
    {
        [ColumnName("PredictedLabel")]
        public bool IstPolitik { get; set; }
    }

    // Team-written sentences: politics (true) and sports (false).
    private static readonly Sentence[] Sentences =
    [
        new() { Satz = "Bundeskanzler Friedrich Merz traf in Berlin den französischen Präsidenten Emmanuel Macron.", IstPolitik = true },
        new() { Satz = "Die Außenministerin reiste nach Brüssel, um mit der NATO über Hilfen zu beraten.", IstPolitik = true },
        new() { Satz = "Der Bundestag stimmte am Donnerstag über den Haushalt der Regierung ab.", IstPolitik = true },
        new() { Satz = "Der Ministerpräsident von Bayern kritisierte die Pläne der Bundesregierung.", IstPolitik = true },
        new() { Satz = "In Paris verhandelten die Regierungschefs der EU über neue Sanktionen gegen Russland.", IstPolitik = true },
        new() { Satz = "Die SPD-Vorsitzende Anna Lehmann forderte eine Reform der Rente.", IstPolitik = true },
        new() { Satz = "Der FC Bayern München gewann am Samstag mit 3:1 gegen Borussia Dortmund.", IstPolitik = false },
        new() { Satz = "Trainer Jonas Weber lobte nach dem Spiel die Abwehr seiner Mannschaft.", IstPolitik = false },
        new() { Satz = "Die Läuferin siegte beim Marathon in Hamburg mit neuem Streckenrekord.", IstPolitik = false },
        new() { Satz = "Im Finale des Pokals trifft Leipzig auf den VfB Stuttgart.", IstPolitik = false },
        new() { Satz = "Der Torwart hielt zwei Elfmeter und sicherte den Sieg in der Verlängerung.", IstPolitik = false },
        new() { Satz = "Die Handballerinnen erreichten bei der Weltmeisterschaft das Halbfinale.", IstPolitik = false },
    ];

    [Fact]
    public void ExtractGerman_InPipeline_AddsColumnsAndTrainsAClassifier()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromEnumerable(Sentences);

        IEstimator<ITransformer> pipeline = mlContext.Transforms.ExtractGerman(inputColumnName: nameof(Sentence.Satz))
            .Append(mlContext.Transforms.Text.FeaturizeText("TextFeatures", new TextFeaturizingEstimator.Options(), nameof(Sentence.Satz), nameof(ExtractionOutput.ExtractionSummary)))
            .Append(mlContext.Transforms.Concatenate("Features", "TextFeatures", nameof(ExtractionOutput.EntityCount)))
            .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(Sentence.IstPolitik)));

        ITransformer model = pipeline.Fit(data);
        IDataView transformed = model.Transform(data);

        transformed.Schema.GetColumnOrNull(nameof(ExtractionOutput.EntityLabels)).Should().NotBeNull();
        transformed.Schema.GetColumnOrNull(nameof(ExtractionOutput.RelationTypes)).Should().NotBeNull();
        string[][] labels = transformed.GetColumn<string[]>(nameof(ExtractionOutput.EntityLabels)).ToArray();
        labels.Should().HaveCount(Sentences.Length);
        labels[0].Should().Contain("PER");
        transformed.GetColumn<float>(nameof(ExtractionOutput.EntityCount)).First().Should().BeGreaterThan(0);

        PredictionEngine<Sentence, Prediction> engine = mlContext.Model.CreatePredictionEngine<Sentence, Prediction>(model);
        engine.Predict(new Sentence { Satz = "Die Kanzlerin traf den Präsidenten in Wien." }).Should().NotBeNull();
        CalibratedBinaryClassificationMetrics metrics = mlContext.BinaryClassification.Evaluate(transformed, labelColumnName: nameof(Sentence.IstPolitik));
        metrics.Accuracy.Should().BeGreaterThan(0.5);
    }
}
