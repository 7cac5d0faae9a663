using NodaTime;
using Vartio.Domain.Problems;

namespace Vartio.Domain.Documents;

/// <summary>The holder's sex as the MRZ states it: <c>M</c>, <c>F</c>, or unspecified (<c>&lt;</c>, shown as X).</summary>
public enum Sex
{
    Male,
    Female,
    Unspecified,
}

/// <summary>One thing wrong with the zone.</summary>
/// <param name="Line">1-based line of the zone; 0 when the problem is the input as a whole.</param>
/// <param name="Position">1-based character position within the line; 0 when the problem is the input as a whole.</param>
public sealed record MrzProblem(MrzField Field, int Line, int Position, string Message)
{
    /// <summary>
    /// For a failing check digit over a field of letters and digits: the readings with one or two look-alike
    /// characters swapped that it would accept, for the officer to compare with the printed data page. The
    /// check digit cannot choose between them and the zone as read, so none is applied.
    /// </summary>
    public IReadOnlyList<MrzCandidate> Candidates { get; init; } = [];

    /// <summary>
    /// The problem in the form every capability reports: the field by its API name (<c>dateOfBirth</c>,
    /// <c>input</c>), and no line or position when the problem is the input as a whole.
    /// </summary>
    public Problem ToProblem() => Line == 0
        ? new Problem(Field.Name(), Message)
        : new Problem(Field.Name(), Message, Line, Position);
}

/// <summary>
/// A reading of a field that a failing check digit would accept: the field's characters, fillers included,
/// from <see cref="Line"/>/<see cref="Position"/> on, with one or two look-alike characters (O/0, I/1, B/8,
/// S/5, Z/2) swapped.
/// </summary>
public sealed record MrzCandidate(MrzField Field, int Line, int Position, string Reading);

/// <summary>
/// A field whose misread characters were corrected because the field's character type decides them: a
/// letter where only digits are allowed (a date, a check digit), a digit where only letters are (a name, a
/// state code), kept only when the check digits covering them then pass.
/// <see cref="From"/> and <see cref="To"/> are the field's characters as read and as corrected, fillers included,
/// starting at <see cref="Line"/>/<see cref="Position"/>; they differ exactly at the corrected characters.
/// </summary>
public sealed record MrzCorrection(MrzField Field, int Line, int Position, string From, string To);

/// <summary>
/// What a machine-readable zone says and everything wrong with it. Field values are those after any
/// correction; a field that could not be read is null. The zone is valid when it was recognised and has no
/// problem at all.
/// </summary>
public sealed class MrzResult
{
    internal MrzResult(MrzFormat? format, IReadOnlyList<MrzProblem> problems, IReadOnlyList<MrzCorrection> corrections, IReadOnlyList<string> normalisations, IReadOnlyList<string> remarks)
    {
        Remarks = remarks;
        Format = format;
        Problems = problems;
        Corrections = corrections;
        Normalisations = normalisations;
    }

    /// <summary>The layout recognised, or null when the input is not a machine-readable zone at all.</summary>
    public MrzFormat? Format { get; }

    public bool IsRecognised => Format is not null;

    public bool IsValid => Format is not null && Problems.Count == 0;

    /// <summary>The document code without trailing filler: <c>P</c>, <c>I</c>, <c>ID</c>, <c>V</c>, <c>AC</c>.</summary>
    public string? DocumentCode { get; internal set; }

    /// <summary>As written in the MRZ: <c>FIN</c>, <c>UTO</c>, <c>D</c> (Germany, without its fillers).</summary>
    public string? IssuingState { get; internal set; }

    /// <summary>The whole document number, including the part of an overlong number carried in the optional data.</summary>
    public string? DocumentNumber { get; internal set; }

    /// <summary>The primary identifier (surname), fillers turned into spaces.</summary>
    public string? PrimaryIdentifier { get; internal set; }

    /// <summary>The secondary identifiers (given names) separated by single spaces; empty when there are none.</summary>
    public string? SecondaryIdentifier { get; internal set; }

    /// <summary>
    /// The nationality code. For the French identity card, which has no nationality field, it is <c>FRA</c>:
    /// the card is issued only to French nationals.
    /// </summary>
    public string? Nationality { get; internal set; }

    /// <summary>Null when unreadable or when the document gives the date as unknown (fillers).</summary>
    public LocalDate? DateOfBirth { get; internal set; }

    /// <summary>
    /// The year of birth: that of <see cref="DateOfBirth"/>, or, when the document gives the month or the day as
    /// unknown with fillers but the year in digits (ICAO Doc 9303 Part 3), that year alone; otherwise null.
    /// </summary>
    public int? YearOfBirth { get; internal set; }

    public Sex? Sex { get; internal set; }

    /// <summary>Null when unreadable, and always for the French identity card, whose MRZ has no expiry date.</summary>
    public LocalDate? DateOfExpiry { get; internal set; }

    /// <summary>
    /// Optional data without trailing filler (inner fillers as spaces): the personal number of a passport,
    /// line 1's optional data of a TD1 card (after any overlong document number), the administrative code of a
    /// French identity card.
    /// </summary>
    public string? OptionalData { get; internal set; }

    /// <summary>The optional data of a TD1 card's line 2; null for other formats.</summary>
    public string? OptionalData2 { get; internal set; }

    /// <summary>The month of issue of a French identity card; null for other formats.</summary>
    public YearMonth? DateOfIssue { get; internal set; }

    /// <summary>Every problem found, in the order of the zone; empty when the zone is valid.</summary>
    public IReadOnlyList<MrzProblem> Problems { get; }

    public IReadOnlyList<MrzCorrection> Corrections { get; }

    /// <summary>
    /// Whether the date of expiry is before the day of the check (the reference date). The zone may still be
    /// valid: it is read correctly, and says that the document has expired.
    /// </summary>
    public bool IsExpired { get; internal set; }

    /// <summary>
    /// What the officer should know about a zone that is not a fault in it: that the document has expired, that
    /// the name is in the secondary identifier only.
    /// </summary>
    public IReadOnlyList<string> Remarks { get; }

    /// <summary>What was done to the input before parsing it (whitespace, case, a single pasted line).</summary>
    public IReadOnlyList<string> Normalisations { get; }
}
