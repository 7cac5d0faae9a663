using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Audit;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Hosting;

namespace Vartio.Checks;

/// <summary>
/// Flags the travellers whose authorised stay has ended with no exit recorded, as the Entry/Exit System does
/// automatically (Regulation (EU) 2017/2226): one flag per entry, kept after the traveller leaves (the exit
/// clears it), with one audit entry per run that flags anyone.
/// </summary>
public sealed class OverstayFlagger(VartioDbContext db, IClock clock, TravellerOverview travellers)
{
    /// <summary>Flags the overstayers not flagged yet; returns how many were flagged.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var overstayers = (await travellers.OverstayersAsync(now, cancellationToken)).Overstayers;
        var entries = overstayers.Select(o => o.EntryRecordId).ToList();
        var flagged = (await db.OverstayFlags.AsNoTracking().Where(f => entries.Contains(f.EntryRecordId)).Select(f => f.EntryRecordId).ToListAsync(cancellationToken)).ToHashSet();
        var added = overstayers.Where(o => !flagged.Contains(o.EntryRecordId)).ToList();
        if (added.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.OverstayFlags.AddRange(added.Select(o => new OverstayFlagRow { TravellerId = o.TravellerId, EntryRecordId = o.EntryRecordId, AuthorisedStayUntil = o.AuthorisedStayUntil, FlaggedAt = now }));
        await db.AppendAsync(clock, [new AuditRecord(Actors.System, "overstayers.flagged", "overstay", $"{added.Count} travellers whose authorised stay ended with no exit recorded")], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added.Count;
    }
}

/// <summary>Runs <see cref="OverstayFlagger"/> every hour, and at start.</summary>
public sealed partial class OverstayFlagJob(IServiceScopeFactory scopes, ILogger<OverstayFlagJob> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(scopes, Interval, async (services, ct) =>
        {
            if (await services.GetRequiredService<OverstayFlagger>().RunAsync(ct) is var count and > 0)
            {
                Flagged(log, count);
            }
        }, e => FlagFailed(log, e), stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flagged {Count} overstayers")]
    private static partial void Flagged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overstayers could not be flagged; trying again within the hour")]
    private static partial void FlagFailed(ILogger logger, Exception exception);
}

/// <summary>The overstayer list as CSV (RFC 4180), safe to open in a spreadsheet.</summary>
public static class OverstayerCsv
{
    public static string Write(OverstayersResponse list)
    {
        var csv = new StringBuilder("traveller_id,name,nationality,document_issuing_state,document_number,entered_at,crossing_point,authorised_stay_until,days_over\r\n");
        foreach (var o in list.Overstayers)
        {
            csv.AppendJoin(',', [
                Cell(o.TravellerId.ToString()),
                Cell(o.Name),
                Cell(o.Nationality),
                Cell(o.DocumentIssuingState),
                Cell(o.DocumentNumber),
                Cell(o.EnteredAt.ToString()),
                Cell(o.CrossingPoint),
                Cell(o.AuthorisedStayUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Cell(o.DaysOver.ToString(CultureInfo.InvariantCulture))]).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// A cell quoted when it must be, and text that a spreadsheet would take for a formula (=, +, -, @, tab,
    /// carriage return) prefixed with an apostrophe, so that a name on a document can never run as one.
    /// </summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
