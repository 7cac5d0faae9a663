using NodaTime;
using Vartio.CrossingPoints;
using Vartio.Documents;
using Vartio.Domain.Checks;
using Vartio.Domain.Countries;
using Vartio.Domain.Documents;
using Vartio.Domain.Problems;
using Vartio.Domain.Screening;
using Vartio.Domain.Text;
using Vartio.Domain.Travellers;

namespace Vartio.Checks;

/// <summary>What a check request says, read into domain values; the crossing point and the records are looked up after.</summary>
public sealed record CheckRequestRead(
    string CrossingPoint,
    CheckDirection Direction,
    Instant? At,
    string? LateReason,
    string? Traffic,
    PresentedDocument Document,
    PresentedVisa? Visa,
    ResidencePermit? ResidencePermit,
    LocalDate? IntendedDeparture,
    OfficerFindings? Findings);

/// <summary>
/// Reads a <see cref="CheckRequest"/>: every field it can, and a <see cref="Problem"/> naming the field for each
/// that cannot be used. A zone with wrong check digits is read (the check says the document is not valid); only
/// input that is not a zone at all, or a document without a number or issuing state to record it by, is refused.
/// </summary>
public sealed class CheckRequestReader(DocumentReader documents)
{
    public (CheckRequestRead? Read, IReadOnlyList<Problem> Problems) Read(CheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Problem>();

        var (code, at, lateReason) = LateRecording.ReadWhereAndWhen(request.CrossingPoint, request.At, request.LateReason, problems);
        CheckDirection? direction = request.Direction?.Trim() switch
        {
            "entry" => CheckDirection.Entry,
            "exit" => CheckDirection.Exit,
            _ => null,
        };
        if (direction is null)
        {
            problems.Add(new Problem("direction", "Give entry or exit."));
        }

        var document = ReadDocument(request.Document, problems);
        var visa = ReadVisa(request.Visa, problems);
        var permit = ReadPermit(request.ResidencePermit, problems);
        var departure = TimeInput.OptionalDate(request.IntendedDeparture, "intendedDeparture", problems);
        var findings = request.Findings is { } f && (f.PurposeJustified is not null || f.SufficientMeans is not null)
            ? new OfficerFindings(f.PurposeJustified, f.SufficientMeans)
            : null;

        if (problems.Count > 0 || document is null)
        {
            return (null, problems);
        }

        return (new CheckRequestRead(code!, direction!.Value, at, lateReason, request.Traffic?.Trim(), document, visa, permit, departure, findings), []);
    }

    /// <summary>A travel document from its zone or typed-in fields; problems name the fields under <paramref name="field"/>.</summary>
    public PresentedDocument? ReadDocument(DocumentRequest? request, List<Problem> problems, string field = "document")
    {
        if (request is null || (request.Mrz is null && request.Fields is null))
        {
            problems.Add(new Problem(field, "Give the document's zone as {\"mrz\": [\"…\", \"…\"]} or its fields as {\"fields\": {…}}."));
            return null;
        }

        if (request.Mrz is not null && request.Fields is not null)
        {
            problems.Add(new Problem(field, "Give the zone or the fields, not both."));
            return null;
        }

        PresentedDocument? document;
        if (request.Mrz is { } lines)
        {
            var result = documents.Parse(lines);
            document = PresentedDocument.FromMrz(result);
            if (document is null || result.Format is MrzFormat.MrvA or MrzFormat.MrvB)
            {
                var first = result.Problems.FirstOrDefault();
                problems.Add(new Problem(
                    $"{field}.mrz",
                    document is null ? $"This is not a travel document's machine-readable zone{(first is null ? "" : ": " + first.Message)}." : "This is a visa's zone; give it as visa.mrz and the travel document's zone here.",
                    first?.Line,
                    first?.Position));
                return null;
            }
        }
        else
        {
            document = ReadDocumentFields(request.Fields!, problems, field);
            if (document is null)
            {
                return null;
            }
        }

        var prefix = request.Mrz is not null ? $"{field}.mrz" : $"{field}.fields";
        if (document.Holder.Document is not { Number: { Length: > 0 }, IssuingState: not null })
        {
            problems.Add(new Problem(prefix, "The document's number and issuing state must be read to record the check; type them in as fields when the zone cannot be read."));
            return null;
        }

        return document;
    }

