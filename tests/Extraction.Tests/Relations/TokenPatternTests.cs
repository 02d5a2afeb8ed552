using System.Diagnostics;
using System.Text;
using Extraction.Relations;

namespace Extraction.Tests.Relations;

public class TokenPatternTests
{
    // ((a?)*)* followed by b, with captures: the classic catastrophic-backtracking shape.
    private const string PathologicalRule = """
        {"rules": [{"id": "p", "type": "Support", "pattern": [
          {"group": [{"group": [{"lower": "a", "op": "?"}], "op": "*"}, {"lower": "a", "op": "*", "capture": "topic"}], "op": "*"},
          {"lower": "b", "trigger": true},
          {"lower": "a", "op": "+", "capture": "giver"}
        ]}]}
        """;

    private static (TokenPattern Pattern, TokenFeatures Features) Prepare(int tokens)
    {
        RelationRule rule = RuleLoader.Parse(Encoding.UTF8.GetBytes(PathologicalRule), "p.json").Single();
        var words = new string[tokens];
        Array.Fill(words, "a");
        Document document = Document.FromTokens([words]);
        return (rule.Pattern, new TokenFeatures(document, []));
    }

    [Fact]
    public void Matches_SimplePattern_FindsLeftmostLongestNonOverlapping()
    {
        RelationRule rule = RuleLoader.Parse(Encoding.UTF8.GetBytes("""{"rules": [{"id": "x", "type": "Support", "pattern": [{"lower": "a"}, {"lower": "b", "op": "+", "trigger": true}]}]}"""), "x.json").Single();
        Document document = Document.FromTokens([["a", "b", "b", "c", "a", "b", "a"]]);

        List<PatternMatch> matches = rule.Pattern.Matches(new TokenFeatures(document, []), 0, document.TokenCount);

        matches.Select(m => (m.Start, m.End)).Should().Equal([(0, 3), (4, 6)]);
        int slot = rule.Pattern.TriggerSlot;
        (matches[0].Slots[2 * slot], matches[0].Slots[(2 * slot) + 1]).Should().Be((1, 3));
    }

    [Fact]
    public void Matches_PathologicalNestedRepeat_GrowsLinearly()
    {
        (TokenPattern small, TokenFeatures smallFeatures) = Prepare(50_000);
        (TokenPattern large, TokenFeatures largeFeatures) = Prepare(200_000);

        // The work done, counted in automaton states visited, is deterministic: four times the tokens give at
        // most four times the steps (plus a constant).
        var smallSteps = new StepCounter();
        var largeSteps = new StepCounter();
        small.Matches(smallFeatures, 0, smallFeatures.Count, smallSteps).Should().BeEmpty();
        large.Matches(largeFeatures, 0, largeFeatures.Count, largeSteps).Should().BeEmpty();
        ((double)largeSteps.Steps / smallSteps.Steps).Should().BeInRange(3.9, 4.1);

        // Wall time too, best of five runs of each size: a linear matcher takes about four times as long,
        // backtracking would take astronomically longer. The bound allows for a busy shared machine.
        double smallTime = Best(() => small.Matches(smallFeatures, 0, smallFeatures.Count));
        double largeTime = Best(() => large.Matches(largeFeatures, 0, largeFeatures.Count));
        (largeTime / smallTime).Should().BeLessThan(16, $"50k tokens took {smallTime:F1} ms, 200k took {largeTime:F1} ms");
    }

    private static double Best(Action action)
    {
        double best = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
