using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using Vartio.Domain.Screening;
using Vartio.Data;
using Vartio.Hosting;
using Vartio.Screening;
using Vartio.Users;

namespace Vartio.Benchmarks;

/// <summary>
/// <c>checks-load</c>: <c>POST /api/v1/checks</c> through the real server on loopback over a generated database
/// (travellers with a passport each, entry and exit records, an imported watchlist), against the framework's
/// trivial endpoint (<c>GET /bench/plaintext</c>) in the same process and run. Each round measures, for both:
/// the highest sustained rate with a closed loop of many concurrent clients, and the latency at a fixed
/// open-loop rate, as the server saw it (from the first middleware to the end of the response) and as the
/// client saw it (from the instant the request was due, so that a stalled server is not hidden). Medians of
/// the rounds are printed as Markdown (docs/PERFORMANCE.md, "Border check under load").
/// </summary>
public static class ChecksLoad
{
    private const string Usage = "usage: checks-load [--travellers N] [--records M] [--watchlist K] [--database FILE] [--rate R] [--duration S] [--rounds N] [--concurrency C] [--new-share F] [--port P]";

    public static async Task<int> RunAsync(string[] args)
    {
        Options o;
        try
        {
            o = Options.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + Usage);
            return 2;
        }

        // The server logs every request, as in production; its console goes nowhere (as the status script sends
        // it to /dev/null), and this report to standard output.
        var report = Console.Out;
        Console.SetOut(TextWriter.Null);
        var path = o.Database ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"vartio-checks-{o.Travellers}-{o.Records}-{o.Watchlist}.db"));
        report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"));
        report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SQLite {path}: {o.Travellers:N0} travellers, {o.Records:N0} records, watchlist of {o.Watchlist:N0}"));

        var times = new ServerTimes();
        var serve = new ServeOptions { Database = DatabaseSettings.SqliteFile(path), Output = TextWriter.Null };
        var builder = VartioHost.CreateBuilder(serve, [$"--urls=http://127.0.0.1:{o.Port}", "--Logging:LogLevel:Default=Warning", "--Webhooks:Enabled=false"]);
        builder.Services.AddSingleton<IStartupFilter>(new TimingFilter(times));
        var app = VartioHost.Build(builder);
        app.MapGet("/bench/plaintext", () => "Hello, World!").AllowAnonymous();
        await VartioHost.InitializeAsync(app);

        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VartioDbContext>();
            if (await ChecksLoadData.IsCompleteAsync(db, o.Travellers, o.Records, o.Watchlist))
            {
                report.WriteLine("Reusing the generated data in that file.");
            }
            else
            {
                report.WriteLine("Generating:");
                await ChecksLoadData.GenerateAsync(db, serve.Clock, o.Travellers, o.Records, o.Watchlist, report);
            }

            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            var (created, problem) = await accounts.CreateTokenAsync("benchmark", $"checks-load-{Guid.NewGuid():N}", Roles.Officer, ["HEL"], 1, CancellationToken.None);
            token = created ?? throw new InvalidOperationException("No token: " + problem);
        }

        await app.StartAsync();
        try
        {
            var loading = Stopwatch.StartNew();
            var screening = app.Services.GetRequiredService<WatchlistScreening>();
            if (!await screening.WaitUntilLoadedAsync(TimeSpan.FromMinutes(30), CancellationToken.None))
            {
                throw new InvalidOperationException("The watchlists did not load.");
            }

            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Watchlists loaded {loading.Elapsed.TotalSeconds:0} s after the start."));
            await MeasureAsync(o, token, times, screening, report);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        return 0;
    }

    private static async Task MeasureAsync(Options o, string token, ServerTimes times, WatchlistScreening screening, TextWriter report)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{o.Port}"), Timeout = TimeSpan.FromMinutes(2) };
        var run = Random.Shared.Next(256);
        var requests = new CheckRequests(o, token, run);
        Func<HttpRequestMessage> plaintext = () => new HttpRequestMessage(HttpMethod.Get, "/bench/plaintext");
        Func<HttpRequestMessage> check = requests.Next;

        var sample = await client.SendAsync(check());
        var body = await sample.Content.ReadAsStringAsync();
        report.WriteLine($"A check: {(int)sample.StatusCode} {body[..Math.Min(body.Length, 300)]}");
        if (sample.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException("The check was not recorded; nothing to measure.");
        }

        report.WriteLine("Warming up (3 s of each)…");
        await ClosedAsync(client, plaintext, o.Concurrency, TimeSpan.FromSeconds(3));
        await ClosedAsync(client, check, o.Concurrency, TimeSpan.FromSeconds(3));

        // One client at a time: the check's own cost, without waiting for other checks, and where it goes.
        using (var profile = new ChecksLoadProfile())
        {
            profile.Start();
            times.Start();
            var one = await ClosedAsync(client, check, 1, o.Duration);
            var server = times.Stop();
            var statements = profile.Stop();
            var alone = Percentiles.Of(server);
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"One client: {one.PerSecond:N0} checks/s ({one.Describe()}); server p50/p90/p99 {alone.Describe()}, mean {server.Average():0.000} ms; process CPU {one.CpuMilliseconds:0.00} ms per check. Per check:"));
            report.WriteLine();
            report.Write(ChecksLoadProfile.Describe(statements, server.Length, server.Average()));
            report.WriteLine();
        }

        var screened = Enumerable.Range(0, 2000).Select(i =>
        {
            var t = GeneratedTraveller.Of(Random.Shared.Next(Math.Max(1, o.Travellers)));
            var query = new ScreeningQuery($"{t.Given} {t.Surname}", PartialDate.FromDate(LocalDatePattern.Iso.Parse(t.BirthDate).Value), t.State);
            var start = Stopwatch.GetTimestamp();
            screening.Screen(query);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }).ToArray();
        report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Screening alone (2,000 generated travellers, one thread): p50/p90/p99 {Percentiles.Of(screened).Describe()}, mean {screened.Average():0.000} ms."));
        report.WriteLine();

        var rounds = new List<Round>();
        using var loaded = new ChecksLoadProfile();
        for (var r = 1; r <= o.Rounds; r++)
        {
            var plainClosed = await ClosedAsync(client, plaintext, o.Concurrency, o.Duration);
            loaded.Start();
            var checkClosed = await ClosedAsync(client, check, o.Concurrency, o.Duration);
            var waits = loaded.Stop();
            var round = new Round(
                plainClosed,
                checkClosed,
                await OpenAsync(client, plaintext, o.Rate, o.Duration, times),
                await OpenAsync(client, check, o.Rate, o.Duration, times));
            rounds.Add(round);
            if (waits.TryGetValue("TransactionStarted", out var begun))
            {
                report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {r}: with {o.Concurrency} clients, beginning a check's transaction (SQLite's write lock) took {begun.Milliseconds / begun.Count:0.0} ms on average, {begun.Milliseconds / 1000 / o.Duration.TotalSeconds:0.00} s per second of load; process CPU per request: plaintext {plainClosed.CpuMilliseconds:0.000} ms, check {checkClosed.CpuMilliseconds:0.00} ms"));
            }

            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {r}: closed loop plaintext {round.PlainClosed.PerSecond:N0}/s, checks {round.CheckClosed.PerSecond:N0}/s ({round.CheckClosed.Describe()}); at {o.Rate}/s server p50/p90/p99 plaintext {round.PlainOpen.Server.Describe()}, checks {round.CheckOpen.Server.Describe()} (plaintext {round.PlainOpen.Statuses}; checks {round.CheckOpen.Statuses}); client p99 plaintext {round.PlainOpen.Client.P99:0.00} ms, checks {round.CheckOpen.Client.P99:0.00} ms"));
        }

        Report(o, rounds, report);
    }

    private static void Report(Options o, List<Round> rounds, TextWriter report)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var plainRate = Median(rounds.Select(r => r.PlainClosed.PerSecond));
        var checkRate = Median(rounds.Select(r => r.CheckClosed.PerSecond));
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"{rounds.Count} rounds of {o.Duration.TotalSeconds:0} s per measurement; closed loop {o.Concurrency} concurrent clients; open loop {o.Rate}/s; {o.NewShare:P0} of the checks are of new travellers. Medians of the rounds:");
        b.AppendLine();
        b.AppendLine("| endpoint | closed loop: per second | ratio to trivial | at " + o.Rate.ToString(CultureInfo.InvariantCulture) + "/s, server p50 | p90 | p99 | client p50 | p99 | not 2xx |");
        b.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, closed, open) in new[] { ("GET /bench/plaintext", (Func<Round, Closed>)(r => r.PlainClosed), (Func<Round, Open>)(r => r.PlainOpen)), ("POST /api/v1/checks", r => r.CheckClosed, r => r.CheckOpen) })
        {
            var rate = Median(rounds.Select(r => closed(r).PerSecond));
            var failed = rounds.Sum(r => closed(r).Failed + open(r).Failed);
            b.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {rate:N0} | {rate / plainRate:0.000} | {Median(rounds.Select(r => open(r).Server.P50)):0.00} ms | {Median(rounds.Select(r => open(r).Server.P90)):0.00} ms | {Median(rounds.Select(r => open(r).Server.P99)):0.00} ms | {Median(rounds.Select(r => open(r).Client.P50)):0.00} ms | {Median(rounds.Select(r => open(r).Client.P99)):0.00} ms | {failed} |");
        }

        b.AppendLine();
        var p99 = Median(rounds.Select(r => r.CheckOpen.Server.P99));
        b.AppendLine(CultureInfo.InvariantCulture, $"Goal ≥ 2,000 checks/s sustained: {(checkRate >= 2000 ? "met" : "not met")} ({checkRate:N0}/s). Goal p99 < 10 ms at 500/s: {(o.Rate == 500 ? (p99 < 10 ? "met" : "not met") : "not measured at 500/s")} ({p99:0.00} ms).");
        report.WriteLine();
        report.Write(b.ToString());
    }

    private static async Task<Closed> ClosedAsync(HttpClient client, Func<HttpRequestMessage> make, int concurrency, TimeSpan duration)
    {
        var done = 0;
        var failed = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var statuses = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                using var response = await client.SendAsync(make(), HttpCompletionOption.ResponseContentRead);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref done);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        return new Closed(done / clock.Elapsed.TotalSeconds, failed, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")), used / Math.Max(1, done + failed));
    }

    private static async Task<Open> OpenAsync(HttpClient client, Func<HttpRequestMessage> make, int rate, TimeSpan duration, ServerTimes times)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var failed = 0;
        var statuses = new ConcurrentDictionary<int, int>();
        var tasks = new List<Task>(total);
        var outstanding = 0;
        var sent = 0;
        times.Start();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            // A server that cannot keep up would only queue more: stop once two seconds' worth wait.
            if (Volatile.Read(ref outstanding) > 2 * rate)
            {
                break;
            }

            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            // Sleep until the request is due (no spinning: the client must not take the server's processor); a
            // wake-up sends every request due by then, and each one's latency counts from when it was due.
            for (var left = due - Stopwatch.GetTimestamp(); left > 0; left = due - Stopwatch.GetTimestamp())
            {
                await Task.Delay(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency) + TimeSpan.FromMilliseconds(0.5));
            }

            var index = i;
            var request = make();
            sent++;
            Interlocked.Increment(ref outstanding);
            tasks.Add(Task.Run(async () =>
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                Interlocked.Decrement(ref outstanding);
                latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failed);
                }
            }));
        }

        await Task.WhenAll(tasks);
        var server = times.Stop();
        var answered = statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}");
        var note = sent < total ? $"; overloaded: stopped after {sent:N0} of {total:N0} requests ({Stopwatch.GetElapsedTime(start).TotalSeconds:0.0} s)" : "";
        return new Open(Percentiles.Of(server), Percentiles.Of(latencies[..sent]), failed, string.Join(", ", answered) + note);
    }

    private sealed record Round(Closed PlainClosed, Closed CheckClosed, Open PlainOpen, Open CheckOpen);

    /// <param name="CpuMilliseconds">The process's processor time (server and client) per request.</param>
    private sealed record Closed(double PerSecond, int Failed, string FailedStatuses, double CpuMilliseconds)
    {
        public string Describe() => Failed == 0 ? "no failures" : $"{Failed} failed: {FailedStatuses}";
    }

    private sealed record Open(Percentiles Server, Percentiles Client, int Failed, string Statuses);

    private sealed record Percentiles(double P50, double P90, double P99, double Max)
    {
        public static Percentiles Of(double[] values)
        {
            if (values.Length == 0)
            {
                return new(double.NaN, double.NaN, double.NaN, double.NaN);
            }

            var sorted = values.Order().ToArray();
            double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
            return new(At(0.5), At(0.9), At(0.99), sorted[^1]);
        }

        public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{P50:0.00}/{P90:0.00}/{P99:0.00} ms");
    }

    /// <summary>Check requests: travellers drawn from the generated set, and a share never seen before, each with a new key.</summary>
    private sealed class CheckRequests(Options o, string token, int run)
    {
        private int fresh;

        public HttpRequestMessage Next()
        {
            var traveller = Random.Shared.NextDouble() < o.NewShare || o.Travellers == 0
                ? GeneratedTraveller.New(run, Interlocked.Increment(ref fresh))
                : GeneratedTraveller.Of(Random.Shared.Next(o.Travellers));
            var departure = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var json = string.Create(
                CultureInfo.InvariantCulture,
                $$$"""{"crossingPoint":"HEL","direction":"entry","document":{"fields":{"documentCode":"P","issuingState":"{{{traveller.State}}}","number":"{{{traveller.Number}}}","primaryIdentifier":"{{{traveller.Surname}}}","secondaryIdentifier":"{{{traveller.Given}}}","nationality":"{{{traveller.State}}}","dateOfBirth":"{{{traveller.BirthDate}}}","sex":"{{{traveller.Sex}}}","dateOfExpiry":"{{{traveller.Expiry}}}"}},"intendedDeparture":"{{{departure}}}","findings":{"purposeJustified":true,"sufficientMeans":true}}""");
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/checks") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            return request;
        }
    }

    /// <summary>Each request's time in the server, from the first middleware to the end of its response, while recording.</summary>
    private sealed class ServerTimes
    {
        private ConcurrentQueue<double>? recording;

        public void Start() => Volatile.Write(ref recording, new ConcurrentQueue<double>());

        public double[] Stop() => [.. Interlocked.Exchange(ref recording, null) ?? new ConcurrentQueue<double>()];

        public void Add(double milliseconds) => Volatile.Read(ref recording)?.Enqueue(milliseconds);
    }

    private sealed class TimingFilter(ServerTimes times) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate following) =>
            {
                var start = Stopwatch.GetTimestamp();
                await following(context);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            });
            next(app);
        };
    }

    private sealed record Options(int Travellers, int Records, int Watchlist, string? Database, int Rate, TimeSpan Duration, int Rounds, int Concurrency, double NewShare, int Port)
    {
        public static Options Parse(string[] args)
        {
            var o = new Options(1_000_000, 5_000_000, 1_000_000, null, 500, TimeSpan.FromSeconds(10), 3, 64, 0.1, 5124);
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : throw new FormatException($"{args[i]} needs a value.");
                i++;
                o = args[i - 1] switch
                {
                    "--travellers" => o with { Travellers = Int(value, 0) },
                    "--records" => o with { Records = Int(value, 0) },
                    "--watchlist" => o with { Watchlist = Int(value, 0) },
                    "--database" => o with { Database = value },
                    "--rate" => o with { Rate = Int(value, 1) },
                    "--duration" => o with { Duration = TimeSpan.FromSeconds(Int(value, 1)) },
                    "--rounds" => o with { Rounds = Int(value, 1) },
                    "--concurrency" => o with { Concurrency = Int(value, 1) },
                    "--new-share" => o with { NewShare = double.Parse(value, CultureInfo.InvariantCulture) is var f and >= 0 and <= 1 ? f : throw new FormatException("--new-share is a fraction from 0 to 1.") },
                    "--port" => o with { Port = Int(value, 1) },
                    var other => throw new FormatException($"Unknown option {other}."),
                };
            }

            return o;
        }

        private static int Int(string text, int least) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= least
                ? n
                : throw new FormatException($"'{text}' is not a whole number of at least {least}.");
    }
}
