namespace Vartio.Domain.Stays;

/// <summary>Why a set of stays cannot be assessed.</summary>
/// <param name="Field">
/// The input at fault in the API's JSON path form (<c>stays[2].exit</c>, <c>excluded[0].to</c>, <c>on</c>).
/// </param>
/// <param name="StayIndex">The position of the stay at fault in the input, when a stay is at fault.</param>
/// <param name="Message">A sentence that names the stay by its dates.</param>
public sealed record StayProblem(string Field, int? StayIndex, string Message);

/// <summary>An assessment, or every reason why the input could not be assessed.</summary>
public sealed record StayResult<T>
    where T : class
{
    private StayResult(T? assessment, IReadOnlyList<StayProblem> problems)
    {
        Assessment = assessment;
        Problems = problems;
    }

    /// <summary>The assessment; null exactly when there are problems.</summary>
    public T? Assessment { get; }

    public IReadOnlyList<StayProblem> Problems { get; }

    public bool IsValid => Assessment is not null;

    public static StayResult<T> Success(T assessment) => new(assessment, []);

    public static StayResult<T> Failure(IReadOnlyList<StayProblem> problems) => new(null, problems);
}
