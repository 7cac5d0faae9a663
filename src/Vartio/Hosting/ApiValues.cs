using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Vartio.Data;
using Vartio.Domain.CrossingPoints;
using Vartio.Domain.Screening;

namespace Vartio.Hosting;

/// <summary>The closed sets of words the API reads and writes as plain strings.</summary>
public enum ApiValueSet
{
    /// <summary><c>passengers</c>, <c>goods</c>, …: <see cref="TrafficNames"/>.</summary>
    Traffic,

    /// <summary><c>open</c>, <c>closed</c>, <c>restricted</c>.</summary>
    CrossingPointState,

    /// <summary><c>road</c>, <c>rail</c>, <c>roadAndRail</c>, <c>sea</c>, <c>air</c>.</summary>
    CrossingPointKind,

    /// <summary><c>draft</c> or <c>published</c>.</summary>
    DecisionState,

    /// <summary><c>refusal-of-entry</c>, …: <see cref="WatchlistKinds"/>.</summary>
    WatchlistKind,

    /// <summary><c>entry</c> or <c>exit</c>.</summary>
    CheckDirection,

    /// <summary><c>admit</c>, <c>refer</c> or <c>refuse</c>.</summary>
    CheckOutcome,

    /// <summary><c>pass</c>, <c>fail</c>, <c>needsAttention</c>, <c>notApplicable</c>.</summary>
    ConditionResult,

    /// <summary><c>entry</c>, <c>exit</c> or <c>refusal</c>.</summary>
    BorderRecordKind,

    /// <summary><c>annexI</c> (visa required) or <c>annexII</c> (exempt).</summary>
    VisaAnnex,

    /// <summary><c>female</c>, <c>male</c>, <c>unspecified</c>.</summary>
    Sex,

    /// <summary><c>foot</c>, <c>bicycle</c>, <c>car</c>, <c>bus</c>, <c>other</c>.</summary>
    ArrivalMeans,

    /// <summary><c>child</c>, <c>disabled</c>, <c>vulnerable</c>, <c>seriousHarmRisk</c>.</summary>
    Vulnerability,

    /// <summary><c>registered</c>, <c>handedOver</c>, <c>received</c>, <c>withdrawn</c>, <c>leftBeforeHandover</c>, <c>directedElsewhere</c>.</summary>
    AsylumStatus,

    /// <summary><c>none</c>, <c>pending</c>, <c>linked</c>, <c>confirmedNew</c>.</summary>
    IdentityReview,
}

/// <summary>
/// Marks a string property (or a list of strings) whose values come from one closed set, so that the OpenAPI
/// document lists them as an enum and generated clients get a union type instead of any string.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ApiValuesAttribute(ApiValueSet set) : Attribute
{
    public ApiValueSet Set { get; } = set;
}

public static class ApiValues
{
    public const string DecisionDraft = "draft";
    public const string DecisionPublished = "published";

    /// <summary>The words of a set, as the API writes them.</summary>
    public static IReadOnlyList<string> Of(ApiValueSet set) => set switch
    {
        ApiValueSet.Traffic => Enum.GetValues<Traffic>().Where(t => t != Traffic.None).Select(TrafficNames.NameOf).ToArray(),
        ApiValueSet.CrossingPointState => Camel<CrossingPointState>(),
        ApiValueSet.CrossingPointKind => Camel<CrossingPointKind>(),
        ApiValueSet.DecisionState => [DecisionDraft, DecisionPublished],
        ApiValueSet.WatchlistKind => WatchlistKinds.All.Select(k => k.Name()).ToArray(),
        ApiValueSet.CheckDirection => Camel<Domain.Checks.CheckDirection>(),
        ApiValueSet.CheckOutcome => Camel<Domain.Checks.CheckOutcome>(),
        ApiValueSet.ConditionResult => Camel<Domain.Checks.ConditionResult>(),
        ApiValueSet.BorderRecordKind => [BorderRecordKinds.Entry, BorderRecordKinds.Exit, BorderRecordKinds.Refusal],
        ApiValueSet.VisaAnnex => Camel<Domain.Checks.VisaAnnex>(),
        ApiValueSet.Sex => Camel<Domain.Documents.Sex>(),
        ApiValueSet.ArrivalMeans => Camel<Domain.Asylum.ArrivalMeans>(),
        ApiValueSet.Vulnerability => Camel<Domain.Asylum.Vulnerability>(),
        ApiValueSet.AsylumStatus => Camel<Domain.Asylum.HandoverStatus>(),
        ApiValueSet.IdentityReview => Asylum.AsylumWords.IdentityReviews,
        _ => throw new ArgumentOutOfRangeException(nameof(set)),
    };

    private static string[] Camel<T>()
        where T : struct, Enum =>
        Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName).ToArray();
}

/// <summary>Writes the values of an <see cref="ApiValuesAttribute"/> property into its schema as an enum.</summary>
internal sealed class ApiValuesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var attribute = context.JsonPropertyInfo?.AttributeProvider?
            .GetCustomAttributes(typeof(ApiValuesAttribute), inherit: false)
            .OfType<ApiValuesAttribute>()
            .FirstOrDefault();
        if (attribute is null)
        {
            return Task.CompletedTask;
        }

        // A list's words are its items'; a single word is the property's own.
        var target = schema.Items as OpenApiSchema ?? schema;
        target.Enum = [.. ApiValues.Of(attribute.Set).Select(v => (JsonNode)JsonValue.Create(v))];
        return Task.CompletedTask;
    }
}
