using Extraction.Roles;

namespace Extraction.Tests.Roles;

public class RoleRecognizerTests
{
    private static readonly RoleRecognizer Recognizer = new(GermanLexicons.Default);

    [Theory]
    [InlineData("Außenminister", "Außenminister", null)]
    [InlineData("Außenministerin", "Außenministerin", null)]
    [InlineData("Verteidigungsministers", "Verteidigungsminister", null)]
    [InlineData("Präsidialamtschef", "Präsidialamtschef", null)]
    [InlineData("Chefunterhändler", "Chefunterhändler", null)]
    [InlineData("NATO-Verteidigungschefs", "NATO-Verteidigungschef", "NATO")]
    [InlineData("Oberbefehlshaber", "Oberbefehlshaber", null)]
    [InlineData("EU-Außenbeauftragte", "EU-Außenbeauftragte", "Europäische Union")]
    [InlineData("Vorstandsvorsitzende", "Vorstandsvorsitzende", null)]
    [InlineData("Sondergesandten", "Sondergesandter", null)]
    [InlineData("US-Sondergesandten", "US-Sondergesandter", "USA")]
    [InlineData("Oberbürgermeisterin", "Oberbürgermeisterin", null)]
    [InlineData("NATO-Generalsekretär", "NATO-Generalsekretär", "NATO")]
    [InlineData("UN-Menschenrechtskommissar", "UN-Menschenrechtskommissar", "Vereinte Nationen")]
    [InlineData("Minister*innen", "Ministerin", null)]
    [InlineData("Vizepremier", "Vizepremier", null)]
    [InlineData("vzbv-Vorständin", "vzbv-Vorständin", null)]
    public void TryRecognize_RoleWords_GiveCanonicalAndOrganization(string token, string canonical, string? organization)
    {
        Recognizer.TryRecognize(token, out RoleMatch match).Should().BeTrue();

        match.Canonical.Should().Be(canonical);
        match.PrefixOrganization.Should().Be(organization);
    }

    [Theory]
    [InlineData("Lautsprecher")]
    [InlineData("Halbleiter")]
    [InlineData("Regierung")]
    [InlineData("Haus")]
    [InlineData("minister")]
    public void TryRecognize_NonRoles_AreRejected(string token)
    {
        Recognizer.TryRecognize(token, out _).Should().BeFalse();
    }

    [Fact]
    public void TryRecognize_ExPrefix_MarksFormer()
    {
        Recognizer.TryRecognize("Ex-Kanzler", out RoleMatch match).Should().BeTrue();

        match.PrefixAttribute.Should().Be("former");
    }
}
