using NodaTime;
using Vartio.Domain.Travellers;

namespace Vartio.Domain.Asylum;

/// <summary>How an applicant arrived at the crossing point.</summary>
public enum ArrivalMeans
{
    Foot,
    Bicycle,
    Car,
    Bus,
    Other,
}

/// <summary>
/// The categories from whom applications are received even where receipt is stopped under the Act on
/// Temporary Measures to Combat Instrumentalised Migration (in force 2024-07-22): children, disabled people,
/// others in a particularly vulnerable position, and anyone at real risk of the death penalty, torture or
/// other inhuman or degrading treatment.
/// </summary>
public enum Vulnerability
{
    Child,
    Disabled,
    Vulnerable,
    SeriousHarmRisk,
}

/// <summary>A person asking for international protection at a crossing point, as the officer registers them.</summary>
/// <param name="Identity">From the travel document's zone, or as the person states it (no document).</param>
/// <param name="Documented">Whether a travel document was presented and read.</param>
/// <param name="Vulnerabilities">As the officer finds them; a child is also found from the stated birth date.</param>
public sealed record Applicant(
    TravellerIdentity Identity,
    bool Documented,
    ArrivalMeans? ArrivedBy,
    IReadOnlySet<Vulnerability> Vulnerabilities,
    bool UnaccompaniedMinor)
{
    public const int AgeOfMajority = 18;

    /// <summary>An adult in none of the exempt categories: what the crossing point's reception is for most people.</summary>
    public static Applicant WithoutExemption { get; } = new(
        new TravellerIdentity(null, null, Screening.PartialDate.Unknown, null, null, null), false, null, new HashSet<Vulnerability>(), false);

    /// <summary>
    /// Whether the applicant is, or may be, under 18 on <paramref name="date"/>: marked as a child or an
    /// unaccompanied minor, or a stated birth date that makes them under 18. With a birth year alone the
    /// benefit of the doubt is given (UNHCR, Guidelines on Policies and Procedures in dealing with
    /// Unaccompanied Children Seeking Asylum, 1997, §5.11): someone who turns 18 during the year counts as a child.
    /// </summary>
    public bool IsChildOn(LocalDate date)
    {
        if (Vulnerabilities.Contains(Vulnerability.Child) || UnaccompaniedMinor)
        {
            return true;
        }

        var birth = Identity.BirthDate;
        if (birth.Date is { } born)
        {
            return born.PlusYears(AgeOfMajority) > date;
        }

        return birth.Year is { } year && date.Year - year <= AgeOfMajority;
    }

    /// <summary>The exempt categories the applicant falls in on a day, in the Act's order.</summary>
    public IReadOnlyList<Vulnerability> ExemptionsOn(LocalDate date) =>
        [.. Enum.GetValues<Vulnerability>().Where(v => v == Vulnerability.Child ? IsChildOn(date) : Vulnerabilities.Contains(v))];
}
