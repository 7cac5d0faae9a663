namespace Vartio.Domain.Screening;

/// <summary>Defaults chosen from the evaluation (benchmarks/screening-eval, docs/SCREENING.md).</summary>
public static class ScreeningDefaults
{
    /// <summary>
    /// The score at and above which a list entry is reported to the officer. Chosen on the evaluation set as
    /// the lowest threshold whose mean F1 over the categories is within 0.002 of the best (a person missed at a
    /// border costs more than a second look); see docs/SCREENING.md for the table it was read from.
    /// </summary>
    public const double Threshold = 0.86;

    /// <summary>How many hits a screening returns at most, best first.</summary>
    public const int MaxHits = 20;
}
