using NodaTime;

namespace Vartio.Domain.CrossingPoints;

/// <summary>A government decision that opens, closes or restricts crossing points.</summary>
/// <param name="PublishedAt">When it was announced; null while it is a draft. Only published decisions have effect.</param>
/// <param name="Supersedes">
/// Decisions this one replaces: for each crossing point and traffic this decision addresses, their
/// provisions end where this decision's effect begins.
/// </param>
public sealed record Decision(
    int Id,
    LocalDate DecidedOn,
    string Title,
    string Text,
    Instant? PublishedAt,
    IReadOnlyList<int> Supersedes,
    IReadOnlyList<DecisionEffect> Effects)
{
    public bool IsPublished => PublishedAt is not null;
}

/// <summary>What a decision does to one crossing point, for some traffic, from one instant.</summary>
/// <param name="From">First instant of the effect (entered in the crossing point's local time).</param>
/// <param name="Until">End of the effect, exclusive; null means until further notice.</param>
/// <param name="ReceivesAsylumApplications">
/// Whether applications for international protection are received here while the effect is in force;
/// null leaves the default (received wherever travellers may present themselves).
/// </param>
/// <param name="AsylumRestricted">
/// The government has stopped receiving applications in this crossing point's border area under the Act on
/// Temporary Measures to Combat Instrumentalised Migration (in force 2024-07-22): applications are still
/// received from children, disabled people, others in a particularly vulnerable position and anyone at
/// real risk of the death penalty, torture or degrading treatment. At most one month at a time.
/// </param>
public sealed record DecisionEffect(
    string CrossingPointCode,
    CrossingPointState State,
    Traffic Traffic,
    Instant From,
    Instant? Until,
    bool? ReceivesAsylumApplications,
    string? Note = null,
    bool AsylumRestricted = false)
{
    public bool IsInForceAt(Instant instant) => From <= instant && (Until is null || instant < Until);

    public bool Overlaps(Instant from, Instant? until) =>
        (Until is null || from < Until) && (until is null || From < until);
}

public enum CrossingPointState
{
    Open,
    Closed,
    Restricted,
}
