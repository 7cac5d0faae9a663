using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Vartio.Asylum;
using Vartio.Checks;
using Vartio.Domain.CrossingPoints;

namespace Vartio.Simulation;

internal abstract record SimulatedEvent(Instant At);

/// <param name="SecondLine">Sent to second line, and decided there after a while; null for a first-line decision.</param>
internal sealed record CrossingEvent(Instant At, CheckRequest Request, SecondLinePlan? SecondLine) : SimulatedEvent(At);

internal sealed record SecondLinePlan(Duration After, bool Refuse);

internal sealed record SecondLineEvent(Instant At, Guid CheckId, bool Refuse, string Direction) : SimulatedEvent(At);

internal sealed record ArrivalEvent(Instant At, AsylumRegistrationRequest Request) : SimulatedEvent(At);

/// <summary>
/// The simulation's events in the order of their instants: each day's trips and arrivals are drawn from a
/// generator seeded by the seed and the day, a trip's return is queued for its day, and a second-line decision is
/// queued when the referral is made. Trips begin two weeks before the period, so that travellers already abroad
/// come back in its first days; only events from its start are recorded.
/// </summary>
internal sealed class SimulatedEvents(SimulationOptions options, BorderTimeline timeline)
{
    private const int LeadDays = 14;

    private readonly PriorityQueue<SimulatedEvent, (long Ticks, long Order)> queue = new();
    private long order;
    private int travellers;
    private LocalDate? generated;
    private readonly Dictionary<YearMonth, Dictionary<LocalDate, int>> background = [];

    public void Add(SimulatedEvent e) => queue.Enqueue(e, (e.At.ToUnixTimeTicks(), order++));

    public SimulatedEvent? NextBefore(Instant end) =>
        queue.TryPeek(out var next, out _) && next.At < end ? queue.Dequeue() : null;

    /// <summary>Draws every day before <paramref name="until"/> not drawn yet; nothing before <paramref name="start"/> is queued.</summary>
    public void GenerateUntil(LocalDate until, Instant start)
    {
        var day = generated?.PlusDays(1) ?? options.From.PlusDays(-LeadDays);
        for (; day < until; day = day.PlusDays(1))
        {
            var random = new Random(SeedOf(day, 1));
            Trips(day, random, start);
            if (day >= options.From)
            {
                Arrivals(day, new Random(SeedOf(day, 2)));
            }

            generated = day;
        }
    }

    private int SeedOf(LocalDate day, int stream) =>
        unchecked((int)((options.Seed * 1_000_003L) + (day.ToDateOnly().DayNumber * 7_919L) + (stream * 104_729L)));

    private void Trips(LocalDate day, Random random, Instant start)
    {
        foreach (var (code, perDay) in BorderTraffic.FullScale)
        {
            if (!timeline.Contains(code))
            {
                continue;
            }

            var point = timeline.For(code);
            // Each trip is two crossings, out and back: half the day's crossings begin a trip.
            var expected = perDay * options.Scale * BorderTraffic.WeekdayFactor(day.DayOfWeek) / 2;
            var trips = (int)Math.Floor(expected) + (random.NextDouble() < expected - Math.Floor(expected) ? 1 : 0);
            for (var i = 0; i < trips; i++)
            {
                var traveller = Traveller(day, random);
                var at = InstantWithinHours(point, day, random);
                var lives = BorderTraffic.LivesInFinland(traveller.Nationality);
                var back = day.PlusDays(1 + random.Next(lives ? 7 : 14));
                var backAt = InstantWithinHours(point, back, random);
                var refusal = !lives && BorderTraffic.NeedsVisa(traveller.Nationality) && random.NextDouble() < BorderTraffic.RefusedShare
                    ? RefusalGround(random) : Ground.None;
                var secondLine = random.NextDouble() < BorderTraffic.SecondLineShare
                    ? new SecondLinePlan(Duration.FromMinutes(20 + random.Next(100)), random.NextDouble() < BorderTraffic.RefusedAtSecondLine)
                    : null;
                if (at is null || !OpenToPassengers(point, at.Value))
                {
                    continue;
                }

                var first = lives ? "exit" : "entry";
                if (at.Value >= start)
                {
                    Add(new CrossingEvent(at.Value, Request(code, first, traveller, day, back, refusal), secondLine));
                }

                // A traveller refused entry or sent back from second line makes no return; one whose crossing point
                // is closed by then (or after the period) is not followed further.
                if (refusal == Ground.None && secondLine is not { Refuse: true } && backAt is { } b && b >= start && back <= options.To && OpenToPassengers(point, b))
                {
                    Add(new CrossingEvent(b, Request(code, lives ? "entry" : "exit", traveller, back, null, Ground.None), null));
                }
            }
        }
    }

