using NodaTime;

namespace Vartio.Simulation;

/// <summary>Arrivals planned at one crossing point on one day: how many people, and where the figure comes from.</summary>
/// <param name="Irregular">Planned at a crossing point closed that day: the registration records them as irregular arrivals.</param>
/// <param name="Published">The figure is published (DOMAIN §4), not interpolated between published figures.</param>
public sealed record PlannedArrivals(string CrossingPoint, int People, bool Irregular, bool Published);

/// <summary>
/// How many asylum seekers arrive, where and when: days with figures per crossing point (published, or
/// interpolated between published figures so that the published sums hold), and a background of a fixed number
/// of arrivals per month spread over its days at random, at the crossing points that receive applications.
/// </summary>
/// <remarks>
/// The published figures (DOMAIN §4, from the Finnish Border Guard and the Government's releases of November and
/// December 2023): 117 undocumented arrivals on the eastern border January–October 2023; 39, 55 and 75 a day in
/// south-east Finland on 13–15 November; 71 on 18 November, 67 at Vartius and 4 at the closed Nuijamaa; 5 at
/// Vartius on 17 November; 35 at Salla on 20 November; 3 at Raja-Jooseppi on 27 November and 0 on 28 November;
/// 911 from August to the morning of 24 November; about 91 on 14 December, 70 at Niirala and 21 at Vaalimaa;
/// about 1,300 in all. The other days are interpolated so that these hold exactly (August–October: 55 arrivals,
/// the rise from August; 1–23 November: 856, so that August to the morning of 24 November makes 911).
/// </remarks>
public sealed class ArrivalPlan
{
    /// <summary>South-east Finland's crossing points and their shares of its arrivals (most came at Vaalimaa and Nuijamaa).</summary>
    private static readonly (string Point, int Weight)[] SouthEast = [("VAA", 45), ("NUI", 35), ("IMA", 20)];

    private readonly Dictionary<LocalDate, IReadOnlyList<PlannedArrivals>> days;
    private readonly Func<YearMonth, int> background;

    private ArrivalPlan(Dictionary<LocalDate, IReadOnlyList<PlannedArrivals>> days, Func<YearMonth, int> background)
    {
        this.days = days;
        this.background = background;
    }

    /// <summary>Where background arrivals come, in proportion (the busiest crossing points in the south-east most).</summary>
    public static IReadOnlyList<(string Point, double Weight)> BackgroundWeights { get; } =
        [("VAA", 3), ("NUI", 3), ("IMA", 2), ("NII", 1), ("VAR", 1), ("KUU", 0.5), ("SAL", 0.5), ("RAJ", 0.5)];

    /// <summary>The figures of a day with planned figures; null on a day of the background.</summary>
    public IReadOnlyList<PlannedArrivals>? On(LocalDate day) => days.GetValueOrDefault(day);

    /// <summary>Background arrivals in a month, spread over its days that have no planned figures.</summary>
    public int BackgroundIn(YearMonth month) => background(month);

    /// <summary>The people of all the planned days in a period.</summary>
    public int PlannedBetween(LocalDate from, LocalDate to) =>
        days.Where(d => d.Key >= from && d.Key <= to).Sum(d => d.Value.Sum(p => p.People));

    /// <summary>The background, month by month: 117 arrivals in the 304 days of January–October 2023.</summary>
    public static int NormalBackground(YearMonth month) =>
        (int)Math.Round(month.ToDateInterval().Length * 117.0 / 304.0, MidpointRounding.AwayFromZero);

    public static ArrivalPlan NormalYear { get; } = new([], NormalBackground);

    public static ArrivalPlan Autumn2023 { get; } = BuildAutumn2023();

