namespace Extraction.Training.Evaluation;

/// <summary>Counts of true positives, false positives and false negatives, with precision, recall and F1.</summary>
public readonly record struct PrecisionRecall(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PrecisionRecall operator +(PrecisionRecall a, PrecisionRecall b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    /// <summary>Compares two sets of items.</summary>
    public static PrecisionRecall Compare<T>(IReadOnlySet<T> gold, IReadOnlySet<T> predicted)
    {
        int tp = 0;
        foreach (T item in predicted)
        {
            if (gold.Contains(item))
            {
                tp++;
            }
        }

        return new PrecisionRecall(tp, predicted.Count - tp, gold.Count - tp);
    }
}
