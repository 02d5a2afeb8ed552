using Extraction.Syntax;

namespace Extraction.Tests.Syntax;

/// <summary>The clause views over hand-built trees (invented sentences), so they test the views, not the model.</summary>
public class ClauseTests
{
    // One sentence: form, UPOS, STTS, morphology, head (0-based, -1 root), relation.
    private static Document Build(params (string Form, string Upos, string Stts, string? Morph, int Head, string Rel)[] words)
    {
        Document document = Document.FromTokens([words.Select(w => w.Form).ToArray()]);
        document.UposArray = [.. words.Select(w => w.Upos)];
        document.SttsArray = [.. words.Select(w => w.Stts)];
        document.LemmaArray = new string?[words.Length];
        document.MorphArray = [.. words.Select(w => w.Morph)];
        ParserComponent.SetTrees(document, [.. words.Select(w => w.Head)], [.. words.Select(w => w.Rel)]);
        return document;
    }

    private static Document Separable() => Build(
        ("Die", "DET", "ART", null, 1, "det"),
        ("Regierung", "NOUN", "NN", "Case=Nom|Gender=Fem|Number=Sing", 2, "nsubj"),
        ("lehnt", "VERB", "VVFIN", null, -1, "root"),
        ("den", "DET", "ART", null, 4, "det"),
        ("Vorschlag", "NOUN", "NN", "Case=Acc|Gender=Masc|Number=Sing", 2, "obj"),
        ("am", "ADP", "APPRART", null, 6, "case"),
        ("Montag", "NOUN", "NN", "Case=Dat|Gender=Masc|Number=Sing", 2, "obl"),
        ("ab", "ADP", "PTKVZ", null, 2, "compound:prt"),
        (".", "PUNCT", "$.", null, 2, "punct"));

    private static Document PassiveWithRelativeClause() => Build(
        ("Der", "DET", "ART", null, 1, "det"),
        ("Minister", "NOUN", "NN", "Case=Nom|Gender=Masc|Number=Sing", 11, "nsubj:pass"),
        (",", "PUNCT", "$,", null, 5, "punct"),
        ("der", "PRON", "PRELS", null, 5, "nsubj"),
        ("Macron", "PROPN", "NE", null, 5, "obj"),
        ("traf", "VERB", "VVFIN", null, 1, "acl"),
        (",", "PUNCT", "$,", null, 5, "punct"),
        ("wurde", "AUX", "VAFIN", null, 11, "aux:pass"),
        ("von", "ADP", "APPR", null, 10, "case"),
        ("der", "DET", "ART", null, 10, "det"),
        ("Polizei", "NOUN", "NN", "Case=Dat|Gender=Fem|Number=Sing", 11, "obl:agent"),
        ("verhaftet", "VERB", "VVPP", null, -1, "root"),
        (".", "PUNCT", "$.", null, 11, "punct"));

    private static Document Coordination() => Build(
        ("Merz", "PROPN", "NE", null, 3, "nsubj"),
        ("und", "CCONJ", "KON", null, 2, "cc"),
        ("Macron", "PROPN", "NE", null, 0, "conj"),
        ("trafen", "VERB", "VVFIN", null, -1, "root"),
        ("sich", "PRON", "PRF", null, 3, "obj"),
        ("und", "CCONJ", "KON", null, 6, "cc"),
        ("sprachen", "VERB", "VVFIN", null, 3, "conj"),
        (".", "PUNCT", "$.", null, 3, "punct"));

    private static List<Clause> Clauses(Document document) => [.. document.Sentences[0].Clauses];

    private static string[] Texts(IEnumerable<Token> tokens) => [.. tokens.Select(t => t.Text)];

    [Fact]
    public void Clauses_SeparableVerb_GiveVerbParticleSubjectObjectAndPreposition()
    {
        Clause clause = Clauses(Separable()).Should().ContainSingle().Subject;

        clause.Predicate.Text.Should().Be("lehnt");
        clause.FiniteVerb!.Value.Text.Should().Be("lehnt");
        clause.Particle!.Value.Text.Should().Be("ab");
        clause.Subject!.Value.Text.Should().Be("Regierung");
        Texts(clause.Objects).Should().Equal("Vorschlag");
        clause.Voice.Should().Be(Voice.Active);
        clause.Relation.Should().Be("root");
        clause.IsRelative.Should().BeFalse();
        PrepositionalPhrase phrase = clause.PrepositionalDependents.Should().ContainSingle().Subject;
        phrase.Noun.Text.Should().Be("Montag");
        phrase.Preposition.Text.Should().Be("am");
        phrase.Case.Should().Be("Dat");
        phrase.Relation.Should().Be("obl");
    }

