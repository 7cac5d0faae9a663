using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Vartio.Data;
using Vartio.Data.Entities;

namespace Vartio.Hosting;

/// <summary>
/// A write that creates records, made in one transaction with its audit entries and, when the request
/// carries an <c>Idempotency-Key</c>, the key and the response: the record, its audit entry and the key
/// commit together or not at all. Every record-creating endpoint writes through here.
/// </summary>
public static class IdempotentWrites
{
    /// <summary>
    /// Runs <paramref name="write"/> in a transaction of its own and returns its response. The write adds its
    /// rows to <paramref name="db"/> (saving within the transaction if it needs to) and returns the response
    /// with its audit entries, or a refusal, after which nothing it did is kept and the key stays unused.
    /// When another request with the same key commits first, this one's work is rolled back and the other's
    /// response is returned, so two retries that race make one record.
    /// </summary>
    public static async Task<IResult> RunAsync(HttpContext http, VartioDbContext db, IClock clock, Func<CancellationToken, Task<WriteOutcome>> write)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(write);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A retried write runs in a transaction of its own.");
        }

        var cancellationToken = http.RequestAborted;
        var request = http.Features.Get<IdempotentRequest>();
        var options = http.RequestServices.GetRequiredService<IdempotencyOptions>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (request is not null)
            {
                // SQLite serialises writers from the start of the transaction, so a retry that waited for
                // another finds its key here and does no work; PostgreSQL finds it at the insert below.
                if (await IdempotencyKeys.FindAsync(db, request, clock, options, cancellationToken) is { } done)
                {
                    return IdempotencyKeys.Replay(done, request);
                }

                // The same key used again after it expired: the old row gives way (the sweeper may not have
                // come by yet). Only this caller's key, so concurrent writes never wait on each other here.
                var expired = clock.GetCurrentInstant() - options.Retention;
                await db.IdempotencyKeys.Where(k => k.Caller == request.Caller && k.Key == request.Key && k.CreatedAt < expired).ExecuteDeleteAsync(cancellationToken);
            }

            var outcome = await write(cancellationToken);
            if (outcome.Refusal is { } refusal)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return refusal;
            }

            var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var response = new StoredResponse(
                outcome.Status,
                "application/json; charset=utf-8",
                JsonSerializer.Serialize(outcome.Response, outcome.Response?.GetType() ?? typeof(object), json),
                Replayed: false);
            if (request is not null)
            {
                db.IdempotencyKeys.Add(new IdempotencyKeyRow
                {
                    Caller = request.Caller,
                    Key = request.Key,
                    RequestHash = request.Hash,
                    Status = response.Status,
                    ContentType = response.ContentType,
                    Body = response.Body,
                    CreatedAt = clock.GetCurrentInstant(),
                });
            }

            if (outcome.Audit.Count > 0)
            {
                await db.AppendAsync(clock, outcome.Audit, cancellationToken);
            }
            else
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return response;
        }
        catch (Exception e) when (request is not null && e is DbUpdateException or DbException)
        {
            // The loser of a race: the other request's key (or a record it made first) stopped this one.
            // Its transaction is rolled back; if the key is now stored, its response is this one's.
            db.ChangeTracker.Clear();
            if (await IdempotencyKeys.FindAsync(db, request, clock, options, cancellationToken) is { } winner)
            {
                return IdempotencyKeys.Replay(winner, request);
            }

            throw;
        }
    }
}

/// <summary>What a write gives <see cref="IdempotentWrites.RunAsync"/>: a response to keep, or a refusal that keeps nothing.</summary>
public sealed record WriteOutcome
{
    private WriteOutcome(int status, object? response, IReadOnlyList<AuditRecord> audit, IResult? refusal)
    {
        Status = status;
        Response = response;
        Audit = audit;
        Refusal = refusal;
    }

    public int Status { get; }

    public object? Response { get; }

    public IReadOnlyList<AuditRecord> Audit { get; }

    public IResult? Refusal { get; }

    /// <summary>Records were made: the response (written as JSON) is kept with the key, the entries appended to the audit log.</summary>
    public static WriteOutcome Done(int status, object response, params IReadOnlyList<AuditRecord> audit) => new(status, response, audit, null);

    /// <summary>201 Created with the new record.</summary>
    public static WriteOutcome Created(object response, params IReadOnlyList<AuditRecord> audit) => Done(StatusCodes.Status201Created, response, audit);

    /// <summary>Nothing is written (invalid input, a closed crossing point): the response is not kept, and a retry is carried out anew.</summary>
    public static WriteOutcome Refused(IResult refusal) => new(0, null, [], refusal);
}
