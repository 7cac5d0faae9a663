using Vartio.Domain.Problems;
using Vartio.Hosting;

namespace Vartio.Checks;

/// <summary>
/// Why a check or a decision was not recorded, for the API (as problem details) and the check screen alike.
/// </summary>
/// <param name="Problems">The fields at fault; empty when the refusal is not about one field.</param>
/// <param name="DecisionId">For a closed crossing point: the decision that closed it.</param>
public sealed record CheckRefusal(int Status, string Title, string Detail, IReadOnlyList<Problem> Problems, int? DecisionId = null, string? CrossingPoint = null)
{
    public static CheckRefusal Invalid(IReadOnlyList<Problem> problems, int status = StatusCodes.Status400BadRequest, string title = "The check cannot be made") =>
        new(status, title, string.Join(" ", problems.Select(p => p.Describe())), problems);

    public static CheckRefusal NoSuchCheck(Guid id) =>
        new(StatusCodes.Status404NotFound, "No such check", $"There is no check {id}.", []);

    public static CheckRefusal NotYourCrossingPoint(string crossingPoint) =>
        new(StatusCodes.Status403Forbidden, "Not your crossing point", $"Checks at {crossingPoint} are for the officers assigned to it.", []);

    public IResult ToResult()
    {
        if (Problems.Count > 0)
        {
            return ProblemResponses.Invalid(Problems, Title, Status);
        }

        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (CrossingPoint is not null)
        {
            extensions["crossingPoint"] = CrossingPoint;
            extensions["decisionId"] = DecisionId;
        }

        return TypedResults.Problem(statusCode: Status, title: Title, detail: Detail, extensions: extensions);
    }
}
