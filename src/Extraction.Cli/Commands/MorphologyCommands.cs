using System.CommandLine;
using System.Diagnostics;
using Extraction.Morphology;
using Extraction.Training.Morphology;

namespace Extraction.Cli.Commands;

/// <summary>The <c>train pos</c> and <c>evaluate pos</c> commands.</summary>
internal static class MorphologyCommands
{
    /// <summary><c>train pos --data ../shared/data --out models/</c>: compiles the lexicon and trains the POS/lemma model.</summary>
    public static Command CreateTrainCommand()
    {
        var data = new Option<string>("--data") { Description = "The shared data folder (with lexicons/ and ud-german/).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write lexicon-de.bin and pos-de.bin.", DefaultValueFactory = _ => "models" };
        var epochs = new Option<int>("--max-epochs") { Description = "The most epochs tried in model selection.", DefaultValueFactory = _ => 12 };
        var gsdWeight = new Option<int>("--gsd-weight") { Description = "How many times GSD dev counts per epoch against PUD once.", DefaultValueFactory = _ => 1 };
        var command = new Command("pos", "Compile the German lexicon and train the POS tagger and lemmatizer.");
        command.Options.Add(gsdWeight);
        var secondPass = new Option<bool>("--second-pass") { Description = "Also train a second UPOS pass with right-context labels; kept if it helps on held-out data.", DefaultValueFactory = _ => false };
        command.Options.Add(secondPass);
        var silver = new Option<int>("--silver") { Description = "GermEval 2014 sentences for self-training (0 = none); kept if they help on held-out data.", DefaultValueFactory = _ => 0 };
        command.Options.Add(silver);
        var clusters = new Option<int>("--clusters") { Description = "Distributional word clusters from GermEval 2014 text (0 = none, at most 254).", DefaultValueFactory = _ => 254 };
        command.Options.Add(clusters);
        command.Options.Add(data);
        command.Options.Add(output);
        command.Options.Add(epochs);
        command.SetAction(parseResult => PosTrainer.Run(parseResult.GetValue(data)!, parseResult.GetValue(output)!, parseResult.GetValue(epochs), parseResult.GetValue(gsdWeight), parseResult.GetValue(secondPass), parseResult.GetValue(silver), parseResult.GetValue(clusters), Console.Out));
        return command;
    }

    /// <summary><c>evaluate pos --data ../shared/data/ud-german</c>: UPOS, STTS and lemma accuracy on GSD test.</summary>
    public static Command CreateEvaluateCommand()
    {
        var data = new Option<string>("--data") { Description = "The UD German folder (with de_gsd-ud-test.conllu).", Required = true };
        var models = new Option<string?>("--models") { Description = "Read lexicon-de.bin and pos-de.bin from this folder instead of the embedded models." };
        var command = new Command("pos", "Evaluate POS tags and lemmas on UD German GSD test.");
        command.Options.Add(data);
        command.Options.Add(models);
        command.SetAction(parseResult =>
        {
            var clock = Stopwatch.StartNew();
            MorphologyAnnotator annotator = parseResult.GetValue(models) is { } folder ? Load(folder) : EmbeddedMorphology.Annotator;
            Console.WriteLine($"models loaded in {clock.ElapsedMilliseconds} ms");
            string path = Path.Combine(parseResult.GetValue(data)!, "de_gsd-ud-test.conllu");
            PosEvaluator.Print(PosEvaluator.Evaluate(annotator, path), Console.Out);
            return 0;
        });
        return command;
    }

    private static MorphologyAnnotator Load(string folder)
    {
        string lexiconPath = Path.Combine(folder, PosTrainer.LexiconFile);
        string modelPath = Path.Combine(folder, PosTrainer.ModelFile);
        using FileStream lexiconFile = File.OpenRead(lexiconPath);
        using FileStream modelFile = File.OpenRead(modelPath);
        return new MorphologyAnnotator(MorphModel.Read(modelFile, modelPath), MorphLexicon.Read(lexiconFile, lexiconPath));
    }
}
