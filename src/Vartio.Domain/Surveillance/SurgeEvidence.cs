using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Vartio.Domain.Surveillance;

/// <summary>
/// What a day's arrivals say against a baseline: the count, the baseline (arrivals a day), and the p-value of a
/// count at least as large if the baseline still held. <see cref="Complete"/> is false for a day still under way.
/// </summary>
public sealed record SurgeEvidence(SurgePlace Place, LocalDate Day, int Count, double Baseline, double P, bool Complete)
{
    private static readonly LocalDatePattern LongDate = LocalDatePattern.CreateWithInvariantCulture("d MMMM uuuu");

    /// <summary>"67 at Vartius on 18 November 2023 against a baseline of 0.2 a day; p &lt; 0.001".</summary>
    public string Sentence => string.Create(
        CultureInfo.InvariantCulture,
        $"{Count}{(Complete ? "" : " so far")} {Place.Where} on {LongDate.Format(Day)} against a baseline of {Baseline:0.0} a day; {PText(P)}");

    /// <summary>"p &lt; 0.001" below a thousandth, otherwise the value to three significant digits ("p = 0.0175").</summary>
    public static string PText(double p) =>
        p < 0.001 ? "p < 0.001" : string.Create(CultureInfo.InvariantCulture, $"p = {p:G3}");
}
