using NodaTime;
using Vartio.Domain.Checks;
using Vartio.Domain.Documents;
using Vartio.Domain.Screening;
using Vartio.Domain.Stays;
using Vartio.Domain.Tests.Documents;

namespace Vartio.Domain.Tests.Checks;

/// <summary>
/// Documents and checks for the tests: zones written by <see cref="MrzWriter"/> (valid by construction, with its
/// own check-digit arithmetic) and read by the parser, as a document reader would give them.
/// </summary>
internal static class Travellers
{
    /// <summary>The day of the checks: a Thursday in January 2026, with the Entry/Exit System in operation.</summary>
    public static readonly LocalDate Today = new(2026, 1, 15);

    public static readonly Instant At = Instant.FromUtc(2026, 1, 15, 10, 30);

    public static LocalDate D(int year, int month, int day) => new(year, month, day);

    /// <summary>A passport (TD3) of <paramref name="nationality"/>, issued by <paramref name="issuer"/> (the same state unless given).</summary>
    /// <param name="expiry">YYMMDD, as the zone writes it.</param>
    public static PresentedDocument Passport(string nationality, string expiry = "300101", string? issuer = null, string number = "AB1234567", LocalDate? issued = null)
    {
        var zone = MrzWriter.Write(new MrzContent(MrzFormat.Td3, "P", issuer ?? nationality, number, "IVANOVA", "ANNA", nationality, "800214", 'F', expiry, string.Empty));
        var result = MrzParser.Parse(zone, Today);
        Assert.True(result.IsValid, string.Join(" ", result.Problems.Select(p => p.Message)));
        return PresentedDocument.FromMrz(result, issued)!;
    }

    /// <summary>A Schengen short-stay visa sticker's zone (MRV-A, document code VC) issued by Finland.</summary>
    public static PresentedVisa VisaZone(string nationality, string validUntil)
    {
        var zone = MrzWriter.Write(new MrzContent(MrzFormat.MrvA, "VC", "FIN", "FIN123456", "IVANOVA", "ANNA", nationality, "800214", 'F', validUntil, string.Empty));
        var result = MrzParser.Parse(zone, Today);
        Assert.True(result.IsValid, string.Join(" ", result.Problems.Select(p => p.Message)));
        return PresentedVisa.FromMrz(result)!;
    }

    /// <summary>A short-stay visa whose fields were typed in from the sticker.</summary>
    public static PresentedVisa Visa(LocalDate from, LocalDate until, VisaEntries entries = VisaEntries.Multiple, int? duration = 90) =>
        new(VisaType.ShortStay, from, until, entries, duration, "FIN123456");

    public static readonly OfficerFindings Satisfied = new(PurposeJustified: true, SufficientMeans: true);

    public static CheckInput Entry(PresentedDocument document) => new()
    {
        CrossingPoint = "HEL",
        Direction = CheckDirection.Entry,
        At = At,
        Date = Today,
        Document = document,
        Findings = Satisfied,
    };

    public static CheckInput Exit(PresentedDocument document, params Stay[] stays) => new()
    {
        CrossingPoint = "HEL",
        Direction = CheckDirection.Exit,
        At = At,
        Date = Today,
        Document = document,
        Stays = stays,
    };

    public static WatchlistHit Hit(WatchlistKind kind, string list, double score, string id = "1") => new(kind, list, id, score);

    /// <summary>Every condition, once each and in the order of <see cref="ConditionCodes.All"/>.</summary>
    public static CheckDecision Decide(CheckInput input)
    {
        var decision = BorderCheck.Decide(input);
        Assert.Equal(ConditionCodes.All, decision.Conditions.Select(c => c.Code));
        Assert.All(decision.Conditions, c => Assert.False(string.IsNullOrWhiteSpace(c.Explanation)));
        Assert.All(decision.Conditions, c => Assert.False(string.IsNullOrWhiteSpace(c.Rule)));
        return decision;
    }

    public static string Letters(CheckDecision decision) => string.Concat(decision.RefusalReasons.Select(r => r.Letter));
}
