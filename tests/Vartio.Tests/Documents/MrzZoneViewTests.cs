using Bunit;
using NodaTime;
using Vartio.Documents;
using Vartio.Documents.Components;
using Vartio.Domain.Documents;

namespace Vartio.Tests.Documents;

/// <summary>The zone view marks faulty and corrected characters where the result places them.</summary>
public sealed class MrzZoneViewTests : BunitContext
{
    private static readonly LocalDate Today = new(2026, 1, 15);

    // Every component reads its texts through the pages' localizer (English here).
    public MrzZoneViewTests() => Microsoft.Extensions.DependencyInjection.LocalizationServiceCollectionExtensions.AddLocalization(Services, o => o.ResourcesPath = "Resources");

    // ICAO Doc 9303 Part 4's specimen passport.
    private const string Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    private IRenderedComponent<MrzZoneView> Show(params string[] lines) =>
        Render<MrzZoneView>(p => p.Add(c => c.Response, MrzResponse.From(MrzParser.Parse(lines, Today), lines)));

    [Fact]
    public void ValidZone_ShowsEveryCharacterUnmarkedAndTheFields()
    {
        var view = Show(Line1, Line2);

        Assert.Equal("TD3: valid", view.Find(".mrz-verdict").TextContent);
        Assert.Equal(88, view.FindAll(".mrz-char").Count);
        Assert.Empty(view.FindAll(".mrz-fault, .mrz-corrected"));
        Assert.Contains("L898902C3", view.Find(".mrz-fields").TextContent, StringComparison.Ordinal);
        Assert.Contains("UTO (Utopia (specimen documents))", view.Find(".mrz-fields").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LetterInADate_IsMarkedCorrectedWithWhatWasRead()
    {
        // The birth date 740812 read with O for its 0 (line 2 position 16).
        var view = Show(Line1, "L898902C36UTO74O8122F1204159ZE184226B<<<<<10");

        var corrected = Assert.Single(view.FindAll(".mrz-corrected"));
        Assert.Equal("O", corrected.TextContent);
        Assert.Equal("16", corrected.GetAttribute("data-position"));
        Assert.Equal("2", corrected.ParentElement!.GetAttribute("data-line"));
        Assert.Equal("read 'O', corrected to '0' (dateOfBirth)", corrected.GetAttribute("title"));
        Assert.Equal("TD3: valid, after correction", view.Find(".mrz-verdict").TextContent);
    }

    [Fact]
    public void ChangedDigitInTheDocumentNumber_IsAFaultWithTheLookAlikeReadingToCompare()
    {
        // ICAO's specimen number L898902C3 changed to L898902C4: LB98902C4 would pass, which proves nothing.
        var view = Show(Line1, "L898902C46UTO7408122F1204159ZE184226B<<<<<10");

        Assert.Equal("TD3: not valid, 2 problems", view.Find(".mrz-verdict").TextContent);
        Assert.Empty(view.FindAll(".mrz-corrected"));
        Assert.Contains("L898902C4", view.Find(".mrz-fields").TextContent, StringComparison.Ordinal);
        var candidate = Assert.Single(view.FindAll(".mrz-candidate"));
        Assert.Equal("LB98902C4", candidate.TextContent);
        Assert.Contains("Compare with the printed data page", view.Find(".mrz-candidates").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpiredDocument_SaysSoPlainly()
    {
        var view = Show(Line1, Line2);

        Assert.Equal("Expired: the document expired on 2012-04-15.", view.Find(".mrz-expired").TextContent);
    }

    [Fact]
    public void SingleName_IsValidWithTheRemark()
    {
        var view = Show("P<IND<<FIRST<NAME<<<<<<<<<<<<<<<<<<<<<<<<<<<", "J8369854<4IND8503150M3209170<<<<<<<<<<<<<<<0");

        Assert.Equal("TD3: valid", view.Find(".mrz-verdict").TextContent);
        Assert.Empty(view.FindAll(".mrz-expired"));
        Assert.Equal(
            "The name has no primary identifier: the holder's single name is in the secondary identifier only.",
            Assert.Single(view.FindAll(".mrz-remarks li")).TextContent);
    }

    [Fact]
    public void WrongCheckDigits_AreMarkedFaultyAndEachProblemListed()
    {
        var view = Show(Line1, "L898902C36UTO7408122F1204158ZE184226B<<<<<10");

        var faults = view.FindAll(".mrz-fault");
        Assert.Equal(["28", "44"], faults.Select(f => f.GetAttribute("data-position")));
        Assert.StartsWith("dateOfExpiryCheckDigit: check digit 8", faults[0].GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal(2, view.FindAll(".mrz-problems li").Count);
        Assert.Equal("false", view.Find(".mrz").GetAttribute("data-valid"));
        Assert.Equal("TD3: not valid, 2 problems", view.Find(".mrz-verdict").TextContent);
    }

    [Fact]
    public void TextThatIsNoZone_SaysWhyWithoutFields()
    {
        var view = Show("hello");

        Assert.StartsWith("Not a machine-readable zone: 1 line of 5 characters", view.Find(".mrz-verdict").TextContent, StringComparison.Ordinal);
        Assert.Empty(view.FindAll(".mrz-fields"));
    }

    [Fact]
    public void PastedLowerCaseZone_IsShownAsReadWithTheNormalisations()
    {
        var view = Show((Line1 + Line2).ToLowerInvariant());

        Assert.Equal(2, view.FindAll(".mrz-line").Count);
        Assert.Equal(Line2, view.FindAll(".mrz-line")[1].TextContent.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("lower-case letters read as upper case", view.Find(".mrz-normalised").TextContent, StringComparison.Ordinal);
    }
}
