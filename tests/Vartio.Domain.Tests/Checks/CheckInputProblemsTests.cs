using Vartio.Domain.Checks;
using static Vartio.Domain.Tests.Checks.Travellers;

namespace Vartio.Domain.Tests.Checks;

/// <summary>Bad input is named by its field before anything is decided; findings about the traveller are not problems.</summary>
public sealed class CheckInputProblemsTests
{
    [Fact]
    public void Problems_ExpiredPassportAndNoVisa_AreFindingsNotProblems() =>
        Assert.Empty((Entry(Passport("RUS", expiry: "251231")) with { IntendedDeparture = Today }).Problems());

    [Fact]
    public void Problems_EveryInconsistency_NamedByItsField()
    {
        var input = Entry(Passport("RUS")) with
        {
            CrossingPoint = " ",
            IntendedDeparture = D(2026, 1, 14),
            Visa = new PresentedVisa(VisaType.ShortStay, D(2026, 2, 1), D(2026, 1, 31), VisaEntries.One, 91),
            VisaEntriesUsed = -1,
            WatchlistThreshold = 1.5,
        };

        var problems = input.Problems();

        Assert.Equal(
            ["crossingPoint", "intendedDeparture", "visa.validUntil", "visa.durationOfStay", "visaEntriesUsed", "watchlistThreshold"],
            problems.Select(p => p.Field));
        Assert.Equal("The intended departure, 2026-01-14, is before the day of the check, 2026-01-15.", problems[1].Message);
    }
}
