using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vartio.Domain.Problems;

namespace Vartio.Hosting;

/// <summary>
/// The one mapping from domain <see cref="Problem"/>s to RFC 9457 problem details, used by every endpoint:
/// <c>errors</c> keyed by field (as ASP.NET Core's validation problems are, so generic clients read it),
/// <c>problems</c> with each problem's field, line, position and message (for line-oriented input), and a
/// <c>detail</c> that a person can read without parsing either.
/// </summary>
public static class ProblemResponses
{
    /// <summary>A 400 (or <paramref name="status"/>) for input that cannot be used, naming every problem found.</summary>
    /// <param name="extend">Adds capability-specific members (the MRZ's fields as read, a conflicting decision).</param>
    public static ProblemHttpResult Invalid(
        IReadOnlyCollection<Problem> problems,
        string title,
        int status = StatusCodes.Status400BadRequest,
        Action<IDictionary<string, object?>>? extend = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["problems"] = problems.Select(ProblemResponse.From).ToArray(),
        };
        extend?.Invoke(extensions);

        // A capability whose API named its own errors member before this mapping existed (the MRZ's list of
        // field, line, position and message) keeps it; every other response has errors keyed by field.
        var details = extensions.ContainsKey("errors") ? new ProblemDetails() : new HttpValidationProblemDetails(Errors(problems));
        details.Status = status;
        details.Title = title;
        details.Detail = string.Join(" ", problems.Select(p => p.Describe()));
        foreach (var (key, value) in extensions)
        {
            details.Extensions[key] = value;
        }

        return TypedResults.Problem(details);
    }

    /// <summary>A single problem with one field.</summary>
    public static ProblemHttpResult Invalid(string field, string message, string title) =>
        Invalid([new Problem(field, message)], title);

    /// <summary>Messages grouped by field, each message once, in the order first found.</summary>
    public static Dictionary<string, string[]> Errors(IEnumerable<Problem> problems) =>
        problems
            .GroupBy(p => p.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
}

/// <summary>A problem as the API writes it: <c>line</c> and <c>position</c> are absent when they do not apply.</summary>
public sealed record ProblemResponse(
    string Field,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Position)
{
    public static ProblemResponse From(Problem problem) => new(problem.Field, problem.Message, problem.Line, problem.Position);
}
