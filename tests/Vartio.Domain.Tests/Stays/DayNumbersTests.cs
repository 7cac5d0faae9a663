using NodaTime;
using Vartio.Domain.Stays;

namespace Vartio.Domain.Tests.Stays;

/// <summary>
/// The day-number arithmetic against NodaTime's own calendar: every day from 1900 to 2200, and the days
/// around the ends of the range NodaTime holds.
/// </summary>
public sealed class DayNumbersTests
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    [Fact]
    public void Of_EveryDayFrom1900To2200_IsTheDaysSince1970()
    {
        var expected = Period.DaysBetween(Epoch, new LocalDate(1900, 1, 1));
        for (var date = new LocalDate(1900, 1, 1); date.Year <= 2200; date = date.PlusDays(1), expected++)
        {
            Assert.True(expected == DayNumbers.Of(date), $"{date}: {DayNumbers.Of(date)}, expected {expected}");
            Assert.True(expected == DayNumbers.Of(date.Year, date.Month, date.Day), date.ToString());
        }
    }

    [Fact]
    public void ToDate_EveryDayFrom1900To2200_IsTheDateThatManyDaysAfter1970()
    {
        var day = Period.DaysBetween(Epoch, new LocalDate(1900, 1, 1));
        for (var expected = new LocalDate(1900, 1, 1); expected.Year <= 2200; expected = expected.PlusDays(1), day++)
        {
            Assert.True(expected == DayNumbers.ToDate(day), $"{day}: {DayNumbers.ToDate(day)}, expected {expected}");
        }
    }

    [Fact]
    public void OfAndToDate_AtTheEndsOfNodaTimesRange_AgreeWithNodaTime()
    {
        var earliest = LocalDate.MinIsoValue;
        var latest = LocalDate.MaxIsoValue;
        foreach (var date in Enumerable.Range(0, 800).Select(earliest.PlusDays).Concat(Enumerable.Range(0, 800).Select(d => latest.PlusDays(-d))))
        {
            var days = Period.DaysBetween(Epoch, date);
            Assert.True(days == DayNumbers.Of(date), $"{date}: {DayNumbers.Of(date)}, expected {days}");
            Assert.True(date == DayNumbers.ToDate(days), $"{days}: {DayNumbers.ToDate(days)}, expected {date}");
        }
    }

    [Theory]
    [InlineData(1970, 1, 1, 0)]
    [InlineData(1969, 12, 31, -1)]
    [InlineData(2000, 2, 29, 11_016)] // a leap day in a century year divisible by 400
    [InlineData(2000, 3, 1, 11_017)]
    [InlineData(1900, 3, 1, -25_508)] // 1900 is not a leap year: 28 February is the day before
    [InlineData(2013, 10, 18, 15_996)] // the day the current 90/180 rule applies from
    public void Of_KnownDates_AreTheDaysSince1970(int year, int month, int day, int expected)
    {
        // Expected values: days since 1970-01-01 as the Unix day count (for example `date -d 2013-10-18 +%s`
        // divided by 86,400).
        Assert.Equal(expected, DayNumbers.Of(new LocalDate(year, month, day)));
        Assert.Equal(new LocalDate(year, month, day), DayNumbers.ToDate(expected));
    }

    [Fact]
    public void Cache_EveryDayFrom1900To2200InOrderAndShuffled_AgreesWithOf()
    {
        var dates = new List<LocalDate>();
        for (var date = new LocalDate(1900, 1, 1); date.Year <= 2200; date = date.PlusDays(1))
        {
            dates.Add(date);
        }

        var random = new Random(1_970);
        foreach (var order in new[] { dates, dates.AsEnumerable().Reverse().ToList(), dates.OrderBy(_ => random.Next()).ToList() })
        {
            var cache = default(DayNumbers.Cache);
            foreach (var date in order)
            {
                Assert.True(DayNumbers.Of(date) == cache.Of(date), date.ToString());
            }
        }
    }

    [Fact]
    public void SortKey_EveryDayFrom1900To2200_IncreasesWithTheDate()
    {
        var previous = DayNumbers.SortKey(new LocalDate(1899, 12, 31));
        for (var date = new LocalDate(1900, 1, 1); date.Year <= 2200; date = date.PlusDays(1))
        {
            var key = DayNumbers.SortKey(date);
            Assert.True(key > previous, date.ToString());
            previous = key;
        }
    }
}