    private enum Ground
    {
        None,
        NoValidVisa,
        PurposeNotJustified,
        NoMeans,
    }

    /// <summary>Refusals at first line: a visa that has expired (C), the purpose not justified (E), no means (G).</summary>
    private static Ground RefusalGround(Random random) => random.Next(20) switch
    {
        < 12 => Ground.NoValidVisa,
        < 17 => Ground.PurposeNotJustified,
        _ => Ground.NoMeans,
    };

    private CheckRequest Request(string code, string direction, SimulatedTraveller t, LocalDate day, LocalDate? departure, Ground ground)
    {
        var document = new DocumentRequest(null, new DocumentFieldsRequest("P", t.Nationality, t.Number, t.Surname, t.Given, t.Nationality, Iso(t.Birth), t.Sex, Iso(t.Expiry), null));
        VisaRequest? visa = null;
        if (BorderTraffic.NeedsVisa(t.Nationality))
        {
            var (from, until) = ground == Ground.NoValidVisa ? (t.VisaFrom.PlusYears(-1), day.PlusDays(-1 - (t.Serial % 30))) : (t.VisaFrom, t.VisaFrom.PlusYears(1));
            visa = new VisaRequest(null, new VisaFieldsRequest("C", Iso(from), Iso(until), "MULT", 90, "FIN" + t.Number[2..], "FIN"));
        }

        var findings = direction == "entry" && !BorderTraffic.LivesInFinland(t.Nationality)
            ? new FindingsRequest(ground != Ground.PurposeNotJustified, ground != Ground.NoMeans)
            : null;
        return new CheckRequest(code, direction, null, null, null, document, visa, null, direction == "entry" && departure is { } d ? Iso(d) : null, findings);
    }

    private SimulatedTraveller Traveller(LocalDate day, Random random)
    {
        var serial = travellers++;
        var nationality = Pick(BorderTraffic.Nationalities, random);
        var female = random.Next(2) == 0;
        var (surnames, given) = SimulatedNames.Travellers(nationality, female);
        var surname = surnames[random.Next(surnames.Count)];
        var birth = day.PlusYears(-(18 + random.Next(60))).PlusDays(-random.Next(365));
        var expiry = day.PlusDays(200 + random.Next(3000));
        // Two letters from the seed and a serial: unique within a run, the same for the same seed.
        var prefix = string.Concat((char)('A' + (Math.Abs(options.Seed) % 26)), (char)('A' + (Math.Abs(options.Seed / 26) % 26)));
        return new SimulatedTraveller(
            nationality,
            prefix + serial.ToString("D7", CultureInfo.InvariantCulture),
            female ? SimulatedNames.Feminine(nationality, surname) : surname,
            given[random.Next(given.Count)],
            birth,
            female ? "F" : "M",
            expiry,
            day.PlusDays(-random.Next(300)),
            serial);
    }

    private sealed record SimulatedTraveller(string Nationality, string Number, string Surname, string Given, LocalDate Birth, string Sex, LocalDate Expiry, LocalDate VisaFrom, int Serial);

