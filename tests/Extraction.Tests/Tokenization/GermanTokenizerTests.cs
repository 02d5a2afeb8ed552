using Extraction.Tokenization;

namespace Extraction.Tests.Tokenization;

public class GermanTokenizerTests
{
    private static string[] Tokens(string text) =>
        GermanTokenizer.Tokenize(text, CancellationToken.None).Tokens.Select(t => t.Text).ToArray();

    private static string[] Sentences(string text) =>
        GermanTokenizer.Tokenize(text, CancellationToken.None).Sentences.Select(s => s.Text).ToArray();

    [Theory]
    [InlineData("Das gilt z. B. für Kiew.", "Das|gilt|z.|B.|für|Kiew|.")]
    [InlineData("Das gilt z.B. für Kiew.", "Das|gilt|z.B.|für|Kiew|.")]
    [InlineData("Dr. Anna Berg und Prof. Jan Ott kamen.", "Dr.|Anna|Berg|und|Prof.|Jan|Ott|kamen|.")]
    [InlineData("Er kam bzw. sie ging.", "Er|kam|bzw.|sie|ging|.")]
    [InlineData("Es kamen u. a. Gäste, v. a. Kinder.", "Es|kamen|u.|a.|Gäste|,|v.|a.|Kinder|.")]
    [InlineData("Haus Nr. 5 in St. Gallen", "Haus|Nr.|5|in|St.|Gallen")]
    [InlineData("Es kostet 3 Mio. bzw. 2 Mrd. Euro.", "Es|kostet|3|Mio.|bzw.|2|Mrd.|Euro|.")]
    [InlineData("ca. 20 Leute im 19. Jh. nach Abs. 2 und Art. 5", "ca.|20|Leute|im|19.|Jh.|nach|Abs.|2|und|Art.|5")]
    [InlineData("ggf. später, usw. und etc. mehr", "ggf.|später|,|usw.|und|etc.|mehr")]
    public void Tokenize_Abbreviations_KeepTheirPeriod(string text, string expected)
    {
        Tokens(text).Should().Equal(expected.Split('|'));
    }

    [Theory]
    [InlineData("am 3. Oktober", "am|3.|Oktober")]
    [InlineData("Am 12.04.2016 war es kalt.", "Am|12.04.2016|war|es|kalt|.")]
    [InlineData("Der 1. FC Köln spielt in der 2. Bundesliga.", "Der|1.|FC|Köln|spielt|in|der|2.|Bundesliga|.")]
    [InlineData("Das war im Jahr 2016.", "Das|war|im|Jahr|2016|.")]
    [InlineData("Sie wurde 3.", "Sie|wurde|3|.")]
    public void Tokenize_DatesAndOrdinals_AreOneToken(string text, string expected)
    {
        Tokens(text).Should().Equal(expected.Split('|'));
    }

    [Theory]
    [InlineData("Es waren 1.000 Menschen.", "Es|waren|1.000|Menschen|.")]
    [InlineData("Ein Plus von 3,5 Prozent.", "Ein|Plus|von|3,5|Prozent|.")]
    [InlineData("Die 30-tägigen Fristen", "Die|30-tägigen|Fristen")]
    [InlineData("um 15:47 Uhr", "um|15:47|Uhr")]
    [InlineData("Tel. +49 30 123456 bitte", "Tel.|+49 30 123456|bitte")]
    [InlineData("10% mehr", "10|%|mehr")]
    public void Tokenize_Numbers_StayWhole(string text, string expected)
    {
        Tokens(text).Should().Equal(expected.Split('|'));
    }

