namespace Vartio.Domain.Documents;

/// <summary>The machine-readable zone layouts the parser knows, recognised by line count, length and document code.</summary>
public enum MrzFormat
{
    /// <summary>ICAO Doc 9303 Part 5: 3 lines of 30 (identity cards, residence permits).</summary>
    Td1,

    /// <summary>ICAO Doc 9303 Part 6: 2 lines of 36.</summary>
    Td2,

    /// <summary>ICAO Doc 9303 Part 4: 2 lines of 44 (passports).</summary>
    Td3,

    /// <summary>ICAO Doc 9303 Part 7: full-size visa sticker, 2 lines of 44, document code V.</summary>
    MrvA,

    /// <summary>ICAO Doc 9303 Part 7: smaller visa sticker, 2 lines of 36, document code V.</summary>
    MrvB,

    /// <summary>
    /// The French national identity card issued from 1988 to 2021: 2 lines of 36 beginning <c>IDFRA</c>, with
    /// a national layout that is not Doc 9303's (no expiry date, no nationality field).
    /// </summary>
    FrenchIdentityCard,
}

public static class MrzFormats
{
    /// <summary>The format's code in the API and the command line: TD1, TD2, TD3, MRVA, MRVB, FRA_ID.</summary>
    public static string Code(this MrzFormat format) => format switch
    {
        MrzFormat.Td1 => "TD1",
        MrzFormat.Td2 => "TD2",
        MrzFormat.Td3 => "TD3",
        MrzFormat.MrvA => "MRVA",
        MrzFormat.MrvB => "MRVB",
        MrzFormat.FrenchIdentityCard => "FRA_ID",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
