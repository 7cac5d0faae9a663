using NodaTime;

namespace Vartio.Data.Entities;

/// <summary>A watchlist as imported into Vartio: its entries are replaced as a whole by each import.</summary>
public sealed class WatchlistRow
{
    public int Id { get; set; }

    /// <summary>Vartio's name for the list, unique: <c>national-refusals</c>, <c>eu-sanctions</c>.</summary>
    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The entries it holds now (kept here so that listing lists never counts a million rows).</summary>
    public int EntryCount { get; set; }

    /// <summary>
    /// Raised by every import that changes an entry. A server compares it with the revision of the index it holds
    /// to know that another server, or the command line, changed the list.
    /// </summary>
    public long Revision { get; set; }

    public Instant CreatedAt { get; set; }

    public Instant? LastImportAt { get; set; }
}

/// <summary>
/// One entry of a watchlist, one row each so that a million load in one pass; the values a person has several of
/// are primitive collections (JSON on SQLite, arrays on PostgreSQL).
/// </summary>
public sealed class WatchlistEntryRow
{
    public int WatchlistId { get; set; }

    /// <summary>The entry's id within its list, as the list's publisher gives it.</summary>
    public required string EntryId { get; set; }

    /// <summary>The <c>WatchlistKind</c>'s name.</summary>
    public required string Kind { get; set; }

    public required string Name { get; set; }

    public List<string> Aliases { get; set; } = [];

    /// <summary><c>YYYY-MM-DD</c>, <c>YYYY</c> or empty for unknown, as <c>PartialDate</c> writes it.</summary>
    public required string BirthDate { get; set; }

    public List<string> Nationalities { get; set; } = [];

    /// <summary>Documents as <c>STATE:NUMBER</c>; the state never holds a colon, the number may.</summary>
    public List<string> Documents { get; set; } = [];

    public string? Reason { get; set; }

    public LocalDate? ValidFrom { get; set; }

    public LocalDate? ValidUntil { get; set; }

    /// <summary>A hash of every field above: an import compares it to tell an unchanged entry without loading it.</summary>
    public long ContentHash { get; set; }
}

/// <summary>One import of a file into a list: who, when, from what, and what it changed.</summary>
public sealed class WatchlistImportRow
{
    public long Id { get; set; }

    public int WatchlistId { get; set; }

    public Instant At { get; set; }

    /// <summary><c>user:NAME</c>, <c>token:NAME</c> or <c>cli:NAME</c>, as in the audit log.</summary>
    public required string Actor { get; set; }

    public required string FileName { get; set; }

    /// <summary><c>vartio</c> or <c>opensanctions</c>.</summary>
    public required string Format { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Removed { get; set; }

    public int Unchanged { get; set; }

    /// <summary>Rows of the file that describe no person (OpenSanctions' companies, vessels, ...).</summary>
    public int Skipped { get; set; }
}
