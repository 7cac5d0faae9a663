using System.Text.Json;
using Vartio.Domain.Asylum;
using Vartio.Domain.Documents;

namespace Vartio.Asylum;

/// <summary>The words the API, the database and the pages use for asylum values (camelCase of the domain's names).</summary>
public static class AsylumWords
{
    public const string ReviewNone = "none";
    public const string ReviewPending = "pending";
    public const string ReviewLinked = "linked";
    public const string ReviewConfirmedNew = "confirmedNew";

    public static IReadOnlyList<string> IdentityReviews { get; } = [ReviewNone, ReviewPending, ReviewLinked, ReviewConfirmedNew];

    public static string Of(HandoverStatus status) => Camel(status.ToString());

    public static string Of(Vulnerability vulnerability) => Camel(vulnerability.ToString());

    public static string Of(ArrivalMeans means) => Camel(means.ToString());

    public static string Of(Sex sex) => Camel(sex.ToString());

    public static HandoverStatus StatusOf(string word) => Enum.Parse<HandoverStatus>(word, ignoreCase: true);

    public static bool TryRead<T>(string? word, out T value)
        where T : struct, Enum
    {
        value = default;
        return word is not null && word.Trim() is { Length: > 0 } trimmed && !trimmed.Any(char.IsDigit)
            && Enum.TryParse(trimmed, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(Camel));

    /// <summary>A status in a word or two, for a filter.</summary>
    public static string Short(HandoverStatus status) => status switch
    {
        HandoverStatus.HandedOver => "handed over",
        HandoverStatus.LeftBeforeHandover => "left before handover",
        HandoverStatus.DirectedElsewhere => "directed elsewhere",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>What an officer reads for a status.</summary>
    public static string Describe(HandoverStatus status) => status switch
    {
        HandoverStatus.Registered => "registered, awaiting handover",
        HandoverStatus.HandedOver => "handed over, awaiting receipt by the asylum authority",
        HandoverStatus.Received => "received by the asylum authority",
        HandoverStatus.Withdrawn => "withdrawn",
        HandoverStatus.LeftBeforeHandover => "left before handover",
        HandoverStatus.DirectedElsewhere => "irregular arrival, directed elsewhere",
        _ => status.ToString(),
    };

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
