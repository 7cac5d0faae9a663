using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using Vartio.Data.Entities;
using Vartio.Domain.CrossingPoints;

namespace Vartio.Data;

/// <summary>
/// Reads and writes crossing points and decisions between their stored form (rows, the seed file) and
/// the domain's. Local times in the seed file are read in each crossing point's zone.
/// </summary>
public static class BorderData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Local date and time to the minute, as decisions are written: <c>2023-11-18T00:00</c>.</summary>
    public static LocalDateTimePattern LocalMinutes { get; } = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    public static CrossingPoint ToDomain(this CrossingPointRow row) => new(
        row.Code,
        row.Name,
        row.NeighbourName,
        Enum.Parse<CrossingPointKind>(row.Kind, ignoreCase: true),
        (Traffic)row.Traffic,
        DateTimeZoneProviders.Tzdb[row.TimeZone],
        row.Latitude,
        row.Longitude,
        ParseHours(JsonSerializer.Deserialize<List<SeedSchedule>>(row.HoursJson, Json) ?? []),
        row.Note,
        row.Section);

    public static Decision ToDomain(this DecisionRow row) => new(
        row.Id,
        row.DecidedOn,
        row.Title,
        row.Text,
        row.PublishedAt,
        row.Supersedes,
        [.. row.Effects.OrderBy(e => e.Ordinal).Select(e => e.ToDomain())]);

    public static DecisionEffect ToDomain(this DecisionEffectRow row) => new(
        row.CrossingPointCode,
        Enum.Parse<CrossingPointState>(row.State, ignoreCase: true),
        (Traffic)row.Traffic,
        row.From,
        row.Until,
        row.ReceivesAsylumApplications,
        row.Note,
        row.AsylumRestricted);

    public static DecisionEffectRow ToRow(this DecisionEffect effect, int ordinal) => new()
    {
        Ordinal = ordinal,
        CrossingPointCode = effect.CrossingPointCode,
        State = effect.State.ToString().ToLowerInvariant(),
        Traffic = (int)effect.Traffic,
        From = effect.From,
        Until = effect.Until,
        ReceivesAsylumApplications = effect.ReceivesAsylumApplications,
        AsylumRestricted = effect.AsylumRestricted,
        Note = effect.Note,
    };

    /// <summary>The seed file shipped with Vartio: DOMAIN facts for Finland's eastern border.</summary>
    public static SeedFile LoadSeed()
    {
        using var stream = typeof(BorderData).Assembly.GetManifestResourceStream("Vartio.Data.Seed.border.json")
            ?? throw new InvalidOperationException("The seed file is missing from the build.");
        return JsonSerializer.Deserialize<SeedFile>(stream, Json) ?? throw new InvalidOperationException("The seed file is empty.");
    }

    /// <summary>
    /// The seed as domain objects, decisions numbered from 1 in file order: the ids a new database gives
    /// them, since seeding inserts them in that order.
    /// </summary>
    public static (IReadOnlyList<CrossingPoint> CrossingPoints, IReadOnlyList<Decision> Decisions) ToDomain(this SeedFile seed)
    {
        var points = seed.CrossingPoints.Select((p, i) => p.ToRow(i).ToDomain()).ToList();
        var byCode = points.ToDictionary(p => p.Code, StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var decisions = new List<Decision>();
        foreach (var seedDecision in seed.Decisions)
        {
            var row = seedDecision.ToRow(byCode, ids, points[0].Zone);
            row.Id = decisions.Count + 1;
            ids[seedDecision.Key] = row.Id;
            decisions.Add(row.ToDomain());
        }

        return (points, decisions);
    }

    public static CrossingPointRow ToRow(this SeedCrossingPoint seed, int sortOrder)
    {
        // Parse what is stored as text now, so a bad seed fails here and not on first read.
        _ = DateTimeZoneProviders.Tzdb[seed.TimeZone];
        _ = ParseHours(seed.Hours ?? []);
        return new CrossingPointRow
        {
            Code = seed.Code,
            Name = seed.Name,
            NeighbourName = seed.NeighbourName,
            Kind = Enum.Parse<CrossingPointKind>(seed.Kind, ignoreCase: true).ToString(),
            Traffic = (int)ParseTraffic(seed.Traffic),
            TimeZone = seed.TimeZone,
            Latitude = seed.Latitude,
            Longitude = seed.Longitude,
            Note = seed.Note,
            Section = seed.Section,
            HoursJson = JsonSerializer.Serialize(seed.Hours ?? [], Json),
            SortOrder = sortOrder,
        };
    }

    /// <summary>
    /// Turns a seed decision into a row, reading its local times in the zone of each crossing point it
    /// names. <paramref name="idsByKey"/> resolves <c>supersedes</c> keys to the ids already given.
    /// </summary>
    public static DecisionRow ToRow(this SeedDecision seed, IReadOnlyDictionary<string, CrossingPoint> points, IReadOnlyDictionary<string, int> idsByKey, DateTimeZone announcementZone)
    {
        var effects = seed.Effects.Select((e, i) =>
        {
            var zone = points[e.CrossingPoint].Zone;
            return new DecisionEffect(
                e.CrossingPoint,
                Enum.Parse<CrossingPointState>(e.State, ignoreCase: true),
                ParseTraffic(e.Traffic),
                LocalToInstant(e.From, zone),
                e.Until is null ? null : LocalToInstant(e.Until, zone),
                e.ReceivesAsylumApplications,
                e.Note).ToRow(i);
        }).ToList();

        var published = LocalToInstant(seed.PublishedAt, announcementZone);
        return new DecisionRow
        {
            DecidedOn = LocalDatePattern.Iso.Parse(seed.DecidedOn).GetValueOrThrow(),
            Title = seed.Title,
            Text = seed.Text,
            CreatedAt = published,
            CreatedBy = "seed",
            PublishedAt = published,
            PublishedBy = "seed",
            Supersedes = [.. (seed.Supersedes ?? []).Select(k => idsByKey[k])],
            Effects = effects,
        };
    }

    /// <summary>
    /// A local date and time in a zone, as an instant, by the rule of <see cref="LocalTimes"/>: a time skipped
    /// by a daylight-saving change is refused, one that occurs twice takes its first occurrence.
    /// </summary>
    public static Instant LocalToInstant(string localDateTime, DateTimeZone zone)
    {
        // The same rule as a time a Decider types: a seed time in a daylight-saving gap is an error in the file.
        var local = LocalMinutes.Parse(localDateTime).GetValueOrThrow();
        return LocalTimes.TryResolve(local, zone, out var instant, out var error) ? instant : throw new FormatException(error);
    }

    public static Traffic ParseTraffic(IEnumerable<string> names)
    {
        var traffic = TrafficNames.Parse(names, out var unknown);
        return unknown.Count == 0 ? traffic : throw new FormatException($"Unknown traffic: {string.Join(", ", unknown)}.");
    }

    public static OpeningHours ParseHours(IReadOnlyList<SeedSchedule> schedules) =>
        new([.. schedules.Select(s => new OpeningSchedule(
            s.From is null ? null : LocalDatePattern.Iso.Parse(s.From).GetValueOrThrow(),
            s.Until is null ? null : LocalDatePattern.Iso.Parse(s.Until).GetValueOrThrow(),
            [.. s.Rules.Select(r => new OpeningHoursRule(
                ParseDays(r.Days),
                LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(r.Opens).GetValueOrThrow(),
                LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(r.Closes).GetValueOrThrow(),
                r.Season is null ? Season.AllYear : Enum.Parse<Season>(r.Season, ignoreCase: true)))],
            s.Note))]);

    /// <summary>Days as "Mon-Fri", "Sat-Sun" or a comma list ("Mon,Wed").</summary>
    public static IReadOnlyList<IsoDayOfWeek> ParseDays(string days)
    {
        static IsoDayOfWeek Day(string name) => name.Trim().ToUpperInvariant() switch
        {
            "MON" => IsoDayOfWeek.Monday,
            "TUE" => IsoDayOfWeek.Tuesday,
            "WED" => IsoDayOfWeek.Wednesday,
            "THU" => IsoDayOfWeek.Thursday,
            "FRI" => IsoDayOfWeek.Friday,
            "SAT" => IsoDayOfWeek.Saturday,
            "SUN" => IsoDayOfWeek.Sunday,
            _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Unknown day '{name}'.")),
        };

        var result = new List<IsoDayOfWeek>();
        foreach (var part in days.Split(','))
        {
            var range = part.Split('-');
            if (range.Length == 1)
            {
                result.Add(Day(range[0]));
                continue;
            }

            for (var d = (int)Day(range[0]); ; d = d % 7 + 1)
            {
                result.Add((IsoDayOfWeek)d);
                if (d == (int)Day(range[1]))
                {
                    break;
                }
            }
        }

        return result;
    }
}

public sealed record SeedFile(string? About, IReadOnlyList<SeedCrossingPoint> CrossingPoints, IReadOnlyList<SeedDecision> Decisions);

public sealed record SeedCrossingPoint(
    string Code,
    string Name,
    string NeighbourName,
    string Kind,
    IReadOnlyList<string> Traffic,
    string TimeZone,
    double Latitude,
    double Longitude,
    IReadOnlyList<SeedSchedule>? Hours,
    string? Note,
    string? Section = null);

public sealed record SeedSchedule(string? From, string? Until, IReadOnlyList<SeedRule> Rules, string? Note);

public sealed record SeedRule(string Days, string Opens, string Closes, string? Season);

public sealed record SeedDecision(
    string Key,
    string DecidedOn,
    string PublishedAt,
    string Title,
    string Text,
    IReadOnlyList<string>? Supersedes,
    IReadOnlyList<SeedEffect> Effects);

public sealed record SeedEffect(string CrossingPoint, string State, IReadOnlyList<string> Traffic, string From, string? Until, bool? ReceivesAsylumApplications, string? Note);
