using Extraction.Roles;

namespace Extraction.Tests.Roles;

public class GermanLexiconsTests
{
    [Fact]
    public void Default_LoadsEveryTable()
    {
        GermanLexicons lexicons = GermanLexicons.Default;

        lexicons.RoleForms.Count.Should().BeGreaterThan(3000, "several hundred roles, each in several forms");
        lexicons.CountriesByName.Should().ContainKey("Ukraine").And.ContainKey("Deutschlands");
        lexicons.CountriesByAdjective["russische"].Canonical.Should().Be("Russland");
        lexicons.CountriesByAdjective["US-amerikanischen"].Canonical.Should().Be("USA");
        lexicons.CountriesByAdjective["saudi-arabischen"].Canonical.Should().Be("Saudi-Arabien");
        lexicons.CountriesByAdjective["deutsche"].Canonical.Should().Be("Deutschland");
        lexicons.CountriesByCapitalOrSeat["Kreml"].Canonical.Should().Be("Russland");
        lexicons.CountriesByCapitalOrSeat["Kiew"].Canonical.Should().Be("Ukraine");
        lexicons.Prefixes["EU"].Canonical.Should().Be("Europäische Union");
        lexicons.Organizations["Internationalen Strafgerichtshofs"].Should().Be("Internationaler Strafgerichtshof");
        lexicons.Modifiers["ehemalige"].Attribute.Should().Be("former");
    }

    [Fact]
    public void Inflect_RoleClasses_GiveCaseNumberAndGenderForms()
    {
        string[] Forms(string masculine, string feminine, string inflection) =>
            GermanLexicons.Inflect(new RoleEntry(masculine, feminine, inflection, "government", CompoundHead: true)).Select(f => f.Form).ToArray();

        Forms("Minister", "Ministerin", "strong").Should().Contain(["Ministers", "Ministern", "Ministerinnen", "Minister*innen", "Minister:innen", "MinisterInnen"]);
        Forms("Präsident", "Präsidentin", "weak").Should().Contain(["Präsidenten", "Präsidentin"]);
        Forms("Vorsitzender", "Vorsitzende", "adjectival").Should().Contain(["Vorsitzender", "Vorsitzende", "Vorsitzenden", "Vorsitzendem"]);
    }

    [Fact]
    public void Load_EveryCountryOfTheSourceList_HasAnAdjective()
    {
        GermanLexicons lexicons = GermanLexicons.Default;

        lexicons.CountriesByName.Values.Distinct().Count().Should().BeGreaterThan(240);
        lexicons.CountriesByName.Values.Distinct().Count(c => c.AdjectiveStems.Length > 0).Should().BeGreaterThan(215, "uninhabited territories have no adjective");
    }
}
