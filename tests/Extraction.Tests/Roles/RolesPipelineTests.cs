namespace Extraction.Tests.Roles;

public class RolesPipelineTests
{
    private static readonly Extractor SharedExtractor = Extractor.CreateGerman();

    private static ExtractionResult Extract(string text) => SharedExtractor.Extract(text);

    private static IEnumerable<(string Person, string Role, string? Organization, string Rule)> HoldsRole(ExtractionResult result) =>
        result.Relations.Where(r => r.Type == "HoldsRole").Select(r => (
            r.Arguments["person"].Values[0],
            r.Arguments["role"].Values[0],
            r.Arguments.TryGetValue("organization", out RelationArgument? o) ? o.Values[0] : null,
            r.Rule));

    [Fact]
    public void Extract_NationalityAdjectiveRolePerson_GivesHoldsRoleWithCountry()
    {
        ExtractionResult result = Extract("Der ukrainische Präsident Wolodymyr Selenskyj reiste am Montag nach Paris.");

        HoldsRole(result).Should().Contain(("Wolodymyr Selenskyj", "Präsident", "Ukraine", "holdsrole.role-person"));
        result.Entities.Should().Contain(e => e.Label == EntityLabel.Role && e.Text == "Präsident");
    }

    [Fact]
    public void Extract_PrefixedRole_GivesOrganizationFromPrefix()
    {
        ExtractionResult result = Extract("Am Abend sprach US-Außenminister Marco Rubio mit Journalisten in Genf.");

        HoldsRole(result).Should().Contain(("Marco Rubio", "US-Außenminister", "USA", "holdsrole.role-person"));
    }

    [Fact]
    public void Extract_AppositionWithGenitive_GivesOrganizationFromGenitive()
    {
        ExtractionResult result = Extract("Admiral Giuseppe Cavo Dragone, Vorsitzender des NATO-Militärausschusses, warnte vor neuen Drohnenangriffen.");

        HoldsRole(result).Select(h => (h.Role, h.Rule)).Should().Contain(("Vorsitzender", "holdsrole.apposition"));
        HoldsRole(result).Select(h => h.Role).Should().Contain("Admiral");
    }

    [Fact]
    public void Extract_RelativeClauseWithAls_GivesHoldsRole()
    {
        ExtractionResult result = Extract("Keith Kellogg, der als Sondergesandter für die Ukraine gilt, kündigte neue Gespräche an.");

        HoldsRole(result).Should().Contain(h => h.Person == "Keith Kellogg" && h.Role == "Sondergesandter" && h.Rule == "holdsrole.als");
    }

    [Fact]
    public void Extract_RoleWithGenitiveBeforeName_GivesHoldsRole()
    {
        ExtractionResult result = Extract("Der Präsident des Bundesrechnungshofs, Kay Scheller, warnte vor neuen Schulden.");

        HoldsRole(result).Should().Contain(h => h.Person == "Kay Scheller" && h.Role == "Präsident" && h.Rule == "holdsrole.role-genitive-person");
    }

    [Fact]
    public void Extract_Copula_GivesHoldsRole()
    {
        ExtractionResult result = Extract("Die Ökonomin Sabine Krüger ist seit 2021 Präsidentin des Instituts für Weltwirtschaft.");

        HoldsRole(result).Should().Contain(h => h.Person == "Sabine Krüger" && h.Role == "Präsidentin");
    }

    [Fact]
    public void Extract_InflectedRoles_GetNominativeCanonicalNames()
    {
        ExtractionResult result = Extract("Die Rede des Sondergesandten wurde dem Verteidigungsministers nicht gezeigt, sagte die Vorsitzende Anna Berg.");

        result.Entities.Where(e => e.Label == EntityLabel.Role).Select(e => e.Canonical)
            .Should().Contain(["Sondergesandter", "Verteidigungsminister", "Vorsitzende"]);
    }

    [Fact]
    public void Extract_FormerRole_CarriesFormerAttribute()
    {
        ExtractionResult result = Extract("Der ehemalige Außenminister Joschka Fischer sprach in Berlin.");

        Entity role = result.Entities.Single(e => e.Label == EntityLabel.Role);
        role.Attributes.Should().Contain("former", "true");
    }

    [Fact]
    public void Extract_SurnameAfterFullName_SharesIdAndCanonical()
    {
        ExtractionResult result = Extract("Wolodymyr Selenskyj traf Friedrich Merz in Berlin. Danach sagte Selenskyj, die Gespräche seien gut gewesen.");

        Entity[] mentions = result.Entities.Where(e => e.Label == EntityLabel.Person && e.Text.Contains("Selenskyj", StringComparison.Ordinal)).ToArray();
        mentions.Should().HaveCount(2);
        mentions.Select(e => e.Canonical).Should().AllBe("Wolodymyr Selenskyj");
        mentions.Select(e => e.Id).Distinct().Should().HaveCount(1);
    }

    [Fact]
    public void Extract_GenitiveOfName_IsStrippedWhenBaseFormIsInTheText()
    {
        ExtractionResult result = Extract("Donald Trump sprach am Montag. Trumps Sprecher bestätigte das Treffen.");

        result.Entities.Where(e => e.Label == EntityLabel.Person).Select(e => e.Canonical).Should().AllBe("Donald Trump");
    }

    [Fact]
    public void Extract_OrganizationInGenitive_GetsNominativeCanonical()
    {
        ExtractionResult result = Extract("Die Richter des Internationalen Strafgerichtshofs in Den Haag entschieden am Dienstag.");

        result.Entities.Should().Contain(e => e.Canonical == "Internationaler Strafgerichtshof");
    }

    [Fact]
    public void Extract_SeatOfGovernment_RefersToCountry()
    {
        ExtractionResult result = Extract("Der Kreml wies die Vorwürfe am Abend zurück.");

        result.Entities.Should().Contain(e => e.Text == "Kreml" && e.Attributes.ContainsKey("refersTo") && e.Attributes["refersTo"] == "Russland");
    }

    [Fact]
    public void Extract_AcronymInBrackets_LinksToLongForm()
    {
        ExtractionResult result = Extract("Der Internationale Währungsfonds (IWF) senkte seine Prognose. Der IWF rechnet mit weniger Wachstum.");

        Entity[] organizations = result.Entities.Where(e => e.Label == EntityLabel.Organization).ToArray();
        organizations.Select(e => e.Id).Distinct().Should().HaveCount(1);
    }
}