    [Fact]
    public void Clauses_PassiveWithRelativeClause_GiveVoiceAgentAndAntecedent()
    {
        List<Clause> clauses = Clauses(PassiveWithRelativeClause());

        clauses.Select(c => c.Predicate.Text).Should().Equal("traf", "verhaftet");
        Clause relative = clauses[0];
        relative.IsRelative.Should().BeTrue();
        relative.Antecedent!.Value.Text.Should().Be("Minister");
        relative.Subject!.Value.Text.Should().Be("der");
        Texts(relative.Objects).Should().Equal("Macron");
        Clause main = clauses[1];
        main.Voice.Should().Be(Voice.Passive);
        main.Subject!.Value.Text.Should().Be("Minister");
        main.FiniteVerb!.Value.Text.Should().Be("wurde");
        Texts(main.Auxiliaries).Should().Equal("wurde");
        main.Antecedent.Should().BeNull();
        PrepositionalPhrase agent = main.PrepositionalDependents.Should().ContainSingle().Subject;
        (agent.Preposition.Text, agent.Noun.Text, agent.Relation).Should().Be(("von", "Polizei", "obl:agent"));
    }

    [Fact]
    public void Conjuncts_OfEitherName_GiveTheWholeGroupInOrder()
    {
        Document document = Coordination();

        Texts(document.GetToken(0).Conjuncts).Should().Equal("Merz", "Macron");
        Texts(document.GetToken(2).Conjuncts).Should().Equal("Merz", "Macron");
        Texts(document.GetToken(4).Conjuncts).Should().Equal("sich");
    }

    [Fact]
    public void Subject_OfCoordinatedVerbWithoutOwnSubject_IsTheFirstConjunctsSubject()
    {
        List<Clause> clauses = Clauses(Coordination());

        clauses.Select(c => c.Predicate.Text).Should().Equal("trafen", "sprachen");
        clauses[1].Subject!.Value.Text.Should().Be("Merz");
        clauses[1].Relation.Should().Be("conj");
    }

    [Fact]
    public void Clauses_Copula_HavePredicateNominalAndFiniteCopula()
    {
        Document document = Build(
            ("Merz", "PROPN", "NE", null, 2, "nsubj"),
            ("ist", "AUX", "VAFIN", null, 2, "cop"),
            ("Kanzler", "NOUN", "NN", "Case=Nom|Gender=Masc|Number=Sing", -1, "root"),
            (".", "PUNCT", "$.", null, 2, "punct"));

        Clause clause = Clauses(document).Should().ContainSingle().Subject;

        clause.Predicate.Text.Should().Be("Kanzler");
        clause.Copula!.Value.Text.Should().Be("ist");
        clause.FiniteVerb!.Value.Text.Should().Be("ist");
        clause.Subject!.Value.Text.Should().Be("Merz");
    }

    [Fact]
    public void ChildrenWith_Relation_AlsoGivesItsSubtypes()
    {
        Document document = PassiveWithRelativeClause();
        Token verb = document.GetToken(11);

        Texts(verb.ChildrenWith("obl")).Should().Equal("Polizei");
        Texts(verb.ChildrenWith("aux")).Should().Equal("wurde");
        Texts(verb.ChildrenWith("nsubj")).Should().Equal("Minister");
        verb.ChildrenWith("obj").IsEmpty.Should().BeTrue();
        verb.Children.Count().Should().Be(4);
        document.GetToken(1).Governor!.Value.Should().Be(verb);
        verb.Governor.Should().BeNull();
    }

    [Fact]
    public void Clauses_ParsedSeparableVerb_FindParticleSubjectAndObject()
    {
        Document document = Extractor.CreateGerman().Extract("Die Regierung lehnt den Vorschlag der Opposition ab.").Document;

        Clause clause = Clauses(document).Should().ContainSingle().Subject;

        clause.Predicate.Text.Should().Be("lehnt");
        clause.Particle!.Value.Text.Should().Be("ab");
        clause.Subject!.Value.Text.Should().Be("Regierung");
        Texts(clause.Objects).Should().Equal("Vorschlag");
    }
}
