using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data;
using Vartio.Domain.Checks;

namespace Vartio.Checks;

/// <summary>A reason of the standard form, ticked or not.</summary>
public sealed record RefusalFormReason(char Letter, string Text, bool Ticked);

/// <summary>What the standard form for refusal of entry (Regulation (EU) 2016/399, Annex V Part B) says of one refusal.</summary>
public sealed record RefusalForm(
    Guid CheckId,
    string CrossingPointCode,
    string CrossingPointName,
    ZonedDateTime At,
    string Officer,
    string? Surname,
    string? GivenNames,
    string BirthDate,
    string? Nationality,
    string DocumentType,
    string DocumentNumber,
    string IssuingState,
    IReadOnlyList<RefusalFormReason> Reasons,
    string? Remarks,
    bool? TravellerSigned);

/// <summary>Loads the refusal form of a refused check.</summary>
public sealed class RefusalForms(VartioDbContext db)
{
    /// <summary>The form; null when there is no such check or it was not refused.</summary>
    public async Task<RefusalForm?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Checks.AsNoTracking()
            .Where(c => c.Id == id && c.FinalOutcome == CheckWords.Refuse)
            .Join(db.TravelDocuments, c => c.DocumentId, d => d.Id, (c, d) => new { Check = c, Document = d })
            .Join(db.CrossingPoints, x => x.Check.CrossingPointCode, p => p.Code, (x, p) => new { x.Check, x.Document, Point = p })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(row.Point.TimeZone) ?? DateTimeZone.Utc;
        var at = row.Check.At.InZone(zone);
        var ticked = row.Check.FinalRefusalReasons ?? "";
        var reasons = "ABCDEFGHI"
            .Select(letter => RefusalReasonTable.Standard.On(letter, at.Date) is { } reason ? new RefusalFormReason(letter, reason.Text, ticked.Contains(letter, StringComparison.Ordinal)) : null)
            .OfType<RefusalFormReason>()
            .ToList();
        return new RefusalForm(
            row.Check.Id,
            row.Point.Code,
            row.Point.Name,
            at,
            PersonOf(row.Check.DecidedBy ?? row.Check.Officer),
            row.Document.PrimaryIdentifier,
            row.Document.SecondaryIdentifier,
            row.Document.BirthDate,
            row.Document.Nationality,
            row.Document.Type,
            row.Document.Number,
            row.Document.IssuingState,
            reasons,
            row.Check.Remarks,
            row.Check.TravellerSigned);
    }

    /// <summary>The officer as the form names them: the account's name, without the audit log's <c>user:</c>.</summary>
    private static string PersonOf(string actor) => actor.StartsWith("user:", StringComparison.Ordinal) ? actor["user:".Length..] : actor;
}
