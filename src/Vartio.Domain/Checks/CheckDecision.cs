using NodaTime;

namespace Vartio.Domain.Checks;

/// <summary>What the check proposes; the officer confirms or decides otherwise.</summary>
public enum CheckOutcome
{
    /// <summary>Entry (or exit) authorised.</summary>
    Admit,

    /// <summary>To second line, for a closer look (Practical Handbook for Border Guards, C(2019) 7131).</summary>
    Refer,

    /// <summary>Entry refused, with the reasons of the standard form (Art. 14 and Annex V Part B).</summary>
    Refuse,
}

/// <summary>Which check the traveller gets (Regulation (EU) 2016/399, Art. 8).</summary>
public enum CheckScope
{
    /// <summary>Document and watchlists only: citizens with free movement (Art. 8(2)) and holders of a residence permit or long-stay visa.</summary>
    Minimum,

    /// <summary>Every entry condition of Art. 6(1) (Art. 8(3)).</summary>
    Thorough,
}

/// <summary>The check's proposal, and every condition behind it.</summary>
/// <param name="RefusalReasons">
/// The reasons the failed conditions give, in letter order: with <see cref="CheckOutcome.Refuse"/>, the reasons of
/// the refusal; with <see cref="CheckOutcome.Refer"/>, those second line finds unless it decides otherwise.
/// </param>
/// <param name="Conditions">One per code of <see cref="ConditionCodes.All"/>, in that order.</param>
/// <param name="DaysUsed">
/// At entry, the days of stay counted in the 180-day period ending on the day of entry, before it; at exit, those
/// counted in the 180 days ending on the day of exit, that day included; null when the 90/180 rule does not apply
/// or could not be computed.
/// </param>
/// <param name="AuthorisedStayUntil">
/// For an entry the check would admit under the 90/180 rule: the last day of the authorised stay, which the
/// officer tells the traveller (the earliest of the 90/180 limit, the visa's last day and the end of its
/// duration of stay); null otherwise.
/// </param>
/// <param name="Overstay">At exit: whether the authorised stay had ended before the day of exit.</param>
public sealed record CheckDecision(
    CheckDirection Direction,
    CheckScope Scope,
    CheckOutcome ProposedOutcome,
    IReadOnlyList<RefusalReason> RefusalReasons,
    IReadOnlyList<CheckCondition> Conditions,
    int? DaysUsed,
    LocalDate? AuthorisedStayUntil,
    bool Overstay)
{
    /// <summary>The condition with <paramref name="code"/> (<see cref="ConditionCodes"/>).</summary>
    public CheckCondition Condition(string code) => Conditions.Single(c => string.Equals(c.Code, code, StringComparison.Ordinal));
}
