using System.Text.Json;
using Vartio.Data.Entities;

namespace Vartio.Checks;

/// <summary>A stored check as the API shows it.</summary>
public static class CheckResponses
{
    /// <summary>How the conditions are kept in <see cref="CheckRow.ConditionsJson"/>: the API's own shape.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CheckResponse From(CheckRow row, SecondLineCaseRow? secondLine, Guid? recordId)
    {
        ArgumentNullException.ThrowIfNull(row);
        var conditions = JsonSerializer.Deserialize<List<ConditionResponse>>(row.ConditionsJson, Json) ?? [];
        var decision = row.FinalOutcome is { } outcome && row.DecidedAt is { } decidedAt
            ? new CheckDecisionResponse(
                outcome,
                Letters(row.FinalRefusalReasons ?? ""),
                row.Remarks,
                row.TravellerSigned,
                decidedAt,
                row.DecidedBy ?? "",
                recordId,
                secondLine is null ? null : new SecondLineResponse(secondLine.Id, secondLine.OpenedAt, secondLine.ClosedAt, secondLine.ClosedBy, secondLine.Outcome))
            : null;
        return new CheckResponse(
            row.Id,
            new TravellerReference(row.TravellerId),
            row.CrossingPointCode,
            row.Direction,
            row.At,
            row.RecordedAt,
            row.LateReason is not null,
            row.LateReason,
            row.Officer,
            row.ProposedOutcome,
            Letters(row.RefusalReasons),
            conditions,
            row.AuthorisedStayUntil,
            row.DaysUsed,
            row.Overstay,
            decision);
    }

    public static IReadOnlyList<string> Letters(string letters) => [.. letters.Select(c => c.ToString())];
}
