using NodaTime;
using Vartio.Data;
using Vartio.Domain.CrossingPoints;

namespace Vartio.Tests.CrossingPoints;

/// <summary>
/// The timeline built from the seed file Vartio ships: Finland's eastern border and the Government's
/// decisions of 16, 22 and 28 November, 12 and 14 December 2023, 11 January, 8 February and 4 April 2024
/// (sources in docs/DATA.md). Decision ids follow the file: 1 is Parikkala's standing closure, 2 the 16 November
/// decision, and so on to 9 (4 April 2024).
/// </summary>
internal static class Finland2023
{
    public const int Parikkala = 1;
    public const int Nov16 = 2;
    public const int Nov22 = 3;
    public const int Nov28 = 4;
    public const int Dec12 = 5;
    public const int Dec14 = 6;
    public const int Jan11 = 7;
    public const int Feb08 = 8;
    public const int Apr04 = 9;

    public static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    private static readonly Lazy<(IReadOnlyList<CrossingPoint> Points, IReadOnlyList<Decision> Decisions)> Seed =
        new(() => BorderData.LoadSeed().ToDomain());

    public static IReadOnlyList<CrossingPoint> Points => Seed.Value.Points;

    public static IReadOnlyList<Decision> Decisions => Seed.Value.Decisions;

    public static BorderTimeline Timeline { get; } = BorderTimeline.Build(Points, Decisions);

    /// <summary>An instant from Helsinki local time, the way the decisions were announced.</summary>
    public static Instant Local(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new LocalDateTime(year, month, day, hour, minute, second).InZoneStrictly(Helsinki).ToInstant();

    public static CrossingPointStatus At(string code, Instant instant) => Timeline.For(code).StatusAt(instant);
}
