using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Extraction.Ner;
using Extraction.Training.Evaluation;
using Extraction.Training.Ner;

namespace Extraction.Cli.Commands;

/// <summary>The NER commands: <c>train ner</c>, <c>tag</c> and <c>evaluate ner</c>.</summary>
internal static class NerCommands
{
    /// <summary><c>train ner --data DIR --out FILE [--seed N] [--epochs N] [--learner perceptron|maxent|both]</c>.</summary>
    public static Command CreateTrainNerCommand()
    {
        var data = new Option<string>("--data") { Description = "The GermEval 2014 folder (NER-de-train/dev/test.tsv).", Required = true };
        var output = new Option<string>("--out") { Description = "The model file to write; the model card goes next to it (.md).", DefaultValueFactory = _ => "models/ner-de.bin" };
        var lexicons = new Option<string?>("--lexicons") { Description = "The lexicon folder (default: 'lexicons' next to the data folder)." };
        var seed = new Option<int>("--seed") { Description = "Random seed (training is deterministic given the seed).", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "Maximum perceptron epochs (the best on dev is kept).", DefaultValueFactory = _ => 20 };
        var learner = new Option<string>("--learner") { Description = "perceptron, maxent or both (ships the better on dev).", DefaultValueFactory = _ => "both" };
        learner.AcceptOnlyFromAmong("perceptron", "maxent", "both");
        var maxFeatures = new Option<int>("--max-features") { Description = "Keep at most this many features in the model.", DefaultValueFactory = _ => 1_500_000 };
        var ensemble = new Option<int>("--ensemble") { Description = "Average the weights of this many perceptrons (seeds seed, seed+1, ...).", DefaultValueFactory = _ => 5 };
        var maxEntFeatures = new Option<int>("--maxent-features") { Description = "Feature cap for the ML.NET learner (most frequent first).", DefaultValueFactory = _ => 300_000 };
        var maxEntIterations = new Option<int>("--maxent-iterations") { Description = "L-BFGS iterations for the ML.NET learner.", DefaultValueFactory = _ => 80 };
        var features = new Option<string>("--features") { Description = "Feature groups, comma-separated: CharNGrams, Clusters, Conjunctions, Phrases (default: all).", DefaultValueFactory = _ => "Default" };
        var margin = new Option<float>("--margin") { Description = "Loss-augmented training margin for the perceptron (0 = plain).", DefaultValueFactory = _ => 0f };
        var command = new Command("ner", "Train the NER tagger on GermEval 2014 and write the model and its card.") { data, output, lexicons, seed, epochs, learner, maxFeatures, ensemble, maxEntFeatures, maxEntIterations, features, margin };
        command.SetAction(parseResult =>
        {
            var options = new NerTrainingOptions
            {
                DataDirectory = parseResult.GetValue(data)!,
                OutputPath = parseResult.GetValue(output)!,
                LexiconDirectory = parseResult.GetValue(lexicons),
                Seed = parseResult.GetValue(seed),
                Epochs = parseResult.GetValue(epochs),
                Learner = Enum.Parse<NerLearner>(parseResult.GetValue(learner)!, ignoreCase: true),
                MaxFeatures = parseResult.GetValue(maxFeatures),
                Ensemble = parseResult.GetValue(ensemble),
                Margin = parseResult.GetValue(margin),
                Features = Enum.Parse<NerFeatureOptions>(parseResult.GetValue(features)!, ignoreCase: true),
                MaxEntFeatures = parseResult.GetValue(maxEntFeatures),
                MaxEntIterations = parseResult.GetValue(maxEntIterations),
                Command = "dotnet run --project src/Extraction.Cli -c Release -- " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            };
            NerTraining.Run(options, Console.Out);
            return 0;
        });
        return command;
    }

    /// <summary><c>tag --input-format germeval FILE|-</c>: prints index, token and predicted outer tag per input token.</summary>
    public static Command CreateTagCommand()
    {
        var format = new Option<string>("--input-format") { Description = "Input format; 'germeval' (TSV: index, token, ...; # comments; blank lines between sentences).", DefaultValueFactory = _ => "germeval" };
        format.AcceptOnlyFromAmong("germeval");
        var model = new Option<string?>("--model") { Description = "A model file instead of the embedded one." };
        var file = new Argument<string>("file") { Description = "The input file, or - for standard input." };
        var command = new Command("tag", "Tag pre-tokenised text with NER tags (no re-tokenisation).") { format, model, file };
        command.SetAction(parseResult =>
        {
            string path = parseResult.GetValue(file)!;
            List<LabeledSentence> sentences = path == "-"
                ? GermEvalReader.Read(Console.In, "stdin")
                : GermEvalReader.ReadFile(path);
            NerModel nerModel = LoadModel(parseResult.GetValue(model));
            int[][] predicted = NerEvaluator.Predict(nerModel, sentences);
            using var writer = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
            for (int s = 0; s < sentences.Count; s++)
            {
                if (s > 0)
                {
                    writer.Write('\n');
                }

                LabeledSentence sentence = sentences[s];
                for (int i = 0; i < sentence.Tokens.Length; i++)
                {
                    writer.Write(sentence.Indexes[i]);
                    writer.Write('\t');
                    writer.Write(sentence.Tokens[i]);
                    writer.Write('\t');
                    writer.Write(NerTags.TagNames[predicted[s][i]]);
                    writer.Write('\n');
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary><c>evaluate ner --data DIR [--split dev|test|both]</c>: strict span P/R/F1 per label and overall.</summary>
    public static Command CreateEvaluateNerCommand()
    {
        var data = new Option<string>("--data") { Description = "The GermEval 2014 folder.", Required = true };
        var split = new Option<string>("--split") { Description = "dev, test or both.", DefaultValueFactory = _ => "both" };
        split.AcceptOnlyFromAmong("dev", "test", "both");
        var model = new Option<string?>("--model") { Description = "A model file instead of the embedded one." };
        var command = new Command("ner", "Evaluate the NER tagger on GermEval 2014 (strict span match, outer level).") { data, split, model };
        command.SetAction(parseResult =>
        {
            string directory = parseResult.GetValue(data)!;
            string which = parseResult.GetValue(split)!;
            NerModel nerModel = LoadModel(parseResult.GetValue(model));
            foreach (string name in which == "both" ? new[] { "dev", "test" } : [which])
            {
                string path = Path.Combine(directory, $"NER-de-{name}.tsv");
                List<LabeledSentence> sentences = GermEvalReader.ReadFile(path);
                var watch = Stopwatch.StartNew();
                SpanScorer scorer = NerEvaluator.Score(nerModel, sentences);
                Console.Write(scorer.Format($"GermEval 2014 {name} ({sentences.Count} sentences, {watch.Elapsed.TotalSeconds:F1} s), outer level, strict"));
                Console.WriteLine();
            }

            return 0;
        });
        return command;
    }

    private static NerModel LoadModel(string? path) => path is null ? NerComponent.DefaultModel : NerModelFormat.ReadFile(path);
}
