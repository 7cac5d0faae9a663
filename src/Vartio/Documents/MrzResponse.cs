using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Vartio.Domain.Documents;

namespace Vartio.Documents;

/// <summary>A zone to read, line by line (a single pasted line of the zone's total length is accepted too).</summary>
public sealed record MrzRequest(IReadOnlyList<string?>? Lines);

/// <summary>
/// What the API, <c>vartio mrz --json</c> and the page show of a zone: exactly these keys. Dates are
/// <c>YYYY-MM-DD</c>; sex is M, F or X (unspecified); a field that could not be read is null.
/// </summary>
/// <param name="Format">TD1, TD2, TD3, MRVA, MRVB or FRA_ID; null when the input is not a machine-readable zone.</param>
/// <param name="OptionalData">
/// The optional data (a passport's personal number); for a TD1 card, line 1's and line 2's optional data
/// separated by a space when both are present.
/// </param>
/// <param name="DateOfIssue">The month of issue of a French identity card (<c>YYYY-MM</c>); null for other formats.</param>
/// <param name="Zone">
/// The lines as read, after the normalisations (split, trimmed, upper case): the lines and positions of the
/// corrections and errors refer to these. Empty when the input is longer than any zone.
/// </param>
/// <param name="Expired">
/// Whether the date of expiry is before today at the border (the day of the check); false when the zone has
/// no readable expiry date. An expired document's zone can still be valid.
/// </param>
/// <param name="Remarks">
/// What the officer should know that is not a fault in the zone: that the document has expired, that the
/// holder's single name is in the secondary identifier only.
/// </param>
public sealed record MrzResponse(
    string? Format,
    bool Valid,
    string? DocumentCode,
    string? IssuingState,
    string? DocumentNumber,
    string? PrimaryIdentifier,
    string? SecondaryIdentifier,
    string? Nationality,
    string? DateOfBirth,
    string? DateOfExpiry,
    string? Sex,
    string? OptionalData,
    IReadOnlyList<MrzCorrectionResponse> Corrections,
    IReadOnlyList<MrzErrorResponse> Errors,
    IReadOnlyList<string> Normalisations,
    string? DateOfIssue,
    IReadOnlyList<string> Zone,
    bool Expired,
    IReadOnlyList<string> Remarks)
{
    /// <param name="input">The lines the result was parsed from, as given: the response shows them as read.</param>
    public static MrzResponse From(MrzResult result, IReadOnlyList<string?> input) => new(
        result.Format?.Code(),
        result.IsValid,
        result.DocumentCode,
        result.IssuingState,
        result.DocumentNumber,
        result.PrimaryIdentifier,
        result.SecondaryIdentifier,
        result.Nationality,
        Date(result.DateOfBirth),
        Date(result.DateOfExpiry),
        result.Sex switch
        {
            Domain.Documents.Sex.Male => "M",
            Domain.Documents.Sex.Female => "F",
            Domain.Documents.Sex.Unspecified => "X",
            _ => null,
        },
        string.IsNullOrEmpty(result.OptionalData2) ? result.OptionalData
            : string.IsNullOrEmpty(result.OptionalData) ? result.OptionalData2
            : $"{result.OptionalData} {result.OptionalData2}",
        [.. result.Corrections.Select(c => new MrzCorrectionResponse(c.Field.Name(), c.From, c.To, c.Line, c.Position))],
        [.. result.Problems.Select(p => new MrzErrorResponse(
            p.Field.Name(), p.Line, p.Position, p.Message, [.. p.Candidates.Select(c => new MrzCandidateResponse(c.Field.Name(), c.Reading, c.Line, c.Position))]))],
        result.Normalisations,
        result.DateOfIssue?.ToString("uuuu-MM", CultureInfo.InvariantCulture),
        MrzParser.ReadLines([.. input]),
        result.IsExpired,
        result.Remarks);

    private static string? Date(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : null;
}

/// <summary>
/// A field corrected because its character type decides (a letter in a date or a check digit, a digit in a
/// name or a state code): its characters as read and as corrected (fillers included), from its 1-based line
/// and position on; they differ exactly at the corrected characters.
/// </summary>
public sealed record MrzCorrectionResponse(string Field, string From, string To, int Line, int Position);

/// <summary>A problem: the field, its 1-based line and position (0 and 0 for the input as a whole), and what is wrong.</summary>
/// <param name="Candidates">
/// For a failing check digit over a document number or optional data: the readings with one or two look-alike
/// characters (O/0, I/1, B/8, S/5, Z/2) swapped that it would accept, for the officer to compare with the
/// printed data page. None is applied: the check digit cannot tell them from the zone as read. Empty otherwise.
/// </param>
public sealed record MrzErrorResponse(string Field, int Line, int Position, string Message, IReadOnlyList<MrzCandidateResponse> Candidates);

/// <summary>
/// A reading a failing check digit would accept: the field's characters (fillers included) from the 1-based
/// line and position on, as they would read with the look-alike characters swapped.
/// </summary>
public sealed record MrzCandidateResponse(string Field, string Reading, int Line, int Position);

internal static class MrzText
{
    public static string Describe(MrzFormat format) => format switch
    {
        MrzFormat.Td1 => "TD1 (identity card, 3 × 30)",
        MrzFormat.Td2 => "TD2 (identity document, 2 × 36)",
        MrzFormat.Td3 => "TD3 (passport, 2 × 44)",
        MrzFormat.MrvA => "MRV-A (visa, 2 × 44)",
        MrzFormat.MrvB => "MRV-B (visa, 2 × 36)",
        _ => "French identity card 1988–2021 (2 × 36)",
    };

    public static string Count(int n, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {what}{(n == 1 ? "" : "s")}");
}
