using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Asylum;
using Vartio.Checks;
using Vartio.CrossingPoints;
using Vartio.Data;
using Vartio.Domain.CrossingPoints;
using Vartio.Hosting;

namespace Vartio.Simulation;

/// <summary>What to simulate.</summary>
/// <param name="Scale">The share of the full traffic simulated (1 is every crossing; asylum arrivals are always at full scale).</param>
public sealed record SimulationOptions(SimulationScenario Scenario, LocalDate From, LocalDate To, int Seed, double Scale)
{
    public const int DefaultSeed = 1;

    /// <summary>One crossing in a hundred: a five-month scenario runs in minutes.</summary>
    public const double DefaultScale = 0.01;

    public int Days => Period.DaysBetween(From, To) + 1;
}

/// <summary>What a simulation has recorded so far.</summary>
/// <param name="NotRecorded">Crossings and registrations the services refused (none, when the simulation follows the decisions).</param>
public sealed record SimulationTally(
    long Entries,
    long Exits,
    long Refusals,
    long SecondLineReferrals,
    long AsylumApplications,
    long IrregularArrivals,
    long NotRecorded,
    TimeSpan Elapsed)
{
    public static SimulationTally Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Entry, exit and refusal records, asylum applications and irregular arrivals.</summary>
    public long Records => Entries + Exits + Refusals + AsylumApplications + IrregularArrivals;

    public double RecordsPerSecond => Elapsed.TotalSeconds > 0 ? Records / Elapsed.TotalSeconds : 0;

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Entries:N0} entries, {Exits:N0} exits, {Refusals:N0} refusals, {SecondLineReferrals:N0} referrals to second line, {AsylumApplications:N0} asylum applications, {IrregularArrivals:N0} irregular arrivals");
}

/// <param name="Day">The local day just finished.</param>
public sealed record SimulationProgress(LocalDate Day, int DaysDone, int Days, SimulationTally Tally);

/// <summary>
/// Fills the database as a border would: normal crossings through the border check and the officer's decision
/// (<see cref="BorderChecks"/>, <see cref="CheckOutcomes"/>), asylum seekers through the registration
/// (<see cref="AsylumRegistrations"/>), each at its instant on the <see cref="SimulatedClock"/>, which the services
/// read "now" from. Everything drawn at random comes from generators seeded by the seed and the day, so the same
/// seed gives the same records (ids apart). Crossings are drawn within each crossing point's opening hours and
/// only while the decisions have it open to passengers; asylum seekers come where applications are received,
/// and those the plan puts at a closed crossing point are recorded as irregular arrivals by the registration.
/// </summary>
/// <param name="services">Services built on <paramref name="clock"/> (<see cref="SimulationHost"/>).</param>
/// <param name="dayEnded">
/// THE SURGE MONITOR'S HOOK: called at the end of each simulated day (the instant of the next local midnight,
/// with the clock there) once the day's records are written, so that alerts are computed as the simulation goes,
/// as they are when records are written. Null: nothing is called.
/// </param>
public sealed class BorderSimulation(IServiceProvider services, SimulatedClock clock, Func<Instant, CancellationToken, Task>? dayEnded = null)
{
    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    /// <summary>The officer the simulation records as: an Officer at every crossing point.</summary>
    public const string OfficerName = "simulation";

    /// <summary>Runs the simulation day by day; <paramref name="progress"/> hears after each day.</summary>
    public async Task<SimulationTally> RunAsync(SimulationOptions options, Action<SimulationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        BorderTimeline timeline;
        await using (var scope = services.CreateAsyncScope())
        {
            timeline = await scope.ServiceProvider.GetRequiredService<TimelineCache>().GetAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<Screening.WatchlistScreening>().RefreshAsync(cancellationToken);
        }

        var officer = Officer(timeline);
        var events = new SimulatedEvents(options, timeline);
        var tally = new Tally();
        var start = StartOf(options.From);
        events.GenerateUntil(options.From, start);
        var daysDone = 0;
        for (var day = options.From; day <= options.To; day = day.PlusDays(1))
        {
            var end = StartOf(day.PlusDays(1));
            events.GenerateUntil(day.PlusDays(1), start);
            await using (var scope = services.CreateAsyncScope())
            {
                var here = new DayServices(
                    scope.ServiceProvider.GetRequiredService<VartioDbContext>(),
                    scope.ServiceProvider.GetRequiredService<BorderChecks>(),
                    scope.ServiceProvider.GetRequiredService<CheckOutcomes>(),
                    scope.ServiceProvider.GetRequiredService<AsylumRegistrations>());
                while (events.NextBefore(end) is { } next)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    clock.AdvanceTo(next.At);
                    await RecordAsync(next, here, officer, events, tally, cancellationToken);
                    here.Db.ChangeTracker.Clear();
                }
            }

            clock.AdvanceTo(end);
            if (dayEnded is not null)
            {
                await dayEnded(end, cancellationToken);
            }

            daysDone++;
            progress?.Invoke(new SimulationProgress(day, daysDone, options.Days, tally.Snapshot(watch.Elapsed)));
        }

