using NodaTime;
using Vartio.Domain.Checks;

namespace Vartio.Domain.Countries;

/// <summary>
/// Nationalities in the groups that the rules of the external border treat alike, for statistics: those with
/// the Union right of free movement (<see cref="FreeMovement"/>), third-country nationals who need a visa
/// (Regulation (EU) 2018/1806, Annex I) and those who do not (Annex II), each as listed on the day counted.
/// </summary>
public static class NationalityGroups
{
    public const string FreeMovementGroup = "freeMovement";
    public const string VisaRequired = "visaRequired";
    public const string VisaExempt = "visaExempt";

    /// <summary>Known, but on neither list that day (stateless persons, refugees' travel documents, entities ISO does not list).</summary>
    public const string Other = "other";

    public const string Unknown = "unknown";

    public static IReadOnlyList<string> All { get; } = [FreeMovementGroup, VisaRequired, VisaExempt, Other, Unknown];

    /// <summary>The group of a nationality (ISO 3166-1 alpha-3 or ICAO Doc 9303 code) on a day; <see cref="Unknown"/> for none.</summary>
    public static string Of(string? nationality, LocalDate day, VisaRequirementTable visas)
    {
        ArgumentNullException.ThrowIfNull(visas);
        if (string.IsNullOrEmpty(nationality) || Country.FromAlpha3(nationality) is not { } country)
        {
            return string.IsNullOrEmpty(nationality) || nationality == Unknown ? Unknown : Other;
        }

        if (FreeMovement.Includes(country, day))
        {
            return FreeMovementGroup;
        }

        return visas.On(country, day)?.Annex switch
        {
            VisaAnnex.AnnexI => VisaRequired,
            VisaAnnex.AnnexII => VisaExempt,
            _ => Other,
        };
    }
}
