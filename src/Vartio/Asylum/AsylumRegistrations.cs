using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Audit;
using Vartio.Checks;
using Vartio.CrossingPoints;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Asylum;
using Vartio.Domain.Problems;
using Vartio.Hosting;
using Vartio.Surveillance;

namespace Vartio.Asylum;

/// <summary>
/// Registers people asking for international protection at a crossing point: reads the request, makes sure the
/// officer is at that crossing point, decides for each person whether the application is received there from
/// the decisions in force (<see cref="AsylumReception"/>), finds earlier registrations that resemble them, and
/// stores the group, its applications and their first step with one audit entry, once per <c>Idempotency-Key</c>.
/// </summary>
public sealed class AsylumRegistrations(
    VartioDbContext db,
    IClock clock,
    TimelineCache timelines,
    AsylumRequestReader reader,
    EarlierRegistrations earlier,
    SqliteWriteGate writeGate,
    CheckOptions options,
    SurgeMonitor surge)
{
    /// <summary>The registration through the API: refusals as problem details, the write once per <c>Idempotency-Key</c>.</summary>
    public async Task<IResult> RegisterAsync(HttpContext http, AsylumRegistrationRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (prepared, refusal) = await PrepareAsync(request, user, cancellationToken);
        if (prepared is null)
        {
            return refusal!.ToResult();
        }

        string? recordedAt = null;
        IResult result;
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            result = await IdempotentWrites.RunAsync(http, db, clock, async ct =>
            {
                var (response, problems) = await AddAsync(prepared, ct);
                recordedAt = response?.CrossingPoint;
                return response is null
                    ? WriteOutcome.Refused(ProblemResponses.Invalid(problems, "The registration cannot be made", StatusCodes.Status422UnprocessableEntity))
                    : WriteOutcome.Created(response, AuditOf(prepared, response));
            });
        }

        // Committed: the surge evaluation of its places comes after, and its failure never touches the registration.
        if (recordedAt is not null)
        {
            await surge.AfterRecordAsync(recordedAt, clock.GetCurrentInstant(), cancellationToken);
        }

        return result;
    }

    /// <summary>The registration from a page: the same rules, in one transaction with its audit entry.</summary>
    public async Task<(AsylumRegistrationResponse? Registration, CheckRefusal? Refusal)> RecordAsync(AsylumRegistrationRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (prepared, refusal) = await PrepareAsync(request, user, cancellationToken);
        if (prepared is null)
        {
            return (null, refusal);
        }

        AsylumRegistrationResponse? response;
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            (response, var problems) = await AddAsync(prepared, cancellationToken);
            if (response is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return (null, CheckRefusal.Invalid(problems, StatusCodes.Status422UnprocessableEntity, "The registration cannot be made"));
            }

            await db.AppendAsync(clock, [AuditOf(prepared, response)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await surge.AfterRecordAsync(response.CrossingPoint, clock.GetCurrentInstant(), cancellationToken);
        return (response, null);
    }

    /// <summary>Whether a person in none of the 2024 Act's exempt categories would be received at a crossing point now, and if not, where.</summary>
    public async Task<Reception?> ReceptionNowAsync(string crossingPoint, CancellationToken cancellationToken)
    {
        var timeline = await timelines.GetAsync(cancellationToken);
        return timeline.Contains(crossingPoint)
            ? AsylumReception.Decide(timeline, crossingPoint, clock.GetCurrentInstant(), Applicant.WithoutExemption)
            : null;
    }

    private async Task<(PreparedRegistration? Prepared, CheckRefusal? Refusal)> PrepareAsync(AsylumRegistrationRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (read, problems) = reader.Read(request);
        if (read is null)
        {
            return (null, CheckRefusal.Invalid(problems, title: "The registration cannot be made"));
        }

        var timeline = await timelines.GetAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        if (LateRecording.Refusal(timeline, user, read.CrossingPoint, read.At, read.LateReason, now, options, "registration", "register applications", "The registration cannot be made") is { } refused)
        {
            return (null, refused);
        }

        var at = read.At ?? now;
        var receptions = read.Applicants.Select(a => AsylumReception.Decide(timeline, read.CrossingPoint, at, a.Applicant)).ToList();
        var local = at.InZone(timeline.For(read.CrossingPoint).CrossingPoint.Zone).LocalDateTime;
        return (new PreparedRegistration(read, at, now, Actors.Of(user), receptions, local), null);
    }

    /// <summary>Inside the caller's transaction: the group and its applications added and saved.</summary>
    private async Task<(AsylumRegistrationResponse? Response, IReadOnlyList<Problem> Problems)> AddAsync(PreparedRegistration prepared, CancellationToken ct)
    {
        var read = prepared.Read;
        var problems = new List<Problem>();
        var linkedPersons = new Dictionary<int, Guid>();
        for (var i = 0; i < read.Applicants.Count; i++)
        {
            if (read.Applicants[i].SamePersonAs is { } same)
            {
                var person = await db.AsylumApplications.Where(a => a.Id == same).Select(a => (Guid?)a.PersonId).SingleOrDefaultAsync(ct);
                if (person is null)
                {
                    problems.Add(new Problem($"applicants[{i}].samePersonAs", $"There is no application {same}."));
                }
                else
                {
                    linkedPersons[i] = person.Value;
                }
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var group = new AsylumGroupRow
        {
            Id = TravelDocuments.NewId(prepared.Now),
            CrossingPointCode = read.CrossingPoint,
            At = prepared.At,
            RecordedAt = prepared.Now,
            LateReason = read.LateReason,
            Officer = prepared.Officer,
            Size = read.Applicants.Count,
        };
        db.AsylumGroups.Add(group);
        var rows = new List<(AsylumApplicationRow Row, IReadOnlyList<EarlierRegistrationResponse> Earlier)>();
        for (var i = 0; i < read.Applicants.Count; i++)
        {
            var applicant = read.Applicants[i];
            var reception = prepared.Receptions[i];
            var candidates = await earlier.FindAsync(applicant.Identity, null, ct);
            var linked = linkedPersons.TryGetValue(i, out var personId);
            var status = reception.Received ? HandoverStatus.Registered : HandoverStatus.DirectedElsewhere;
            var document = applicant.Identity.Document;
            var row = new AsylumApplicationRow
            {
                Id = TravelDocuments.NewId(prepared.Now),
                GroupId = group.Id,
                Ordinal = i,
                PersonId = linked ? personId : Guid.CreateVersion7(prepared.Now.ToDateTimeOffset()),
                IdentityReview = linked ? AsylumWords.ReviewLinked : candidates.Count > 0 ? AsylumWords.ReviewPending : AsylumWords.ReviewNone,
                CrossingPointCode = read.CrossingPoint,
                At = prepared.At,
                RecordedAt = prepared.Now,
                Officer = prepared.Officer,
                Received = reception.Received,
                Exemption = reception.Exemption is { } exemption ? AsylumWords.Of(exemption) : null,
                DecisionId = reception.DecisionId,
                DirectedTo = string.Join(',', reception.DirectedTo.Select(p => p.CrossingPoint.Code)),
                Message = reception.Message,
                Documented = applicant.Applicant.Documented && document is { Number: not null, IssuingState: not null },
                Name = applicant.Identity.Name,
                BirthDate = applicant.Identity.BirthDate.IsUnknown ? "" : applicant.Identity.BirthDate.ToString(),
                Nationality = applicant.Identity.Nationality?.Alpha3,
                Sex = applicant.Identity.Sex is { } sex ? AsylumWords.Of(sex) : null,
                ArrivedBy = applicant.Applicant.ArrivedBy is { } means ? AsylumWords.Of(means) : null,
                Vulnerabilities = string.Join(',', applicant.Applicant.Vulnerabilities.Order().Select(AsylumWords.Of)),
                UnaccompaniedMinor = applicant.Applicant.UnaccompaniedMinor,
                DocumentCode = document?.Code,
                DocumentNumber = document is { Number: { } number, IssuingState: not null } ? TravelDocuments.NormaliseNumber(number) : null,
                DocumentIssuingState = document is { Number: not null, IssuingState: { } state } ? state.Alpha3 : null,
                Status = AsylumWords.Of(status),
                StatusAt = prepared.At,
                StatusBy = prepared.Officer,
            };
            db.AsylumApplications.Add(row);
            db.AsylumEvents.Add(new AsylumEventRow { ApplicationId = row.Id, Status = row.Status, At = prepared.At, Actor = prepared.Officer, Note = read.LateReason is null ? null : "Recorded late: " + read.LateReason });
            rows.Add((row, linked ? [.. candidates.Select(c => c with { SamePerson = c.PersonId == personId })] : candidates));
        }

        await db.CountAsync(rows.Select(r => new CountedEvent(
            r.Row.Received ? Counts.AsylumApplication : Counts.IrregularArrival,
            r.Row.CrossingPointCode,
            prepared.Local,
            [Counts.Nationality(r.Row.Nationality), Counts.ArrivedBy(r.Row.ArrivedBy)])), ct);
        await db.SaveChangesAsync(ct);
        return (new AsylumRegistrationResponse(
            group.Id,
            group.CrossingPointCode,
            group.At,
            [.. rows.Select(r => AsylumResponses.From(r.Row, group.LateReason, r.Earlier, [new AsylumEventResponse(r.Row.Status, r.Row.At, r.Row.Officer, null)], showPerson: true, prepared.Date))]), []);
    }

    private static AuditRecord AuditOf(PreparedRegistration prepared, AsylumRegistrationResponse response)
    {
        var received = response.Applications.Count(a => a.Received);
        var directed = response.Applications.Count - received;
        return new AuditRecord(
            prepared.Officer,
            "asylum.registered",
            $"asylum-group:{response.GroupId}",
            $"{response.Applications.Count} at {response.CrossingPoint}: {received} received, {directed} directed elsewhere{(prepared.Read.LateReason is null ? "" : ", recorded late")}; applications {string.Join(", ", response.Applications.Select(a => a.Id))}");
    }

    /// <param name="Local">The instant in the crossing point's local time: its date tells a child, its hour is counted.</param>
    private sealed record PreparedRegistration(AsylumRegistrationRead Read, Instant At, Instant Now, string Officer, IReadOnlyList<Reception> Receptions, LocalDateTime Local)
    {
        public LocalDate Date => Local.Date;
    }
}
