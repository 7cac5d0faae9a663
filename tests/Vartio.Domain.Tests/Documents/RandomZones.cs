using System.Globalization;
using NodaTime;
using Vartio.Domain.Countries;
using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>Valid zone contents drawn from a seeded random source, for round trips and fuzzing.</summary>
internal sealed class RandomZones(int seed, LocalDate today)
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static readonly MrzFormat[] Formats = Enum.GetValues<MrzFormat>();

    // Every spelling a zone may use: each entity's field, and Germany's ISO code besides ICAO's D<<.
    private static readonly string[] CountryFields = [.. Country.All.Select(c => c.MrzField), Country.Germany.Alpha3];
    private readonly Random random = new(seed);

    public Random Random => random;

    /// <summary>Content and the values a parser must read back from it.</summary>
    public (MrzContent Content, LocalDate Birth, LocalDate? Expiry) Next()
    {
        var format = Formats[random.Next(Formats.Length)];
        var birth = today.PlusDays(-random.Next(0, 36_000));
        var expiry = new LocalDate(today.Year - 49 + random.Next(0, 99), random.Next(1, 13), random.Next(1, 29));
        if (expiry < birth)
        {
            expiry = birth.PlusYears(random.Next(0, 10)).PlusDays(random.Next(0, 300));
            if (expiry.Year > today.Year + MrzDates.ExpiryYearsAhead)
            {
                expiry = birth;
            }
        }

        var country = CountryFields[random.Next(CountryFields.Length)];
        var nationality = CountryFields[random.Next(CountryFields.Length)];
        var sex = "MF<X"[random.Next(4)];
        if (format == MrzFormat.FrenchIdentityCard)
        {
            return (French(birth, sex), birth, null);
        }

        var number = Word(Alphanumeric, 1, format is MrzFormat.Td1 or MrzFormat.Td2 && random.Next(3) == 0 ? 14 : 9);
        var optional = Optional(format);
        if (number.Length > 9)
        {
            // The rest of the number, its check digit and a filler come first in the optional data.
            var room = (format == MrzFormat.Td1 ? 15 : 7) - (number.Length - 9) - 2;
            optional = optional[..Math.Min(optional.Length, room)];
        }

        var content = new MrzContent(
            format,
            DocumentCode(format),
            format == MrzFormat.Td2 && country == "FRA" ? "FIN" : country,
            number,
            Words(1, 3, format == MrzFormat.Td1 ? 12 : 14),
            Words(0, 3, format == MrzFormat.Td1 ? 12 : 14),
            nationality,
            Yymmdd(birth),
            sex,
            Yymmdd(expiry),
            optional,
            format == MrzFormat.Td1 ? Word(Alphanumeric, 0, 11) : "",
            FillerInCheckedNumber: random.Next(2) == 0);
        return (content, birth, expiry);
    }

    public static string Yymmdd(LocalDate date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);

    private MrzContent French(LocalDate birth, char sex)
    {
        // Issued 1988–2021, not before the holder's birth nor after the reference date.
        var issued = new LocalDate(1988, 1, 1).PlusDays(random.Next(0, 12_400));
        if (issued < birth)
        {
            issued = birth;
        }

        if (issued.Year > 2021 || issued > today)
        {
            issued = new LocalDate(2021, 1, 1) < today ? new LocalDate(2021, 1, 1) : today;
        }

        var number = issued.ToString("yyMM", CultureInfo.InvariantCulture) + Word("0123456789", 3, 3) + Word("0123456789", 5, 5);
        var administrative = random.Next(2) == 0 ? "" : Word("0123456789", 6, 6);
        return new MrzContent(MrzFormat.FrenchIdentityCard, "ID", "FRA", number, Words(1, 2, 12), Words(0, 2, 6), "FRA", Yymmdd(birth), sex == 'X' ? 'F' : sex, "", administrative);
    }

    private string DocumentCode(MrzFormat format)
    {
        var second = random.Next(3) == 0 ? Word(Letters, 1, 1) : "";
        return format switch
        {
            MrzFormat.Td3 => "P" + second,
            MrzFormat.MrvA or MrzFormat.MrvB => "V" + second,
            _ => "ACI"[random.Next(3)] + (second == "V" ? "" : second),
        };
    }

    private string Optional(MrzFormat format) => format switch
    {
        MrzFormat.Td3 => Word(Alphanumeric, 0, 14),
        MrzFormat.MrvA => Word(Alphanumeric, 0, 16),
        MrzFormat.MrvB => Word(Alphanumeric, 0, 8),
        MrzFormat.Td2 => Word(Alphanumeric, 0, 7),
        _ => Word(Alphanumeric, 0, 15),
    };

    /// <summary>One to <paramref name="max"/> words of two to five letters, joined by spaces, short enough to fit.</summary>
    private string Words(int min, int max, int maxLength)
    {
        var count = random.Next(min, max + 1);
        var words = new List<string>();
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            var word = Word(Letters, 2, 5);
            if (length + word.Length + 1 > maxLength)
            {
                break;
            }

            words.Add(word);
            length += word.Length + 1;
        }

        return words.Count == 0 && min > 0 ? Word(Letters, 2, 5) : string.Join(' ', words);
    }

    private string Word(string alphabet, int min, int max)
    {
        var length = random.Next(min, max + 1);
        return string.Create(length, (alphabet, random), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });
    }
}
