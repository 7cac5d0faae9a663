using Vartio.Domain.Problems;
using Vartio.Domain.Screening;
using Vartio.Screening;

namespace Vartio.Tests.Screening;

/// <summary>The one reading of a traveller to screen, with the field names of each surface (docs/SCREENING.md, "Input and answer").</summary>
public sealed class ScreeningInputTests
{
    [Fact]
    public void Read_AValidRequest_GivesTheQuery_TrimmedAndInUpperCase()
    {
        var input = ScreeningInput.Read(new ScreeningRequest(" Ivan Petrov ", "1975-03", " rus ", new ScreeningDocumentRequest("fin", " XP1234567 "), 0.9));

        Assert.Empty(input.Problems);
        Assert.Equal(new ScreeningQuery("Ivan Petrov", PartialDate.Parse("1975"), "RUS", new WatchlistDocument("FIN", "XP1234567")), input.Query);
        Assert.Equal(0.9, input.Threshold);
    }

    [Fact]
    public void Read_WithoutAThreshold_TakesTheDocumentedDefault() =>
        Assert.Equal(ScreeningDefaults.Threshold, ScreeningInput.Read(new ScreeningRequest("Ivan Petrov", null, null, null, null)).Threshold);

    [Fact]
    public void Read_NamesEveryFieldAtFault_AsTheSurfaceCallsIt()
    {
        var request = new ScreeningRequest(new string('a', 501), "1975-02-30", "FINLAND", new ScreeningDocumentRequest("XYZ", ""), 2);

        Assert.Equal(
            ["name", "birthDate", "nationality", "document.issuingState", "document.number", "threshold"],
            ScreeningInput.Read(request).Problems.Select(p => p.Field));
        Assert.Equal(
            ["--name", "--birth-date", "--nationality", "document.issuingState", "document.number", "--threshold"],
            ScreeningInput.Read(request, ScreeningFields.Options).Problems.Select(p => p.Field));
        Assert.Equal(
            ["Name", "Date of birth", "Nationality", "Issuing state", "Document number", "Threshold"],
            ScreeningInput.Read(request, ScreeningFields.Page).Problems.Select(p => p.Field));
        Assert.All(ScreeningInput.Read(request, ScreeningFields.Columns, line: 7).Problems, p => Assert.Equal(7, p.Line));
    }

    [Fact]
    public void Read_ADocumentAlone_NeedsNoName()
    {
        var input = ScreeningInput.Read(new ScreeningRequest(null, null, null, new ScreeningDocumentRequest("D", "C01X00T47"), null));

        Assert.True(input.IsValid);
        Assert.Equal("", input.Query!.Name);
        Assert.Null(ScreeningInput.Read(new ScreeningRequest(" ", null, null, null, null)).Query);
    }

    [Theory]
    [InlineData("0.9", 0.9)]
    [InlineData("1", 1.0)]
    public void ParseThreshold_ANumber_IsTheThreshold(string text, double expected) =>
        Assert.Equal(((double?)expected, (Problem?)null), ScreeningInput.ParseThreshold(text, ScreeningFields.Options));

    [Fact]
    public void ParseThreshold_NotANumber_IsAProblemOfTheOption() =>
        Assert.Equal(
            ((double?)null, new Problem("--threshold", "'high' is not a score: expected a number above 0 and at most 1.")),
            ScreeningInput.ParseThreshold("high", ScreeningFields.Options));
}