    private static PresentedDocument? ReadDocumentFields(DocumentFieldsRequest fields, List<Problem> problems, string field)
    {
        var before = problems.Count;
        var code = Text(fields.DocumentCode, $"{field}.fields.documentCode", 2, problems, required: true)?.ToUpperInvariant();
        var state = CountryOf(fields.IssuingState, $"{field}.fields.issuingState", problems, required: true);
        var number = Text(fields.Number, $"{field}.fields.number", 30, problems, required: true)?.ToUpperInvariant();
        var primary = Text(fields.PrimaryIdentifier, $"{field}.fields.primaryIdentifier", 200, problems, required: false);
        var secondary = Text(fields.SecondaryIdentifier, $"{field}.fields.secondaryIdentifier", 200, problems, required: false);
        var nationality = CountryOf(fields.Nationality, $"{field}.fields.nationality", problems, required: true);
        var birth = PartialDate.Unknown;
        if (!string.IsNullOrWhiteSpace(fields.DateOfBirth) && !PartialDate.TryParse(fields.DateOfBirth.Trim(), out birth))
        {
            problems.Add(new Problem($"{field}.fields.dateOfBirth", "Give the date of birth as YYYY-MM-DD, or YYYY when only the year is known."));
        }

        Sex? sex = fields.Sex?.Trim().ToUpperInvariant() switch
        {
            null or "" => null,
            "F" => Sex.Female,
            "M" => Sex.Male,
            "X" or "<" => Sex.Unspecified,
            _ => Invalid<Sex>(problems, $"{field}.fields.sex", "Give F, M or X."),
        };
        var expiry = TimeInput.OptionalDate(fields.DateOfExpiry, $"{field}.fields.dateOfExpiry", problems);
        var issued = TimeInput.OptionalDate(fields.DateOfIssue, $"{field}.fields.dateOfIssue", problems);
        if (string.IsNullOrEmpty(primary) && string.IsNullOrEmpty(secondary))
        {
            problems.Add(new Problem($"{field}.fields.primaryIdentifier", "Give the holder's name as the document writes it."));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var identity = new TravellerIdentity(primary, secondary ?? "", birth, sex, nationality, new TravelDocument(code, number, state, expiry));
        return new PresentedDocument(identity, ZoneValid: null, issued);
    }

    private PresentedVisa? ReadVisa(VisaRequest? request, List<Problem> problems)
    {
        if (request is null || (request.Mrz is null && request.Fields is null))
        {
            return null;
        }

        if (request.Mrz is not null && request.Fields is not null)
        {
            problems.Add(new Problem("visa", "Give the visa's zone or its fields, not both."));
            return null;
        }

        if (request.Mrz is { } lines)
        {
            var result = documents.Parse(lines);
            if (PresentedVisa.FromMrz(result) is { } visa)
            {
                return visa;
            }

            var first = result.Problems.FirstOrDefault();
            problems.Add(new Problem("visa.mrz", "This is not a visa's machine-readable zone (MRV-A or MRV-B).", first?.Line, first?.Position));
            return null;
        }

        var fields = request.Fields!;
        var before = problems.Count;
        VisaType? type = fields.Type?.Trim().ToUpperInvariant() switch
        {
            "C" => VisaType.ShortStay,
            "D" => VisaType.LongStay,
            "A" => VisaType.AirportTransit,
            _ => null,
        };
        if (type is null)
        {
            problems.Add(new Problem("visa.fields.type", "Give the visa's type as the sticker writes it: C, D or A."));
        }

        VisaEntries? entries = fields.Entries?.Trim().ToUpperInvariant() switch
        {
            "1" => VisaEntries.One,
            "2" => VisaEntries.Two,
            "MULT" => VisaEntries.Multiple,
            null or "" => VisaEntries.Unknown,
            _ => null,
        };
        if (entries is null)
        {
            problems.Add(new Problem("visa.fields.entries", "Give the number of entries as the sticker writes it: 1, 2 or MULT."));
        }

        var from = TimeInput.OptionalDate(fields.ValidFrom, "visa.fields.validFrom", problems);
        var until = TimeInput.OptionalDate(fields.ValidUntil, "visa.fields.validUntil", problems);
        if (from is null && !problems.Any(p => p.Field == "visa.fields.validFrom"))
        {
            problems.Add(new Problem("visa.fields.validFrom", "Give the first day of validity (YYYY-MM-DD)."));
        }

        if (until is null && !problems.Any(p => p.Field == "visa.fields.validUntil"))
        {
            problems.Add(new Problem("visa.fields.validUntil", "Give the last day of validity (YYYY-MM-DD)."));
        }

        if (from is { } f && until is { } u && u < f)
        {
            problems.Add(new Problem("visa.fields.validUntil", "The visa's validity ends before it begins."));
        }

        if (fields.DurationOfStay is { } days && days is < 1 or > 90 && type == VisaType.ShortStay)
        {
            problems.Add(new Problem("visa.fields.durationOfStay", "A short-stay visa allows 1 to 90 days."));
        }
        else if (fields.DurationOfStay is < 1 or > 365)
        {
            problems.Add(new Problem("visa.fields.durationOfStay", "Give the days of stay the sticker allows, 1 to 365."));
        }

        var number = Text(fields.Number, "visa.fields.number", 30, problems, required: false)?.ToUpperInvariant();
        var state = CountryOf(fields.IssuingState, "visa.fields.issuingState", problems, required: false);
        return problems.Count > before ? null : new PresentedVisa(type!.Value, from, until, entries!.Value, fields.DurationOfStay, number, state);
    }

    private static ResidencePermit? ReadPermit(ResidencePermitRequest? request, List<Problem> problems)
    {
        if (request is null)
        {
            return null;
        }

        var before = problems.Count;
        var number = Text(request.Number, "residencePermit.number", 30, problems, required: true)?.ToUpperInvariant();
        var until = TimeInput.OptionalDate(request.ValidUntil, "residencePermit.validUntil", problems);
        if (until is null && !problems.Any(p => p.Field == "residencePermit.validUntil"))
        {
            problems.Add(new Problem("residencePermit.validUntil", "Give the last day of validity (YYYY-MM-DD)."));
        }

        var state = CountryOf(request.IssuingState, "residencePermit.issuingState", problems, required: false);
        return problems.Count > before ? null : new ResidencePermit(number!, until!.Value, state);
    }

    private static T? Invalid<T>(List<Problem> problems, string field, string message)
        where T : struct
    {
        problems.Add(new Problem(field, message));
        return null;
    }

    private static string? Text(string? text, string field, int maxLength, List<Problem> problems, bool required)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                problems.Add(new Problem(field, "Give it as the document writes it."));
            }

            return null;
        }

        if (StoredText.Fault(value) is { } fault)
        {
            problems.Add(new Problem(field, fault));
            return null;
        }

        if (value.Length > maxLength)
        {
            problems.Add(new Problem(field, $"Keep it to {maxLength} characters."));
            return null;
        }

        return value;
    }

    private static Country? CountryOf(string? code, string field, List<Problem> problems, bool required)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            if (required)
            {
                problems.Add(new Problem(field, "Give the ICAO code, for example FIN, RUS, D or XXA."));
            }

            return null;
        }

        if (Country.FromAlpha3(code.Trim().ToUpperInvariant()) is { } country)
        {
            return country;
        }

        problems.Add(new Problem(field, $"'{Shown(code)}' is not an ICAO code of a state or organisation (FIN, RUS, D, XXA, …)."));
        return null;
    }

    /// <summary>An input as a message may quote it: short, and without characters that would break the message.</summary>
    private static string Shown(string text)
    {
        var trimmed = text.Trim();
        var shown = trimmed.Length > 20 ? trimmed[..20] + "…" : trimmed;
        return StoredText.Fault(shown) is null ? shown : "the value given";
    }
}
