using NodaTime;

namespace Vartio.Domain.Countries;

/// <summary>
/// The states whose citizens enjoy the Union right of free movement at the external border: the member states
/// of the European Union, the other states of the European Economic Area (Iceland, Liechtenstein, Norway) and
/// Switzerland. Their citizens get the minimum check of Regulation (EU) 2016/399, Art. 8(2), and are outside the
/// visa lists (Regulation (EU) 2018/1806, Art. 1).
/// </summary>
/// <remarks>
/// Membership is dated where it changed this century: the enlargements of 2004, 2007 and 2013 (accession
/// treaties, in force on 1 May 2004, 1 January 2007 and 1 July 2013), and the United Kingdom, whose citizens kept
/// free movement until the end of the transition period on 31 December 2020 (Withdrawal Agreement, Art. 126
/// and 127). Earlier changes are not modelled.
/// </remarks>
public static class FreeMovement
{
    private static readonly LocalDate Enlargement2004 = new(2004, 5, 1);
    private static readonly LocalDate Enlargement2007 = new(2007, 1, 1);
    private static readonly LocalDate Enlargement2013 = new(2013, 7, 1);
    private static readonly LocalDate UnitedKingdomUntil = new(2020, 12, 31);

    private static readonly (string Alpha3, LocalDate? From, LocalDate? Until)[] Members =
    [
        ("AUT", null, null), ("BEL", null, null), ("BGR", Enlargement2007, null), ("HRV", Enlargement2013, null),
        ("CYP", Enlargement2004, null), ("CZE", Enlargement2004, null), ("DNK", null, null), ("EST", Enlargement2004, null),
        ("FIN", null, null), ("FRA", null, null), ("DEU", null, null), ("GRC", null, null),
        ("HUN", Enlargement2004, null), ("IRL", null, null), ("ITA", null, null), ("LVA", Enlargement2004, null),
        ("LTU", Enlargement2004, null), ("LUX", null, null), ("MLT", Enlargement2004, null), ("NLD", null, null),
        ("POL", Enlargement2004, null), ("PRT", null, null), ("ROU", Enlargement2007, null), ("SVK", Enlargement2004, null),
        ("SVN", Enlargement2004, null), ("ESP", null, null), ("SWE", null, null),
        ("GBR", null, UnitedKingdomUntil),

        // The European Economic Area beyond the Union, and Switzerland by the Agreement on the Free Movement of Persons.
        ("ISL", null, null), ("LIE", null, null), ("NOR", null, null), ("CHE", null, null),
    ];

    /// <summary>Every state that is or was a member, with the days its citizens had free movement (both ends included; null for open).</summary>
    public static IReadOnlyList<(Country State, LocalDate? From, LocalDate? Until)> All { get; } =
        [.. Members.Select(m => (Country.FromAlpha3(m.Alpha3)!, m.From, m.Until))];

    /// <summary>Whether the citizens of <paramref name="state"/> had free movement on <paramref name="date"/>.</summary>
    public static bool Includes(Country? state, LocalDate date)
    {
        if (state is null)
        {
            return false;
        }

        foreach (var (member, from, until) in All)
        {
            if (ReferenceEquals(member, state))
            {
                return (from is not { } f || f <= date) && (until is not { } u || date <= u);
            }
        }

        return false;
    }
}
