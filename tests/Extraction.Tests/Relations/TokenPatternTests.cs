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

        IReadOnlyList<PatternMatch> matches = rule.Pattern.Matches(new TokenFeatures(document, []), 0, document.TokenCount);

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
        // most four times the steps (plus a constant). Backtracking would take astronomically more; wall-clock
        // timings are left to the benchmarks.
        var smallSteps = new StepCounter();
        var largeSteps = new StepCounter();
        small.Matches(smallFeatures, 0, smallFeatures.Count, smallSteps).Should().BeEmpty();
        large.Matches(largeFeatures, 0, largeFeatures.Count, largeSteps).Should().BeEmpty();
        ((double)largeSteps.Steps / smallSteps.Steps).Should().BeInRange(3.9, 4.1);
    }
}
