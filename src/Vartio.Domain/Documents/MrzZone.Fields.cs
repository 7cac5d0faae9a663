using System.Globalization;
using NodaTime;
using Vartio.Domain.Countries;

namespace Vartio.Domain.Documents;

/// <summary>Reading each field of the (corrected) zone into the result, with the problems of its value.</summary>
internal ref partial struct MrzZone
{
    private static readonly string[] MonthNames =
    [
        "", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];

    private static readonly string?[] DocumentCodeTexts = new string?[27 * 27];

    private ref struct MrzResultBuilder
    {
        public string? DocumentCode;
        public string? IssuingState;
        public string? DocumentNumber;
        public string? PrimaryIdentifier;
        public string? SecondaryIdentifier;
        public string? Nationality;
        public LocalDate? DateOfBirth;
        public Sex? Sex;
        public LocalDate? DateOfExpiry;
        public string? OptionalData;
        public string? OptionalData2;
        public YearMonth? DateOfIssue;
    }

    private void ReadFields(ref MrzResultBuilder result)
    {
        var codeProblem = DocumentCodeProblem();
        if (codeProblem is not null)
        {
            Problem(MrzField.DocumentCode, layout.DocumentCode.Start, codeProblem);
        }

        result.DocumentCode = DocumentCodeText(work[layout.DocumentCode.Start], work[layout.DocumentCode.Start + 1]);
        result.IssuingState = ReadCountry(MrzField.IssuingState, layout.IssuingState);
        if (layout.Format == MrzFormat.FrenchIdentityCard && result.IssuingState is not null && result.IssuingState != "FRA")
        {
            Problem(MrzField.IssuingState, layout.IssuingState.Start, "the French identity card is issued by FRA");
        }

        ReadDocumentNumber(ref result);
        ReadNames(ref result);
        result.Nationality = layout.Nationality.IsNone ? "FRA" : ReadCountry(MrzField.Nationality, layout.Nationality);
        result.DateOfBirth = ReadDate(MrzField.DateOfBirth, layout.DateOfBirth, inThePast: true);
        result.Sex = ReadSex();
        if (!layout.DateOfExpiry.IsNone)
        {
            result.DateOfExpiry = ReadDate(MrzField.DateOfExpiry, layout.DateOfExpiry, inThePast: false);
            if (result.DateOfExpiry is { } expiry && result.DateOfBirth is { } birth && expiry < birth)
            {
                Problem(MrzField.DateOfExpiry, layout.DateOfExpiry.Start, string.Create(CultureInfo.InvariantCulture,
                    $"the document expires ({expiry:yyyy-MM-dd}) before its holder was born ({birth:yyyy-MM-dd})"));
            }
        }

        result.OptionalData = Text(work[optionalStart..layout.OptionalData.End]);
        if (!layout.OptionalData2.IsNone)
        {
            result.OptionalData2 = Text(work.Slice(layout.OptionalData2.Start, layout.OptionalData2.Length));
        }

        if (!layout.DateOfIssue.IsNone)
        {
            result.DateOfIssue = ReadDateOfIssue();
        }
    }

    private readonly string DocumentCodeText(char first, char second)
    {
        if (first is >= 'A' and <= 'Z' && second is (>= 'A' and <= 'Z') or '<')
        {
            var slot = ((first - 'A') * 27) + (second == '<' ? 26 : second - 'A');
            return DocumentCodeTexts[slot] ??= second == '<' ? first.ToString() : string.Concat(first.ToString(), second.ToString());
        }

        return Text(work.Slice(layout.DocumentCode.Start, 2));
    }

    private string ReadCountry(MrzField field, Segment segment)
    {
        var code = work.Slice(segment.Start, segment.Length);
        var known = Country.FromMrz(code);
        if (known is not null)
        {
            return known.WrittenIn(code);
        }

        Problem(field, segment.Start, $"'{code}' is not a country code (ISO 3166-1 alpha-3 or ICAO Doc 9303 Part 3)");
        return Text(code);
    }

    private readonly void ReadDocumentNumber(ref MrzResultBuilder result)
    {
        var main = work.Slice(layout.DocumentNumber.Start, layout.DocumentNumber.Length).TrimEnd('<');
        result.DocumentNumber = continuationLength > 0
            ? string.Concat(main, work.Slice(continuationStart, continuationLength))
            : main.ToString();
    }

    private void ReadNames(ref MrzResultBuilder result)
    {
        var zone = work.Slice(layout.Name.Start, layout.Name.Length);
        if (layout.GivenNames.IsNone)
        {
            var separator = NameSeparator(zone);
            result.PrimaryIdentifier = Text(separator < 0 ? zone : zone[..separator]);
            result.SecondaryIdentifier = separator < 0 ? string.Empty : Text(zone[(separator + 2)..]);
        }
        else
        {
            result.PrimaryIdentifier = Text(zone);
            result.SecondaryIdentifier = Text(work.Slice(layout.GivenNames.Start, layout.GivenNames.Length));
        }

        if (zone[0] != '<')
        {
            return;
        }

        // A holder with a single name: some states write it as the secondary identifier after an empty primary
        // identifier, the name field (TD3 line 1 positions 6–44, Doc 9303 Part 4) opening with the separator
        // `<<` (P<IND<<NAME<<…). That is a valid travel document, so it is no fault; the officer is told where
        // the name is.
        if (result.PrimaryIdentifier.Length == 0 && result.SecondaryIdentifier.Length > 0)
        {
            Remark("the name has no primary identifier: the holder's single name is in the secondary identifier only");
        }
        else if (result.PrimaryIdentifier.Length == 0)
        {
            Problem(MrzField.PrimaryIdentifier, layout.Name.Start, "the name is empty");
        }
        else
        {
            Problem(MrzField.PrimaryIdentifier, layout.Name.Start, "the name begins with a single filler before the primary identifier");
        }
    }

    private Sex? ReadSex()
    {
        var c = work[layout.Sex];
        switch (c)
        {
            case 'M':
                return Sex.Male;
            case 'F':
                return Sex.Female;
            case '<' or 'X':
                return Sex.Unspecified;
            case >= 'A' and <= 'Z':
                Problem(MrzField.Sex, layout.Sex, $"sex is M, F or < (unspecified), not '{c}'");
                return null;
            default:
                return null; // a digit or a foreign character, reported as such
        }
    }

    /// <summary>
    /// A YYMMDD date. A birth date may give unknown parts as fillers (Doc 9303 Part 3): it is then null
    /// without a problem.
    /// </summary>
    private LocalDate? ReadDate(MrzField field, Segment segment, bool inThePast)
    {
        var text = work.Slice(segment.Start, segment.Length);
        if (!IsAllDigits(text))
        {
            if (inThePast && !text.ContainsAnyExcept("0123456789<"))
            {
                var unknownMonth = text[2..4];
                if (!unknownMonth.Contains('<') && !IsMonth(Number(unknownMonth)))
                {
                    Problem(field, segment.Start + 2, $"month {unknownMonth} does not exist");
                }
            }

            return null;
        }

        int year = Number(text[..2]), month = Number(text[2..4]), day = Number(text[4..]);
        if (!IsMonth(month))
        {
            Problem(field, segment.Start + 2, $"month {text[2..4]} does not exist");
            return null;
        }

        year = inThePast ? MrzDates.PastYear(year, month, day, reference) : MrzDates.ExpiryYear(year, reference);
        var days = CalendarSystem.Iso.GetDaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            Problem(field, segment.Start + 4, string.Create(CultureInfo.InvariantCulture, $"{MonthNames[month]} {year} has no day {day} (it has {days})"));
            return null;
        }

        return new LocalDate(year, month, day);
    }

    /// <summary>
    /// The year of a birth date whose month or day the document gives as unknown (fillers, Doc 9303 Part 3)
    /// while its year is in digits; null otherwise. Its century is that of the earliest date it may be.
    /// </summary>
    private readonly int? ReadYearOfBirth()
    {
        var text = work.Slice(layout.DateOfBirth.Start, layout.DateOfBirth.Length);
        if (!IsAllDigits(text[..2]) || IsAllDigits(text) || text.ContainsAnyExcept("0123456789<"))
        {
            return null;
        }

        var month = IsAllDigits(text[2..4]) ? Number(text[2..4]) : 1;
        return IsMonth(month) ? MrzDates.PastYear(Number(text[..2]), month, 1, reference) : null;
    }

    /// <summary>
    /// The French card's month of issue (the first four characters of its number). The card of this model
    /// was issued from 1988 until it was replaced in 2021.
    /// </summary>
    private YearMonth? ReadDateOfIssue()
    {
        var text = work.Slice(layout.DateOfIssue.Start, 4);
        if (!IsAllDigits(text))
        {
            return null;
        }

        var month = Number(text[2..]);
        if (!IsMonth(month))
        {
            Problem(MrzField.DateOfIssue, layout.DateOfIssue.Start + 2, $"month {text[2..]} does not exist");
            return null;
        }

        var year = MrzDates.PastYear(Number(text[..2]), month, 1, reference);
        if (year is < 1988 or > 2021)
        {
            Problem(MrzField.DateOfIssue, layout.DateOfIssue.Start, string.Create(CultureInfo.InvariantCulture,
                $"this model of French identity card was issued from 1988 to 2021, not in {year}"));
        }

        return new YearMonth(year, month);
    }

    private static bool IsMonth(int month) => month is >= 1 and <= 12;

    // Plain loops over a few dozen characters rather than MemoryExtensions' generic searches: as fast at
    // this length, and free of allocation before the JIT has optimised the caller.
    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllFiller(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c != '<')
            {
                return false;
            }
        }

        return true;
    }

    private static int FirstFiller(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Where the primary identifier ends: the first <c>&lt;&lt;</c>, or -1.</summary>
    private static int NameSeparator(ReadOnlySpan<char> zone)
    {
        for (var i = 0; i + 1 < zone.Length; i++)
        {
            if (zone[i] == '<' && zone[i + 1] == '<')
            {
                return i;
            }
        }

        return -1;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
        {
            n = (n * 10) + (c - '0');
        }

        return n;
    }

    /// <summary>
    /// A text field's value: leading and trailing fillers dropped, each inner run of fillers a single space
    /// (the filler stands for a space in names and free text, Doc 9303 Part 3).
    /// </summary>
    private static string Text(ReadOnlySpan<char> raw)
    {
        raw = raw.Trim('<');
        if (raw.IsEmpty)
        {
            return string.Empty;
        }

        if (FirstFiller(raw) < 0)
        {
            return raw.ToString();
        }

        Span<char> buffer = stackalloc char[raw.Length];
        var length = 0;
        var gap = false;
        foreach (var c in raw)
        {
            if (c == '<')
            {
                gap = true;
                continue;
            }

            if (gap)
            {
                buffer[length++] = ' ';
                gap = false;
            }

            buffer[length++] = c;
        }

        return buffer[..length].ToString();
    }
}
