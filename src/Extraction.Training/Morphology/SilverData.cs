using Extraction.Morphology;

namespace Extraction.Training.Morphology;

/// <summary>
/// Silver training data for self-training: GermEval 2014 train sentences (CC BY 4.0) tagged with UPOS by
/// a model trained on the gold data. Their NER annotation corrects the commonest error: a token inside a
/// person, place, organization or other name (not -deriv/-part) becomes PROPN, and a PROPN outside names
/// that the lexicon knows as a noun becomes NOUN.
/// </summary>
internal static class SilverData
{
    public const int Domain = 2;

    public static List<PosTrainer.TrainingSentence> Tag(string germEvalTrain, int maxSentences, PerceptronModel upos, MorphLexicon lexicon, FormClassTable names, string[] uposLabels)
    {
        int propn = Array.IndexOf(uposLabels, "PROPN");
        int noun = Array.IndexOf(uposLabels, "NOUN");
        var result = new List<PosTrainer.TrainingSentence>();
        var forms = new List<string>();
        var inName = new List<bool>();
        int index = 0;
        foreach (string line in File.ReadLines(germEvalTrain).Append(string.Empty))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                string[] cols = line.Split('\t');
                if (cols.Length >= 3)
                {
                    forms.Add(Normalize(cols[1]));
                    string label = cols[2];
                    inName.Add(label.Length > 2 && !label.EndsWith("deriv", StringComparison.Ordinal) && !label.EndsWith("part", StringComparison.Ordinal));
                }

                continue;
            }

            if (line.Length == 0 && forms.Count > 0)
            {
                // Every fourth sentence, spread over the file, up to the limit.
                if (index++ % 4 == 0 && result.Count < maxSentences && forms.All(f => f.Length > 0))
                {
                    var sentence = new PosTrainer.TrainingSentence([.. forms], new string[forms.Count], null, Enumerable.Repeat("_", forms.Count).ToArray(), Domain);
                    int[] tags = PosTrainer.TagFirstPass(upos, sentence, lexicon, names);
                    for (int k = 0; k < tags.Length; k++)
                    {
                        if (inName[k] && tags[k] == noun)
                        {
                            tags[k] = propn;
                        }
                        else if (!inName[k] && tags[k] == propn && lexicon.FindAnalysis(lexicon.Find(forms[k]), LexClass.Noun) >= 0)
                        {
                            tags[k] = noun;
                        }

                        sentence.Upos[k] = uposLabels[tags[k]];
                    }

                    result.Add(sentence);
                }

                forms.Clear();
                inName.Clear();
            }
        }

        return result;
    }

    // The 2014 release still has soft hyphens and C1 control characters for dashes and apostrophes.
    private static string Normalize(string form) => form
        .Replace("\u00AD", string.Empty, StringComparison.Ordinal)
        .Replace('\u0096', '\u2013')
        .Replace('\u0092', '\u2019');
}
