using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Audit;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Problems;
using Vartio.Domain.Surveillance;
using Vartio.Hosting;

namespace Vartio.Surveillance;

/// <summary>Which alerts to list: open only or all, of one scope, at one crossing point.</summary>
public sealed record AlertQuery(bool OpenOnly, string? Scope, string? CrossingPoint)
{
    public const string Open = "open";
    public const string All = "all";

    /// <summary>Reads the query string (or the CLI's options): each problem names its parameter.</summary>
    public static (AlertQuery? Query, IReadOnlyList<Problem> Problems) Read(string? status, string? scope, string? crossingPoint)
    {
        var problems = new List<Problem>();
        var s = string.IsNullOrWhiteSpace(status) ? All : status.Trim().ToLowerInvariant();
        if (s is not (Open or All))
        {
            problems.Add(new Problem("status", "Give open or all."));
        }

        var sc = string.IsNullOrWhiteSpace(scope) ? null : scope.Trim().ToLowerInvariant();
        if (sc is not null && SurgePlace.Parse(sc) is null)
        {
            problems.Add(new Problem("scope", "Give crossing-point, section or national."));
        }

        var cp = string.IsNullOrWhiteSpace(crossingPoint) ? null : crossingPoint.Trim().ToUpperInvariant();
        return problems.Count > 0 ? (null, problems) : (new AlertQuery(s == Open, sc, cp), problems);
    }

    /// <summary>The alerts asked for, the most recently opened first.</summary>
    public async Task<List<AlertResponse>> ListAsync(VartioDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.Alerts.AsNoTracking();
        if (OpenOnly)
        {
            rows = rows.Where(a => a.ClosedAt == null);
        }

        if (Scope is not null)
        {
            rows = rows.Where(a => a.Scope == Scope);
        }

        if (CrossingPoint is not null)
        {
            rows = rows.Where(a => a.CrossingPointCode == CrossingPoint);
        }

        var list = await rows.ToListAsync(cancellationToken);
        return [.. list.OrderByDescending(a => a.OpenedAt).ThenBy(a => a.Scope, StringComparer.Ordinal).ThenBy(a => a.Place, StringComparer.Ordinal).Select(AlertResponse.From)];
    }
}

/// <summary>What a signed-in Analyst or StationHead is told of as alerts open: all, one section, or some crossing points.</summary>
/// <param name="Kind"><c>none</c>, <c>all</c>, <c>section</c> or <c>crossingPoints</c>.</param>
public sealed record AlertSubscriptionDocument(string Kind, string? Section, IReadOnlyList<string>? CrossingPoints)
{
    public static AlertSubscriptionDocument None { get; } = new("none", null, null);

    public static AlertSubscriptionDocument From(AlertSubscriptionRow? row) => row is null
        ? None
        : new(row.Kind, row.Section, row.CrossingPoints?.Split(',', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether an alert is one this subscription is told of.</summary>
    public bool Covers(AlertResponse alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Kind switch
        {
            "all" => true,
            "section" => alert.Section == Section,
            "crossingPoints" => alert.CrossingPoint is { } code && (CrossingPoints ?? []).Contains(code, StringComparer.Ordinal),
            _ => false,
        };
    }
}

/// <summary>Surge alerts (docs/API.md, "Alerts"; docs/SURGE.md).</summary>
public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlertApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alerts", async Task<IResult> ([FromQuery] string? status, [FromQuery] string? scope, [FromQuery] string? crossingPoint, VartioDbContext db, CancellationToken ct) =>
            {
                var (query, problems) = AlertQuery.Read(status, scope, crossingPoint);
                return query is null
                    ? ProblemResponses.Invalid(problems, "The alerts cannot be listed")
                    : TypedResults.Ok(await query.ListAsync(db, ct));
            })
            .WithTags("Alerts")
            .Produces<List<AlertResponse>>()
            .ProducesValidationProblem()
            .WithName("ListAlerts")
            .WithSummary("Surge alerts, the most recently opened first: all (status=all, the default) or open only (status=open), of one scope (crossing-point, section, national), at one crossing point. Each with its evidence sentence and figures.");

        app.MapGet("/api/v1/alerts/subscription", async Task<IResult> (ClaimsPrincipal user, AlertSubscriptions subscriptions, CancellationToken ct) =>
                UserId(user) is not { } id
                    ? NotAPerson()
                    : TypedResults.Ok(await subscriptions.GetAsync(id, ct)))
            .WithTags("Alerts")
            .Produces<AlertSubscriptionDocument>()
            .ProducesValidationProblem()
            .WithName("GetAlertSubscription")
            .WithSummary("Which alerts the signed-in user is told of as they open: none, all, one section, or some crossing points.");

        app.MapPut("/api/v1/alerts/subscription", async Task<IResult> (AlertSubscriptionDocument request, ClaimsPrincipal user, AlertSubscriptions subscriptions, CancellationToken ct) =>
            {
                if (UserId(user) is not { } id)
                {
                    return NotAPerson();
                }

                var (document, problems) = await subscriptions.SetAsync(id, user, request, ct);
                return document is null ? ProblemResponses.Invalid(problems, "The subscription cannot be stored") : TypedResults.Ok(document);
            })
            .WithTags("Alerts")
            .Produces<AlertSubscriptionDocument>()
            .ProducesValidationProblem()
            .WithName("PutAlertSubscription")
            .WithSummary("Choose which alerts the signed-in user is told of as they open: {\"kind\":\"none\"}, {\"kind\":\"all\"}, {\"kind\":\"section\",\"section\":\"Kainuu\"} or {\"kind\":\"crossingPoints\",\"crossingPoints\":[\"VAR\",\"SAL\"]}.");
        return app;
    }

    /// <summary>The signed-in person's account id; null for a machine client's token.</summary>
    public static string? UserId(ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == VartioClaims.TokenId) ? null : user.FindFirstValue(ClaimTypes.NameIdentifier);

    private static IResult NotAPerson() =>
        ProblemResponses.Invalid("kind", "Alert subscriptions are for people signed in; a token has none.", "The subscription is for a signed-in person");
}
