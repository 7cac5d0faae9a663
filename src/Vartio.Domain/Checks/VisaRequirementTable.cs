using System.Globalization;
using NodaTime;
using Vartio.Domain.Countries;
using Vartio.Domain.Problems;

namespace Vartio.Domain.Checks;

/// <summary>
/// Which nationalities need a visa for a short stay on a given day: Regulation (EU) 2018/1806, Annex I (visa
/// required) and Annex II (exempt), each listing dated so that a nationality moved from one to the other (Ukraine
/// on 11 June 2017, Kosovo on 1 January 2024) is answered as it was on the day of the check.
/// </summary>
/// <remarks>
/// Data, not code: <see cref="Standard"/> is the table shipped (<see cref="VisaLists"/>); an edited table is made
/// with <see cref="Create"/>, which refuses an unknown code, a period that ends before it begins and two listings
/// of one nationality on the same day.
/// </remarks>
public sealed class VisaRequirementTable
{
    private readonly Dictionary<string, VisaRequirementEntry[]> byCountry;

    private VisaRequirementTable(IReadOnlyList<VisaRequirementEntry> entries)
    {
        Entries = entries;
        byCountry = entries.GroupBy(e => e.Country, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Every listing, by country then date.</summary>
    public IReadOnlyList<VisaRequirementEntry> Entries { get; }

    /// <summary>The lists as shipped: the consolidated text of 4 August 2024 and the earlier moves it records.</summary>
    public static VisaRequirementTable Standard { get; } = Create(VisaLists.Entries).Table
        ?? throw new InvalidOperationException("The shipped visa lists are inconsistent.");

    /// <summary>A table of these listings, or every problem that prevents it.</summary>
    public static (VisaRequirementTable? Table, IReadOnlyList<Problem> Problems) Create(IEnumerable<VisaRequirementEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var problems = new List<Problem>();
        for (var i = 0; i < list.Count; i++)
        {
            var entry = list[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"entries[{i}]");
            if (Country.FromAlpha3(entry.Country) is not { } country || country.Alpha3 != entry.Country)
            {
                problems.Add(new Problem(field + ".country", $"'{entry.Country}' is not an alpha-3 code of a known country."));
            }

            if (entry is { From: { } from, Until: { } until } && until < from)
            {
                problems.Add(new Problem(field + ".until", $"The listing of {entry.Country} ends before it begins."));
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(list[j].Country, entry.Country, StringComparison.Ordinal) && Overlap(list[j], entry))
                {
                    problems.Add(new Problem(field, string.Create(CultureInfo.InvariantCulture, $"{entry.Country} is listed twice for the same days (entries[{j}] and entries[{i}]).")));
                }
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var sorted = list.OrderBy(e => e.Country, StringComparer.Ordinal).ThenBy(e => e.From ?? LocalDate.MinIsoValue).ToList();
        return (new VisaRequirementTable(sorted), []);
    }

    /// <summary>The listing of <paramref name="country"/> on <paramref name="date"/>; null when it is on neither list that day.</summary>
    public VisaRequirementEntry? On(Country country, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(country);
        return byCountry.TryGetValue(country.Alpha3, out var listings) ? listings.FirstOrDefault(e => e.AppliesOn(date)) : null;
    }

    private static bool Overlap(VisaRequirementEntry a, VisaRequirementEntry b) =>
        (a.From ?? LocalDate.MinIsoValue) <= (b.Until ?? LocalDate.MaxIsoValue)
        && (b.From ?? LocalDate.MinIsoValue) <= (a.Until ?? LocalDate.MaxIsoValue);
}