    [Theory]
    [InlineData("Die US-Regierung und NATO-Truppen in Baden-Württemberg", "Die|US-Regierung|und|NATO-Truppen|in|Baden-Württemberg")]
    [InlineData("Militär- und Geheimdiensthilfen", "Militär-|und|Geheimdiensthilfen")]
    [InlineData("Praktikant*in, Kund:innen, LehrerInnen und Lehrer_innen", "Praktikant*in|,|Kund:innen|,|LehrerInnen|und|Lehrer_innen")]
    [InlineData("So geht's, sagte Trump's Sprecher.", "So|geht|'s|,|sagte|Trump|'s|Sprecher|.")]
    public void Tokenize_CompoundsGenderFormsApostrophes_AreHandled(string text, string expected)
    {
        Tokens(text).Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void Tokenize_HyphenatedCompound_FlagsItAndExposesParts()
    {
        Document document = GermanTokenizer.Tokenize("Die NATO-Truppen", CancellationToken.None);
        Token token = document.GetToken(1);

        token.Flags.Should().HaveFlag(TokenFlags.Hyphenated);
        token.GetHyphenParts().Select(r => document.Text[r]).Should().Equal("NATO", "Truppen");
    }

    [Fact]
    public void Tokenize_TruncatedCompound_IsFlagged()
    {
        Document document = GermanTokenizer.Tokenize("Militär- und Geheimdiensthilfen", CancellationToken.None);

        document.GetToken(0).Flags.Should().HaveFlag(TokenFlags.Truncated);
    }

    [Theory]
    [InlineData("„Wir kommen“, sagte er.", "„|Wir|kommen|“|,|sagte|er|.")]
    [InlineData("“Ja” und \"nein\" und »vielleicht« und ‚so‘", "“|Ja|”|und|\"|nein|\"|und|»|vielleicht|«|und|‚|so|‘")]
    [InlineData("Er zögerte – dann kam er — spät.", "Er|zögerte|–|dann|kam|er|—|spät|.")]
    [InlineData("Die Partei (SPD) [sic] {x}", "Die|Partei|(|SPD|)|[|sic|]|{|x|}")]
    [InlineData("KIEW / LONDON (IT BOLTWISE) – Die", "KIEW|/|LONDON|(|IT|BOLTWISE|)|–|Die")]
    [InlineData("Und dann... nichts … mehr", "Und|dann|...|nichts|…|mehr")]
    public void Tokenize_QuotesDashesBrackets_AreSeparate(string text, string expected)
    {
        Tokens(text).Should().Equal(expected.Split('|'));
    }

    [Theory]
    [InlineData("Siehe https://example.org/a?b=1, dann", "Siehe|https://example.org/a?b=1|,|dann")]
    [InlineData("Mehr auf www.example.de.", "Mehr|auf|www.example.de|.")]
    [InlineData("Mail an presse@example.de!", "Mail|an|presse@example.de|!")]
    [InlineData("#Wahl2025 mit @bundesregierung", "#Wahl2025|mit|@bundesregierung")]
    [InlineData("Apple® und Windows™ ©2024", "Apple|®|und|Windows|™|©|2024")]
    public void Tokenize_WebTokensAndSymbols_AreRecognised(string text, string expected)
    {
        Tokens(text).Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void Tokenize_WebTokens_HaveTheirKinds()
    {
        Document document = GermanTokenizer.Tokenize("https://x.org a@b.de #tag @user", CancellationToken.None);

        document.Tokens.Select(t => t.Kind).Should().Equal(TokenKind.Url, TokenKind.Email, TokenKind.Hashtag, TokenKind.Mention);
    }

    [Theory]
    [InlineData("J. R. R. Tolkien schrieb.", "J.|R.|R.|Tolkien|schrieb|.")]
    public void Tokenize_Initials_KeepTheirPeriod(string text, string expected)
    {
        Tokens(text).Should().Equal(expected.Split('|'));
    }

    [Theory]
    [InlineData("Er kam. Sie ging.", "Er kam.|Sie ging.")]
    [InlineData("Er sagte: „Wir kommen.“ Dann ging er.", "Er sagte: „Wir kommen.“|Dann ging er.")]
    [InlineData("„Wir kommen“, sagte er. Gut.", "„Wir kommen“, sagte er.|Gut.")]
    [InlineData("Kommt er? Ja! Sicher.", "Kommt er?|Ja!|Sicher.")]
    [InlineData("Dr. Müller traf z. B. Prof. Ott am 3. Oktober.", "Dr. Müller traf z. B. Prof. Ott am 3. Oktober.")]
    [InlineData("J. R. R. Tolkien schrieb viel.", "J. R. R. Tolkien schrieb viel.")]
    [InlineData("Merz trifft Macron\nDer Kanzler reist nach Paris.", "Merz trifft Macron|Der Kanzler reist nach Paris.")]
    [InlineData("- Erster Punkt\n- Zweiter Punkt", "- Erster Punkt|- Zweiter Punkt")]
    [InlineData("Er kaufte Brot, Milch usw. Dann ging er.", "Er kaufte Brot, Milch usw.|Dann ging er.")]
    [InlineData("Erster Absatz ohne Punkt\n\nZweiter Absatz", "Erster Absatz ohne Punkt|Zweiter Absatz")]
    [InlineData("Es war kalt.\r\nDann kam Regen.", "Es war kalt.|Dann kam Regen.")]
    [InlineData("Was? sagte er.", "Was? sagte er.")]
    public void Tokenize_Sentences_SplitWhereGermanNewsEndsThem(string text, string expected)
    {
        Sentences(text).Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void Tokenize_LineBreakInsideSentence_KeepsSentenceWhenNextLineIsLowercase()
    {
        Sentences("Die Regierung hat am Montag\nbeschlossen, dass es weitergeht.").Should().HaveCount(1);
    }

    [Theory]
    [InlineData("Wort\u00ADtrennung hier")]
    [InlineData("Zero\u200Bwidth und Join\u200Der")]
    [InlineData("Cafe\u0301 und Ame\u0301lie")]
    [InlineData("Emoji 👍🏽 und 👨‍👩‍👧 Familie")]
    [InlineData("Arabisch مرحبا بالعالم und Hebräisch שלום")]
    [InlineData("Zeile\r\nZeile\u00A0mit NBSP")]
    [InlineData("NUL\0mitten und \u0001 Steuerzeichen")]
    [InlineData("Einsames \uD800 Surrogat und \uDC00 noch eins")]
    public void Tokenize_UnusualCharacters_OffsetsPointIntoText(string text)
    {
        Document document = GermanTokenizer.Tokenize(text, CancellationToken.None);

        int previousEnd = 0;
        foreach (Token token in document.Tokens)
        {
            token.Length.Should().BePositive();
            token.Start.Should().BeGreaterThanOrEqualTo(previousEnd);
            text.Substring(token.Start, token.Length).Should().Be(token.Text);
            previousEnd = token.End;
        }

        document.TokenCount.Should().BePositive();
    }

    [Fact]
    public void Tokenize_SoftHyphenInsideWord_StaysInsideTheToken()
    {
        Tokens("Bundes\u00ADregierung tagt").Should().Equal("Bundes\u00ADregierung", "tagt");
    }

    [Fact]
    public void Tokenize_EmojiWithModifiers_IsOneSymbolToken()
    {
        Document document = GermanTokenizer.Tokenize("Gut 👍🏽!", CancellationToken.None);

        document.Tokens.Select(t => t.Text).Should().Equal("Gut", "👍🏽", "!");
        document.GetToken(1).Kind.Should().Be(TokenKind.Symbol);
    }

    [Fact]
    public void Tokenize_EmptyOrWhitespace_GivesNoTokensAndNoSentences()
    {
        foreach (string text in new[] { string.Empty, "   ", "\n\n\t" })
        {
            Document document = GermanTokenizer.Tokenize(text, CancellationToken.None);
            document.TokenCount.Should().Be(0);
            document.SentenceCount.Should().Be(0);
        }
    }

    [Fact]
    public void Tokenize_SpaceAndLineBreakFlags_AreSet()
    {
        Document document = GermanTokenizer.Tokenize("Ein Satz.\nZwei", CancellationToken.None);

        document.GetToken(1).Flags.Should().HaveFlag(TokenFlags.SpaceBefore);
        document.GetToken(2).Flags.Should().NotHaveFlag(TokenFlags.SpaceBefore);
        document.GetToken(3).Flags.Should().HaveFlag(TokenFlags.LineBreakBefore);
    }

    [Fact]
    public void Tokenize_CancelledToken_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        string text = string.Concat(Enumerable.Repeat("Wort ", 10_000));

        Action act = () => GermanTokenizer.Tokenize(text, cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Reader_ReadsTokensWithoutDocument()
    {
        var reader = new GermanTokenReader("Hallo Welt.");
        var tokens = new List<(int, int)>();
        while (reader.Read())
        {
            tokens.Add((reader.TokenStart, reader.TokenLength));
        }

        tokens.Should().Equal((0, 5), (6, 4), (10, 1));
    }
}