        return tally.Snapshot(watch.Elapsed);
    }

    /// <summary>Whether the database holds any check, record or asylum application (the simulation adds to an empty one unless asked).</summary>
    public static async Task<bool> HoldsRecordsAsync(VartioDbContext db, CancellationToken cancellationToken) =>
        await db.Checks.AnyAsync(cancellationToken) || await db.BorderRecords.AnyAsync(cancellationToken) || await db.AsylumApplications.AnyAsync(cancellationToken);

    /// <summary>The first instant of a local day at the border.</summary>
    public static Instant StartOf(LocalDate day) => day.AtStartOfDayInZone(Helsinki).ToInstant();

    private static ClaimsPrincipal Officer(BorderTimeline timeline)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, OfficerName), new(ClaimTypes.Role, Roles.Officer) };
        claims.AddRange(timeline.CrossingPoints.Select(p => new Claim(VartioClaims.CrossingPoint, p.Code)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "simulation"));
    }

    private sealed record DayServices(VartioDbContext Db, BorderChecks Checks, CheckOutcomes Outcomes, AsylumRegistrations Asylum);

    private static async Task RecordAsync(SimulatedEvent next, DayServices day, ClaimsPrincipal officer, SimulatedEvents events, Tally tally, CancellationToken cancellationToken)
    {
        switch (next)
        {
            case CrossingEvent crossing:
            {
                var (check, refused) = await day.Checks.RecordAsync(crossing.Request, officer, cancellationToken);
                if (check is null)
                {
                    tally.NotRecorded(refused?.Detail);
                    return;
                }

                // The officer follows the check's proposal, except for the few sent to second line.
                var outcome = crossing.SecondLine is not null ? CheckWords.Refer : check.ProposedOutcome;
                var (decided, _) = await day.Outcomes.DecideAsync(check.Id, new OutcomeRequest(outcome, null, null, outcome == CheckWords.Refuse ? true : null), officer, cancellationToken);
                if (decided?.Decision is null)
                {
                    tally.NotRecorded("decision refused");
                    return;
                }

                tally.Add(outcome, crossing.Request.Direction!);
                if (outcome == CheckWords.Refer)
                {
                    var later = crossing.SecondLine ?? new SecondLinePlan(Duration.FromMinutes(45), Refuse: false);
                    events.Add(new SecondLineEvent(crossing.At + later.After, check.Id, later.Refuse && crossing.Request.Direction == "entry", crossing.Request.Direction!));
                }

                return;
            }

            case SecondLineEvent secondLine:
            {
                var request = secondLine.Refuse
                    ? new OutcomeRequest(CheckWords.Refuse, ["B"], "A forged travel document found at second line.", false)
                    : new OutcomeRequest(CheckWords.Admit, null, "Cleared at second line.", null);
                var (decided, _) = await day.Outcomes.DecideAsync(secondLine.CheckId, request, officer, cancellationToken);
                if (decided is null)
                {
                    tally.NotRecorded("second-line decision refused");
                    return;
                }

                tally.Add(request.Outcome!, secondLine.Direction);
                return;
            }

            case ArrivalEvent arrival:
            {
                var (registration, refused) = await day.Asylum.RecordAsync(arrival.Request, officer, cancellationToken);
                if (registration is null)
                {
                    tally.NotRecorded(refused?.Detail);
                    return;
                }

                tally.Arrived(registration.Applications.Count(a => a.Received), registration.Applications.Count(a => !a.Received));
                return;
            }
        }
    }

    private sealed class Tally
    {
        private long entries;
        private long exits;
        private long refusals;
        private long referrals;
        private long applications;
        private long irregular;
        private long notRecorded;

        public string? FirstNotRecorded { get; private set; }

        public void Add(string outcome, string direction)
        {
            switch (outcome)
            {
                case CheckWords.Refer:
                    referrals++;
                    break;
                case CheckWords.Refuse:
                    refusals++;
                    break;
                default:
                    if (direction == "exit")
                    {
                        exits++;
                    }
                    else
                    {
                        entries++;
                    }

                    break;
            }

        }

        public void Arrived(int received, int directed)
        {
            applications += received;
            irregular += directed;
        }

        public void NotRecorded(string? why)
        {
            notRecorded++;
            FirstNotRecorded ??= why;
        }

        public SimulationTally Snapshot(TimeSpan elapsed) => new(entries, exits, refusals, referrals, applications, irregular, notRecorded, elapsed);
    }
}
