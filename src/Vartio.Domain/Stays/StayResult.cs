using Vartio.Domain.Problems;

namespace Vartio.Domain.Stays;

/// <summary>An assessment, or every reason why the input could not be assessed.</summary>
/// <remarks>
/// A problem with a stay names it by its field, <c>stays[2].exit</c> (<see cref="StayFields"/>), and by its
/// dates in the message.
/// </remarks>
public sealed record StayResult<T>
    where T : class
{
    private StayResult(T? assessment, IReadOnlyList<Problem> problems)
    {
        Assessment = assessment;
        Problems = problems;
    }

    /// <summary>The assessment; null exactly when there are problems.</summary>
    public T? Assessment { get; }

    public IReadOnlyList<Problem> Problems { get; }

    public bool IsValid => Assessment is not null;

    public static StayResult<T> Success(T assessment) => new(assessment, []);

    public static StayResult<T> Failure(IReadOnlyList<Problem> problems) => new(null, problems);
}