    private static ArrivalPlan BuildAutumn2023()
    {
        var plan = new Dictionary<LocalDate, IReadOnlyList<PlannedArrivals>>();
        static LocalDate Nov(int day) => new(2023, 11, day);
        void Add(LocalDate day, params PlannedArrivals[] arrivals) => plan[day] = arrivals;

        // 1–12 November: the rise in the south-east before the first published daily figure (interpolated).
        int[] rise = [3, 4, 5, 6, 6, 8, 9, 10, 12, 15, 18, 25];
        for (var i = 0; i < rise.Length; i++)
        {
            Add(Nov(i + 1), [.. Split(SouthEast, rise[i], published: false)]);
        }

        // 13–15 November: published, south-east Finland.
        Add(Nov(13), [.. Split(SouthEast, 39, published: true)]);
        Add(Nov(14), [.. Split(SouthEast, 55, published: true)]);
        Add(Nov(15), [.. Split(SouthEast, 75, published: true)]);

        // 16–17 November: the last days before the south-east closed at midnight into the 18th; Vartius 5 on the 17th (published).
        Add(Nov(16), [.. Split(SouthEast, 70, published: false), new("NII", 3, false, false)]);
        Add(Nov(17), [.. Split(SouthEast, 50, published: false), new("NII", 6, false, false), new("VAR", 5, false, true)]);

        // 18 November: 71, of whom 67 at Vartius and 4 at the closed Nuijamaa (published).
        Add(Nov(18), new("VAR", 67, false, true), new("NUI", 4, true, true));

        // 19–23 November: Vartius and Salla receive; Salla 35 on the 20th (published).
        Add(Nov(19), new("VAR", 50, false, false), new("SAL", 10, false, false));
        Add(Nov(20), new("VAR", 55, false, false), new("SAL", 35, false, true));
        Add(Nov(21), new("VAR", 50, false, false), new("SAL", 25, false, false));
        Add(Nov(22), new("VAR", 40, false, false), new("SAL", 30, false, false));
        Add(Nov(23), new("VAR", 40, false, false), new("SAL", 26, false, false));

        // 24–29 November: Raja-Jooseppi only; 3 on the 27th and 0 on the 28th (published).
        Add(Nov(24), new PlannedArrivals("RAJ", 30, false, false));
        Add(Nov(25), new PlannedArrivals("RAJ", 30, false, false));
        Add(Nov(26), new PlannedArrivals("RAJ", 24, false, false));
        Add(Nov(27), new PlannedArrivals("RAJ", 3, false, true));
        Add(Nov(28), new PlannedArrivals("RAJ", 0, false, true));
        Add(Nov(29), new PlannedArrivals("RAJ", 3, false, false));

        // 14 December: about 91, 70 at Niirala and 21 at Vaalimaa (published); 15 December until the 20:00
        // closure: interpolated to bring the autumn to about 1,300.
        Add(new LocalDate(2023, 12, 14), new("NII", 70, false, true), new("VAA", 21, false, true));
        Add(new LocalDate(2023, 12, 15), new("NII", 75, false, false), new("VAA", 75, false, false));

        // August–October: 55 of the year's 117 by the end of October (the rise from August); nothing else on
        // land once the whole border is closed.
        return new ArrivalPlan(plan, month => (month.Year, month.Month) switch
        {
            (2023, 8) => 10,
            (2023, 9) => 15,
            (2023, 10) => 30,
            (2023, 11) or (2023, 12) => 0,
            // January–July 2023: the other 62 of the 117, evenly.
            (2023, <= 7) => (int)Math.Round(month.ToDateInterval().Length * 62.0 / 212.0, MidpointRounding.AwayFromZero),
            _ => NormalBackground(month),
        });
    }

    /// <summary>A figure split over crossing points in proportion to their weights, by largest remainder (so the parts sum to it).</summary>
    private static IEnumerable<PlannedArrivals> Split((string Point, int Weight)[] where, int people, bool published)
    {
        var total = where.Sum(w => w.Weight);
        var shares = where.Select((w, i) => (w.Point, Index: i, Exact: (double)people * w.Weight / total)).ToList();
        var counts = shares.ToDictionary(s => s.Point, s => (int)Math.Floor(s.Exact));
        var left = people - counts.Values.Sum();
        foreach (var s in shares.OrderByDescending(s => s.Exact - Math.Floor(s.Exact)).ThenBy(s => s.Index).Take(left))
        {
            counts[s.Point]++;
        }

        return where.Select(w => new PlannedArrivals(w.Point, counts[w.Point], false, published));
    }
}
