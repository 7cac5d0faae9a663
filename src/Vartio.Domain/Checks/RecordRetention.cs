using NodaTime;

namespace Vartio.Domain.Checks;

/// <summary>The kinds of record the Entry/Exit System keeps.</summary>
public enum RecordKind
{
    Entry,
    Exit,
    Refusal,
}

/// <summary>One of a traveller's records as retention reads it: its kind, its day at the border and, for an entry, the last day of the authorised stay.</summary>
public sealed record RetainedRecord(Guid Id, RecordKind Kind, LocalDate Day, LocalDate? AuthorisedStayUntil);

/// <summary>When a record is erased, and whether its erasure is due for a warning first.</summary>
/// <param name="EraseOn">The first day the record may no longer be kept.</param>
/// <param name="Overstay">Kept under the overstayer rule (an entry with no exit after the authorised stay ended).</param>
public sealed record RecordErasure(RetainedRecord Record, LocalDate EraseOn, bool Overstay)
{
    /// <summary>Erasure of an overstayer's records is announced to the authority three months ahead.</summary>
    public LocalDate WarnFrom => EraseOn.PlusMonths(-RecordRetention.WarningMonths);
}

/// <summary>
/// How long the records of a crossing are kept (Regulation (EU) 2017/2226, the Entry/Exit System, Art. 34; as
/// DOMAIN.md §7 gives it). An entry and exit record, and a refusal record, are kept three years; the exit keeps
/// the entry it closes for as long. An entry with no exit recorded is an overstayer's once the authorised stay
/// has ended, and is kept five years after the last day of that stay, with the authority warned three months
/// before it is erased. Erasure is automatic.
/// </summary>
public static class RecordRetention
{
    public const int RecordYears = 3;

    public const int OverstayerYears = 5;

    public const int WarningMonths = 3;

    /// <summary>The erasure day of each record of one traveller, given in time order.</summary>
    public static IReadOnlyList<RecordErasure> Schedule(IReadOnlyList<RetainedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var schedule = new List<RecordErasure>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var next = i + 1 < records.Count ? records[i + 1] : null;
            schedule.Add(record.Kind switch
            {
                RecordKind.Refusal or RecordKind.Exit => new RecordErasure(record, record.Day.PlusYears(RecordYears), Overstay: false),

                // An entry closed by the next record's exit goes with that exit.
                RecordKind.Entry when next is { Kind: RecordKind.Exit } => new RecordErasure(record, next.Day.PlusYears(RecordYears), Overstay: false),

                // No exit recorded after it: an overstayer's once the stay has ended, kept five years after its last
                // day (the entry's own day when no stay was authorised at entry).
                _ => new RecordErasure(record, (record.AuthorisedStayUntil ?? record.Day).PlusYears(OverstayerYears), Overstay: true),
            });
        }

        return schedule;
    }
}
