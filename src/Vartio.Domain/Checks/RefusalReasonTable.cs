using System.Globalization;
using NodaTime;
using Vartio.Domain.Problems;

namespace Vartio.Domain.Checks;

/// <summary>
/// The standard reasons for refusal of entry, every version of each letter with the days it applies, so that a
/// refusal is recorded with the wording in force on its day.
/// </summary>
/// <remarks>
/// Shipped as <see cref="Standard"/>; a table with other versions (the wording the ETIAS regulation gives the
/// form once it applies) is made with <see cref="Create"/>, which refuses two versions of a letter on the same day.
/// </remarks>
public sealed class RefusalReasonTable
{
    /// <summary>Regulation (EU) 2016/399 entered into force on 12 April 2016 (Art. 45), codifying Regulation (EC) No 562/2006.</summary>
    private static readonly LocalDate CodeInForce = new(2016, 4, 12);

    private static readonly LocalDate FirstCode = new(2006, 10, 13);

    private const string AnnexV = "Regulation (EU) 2016/399, Annex V Part B";
    private const string FirstAnnexV = "Regulation (EC) No 562/2006, Annex V Part B";

    // Reasons B, D and H have the traveller's biometrics recorded in the Entry/Exit System (Regulation (EU) 2017/2226, Art. 18(1)(b)).
    private static readonly (char Letter, string Text, bool Biometrics)[] Wordings =
    [
        ('A', "Has no valid travel document(s).", false),
        ('B', "Has a false, counterfeit or forged travel document.", true),
        ('C', "Has no valid visa or residence permit.", false),
        ('D', "Has a false, counterfeit or forged visa or residence permit.", true),
        ('E', "Has no appropriate documentation justifying the purpose and conditions of stay.", false),
        ('F', "Has already stayed for 90 days during the previous 180-day period on the territory of the Member States of the European Union.", false),
        ('G', "Does not have sufficient means of subsistence in relation to the period and form of stay, or the means to return to the country of origin or transit.", false),
        ('H', "Is a person for whom an alert has been issued for the purposes of refusing entry in the SIS or in the national register.", true),
        ('I', "Is considered to be a threat to public policy, internal security, public health or the international relations of one or more of the Member States of the European Union.", false),
    ];

    private RefusalReasonTable(IReadOnlyList<RefusalReason> versions) => Versions = versions;

    /// <summary>Every version of every letter, by letter then date.</summary>
    public IReadOnlyList<RefusalReason> Versions { get; }

    /// <summary>
    /// The reasons of the form: as Regulation (EC) No 562/2006 gave them from 13 October 2006 (its Art. 40), and
    /// as its codification, Regulation (EU) 2016/399, gives them from 12 April 2016, in the same words.
    /// </summary>
    public static RefusalReasonTable Standard { get; } = new([.. Wordings.SelectMany(w => new[]
    {
        new RefusalReason(w.Letter, w.Text, FirstCode, CodeInForce.PlusDays(-1), FirstAnnexV, w.Biometrics),
        new RefusalReason(w.Letter, w.Text, CodeInForce, null, AnnexV, w.Biometrics),
    }).OrderBy(r => r.Letter).ThenBy(r => r.From)]);

    /// <summary>A table of these versions, or the problems that prevent it (a letter outside A–I, overlapping versions).</summary>
    public static (RefusalReasonTable? Table, IReadOnlyList<Problem> Problems) Create(IEnumerable<RefusalReason> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var sorted = versions.OrderBy(v => v.Letter).ThenBy(v => v.From).ToList();
        var problems = new List<Problem>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var v = sorted[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"reasons[{i}]");
            if (v.Letter is < 'A' or > 'I')
            {
                problems.Add(new Problem(field, $"'{v.Letter}' is not a letter of the form; the letters are A to I."));
            }

            if (v.Until is { } until && until < v.From)
            {
                problems.Add(new Problem(field, $"Reason {v.Letter} ends before it begins."));
            }

            if (i > 0 && sorted[i - 1].Letter == v.Letter && sorted[i - 1].Until is null)
            {
                problems.Add(new Problem(field, $"Reason {v.Letter} has two versions in force from {Format(v.From)}."));
            }
            else if (i > 0 && sorted[i - 1].Letter == v.Letter && sorted[i - 1].Until >= v.From)
            {
                problems.Add(new Problem(field, $"Reason {v.Letter} has two versions on {Format(v.From)}."));
            }
        }

        return problems.Count == 0 ? (new RefusalReasonTable(sorted), []) : (null, problems);
    }

    /// <summary>The version of <paramref name="letter"/> that applies on <paramref name="date"/>; null when none does.</summary>
    public RefusalReason? On(char letter, LocalDate date) =>
        Versions.FirstOrDefault(v => v.Letter == letter && v.AppliesOn(date));

    private static string Format(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
