using NodaTime;
using Vartio.Data.Entities;
using Vartio.Domain.Asylum;
using Vartio.Domain.Screening;
using Vartio.Domain.Travellers;

namespace Vartio.Asylum;

/// <summary>Applications as the API, the pages and the exports show them.</summary>
public static class AsylumResponses
{
    /// <param name="showPerson">False for those who see figures but not names (Analysts): no name, birth date, document, vulnerabilities or earlier registrations.</param>
    /// <param name="date">The day of the registration at its crossing point, to tell a child from a stated birth date.</param>
    public static AsylumApplicationResponse From(
        AsylumApplicationRow row,
        string? lateReason,
        IReadOnlyList<EarlierRegistrationResponse> earlier,
        IReadOnlyList<AsylumEventResponse> history,
        bool showPerson,
        LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(row);
        var vulnerabilities = row.Vulnerabilities.Length == 0 ? [] : row.Vulnerabilities.Split(',');
        return new AsylumApplicationResponse(
            row.Id,
            row.GroupId,
            row.CrossingPointCode,
            row.At,
            row.RecordedAt,
            lateReason,
            row.Received,
            row.Exemption,
            row.DirectedTo.Length == 0 ? [] : row.DirectedTo.Split(','),
            row.Message,
            row.DecisionId,
            row.Status,
            row.StatusAt,
            row.Documented,
            row.Nationality,
            row.Sex,
            row.ArrivedBy,
            IsChild(row, date),
            row.UnaccompaniedMinor,
            row.IdentityReview,
            showPerson
                ? new ApplicantPersonResponse(
                    row.PersonId,
                    row.Name,
                    row.BirthDate.Length == 0 ? null : row.BirthDate,
                    vulnerabilities,
                    row.DocumentNumber is { } number ? new ApplicantDocumentResponse(row.DocumentCode, number, row.DocumentIssuingState!) : null,
                    row.Officer)
                : null,
            showPerson ? [.. earlier.Select(e => e with { SamePerson = e.PersonId == row.PersonId })] : [],
            history);
    }

    /// <summary>Whether the person is, or may be, under 18 on the day, as <see cref="Applicant.IsChildOn"/> says.</summary>
    public static bool IsChild(AsylumApplicationRow row, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(row);
        var vulnerabilities = row.Vulnerabilities.Length == 0 ? [] : row.Vulnerabilities.Split(',');
        var set = vulnerabilities.Select(v => AsylumWords.TryRead<Vulnerability>(v, out var value) ? value : (Vulnerability?)null).OfType<Vulnerability>().ToHashSet();
        var identity = new TravellerIdentity(row.Name, null, PartialDate.TryParse(row.BirthDate, out var birth) ? birth : PartialDate.Unknown, null, null, null);
        return new Applicant(identity, row.Documented, null, set, row.UnaccompaniedMinor).IsChildOn(date);
    }
}
