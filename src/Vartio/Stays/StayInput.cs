using NodaTime;
using Vartio.Domain.Problems;
using Vartio.Domain.Stays;

namespace Vartio.Stays;

/// <summary>
/// What to assess, read into domain values by <see cref="StayInputReader"/> from any of the three surfaces
/// (the API's request, the page's form, the command line's lines and options), or every problem found.
/// </summary>
/// <param name="On">Control date: is the traveller within the limit on it.</param>
/// <param name="Entry">Planned entry: how long may the traveller stay from it.</param>
/// <param name="Lines">For stays read as lines, the line each stay came from; null otherwise.</param>
public sealed record StayInput(
    IReadOnlyList<Stay> Stays,
    IReadOnlyList<ExcludedPeriod> Excluded,
    LocalDate? On,
    LocalDate? Entry,
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<int>? Lines = null)
{
    /// <summary>More stays than any traveller's record holds; a request beyond it is refused, not computed.</summary>
    public const int MaxStays = 10_000;

    public bool IsValid => Problems.Count == 0;

    /// <summary>
    /// The calculator's problems in this input's own terms: for stays read as lines, a stay's problem carries
    /// its line and names the column (<c>entry</c>, <c>exit</c>, or <c>stay</c> for the whole line), and a
    /// date's problem names the option it came from (<c>--on</c>, <c>--entry</c>, <c>--exclude</c>).
    /// Otherwise they are returned as they are, in the API's JSON path form.
    /// </summary>
    public IReadOnlyList<Problem> Locate(IReadOnlyList<Problem> problems) =>
        Lines is not { } lines ? problems : [.. problems.Select(p => LocateOnLine(p, lines))];

    private static Problem LocateOnLine(Problem problem, IReadOnlyList<int> lines)
    {
        if (StayFields.StayIndex(problem.Field) is { } index && index < lines.Count)
        {
            var column = problem.Field.EndsWith(".entry", StringComparison.Ordinal) ? "entry"
                : problem.Field.EndsWith(".exit", StringComparison.Ordinal) ? "exit"
                : "stay";
            return problem with { Field = column, Line = lines[index] };
        }

        return StayFields.IsExcluded(problem.Field) ? problem with { Field = "--exclude" }
            : problem.Field is "on" or "entry" ? problem with { Field = "--" + problem.Field }
            : problem;
    }
}
