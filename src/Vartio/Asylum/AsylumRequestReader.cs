using NodaTime;
using Vartio.Checks;
using Vartio.CrossingPoints;
using Vartio.Domain.Asylum;
using Vartio.Domain.Countries;
using Vartio.Domain.Documents;
using Vartio.Domain.Problems;
using Vartio.Domain.Screening;
using Vartio.Domain.Text;
using Vartio.Domain.Travellers;

namespace Vartio.Asylum;

/// <summary>What a registration request says, read into domain values.</summary>
public sealed record AsylumRegistrationRead(string CrossingPoint, Instant? At, string? LateReason, IReadOnlyList<ApplicantRead> Applicants);

/// <summary>One applicant as read: the domain's applicant, and what is stored about them.</summary>
public sealed record ApplicantRead(Applicant Applicant, Guid? SamePersonAs)
{
    public TravellerIdentity Identity => Applicant.Identity;
}

/// <summary>
/// Reads an <see cref="AsylumRegistrationRequest"/>: every field it can, and a <see cref="Problem"/> naming the
/// field (<c>applicants[2].dateOfBirth</c>) for each that cannot be used. Nothing is stored unless all is read.
/// </summary>
public sealed class AsylumRequestReader(CheckRequestReader checks, BorderCalendar calendar)
{
    /// <summary>The most people one registration takes: a large group arriving together, not a list import.</summary>
    public const int MaxApplicants = 100;

    public const int MaxNameLength = 200;

    public (AsylumRegistrationRead? Read, IReadOnlyList<Problem> Problems) Read(AsylumRegistrationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Problem>();
        var (code, at, lateReason) = LateRecording.ReadWhereAndWhen(request.CrossingPoint, request.At, request.LateReason, problems);
        var applicants = new List<ApplicantRead>();
        if (request.Applicants is not { Count: > 0 } list)
        {
            problems.Add(new Problem("applicants", "Give at least one applicant."));
        }
        else if (list.Count > MaxApplicants)
        {
            problems.Add(new Problem("applicants", $"At most {MaxApplicants} people in one registration; this has {list.Count}. Register a larger group in parts."));
        }
        else
        {
            var today = (at ?? calendar.Now).InUtc().Date;
            for (var i = 0; i < list.Count; i++)
            {
                if (ReadApplicant(list[i], $"applicants[{i}]", today, problems) is { } applicant)
                {
                    applicants.Add(applicant);
                }
            }
        }

        return problems.Count > 0 ? (null, problems) : (new AsylumRegistrationRead(code!, at, lateReason, applicants), []);
    }

    private ApplicantRead? ReadApplicant(ApplicantRequest? request, string field, LocalDate today, List<Problem> problems)
    {
        if (request is null)
        {
            problems.Add(new Problem(field, "Give the applicant: a document, or a name as the person states it."));
            return null;
        }

        var before = problems.Count;
        TravellerIdentity? fromDocument = null;
        if (request.Document is not null)
        {
            fromDocument = checks.ReadDocument(request.Document, problems, $"{field}.document")?.Holder;
            if (!string.IsNullOrWhiteSpace(request.Name))
            {
                problems.Add(new Problem($"{field}.name", "The name is read from the document; leave it out, or leave the document out for a name as stated."));
            }
        }

        string? name = null;
        if (request.Document is null)
        {
            name = string.IsNullOrWhiteSpace(request.Name) ? null : string.Join(' ', request.Name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (name is null)
            {
                problems.Add(new Problem($"{field}.name", "Give the name as the person states it (or their document)."));
            }
            else if (StoredText.Fault(name) is { } fault)
            {
                problems.Add(new Problem($"{field}.name", fault));
            }
            else if (name.Length > MaxNameLength)
            {
                problems.Add(new Problem($"{field}.name", $"At most {MaxNameLength} characters."));
            }
        }

        var birth = ReadBirth(request, field, today, problems);
        var nationality = ReadNationality(request.Nationality, $"{field}.nationality", problems);
        Sex? sex = null;
        if (!string.IsNullOrWhiteSpace(request.Sex))
        {
            sex = request.Sex.Trim().ToUpperInvariant() switch
            {
                "F" or "FEMALE" => Sex.Female,
                "M" or "MALE" => Sex.Male,
                "X" or "UNSPECIFIED" => Sex.Unspecified,
                _ => null,
            };
            if (sex is null)
            {
                problems.Add(new Problem($"{field}.sex", "Give female, male or unspecified."));
            }
        }

        ArrivalMeans? arrivedBy = null;
        if (!string.IsNullOrWhiteSpace(request.ArrivedBy))
        {
            if (AsylumWords.TryRead<ArrivalMeans>(request.ArrivedBy, out var means))
            {
                arrivedBy = means;
            }
            else
            {
                problems.Add(new Problem($"{field}.arrivedBy", $"Give one of {AsylumWords.Names<ArrivalMeans>()}."));
            }
        }

        var vulnerabilities = new HashSet<Vulnerability>();
        for (var v = 0; v < (request.Vulnerabilities?.Count ?? 0); v++)
        {
            if (AsylumWords.TryRead<Vulnerability>(request.Vulnerabilities![v], out var vulnerability))
            {
                vulnerabilities.Add(vulnerability);
            }
            else
            {
                problems.Add(new Problem($"{field}.vulnerabilities[{v}]", $"Give one of {AsylumWords.Names<Vulnerability>()}."));
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        var identity = fromDocument is { } d
            ? d with
            {
                BirthDate = birth.IsUnknown ? d.BirthDate : birth,
                Nationality = nationality ?? d.Nationality,
                Sex = sex ?? d.Sex,
            }
            : new TravellerIdentity(name, null, birth, sex, nationality, null);
        var applicant = new Applicant(identity, fromDocument is not null, arrivedBy, vulnerabilities, request.UnaccompaniedMinor == true);
        return new ApplicantRead(applicant, request.SamePersonAs);
    }

    private static PartialDate ReadBirth(ApplicantRequest request, string field, LocalDate today, List<Problem> problems)
    {
        if (!string.IsNullOrWhiteSpace(request.DateOfBirth) && request.BirthYear is not null)
        {
            problems.Add(new Problem($"{field}.birthYear", "Give the date of birth or the year of birth, not both."));
            return PartialDate.Unknown;
        }

        if (request.BirthYear is { } year)
        {
            if (year < today.Year - 130 || year > today.Year)
            {
                problems.Add(new Problem($"{field}.birthYear", $"Give a year between {today.Year - 130} and {today.Year}."));
                return PartialDate.Unknown;
            }

            return PartialDate.FromYear(year);
        }

        if (TimeInput.OptionalDate(request.DateOfBirth, $"{field}.dateOfBirth", problems) is not { } date)
        {
            return PartialDate.Unknown;
        }

        if (date > today || date.Year < today.Year - 130)
        {
            problems.Add(new Problem($"{field}.dateOfBirth", "The date of birth cannot be in the future or more than 130 years ago."));
            return PartialDate.Unknown;
        }

        return PartialDate.FromDate(date);
    }

    private static Country? ReadNationality(string? text, string field, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var code = text.Trim().ToUpperInvariant();
        if (code.Length == 3 && Country.FromAlpha3(code) is { } country)
        {
            return country;
        }

        problems.Add(new Problem(field, "Give the nationality as a three-letter code (SYR, SOM, YEM; XXA stateless, XXX unspecified)."));
        return null;
    }
}
