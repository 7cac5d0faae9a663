namespace Vartio.Domain.Asylum;

/// <summary>
/// Where an application is on its way to the asylum authority. Only forward: registered → handed over →
/// received, or withdrawn / left before handover on the way. An irregular arrival directed elsewhere has no
/// application to hand over.
/// </summary>
public enum HandoverStatus
{
    Registered,
    HandedOver,
    Received,
    Withdrawn,
    LeftBeforeHandover,
    DirectedElsewhere,
}

public static class Handover
{
    /// <summary>Whether an application may move from one status to another (never back, never from an end).</summary>
    public static bool CanMove(HandoverStatus from, HandoverStatus to) => (from, to) switch
    {
        (HandoverStatus.Registered, HandoverStatus.HandedOver) => true,
        (HandoverStatus.Registered, HandoverStatus.Withdrawn) => true,
        (HandoverStatus.Registered, HandoverStatus.LeftBeforeHandover) => true,
        (HandoverStatus.HandedOver, HandoverStatus.Received) => true,
        (HandoverStatus.HandedOver, HandoverStatus.Withdrawn) => true,
        _ => false,
    };

    /// <summary>Whether nothing more can happen to an application in this status.</summary>
    public static bool IsFinal(HandoverStatus status) =>
        status is HandoverStatus.Received or HandoverStatus.Withdrawn or HandoverStatus.LeftBeforeHandover or HandoverStatus.DirectedElsewhere;

    /// <summary>The statuses an application can move to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<HandoverStatus> Next(HandoverStatus from) =>
        [.. Enum.GetValues<HandoverStatus>().Where(to => CanMove(from, to))];
}
