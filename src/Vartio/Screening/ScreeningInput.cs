using System.Globalization;
using Vartio.Domain.Problems;
using Vartio.Domain.Screening;

namespace Vartio.Screening;

/// <summary>A traveller to screen as the API's JSON, the command line's options, a queries file's row or the page gives them.</summary>
/// <param name="Document">The travel document presented; an exact match with a lost or stolen document is a hit whatever the name.</param>
/// <param name="Threshold">The lowest score reported, above 0 and at most 1; the documented default when omitted.</param>
/// <param name="ExactBirthDate">
/// Only entries whose birth date agrees with the one given (or is unknown) are hits; by default a birth date years
/// apart only lowers a full name's hit, since lists' dates are often approximate.
/// </param>
public sealed record ScreeningRequest(string? Name, string? BirthDate, string? Nationality, ScreeningDocumentRequest? Document, double? Threshold, bool? ExactBirthDate = null);

public sealed record ScreeningDocumentRequest(string? IssuingState, string? Number);

/// <summary>What each input of a <see cref="ScreeningRequest"/> is called where it came from, for the problems' fields.</summary>
public sealed record ScreeningFields(string Name, string BirthDate, string Nationality, string IssuingState, string DocumentNumber, string Threshold)
{
    /// <summary>The API's JSON properties.</summary>
    public static ScreeningFields Api { get; } = new("name", "birthDate", "nationality", "document.issuingState", "document.number", "threshold");

    /// <summary>The options of <c>vartio screen</c>.</summary>
    public static ScreeningFields Options { get; } = new("--name", "--birth-date", "--nationality", "document.issuingState", "document.number", "--threshold");

    /// <summary>The columns of a queries file (<c>vartio screen --queries</c>).</summary>
    public static ScreeningFields Columns { get; } = new("name", "birth_date", "nationality", "document.issuingState", "document.number", "--threshold");

    /// <summary>The labels of the administration page's search box.</summary>
    public static ScreeningFields Page { get; } = new("Name", "Date of birth", "Nationality", "Issuing state", "Document number", "Threshold");
}

/// <summary>
/// The one reading of a traveller to screen, for the API, the command line and the page alike: the query and the
/// threshold, or every problem found, each naming its field (and its line, for a queries file).
/// </summary>
public sealed record ScreeningInput(ScreeningQuery? Query, double Threshold, IReadOnlyList<Problem> Problems)
{
    /// <summary>The longest name screened: longer is not a person's name.</summary>
    public const int MaxNameLength = 500;

    /// <summary>The longest document number screened.</summary>
    public const int MaxDocumentNumberLength = 50;

    public bool IsValid => Query is not null;

    /// <param name="fields">What the inputs are called; the API's names when omitted.</param>
    /// <param name="line">The line of a queries file the request was read from.</param>
    public static ScreeningInput Read(ScreeningRequest request, ScreeningFields? fields = null, int? line = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        fields ??= ScreeningFields.Api;
        var problems = new List<Problem>();
        void Add(string field, string message) => problems.Add(new Problem(field, message, line));

        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0 && request.Document is null)
        {
            Add(fields.Name, "Give the traveller's name (or at least a document).");
        }
        else if (name.Length > MaxNameLength)
        {
            Add(fields.Name, string.Create(CultureInfo.InvariantCulture, $"At most {MaxNameLength} characters."));
        }

        if (!PartialDate.TryParse(request.BirthDate, out var birthDate))
        {
            Add(fields.BirthDate, $"'{request.BirthDate}' is not a date: expected YYYY or YYYY-MM-DD.");
        }

        var nationality = string.IsNullOrWhiteSpace(request.Nationality) ? null : request.Nationality.Trim().ToUpperInvariant();
        if (nationality is not null && !WatchlistFileReader.IsCountryCode(nationality))
        {
            Add(fields.Nationality, $"'{request.Nationality}' is not a nationality: expected an ISO 3166-1 alpha-3 code such as FIN.");
        }

        WatchlistDocument? document = null;
        if (request.Document is { } given)
        {
            var state = given.IssuingState?.Trim().ToUpperInvariant() ?? "";
            if (!WatchlistFileReader.IsCountryCode(state))
            {
                Add(fields.IssuingState, $"'{given.IssuingState}' is not an issuing state: expected an ISO 3166-1 alpha-3 or ICAO code such as FIN or D.");
            }

            if (string.IsNullOrWhiteSpace(given.Number) || given.Number.Length > MaxDocumentNumberLength)
            {
                Add(fields.DocumentNumber, string.Create(CultureInfo.InvariantCulture, $"Give the document number (at most {MaxDocumentNumberLength} characters)."));
            }

            document = new WatchlistDocument(state, given.Number?.Trim() ?? "");
        }

        var threshold = request.Threshold ?? ScreeningDefaults.Threshold;
        if (threshold is <= 0 or > 1 || double.IsNaN(threshold))
        {
            Add(fields.Threshold, ThresholdProblem(threshold.ToString(CultureInfo.InvariantCulture)));
        }

        return problems.Count > 0
            ? new ScreeningInput(null, threshold, problems)
            : new ScreeningInput(new ScreeningQuery(name, birthDate, nationality, document, request.ExactBirthDate ?? false), threshold, []);
    }

    /// <summary>A threshold given as text (a command-line option): the number, or the problem with it.</summary>
    public static (double? Threshold, Problem? Problem) ParseThreshold(string? text, ScreeningFields fields) =>
        text is null ? (null, null)
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (value, null)
        : (null, new Problem(fields.Threshold, ThresholdProblem(text)));

    private static string ThresholdProblem(string value) => $"'{value}' is not a score: expected a number above 0 and at most 1.";
}
