using System.Text.Json;
using Vartio.Domain.Checks;

namespace Vartio.Checks;

/// <summary>The check's enumerations as the API and the database write them: <c>entry</c>, <c>admit</c>, <c>needsAttention</c>.</summary>
public static class CheckWords
{
    public const string Admit = "admit";
    public const string Refuse = "refuse";
    public const string Refer = "refer";

    public static string Of(CheckDirection direction) => Camel(direction.ToString());

    public static string Of(CheckOutcome outcome) => Camel(outcome.ToString());

    public static string Of(ConditionResult result) => Camel(result.ToString());

    public static CheckOutcome? OutcomeOf(string? word) => word?.Trim() switch
    {
        Admit => CheckOutcome.Admit,
        Refuse => CheckOutcome.Refuse,
        Refer => CheckOutcome.Refer,
        _ => null,
    };

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
