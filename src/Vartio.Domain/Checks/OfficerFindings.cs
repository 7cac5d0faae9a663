namespace Vartio.Domain.Checks;

/// <summary>The officer's findings at the booth (Regulation (EU) 2016/399, Art. 6(1)(c) and 8(3)(a)(iv)–(v)).</summary>
/// <param name="PurposeJustified">Whether the purpose and conditions of the stay are justified; null when not assessed.</param>
/// <param name="SufficientMeans">Whether the traveller has sufficient means of subsistence; null when not assessed.</param>
public sealed record OfficerFindings(bool? PurposeJustified, bool? SufficientMeans);