    private void Arrivals(LocalDate day, Random random)
    {
        if (options.Scenario.Arrivals.On(day) is { } planned)
        {
            foreach (var p in planned)
            {
                if (timeline.Contains(p.CrossingPoint))
                {
                    Groups(p.People, random, size => Group(timeline.For(p.CrossingPoint), day, size, mustReceive: !p.Irregular, random));
                }
            }

            return;
        }

        var people = BackgroundOn(day);
        Groups(people, random, size =>
        {
            // Where applications are received at that instant, in proportion to the crossing points' weights.
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var code = Pick(ArrivalPlan.BackgroundWeights, random);
                if (timeline.Contains(code) && Group(timeline.For(code), day, size, mustReceive: true, random, tries: 1))
                {
                    return true;
                }
            }

            return false;
        });
    }

    /// <summary>Splits people into groups (families, friends travelling together, most alone) and makes each.</summary>
    private static void Groups(int people, Random random, Func<int, bool> make)
    {
        var left = people;
        while (left > 0)
        {
            var size = Math.Min(left, random.Next(100) switch
            {
                < 45 => 1,
                < 65 => 2,
                < 85 => 3 + random.Next(2),
                _ => 5 + random.Next(4),
            });
            make(size);
            left -= size;
        }
    }

    /// <summary>The people of a day of the background: the month's arrivals spread over its days at random.</summary>
    private int BackgroundOn(LocalDate day)
    {
        var month = day.ToYearMonth();
        if (!background.TryGetValue(month, out var days))
        {
            var random = new Random(unchecked((options.Seed * 31) + (month.Year * 12) + month.Month));
            var open = month.ToDateInterval().Where(d => options.Scenario.Arrivals.On(d) is null).ToList();
            days = [];
            var people = open.Count == 0 ? 0 : options.Scenario.Arrivals.BackgroundIn(month);
            for (var i = 0; i < people; i++)
            {
                var d = open[random.Next(open.Count)];
                days[d] = days.GetValueOrDefault(d) + 1;
            }

            background[month] = days;
        }

        return days.GetValueOrDefault(day);
    }

    /// <summary>
    /// A group at a crossing point on a day, at an instant within its hours; one that is to be received comes when
    /// applications are received there (drawn again until then). False when no such instant was drawn.
    /// </summary>
    private bool Group(CrossingPointTimeline point, LocalDate day, int size, bool mustReceive, Random random, int tries = 50)
    {
        Instant? at = null;
        for (var attempt = 0; attempt < tries; attempt++)
        {
            at = InstantWithinHours(point, day, random) ?? InstantWithin(point, day, BorderTraffic.AssumedHours.Opens, BorderTraffic.AssumedHours.Closes, random);
            if (!mustReceive || point.ConditionAt(at.Value).ReceivesAsylumApplications)
            {
                break;
            }

            at = null;
        }

        // A planned figure is kept even where no receiving instant was drawn: the registration decides.
        if (at is null && tries > 1)
        {
            at = InstantWithinHours(point, day, random) ?? InstantWithin(point, day, BorderTraffic.AssumedHours.Opens, BorderTraffic.AssumedHours.Closes, random);
        }

        if (at is null)
        {
            return false;
        }

        Add(new ArrivalEvent(at.Value, new AsylumRegistrationRequest(point.CrossingPoint.Code, null, null, [.. SimulatedNames.Applicants(size, day, random)])));
        return true;
    }

    private static bool OpenToPassengers(CrossingPointTimeline point, Instant at)
    {
        var condition = point.ConditionAt(at);
        var passengers = condition.Traffic.FirstOrDefault(t => t.Traffic == Traffic.Passengers);
        return (passengers?.State ?? condition.State) != CrossingPointState.Closed;
    }

    /// <summary>An instant within the crossing point's hours on a day; null when it has none that day. Unrecorded hours are assumed.</summary>
    private static Instant? InstantWithinHours(CrossingPointTimeline point, LocalDate day, Random random)
    {
        var hours = point.CrossingPoint.Hours;
        if (!hours.IsKnown)
        {
            return InstantWithin(point, day, BorderTraffic.AssumedHours.Opens, BorderTraffic.AssumedHours.Closes, random);
        }

        return hours.HoursOn(day, point.CrossingPoint.Zone) is { } today
            ? InstantWithin(point, day, today.Opens, today.AroundTheClock ? LocalTime.Midnight : today.Closes, random)
            : null;
    }

    /// <summary>A minute between opening and closing (closing at midnight: the end of the day).</summary>
    private static Instant InstantWithin(CrossingPointTimeline point, LocalDate day, LocalTime opens, LocalTime closes, Random random)
    {
        var start = day.At(opens);
        var end = closes == LocalTime.Midnight ? day.PlusDays(1).AtMidnight() : day.At(closes);
        var minutes = Math.Max(1, (int)Period.Between(start, end, PeriodUnits.Minutes).Minutes);
        var local = start.PlusMinutes(random.Next(minutes)).PlusSeconds(random.Next(60));
        return local.InZoneLeniently(point.CrossingPoint.Zone).ToInstant();
    }

    private static T Pick<T>(IReadOnlyList<(T Value, double Weight)> weighted, Random random)
    {
        var total = weighted.Sum(w => w.Weight);
        var x = random.NextDouble() * total;
        foreach (var (value, weight) in weighted)
        {
            x -= weight;
            if (x < 0)
            {
                return value;
            }
        }

        return weighted[^1].Value;
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
