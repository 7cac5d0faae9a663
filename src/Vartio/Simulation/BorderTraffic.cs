using NodaTime;

namespace Vartio.Simulation;

/// <summary>
/// Normal traffic at the land crossing points, at full scale: crossings a day per crossing point, and who crosses.
/// </summary>
/// <remarks>
/// The magnitudes (DOMAIN §4): 236,320 crossings on the whole land border in July 2022, about 7,600 a day;
/// in 2019 Vaalimaa had 2.46 million crossings, Nuijamaa 3.0 million and Imatra 1.59 million. The daily figure
/// of the whole border is divided in those proportions for the three; the shares of the smaller crossing points
/// (Niirala, Vartius, Kuusamo, Salla, Raja-Jooseppi) are estimates in the same proportion to their size, not
/// published figures. Friday and Saturday carry a fifth more than the average, Tuesday and Wednesday a fifth less.
/// The mix of nationalities is an estimate too: most travellers on this border are Russian citizens (with a
/// Schengen visa) and Finns, some from other EU states and Ukraine.
/// </remarks>
public static class BorderTraffic
{
    /// <summary>Crossings on a day at full scale (before the weekday's factor), per land crossing point that serves travellers.</summary>
    public static IReadOnlyList<(string Point, int PerDay)> FullScale { get; } =
    [
        ("VAA", 2_130),
        ("NUI", 2_580),
        ("IMA", 1_370),
        ("NII", 610),
        ("VAR", 530),
        ("KUU", 150),
        ("SAL", 150),
        ("RAJ", 75),
    ];

    /// <summary>The weekday's share of an average day.</summary>
    public static double WeekdayFactor(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Friday or IsoDayOfWeek.Saturday => 1.2,
        IsoDayOfWeek.Tuesday or IsoDayOfWeek.Wednesday => 0.8,
        _ => 1.0,
    };

    /// <summary>Nationalities of travellers, in proportion.</summary>
    public static IReadOnlyList<(string Nationality, double Weight)> Nationalities { get; } =
    [
        ("RUS", 60),
        ("FIN", 30),
        ("EST", 2),
        ("UKR", 3),
        ("DEU", 2),
        ("LVA", 1),
        ("SWE", 1),
        ("GBR", 1),
    ];

    /// <summary>Nationalities whose citizens need a visa for a short stay (Regulation (EU) 2018/1806, Annex I) among <see cref="Nationalities"/>.</summary>
    public static bool NeedsVisa(string nationality) => nationality is "RUS";

    /// <summary>Citizens of the Union cross with the minimum check; Finns live here, so their trips begin with an exit.</summary>
    public static bool LivesInFinland(string nationality) => nationality is "FIN";

    /// <summary>Of entries by travellers who need a visa: the share refused, and on which ground (letters of Annex V Part B).</summary>
    public const double RefusedShare = 0.005;

    /// <summary>Of all checks: the share referred to second line, and of those, the share refused there (a forged document, B).</summary>
    public const double SecondLineShare = 0.003;

    public const double RefusedAtSecondLine = 0.3;

    /// <summary>Hours assumed where the crossing point's hours are not recorded (Kuusamo: "limited hours", unverified).</summary>
    public static (LocalTime Opens, LocalTime Closes) AssumedHours { get; } = (new LocalTime(8, 0), new LocalTime(20, 0));
}
