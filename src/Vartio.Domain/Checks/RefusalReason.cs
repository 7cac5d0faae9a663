using NodaTime;

namespace Vartio.Domain.Checks;

/// <summary>
/// One standard reason for refusal of entry, as the form of Regulation (EU) 2016/399, Annex V Part B words it in
/// one version of the form.
/// </summary>
/// <param name="Letter">A to I.</param>
/// <param name="Text">The reason as the form words it.</param>
/// <param name="From">The first day this wording applies.</param>
/// <param name="Until">The last day it applies; null while in force.</param>
/// <param name="Source">The act that gives this wording.</param>
/// <param name="RequiresBiometrics">
/// Whether a refusal on it has the traveller's biometrics taken into the Entry/Exit System (Regulation (EU)
/// 2017/2226, Art. 18(1)(b): reasons B, D and H).
/// </param>
public sealed record RefusalReason(char Letter, string Text, LocalDate From, LocalDate? Until, string Source, bool RequiresBiometrics)
{
    public bool AppliesOn(LocalDate date) => From <= date && (Until is not { } until || date <= until);
}
