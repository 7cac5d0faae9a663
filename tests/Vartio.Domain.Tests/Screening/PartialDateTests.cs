using NodaTime;
using Vartio.Domain.Screening;

namespace Vartio.Domain.Tests.Screening;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("  ", "")]
    [InlineData("1975", "1975")]
    [InlineData("1975-03", "1975")]
    [InlineData("1975-03-02", "1975-03-02")]
    public void TryParse_AcceptedForms_RoundTrip(string text, string expected)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(expected, date.ToString());
        Assert.True(PartialDate.TryParse(date.ToString(), out var again));
        Assert.Equal(date, again);
    }

    [Theory]
    [InlineData("75")]
    [InlineData("1975-13")]
    [InlineData("1975-02-30")]
    [InlineData("02.03.1975")]
    [InlineData("0000")]
    public void TryParse_Malformed_False(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
    }

    [Fact]
    public void Properties_FullDate_YearAndDate()
    {
        var date = PartialDate.Parse("1975-03-02");
        Assert.Equal(1975, date.Year);
        Assert.Equal(new LocalDate(1975, 3, 2), date.Date);
        Assert.Null(PartialDate.Parse("1975").Date);
        Assert.True(PartialDate.Unknown.IsUnknown);
    }
}
