namespace Vartio.Domain.Tests.Documents;

/// <summary>
/// Published specimen zones, each with its source. ICAO's specimens are issued by the fictional state
/// Utopia (UTO); their check digits are as printed in Doc 9303 (and were recomputed when these tests were
/// written).
/// </summary>
internal static class Specimens
{
    /// <summary>ICAO Doc 9303 Part 4 (8th ed.), the example of a passport data page: Anna Maria Eriksson.</summary>
    public static readonly string[] Td3 =
    [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ];

    /// <summary>
    /// ICAO Doc 9303 Part 11 (8th ed.), Appendix D: the passport of the worked example of Basic
    /// Access Control, with an eight-character document number (L898902C followed by a filler).
    /// </summary>
    public static readonly string[] Td3Part11 =
    [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C<3UTO6908061F9406236ZE184226B<<<<<14",
    ];

    /// <summary>ICAO Doc 9303 Part 6 (8th ed.), the example of a TD2 card.</summary>
    public static readonly string[] Td2 =
    [
        "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
        "D231458907UTO7408122F1204159<<<<<<<6",
    ];

    /// <summary>
    /// ICAO Doc 9303 Part 11 (8th ed.), Appendix D: a TD2 card whose document number D23145890734 is
    /// longer than nine characters; it continues in the optional data (734) followed by its check digit (9).
    /// </summary>
    public static readonly string[] Td2Overlong =
    [
        "I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<",
        "D23145890<UTO3407127M95071227349<<<8",
    ];

    /// <summary>ICAO Doc 9303 Part 5 (8th ed.), the example of a TD1 card.</summary>
    public static readonly string[] Td1 =
    [
        "I<UTOD231458907<<<<<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<6",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    ];

    /// <summary>ICAO Doc 9303 Part 11 (8th ed.), Appendix D: the TD1 card with the document number D23145890734.</summary>
    public static readonly string[] Td1Overlong =
    [
        "I<UTOD23145890<7349<<<<<<<<<<<",
        "3407127M9507122UTO<<<<<<<<<<<2",
        "STEVENSON<<PETER<JOHN<<<<<<<<<",
    ];

    /// <summary>ICAO Doc 9303 Part 7 (8th ed.), the example of a full-size visa (MRV-A).</summary>
    public static readonly string[] MrvA =
    [
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
    ];

    /// <summary>ICAO Doc 9303 Part 7 (8th ed.), the example of a small visa (MRV-B).</summary>
    public static readonly string[] MrvB =
    [
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
        "L8988901C4XXX4009078F9612109<<<<<<<<",
    ];

    /// <summary>
    /// The French Ministry of the Interior's specimen of the 1988–2021 identity card (holder Corinne
    /// Berthier), as reproduced in public descriptions of the card, among them the French Wikipedia article
    /// "Carte nationale d'identité en France". Card number 880692310285: issued June 1988, department 923.
    /// </summary>
    public static readonly string[] FrenchIdentityCard =
    [
        "IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<",
        "8806923102858CORINNE<<<<<<<6512068F6",
    ];
}
