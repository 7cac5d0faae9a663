using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data.Entities;
using Vartio.Domain.Stays;
using Vartio.Domain.Travellers;

namespace Vartio.Data;

/// <summary>How document numbers are stored for matching.</summary>
public static class TravelDocuments
{
    /// <summary>
    /// Upper case, without the zone's filler <c>&lt;</c> or white space: <c>l898902c 3</c> and
    /// <c>L898902C3</c> are one document. Nothing else is changed. Screening's tolerant form (O read as 0,
    /// I as 1) is for finding candidates on a list; here it would make two real documents one, and a
    /// number typed with a look-alike would find another person's records.
    /// </summary>
    public static string NormaliseNumber(string number)
    {
        var text = new System.Text.StringBuilder(number.Length);
        foreach (var c in number)
        {
            if (c != '<' && !char.IsWhiteSpace(c))
            {
                text.Append(char.ToUpperInvariant(c));
            }
        }

        return text.ToString();
    }

    /// <summary>A version 7 id for a new row, its time part from the one clock, so rows are ordered by creation.</summary>
    public static Guid NewId(Instant now) => Guid.CreateVersion7(now.ToDateTimeOffset());
}

/// <summary>
/// The travellers, documents and records of the Entry/Exit System, as the check reads and writes them.
/// Writes add rows to the context without saving: the caller saves them with its audit entry, in its
/// transaction (<see cref="AuditTrail"/>).
/// </summary>
public static class TravelRecords
{
    /// <summary>The document of this issuing state and number (matched after <see cref="TravelDocuments.NormaliseNumber"/>), or null.</summary>
    public static Task<TravelDocumentRow?> FindDocumentAsync(this VartioDbContext db, string issuingState, string number, CancellationToken cancellationToken)
    {
        var normalised = TravelDocuments.NormaliseNumber(number);
        var state = issuingState.ToUpperInvariant();
        return db.TravelDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.IssuingState == state && d.NormalisedNumber == normalised, cancellationToken);
    }

    /// <summary>The holder of the document of this issuing state and number, or null when it has not been seen.</summary>
    public static async Task<TravellerRow?> FindTravellerByDocumentAsync(this VartioDbContext db, string issuingState, string number, CancellationToken cancellationToken) =>
        await db.FindDocumentAsync(issuingState, number, cancellationToken) is { } document
            ? await db.Travellers.AsNoTracking().SingleAsync(t => t.Id == document.TravellerId, cancellationToken)
            : null;

    /// <summary>
    /// The document the identity names and its holder; a document not seen before is added with a new
    /// traveller (never matched to another traveller by name: identity is linked only by an officer, see
    /// <see cref="AddLink"/>). The identity must give the document's number and issuing state.
    /// </summary>
    public static async Task<(TravellerRow Traveller, TravelDocumentRow Document, bool Added)> FindOrAddDocumentAsync(this VartioDbContext db, TravellerIdentity identity, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var document = identity.Document;
        if (document?.Number is not { } number || document.IssuingState is not { } state || TravelDocuments.NormaliseNumber(number).Length == 0)
        {
            throw new ArgumentException("A document is recorded with its number and issuing state.", nameof(identity));
        }

        if (await db.FindDocumentAsync(state.Alpha3, number, cancellationToken) is { } existing)
        {
            return (await db.Travellers.AsNoTracking().SingleAsync(t => t.Id == existing.TravellerId, cancellationToken), existing, false);
        }

        var traveller = new TravellerRow { Id = TravelDocuments.NewId(now), CreatedAt = now };
        var row = new TravelDocumentRow
        {
            Id = TravelDocuments.NewId(now),
            TravellerId = traveller.Id,
            IssuingState = state.Alpha3,
            Number = number,
            NormalisedNumber = TravelDocuments.NormaliseNumber(number),
            Type = (document.Code ?? "P").Replace("<", "", StringComparison.Ordinal).ToUpperInvariant(),
            Expiry = document.Expiry,
            PrimaryIdentifier = identity.PrimaryIdentifier,
            SecondaryIdentifier = identity.SecondaryIdentifier,
            Nationality = identity.Nationality?.Alpha3,
            BirthDate = identity.BirthDate.ToString(),
            RecordedAt = now,
        };
        db.Travellers.Add(traveller);
        db.TravelDocuments.Add(row);
        return (traveller, row, true);
    }

    /// <summary>Records an officer's confirmation that two travellers are one person.</summary>
    public static TravellerLinkRow AddLink(this VartioDbContext db, Guid travellerId, Guid linkedTravellerId, string confirmedBy, Instant confirmedAt, string? reason)
    {
        if (travellerId == linkedTravellerId)
        {
            throw new ArgumentException("A traveller is not linked to themselves.", nameof(linkedTravellerId));
        }

        var row = new TravellerLinkRow { TravellerId = travellerId, LinkedTravellerId = linkedTravellerId, ConfirmedBy = confirmedBy, ConfirmedAt = confirmedAt, Reason = reason };
        db.TravellerLinks.Add(row);
        return row;
    }

    /// <summary>The traveller and every traveller confirmed as the same person, directly or through others.</summary>
    public static async Task<IReadOnlyCollection<Guid>> LinkedTravellersAsync(this VartioDbContext db, Guid travellerId, CancellationToken cancellationToken)
    {
        var found = new HashSet<Guid> { travellerId };
        var frontier = new List<Guid> { travellerId };
        while (frontier.Count > 0)
        {
            var next = await db.TravellerLinks.AsNoTracking()
                .Where(l => frontier.Contains(l.TravellerId) || frontier.Contains(l.LinkedTravellerId))
                .Select(l => new { l.TravellerId, l.LinkedTravellerId })
                .ToListAsync(cancellationToken);
            frontier = [.. next.SelectMany(l => new[] { l.TravellerId, l.LinkedTravellerId }).Where(found.Add)];
        }

        return found;
    }

    /// <summary>The entries, exits and refusals of a traveller and those linked to them, in time order (oldest first).</summary>
    public static async Task<IReadOnlyList<BorderRecordRow>> LoadRecordsAsync(this VartioDbContext db, Guid travellerId, CancellationToken cancellationToken)
    {
        var travellers = await db.LinkedTravellersAsync(travellerId, cancellationToken);
        return await db.BorderRecords.AsNoTracking()
            .Where(r => travellers.Contains(r.TravellerId))
            .OrderBy(r => r.At).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A traveller's stays for the 90/180 rule, from their entry and exit records, each day read in the zone of
    /// the crossing point where the record was made. See <see cref="ToStays"/> for records that do not pair.
    /// </summary>
    public static async Task<IReadOnlyList<Stay>> LoadStaysAsync(this VartioDbContext db, Guid travellerId, CancellationToken cancellationToken) =>
        await db.StaysOfAsync(await db.LoadRecordsAsync(travellerId, cancellationToken), cancellationToken);

    /// <summary>The stays of records already loaded (<see cref="LoadRecordsAsync"/>), each day in the zone of its crossing point.</summary>
    public static async Task<IReadOnlyList<Stay>> StaysOfAsync(this VartioDbContext db, IReadOnlyList<BorderRecordRow> records, CancellationToken cancellationToken)
    {
        var codes = records.Select(r => r.CrossingPointCode).Distinct().ToList();
        var zones = await db.CrossingPoints.AsNoTracking()
            .Where(p => codes.Contains(p.Code))
            .ToDictionaryAsync(p => p.Code, p => DateTimeZoneProviders.Tzdb[p.TimeZone], StringComparer.Ordinal, cancellationToken);
        return ToStays(records.Select(r => (r.Kind, r.At.InZone(zones[r.CrossingPointCode]).Date)));
    }

    /// <summary>
    /// Pairs entries with the exits that follow them (refusals are no stay). The records are what they are,
    /// and nothing is made up where they do not pair: an entry followed by another entry (an exit that was
    /// not recorded) is a stay until the day of the next entry, as the Entry/Exit System counts a traveller
    /// with no exit as present (Regulation (EU) 2017/2226, Art. 22); an exit with no entry before it (an
    /// entry before the records began) is a stay of that day alone, the one day the records show.
    /// </summary>
    public static IReadOnlyList<Stay> ToStays(IEnumerable<(string Kind, LocalDate Day)> recordsInOrder)
    {
        var stays = new List<Stay>();
        LocalDate? open = null;
        foreach (var (kind, day) in recordsInOrder)
        {
            switch (kind)
            {
                case BorderRecordKinds.Entry:
                    if (open is { } previous)
                    {
                        stays.Add(new Stay(previous, day));
                    }

                    open = day;
                    break;
                case BorderRecordKinds.Exit:
                    stays.Add(new Stay(open ?? day, day));
                    open = null;
                    break;
            }
        }

        if (open is { } still)
        {
            stays.Add(new Stay(still, null));
        }

        return stays;
    }

    /// <summary>Adds an entry, exit or refusal; an entry carries the last day of the authorised stay, the others none.</summary>
    public static BorderRecordRow AppendRecord(this VartioDbContext db, NewBorderRecord record, Instant recordedAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!VartioDbContext.RecordKinds.Contains(record.Kind, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{record.Kind}' is not a kind of record: entry, exit or refusal.", nameof(record));
        }

        if (record.AuthorisedStayUntil is not null && record.Kind != BorderRecordKinds.Entry)
        {
            throw new ArgumentException("Only an entry has an authorised stay.", nameof(record));
        }

        var row = new BorderRecordRow
        {
            Id = TravelDocuments.NewId(recordedAt),
            Kind = record.Kind,
            TravellerId = record.TravellerId,
            DocumentId = record.DocumentId,
            CrossingPointCode = record.CrossingPointCode,
            At = record.At,
            RecordedAt = recordedAt,
            CheckId = record.CheckId,
            AuthorisedStayUntil = record.AuthorisedStayUntil,
        };
        db.BorderRecords.Add(row);
        return row;
    }
}

/// <summary>The words of <see cref="BorderRecordRow.Kind"/>.</summary>
public static class BorderRecordKinds
{
    public const string Entry = "entry";

    public const string Exit = "exit";

    public const string Refusal = "refusal";
}

/// <summary>A record to append: who, with which document, where, when, and from which check.</summary>
public sealed record NewBorderRecord(
    string Kind,
    Guid TravellerId,
    Guid DocumentId,
    string CrossingPointCode,
    Instant At,
    Guid? CheckId = null,
    LocalDate? AuthorisedStayUntil = null);
