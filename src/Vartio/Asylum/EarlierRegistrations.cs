using Microsoft.EntityFrameworkCore;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Screening;
using Vartio.Domain.Travellers;

namespace Vartio.Asylum;

/// <summary>
/// Earlier registrations that may be the same person: the same travel document, or a similar name (by the
/// screening matcher, as a watchlist of those registrations) with the same stated birth date and nationality.
/// Only shown: an officer links or confirms a new person; nothing is merged silently.
/// </summary>
public sealed class EarlierRegistrations(VartioDbContext db)
{
    /// <summary>The most registrations with one birth date and nationality compared by name; the newest are kept.</summary>
    public const int MaxCompared = 5000;

    /// <summary>The most earlier registrations shown for one person.</summary>
    public const int MaxShown = 10;

    public async Task<IReadOnlyList<EarlierRegistrationResponse>> FindAsync(TravellerIdentity identity, Guid? except, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var found = new List<EarlierRegistrationResponse>();
        if (identity.Document is { Number: { } number, IssuingState: { } state })
        {
            var normalised = TravelDocuments.NormaliseNumber(number);
            var sameDocument = await db.AsylumApplications.AsNoTracking()
                .Where(a => a.DocumentIssuingState == state.Alpha3 && a.DocumentNumber == normalised && a.Id != except)
                .OrderByDescending(a => a.At).Take(MaxShown).ToListAsync(ct);
            found.AddRange(sameDocument.Select(a => Response(a, "document", 1, $"the same travel document ({state.Alpha3} {normalised})")));
        }

        if (identity.Nationality is { } nationality && identity.BirthDate.Year is { } year && !string.IsNullOrWhiteSpace(identity.Name))
        {
            // The same stated birth date: equal, or a year alone on either side that agrees.
            var birth = identity.BirthDate.ToString();
            var yearText = year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            var query = db.AsylumApplications.AsNoTracking().Where(a => a.Nationality == nationality.Alpha3 && a.Id != except);
            query = identity.BirthDate.Date is null
                ? query.Where(a => a.BirthDate == yearText || a.BirthDate.StartsWith(yearText + "-"))
                : query.Where(a => a.BirthDate == birth || a.BirthDate == yearText);
            var rows = await query.OrderByDescending(a => a.At).Take(MaxCompared).ToListAsync(ct);
            if (rows.Count > 0)
            {
                // Each earlier registration as an entry of a small list, so names are compared as screening compares
                // them (transliterations, reordered parts, typing slips); the kind plays no part in the comparison.
                var byId = rows.ToDictionary(r => r.Id.ToString());
                var index = WatchlistIndex.Build(rows.Select(r => new WatchlistEntry(
                    "asylum", r.Id.ToString(), WatchlistKind.WantedPerson, r.Name, [], PartialDate.Parse(r.BirthDate), r.Nationality is null ? [] : [r.Nationality], [], null, null, null)));
                foreach (var hit in index.Screen(new ScreeningQuery(identity.Name, identity.BirthDate, nationality.Alpha3), ScreeningDefaults.Threshold, MaxShown))
                {
                    var row = byId[hit.Entry.Id];
                    if (found.All(f => f.Id != row.Id))
                    {
                        found.Add(Response(row, "name", Math.Round(hit.Score, 3), hit.Explanation.ToString()));
                    }
                }
            }
        }

        return [.. found.OrderByDescending(f => f.Score).ThenByDescending(f => f.At).Take(MaxShown)];
    }

    private static EarlierRegistrationResponse Response(AsylumApplicationRow row, string match, double score, string explanation) => new(
        row.Id,
        row.PersonId,
        row.Name,
        row.BirthDate.Length == 0 ? null : row.BirthDate,
        row.Nationality,
        row.CrossingPointCode,
        row.At,
        row.Status,
        match,
        score,
        explanation,
        SamePerson: false);
}
