namespace Extraction.Training.Evaluation;

/// <summary>Counts correct and total decisions; the shared scoring helper for tagging and lemmatization.</summary>
internal sealed class AccuracyCounter
{
    public int Correct { get; private set; }

    public int Total { get; private set; }

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public void Add(bool correct)
    {
        Total++;
        if (correct)
        {
            Correct++;
        }
    }

    public override string ToString() => $"{Accuracy:0.0000} ({Correct}/{Total})";
}

/// <summary>Counts the most frequent confusions (gold → predicted) for error analysis.</summary>
internal sealed class ConfusionCounter
{
    private readonly Dictionary<(string Gold, string Predicted), int> _counts = [];

    public void Add(string gold, string predicted)
    {
        if (gold != predicted)
        {
            _counts[(gold, predicted)] = _counts.GetValueOrDefault((gold, predicted)) + 1;
        }
    }

    public IEnumerable<(string Gold, string Predicted, int Count)> Top(int n) =>
        _counts.OrderByDescending(p => p.Value).Take(n).Select(p => (p.Key.Gold, p.Key.Predicted, p.Value));
}
