using NodaTime;

namespace Vartio.Data.Entities;

public sealed class DecisionRow
{
    public int Id { get; set; }

    public LocalDate DecidedOn { get; set; }

    public required string Title { get; set; }

    public required string Text { get; set; }

    public Instant CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public Instant? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public List<int> Supersedes { get; set; } = [];

    public List<DecisionEffectRow> Effects { get; set; } = [];
}

public sealed class DecisionEffectRow
{
    public int Id { get; set; }

    public int DecisionId { get; set; }

    /// <summary>Position of the effect within its decision, so problems can name <c>effects[i]</c>.</summary>
    public int Ordinal { get; set; }

    public required string CrossingPointCode { get; set; }

    public required string State { get; set; }

    public int Traffic { get; set; }

    public Instant From { get; set; }

    public Instant? Until { get; set; }

    public bool? ReceivesAsylumApplications { get; set; }

    public string? Note { get; set; }
}

/// <summary>A public notice created when a decision is published.</summary>
public sealed class AnnouncementRow
{
    public int Id { get; set; }

    public int DecisionId { get; set; }

    public Instant PublishedAt { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }
}
