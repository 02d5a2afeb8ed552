using Extraction.Pipeline;

namespace Extraction.Tests.Pipeline;

public class StringPoolTests
{
    [Fact]
    public void Get_SameCharactersTwice_ReturnsTheSameInstance()
    {
        string text = "Gespräch und Gespräch";

        string first = StringPool.Get(text.AsSpan(0, 8));
        string second = StringPool.Get(text.AsSpan(13, 8));

        first.Should().Be("Gespräch");
        second.Should().BeSameAs(first);
    }

    [Fact]
    public void GetLower_StringWithoutCapitals_IsReturnedItself()
    {
        string lower = "treffen";

        StringPool.GetLower(lower).Should().BeSameAs(lower);
        StringPool.GetLower("Außenminister").Should().Be("außenminister");
    }

    [Fact]
    public void Get_LongOrCollidingText_StillReturnsItsCharacters()
    {
        string longWord = new('x', 200);
        var words = Enumerable.Range(0, 50_000).Select(i => "w" + i).ToList();

        StringPool.Get(longWord).Should().Be(longWord);
        words.Select(w => StringPool.Get(w)).Should().Equal(words);
    }
}
