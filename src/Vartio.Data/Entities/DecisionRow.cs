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

    /// <summary>The published decisions this one replaces, as ids; stored as <see cref="Supersessions"/>.</summary>
    public IReadOnlyList<int> Supersedes
    {
        get => [.. Supersessions.Select(s => s.SupersededId)];
        set => Supersessions = [.. value.Select(id => new DecisionSupersessionRow { SupersededId = id })];
    }

    /// <summary>One row per superseded decision, each a foreign key, so a superseded decision cannot vanish.</summary>
    public List<DecisionSupersessionRow> Supersessions { get; set; } = [];

    public List<DecisionEffectRow> Effects { get; set; } = [];
}

/// <summary>That one decision supersedes another: both ends are foreign keys to <c>decisions</c>.</summary>
public sealed class DecisionSupersessionRow
{
    public int DecisionId { get; set; }

    public int SupersededId { get; set; }
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

    /// <summary>Receipt of applications stopped under the 2024 Act except for its exempt categories.</summary>
    public bool AsylumRestricted { get; set; }

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
