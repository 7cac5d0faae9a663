using System.CommandLine;
using System.Text.Json;
using Vartio.Hosting;
using Vartio.Stays;
using static Vartio.Tests.Infrastructure.Cli;

namespace Vartio.Tests.Stays;

/// <summary><c>vartio stay control</c> and <c>vartio stay plan</c>, run in process as the executable runs them.</summary>
public sealed class StayCommandTests : IDisposable
{
    // The Swiss State Secretariat for Migration's worked examples: two stays, a control at the last exit.
    private const string SwissStays = """
        # Swiss SEM example
        2014-08-15 2014-09-30

        2014-11-01 2014-11-30
        """;

    private readonly List<string> files = [];

    [Fact]
    public async Task ControlPrintsTheApiResponseWithTheControlOnly()
    {
        var (code, output, error) = await RunAsync(["stay", "control", "--on", "2014-11-30", "--stays", File(SwissStays), "--json"]);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["control", "plan", "rule"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("plan").ValueKind);
        var control = root.GetProperty("control");
        Assert.Equal(
            ["on", "windowStart", "windowEnd", "daysUsed", "lawful", "overstayDays", "present", "latestExit", "counted", "notCounted", "explanation", "warnings"],
            control.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2014-11-30", control.GetProperty("on").GetString());
        Assert.Equal(77, control.GetProperty("daysUsed").GetInt32());
        Assert.True(control.GetProperty("lawful").GetBoolean());
        Assert.Equal(0, control.GetProperty("overstayDays").GetInt32());
        Assert.Equal("2014-12-13", control.GetProperty("latestExit").GetString());
        Assert.Equal("2014-06-04", control.GetProperty("windowStart").GetString());
    }

    [Fact]
    public async Task PlanPrintsTheApiResponseWithThePlanOnly()
    {
        var (code, output, _) = await RunAsync(["stay", "plan", "--entry", "2015-01-01", "--stays", File("2014-08-15 2014-09-30"), "--json"]);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("control").ValueKind);
        var plan = json.RootElement.GetProperty("plan");
        Assert.Equal(90, plan.GetProperty("maxDays").GetInt32());
        Assert.Equal("2015-03-31", plan.GetProperty("latestExit").GetString());
        Assert.Equal(47, plan.GetProperty("daysUsedBeforeEntry").GetInt32());
        Assert.Equal("2015-01-01", plan.GetProperty("fullStayFrom").GetString());
    }

    [Fact]
    public async Task AnOverstayIsReportedWithNullLatestExit()
    {
        // 1 January to 9 April 2024 is 100 days, still in the area.
        var (code, output, _) = await RunAsync(["stay", "control", "--on", "2024-04-09", "--stays", File("2024-01-01 -"), "--json"]);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var control = json.RootElement.GetProperty("control");
        Assert.False(control.GetProperty("lawful").GetBoolean());
        Assert.Equal(10, control.GetProperty("overstayDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, control.GetProperty("latestExit").ValueKind);
    }

    [Fact]
    public async Task PlanWithNoDaysLeftPrintsNullLatestExit()
    {
        var (_, output, _) = await RunAsync(["stay", "plan", "--entry", "2024-04-01", "--stays", File("2024-01-01 2024-03-30"), "--json"]);

        using var json = JsonDocument.Parse(output);
        var plan = json.RootElement.GetProperty("plan");
        Assert.Equal(0, plan.GetProperty("maxDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("latestExit").ValueKind);
        Assert.Equal("2024-06-29", plan.GetProperty("fullStayFrom").GetString());
    }

    [Fact]
    public async Task ExcludedPeriodsAreTakenOutOfTheControl()
    {
        // The Swiss example with 1–10 September 2014 under a residence permit, given as two periods. The
        // window of 30 November (4 June to 30 November) holds 15 August – 30 September less those 10 days
        // (37) and 1–30 November (30): 67 days. Staying on, the window of 1 + k December still reaches back
        // before 15 August while k < 72, so it holds 67 + k days: 90 on 23 December, 91 on 24 December.
        var (code, output, error) = await RunAsync(["stay", "control", "--on", "2014-11-30", "--stays", File(SwissStays),
            "--exclude", "2014-09-01..2014-09-05", "--exclude", "2014-09-06..2014-09-10", "--json"]);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var control = json.RootElement.GetProperty("control");
        Assert.Equal(67, control.GetProperty("daysUsed").GetInt32());
        Assert.Equal("2014-12-23", control.GetProperty("latestExit").GetString());
        Assert.Equal("2014-06-04", control.GetProperty("windowStart").GetString());
    }

    [Fact]
    public async Task ExcludedPeriodsAreTakenOutOfThePlanAndExplained()
    {
        // 15 August – 30 September 2014 is 47 days, 37 without 1–10 September. Entering on 1 October, every
        // window up to 10 February 2015 still holds all of them, so the stay may last until its 53rd day
        // (37 + 53 = 90): 31 days of October and 22 of November, until 22 November. Without the period it
        // would be 43 days, until 12 November.
        var stays = File("2014-08-15 2014-09-30");
        var (code, output, _) = await RunAsync(["stay", "plan", "--entry", "2014-10-01", "--stays", stays, "--exclude", "2014-09-01..2014-09-10", "--json"]);
        var (_, text, _) = await RunAsync(["stay", "plan", "--entry", "2014-10-01", "--stays", stays, "--exclude", "2014-09-01..2014-09-10"]);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var plan = json.RootElement.GetProperty("plan");
        Assert.Equal(53, plan.GetProperty("maxDays").GetInt32());
        Assert.Equal("2014-11-22", plan.GetProperty("latestExit").GetString());
        Assert.Equal(37, plan.GetProperty("daysUsedBeforeEntry").GetInt32());
        Assert.Contains("Not counted (residence permit or long-stay visa): 2014-09-01 – 2014-09-10 (10 days).", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableExcludedPeriodExitsWithTwoNamingTheOption()
    {
        var (code, output, error) = await RunAsync(["stay", "control", "--on", "2014-11-30", "--stays", File(SwissStays),
            "--exclude", "2014-09-01", "--exclude", "2014-09-01..2014-09-31"]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("--exclude: cannot read '2014-09-01'. Expected FROM..TO", error, StringComparison.Ordinal);
        Assert.Contains("--exclude: cannot read '2014-09-01..2014-09-31'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExcludedPeriodEndingBeforeItBeginsExitsWithTwo()
    {
        var (code, _, error) = await RunAsync(["stay", "plan", "--entry", "2015-01-01", "--stays", File("2014-08-15 2014-09-30"), "--exclude", "2014-09-10..2014-09-01"]);

        Assert.Equal(2, code);
        Assert.Contains("--exclude: The excluded period 2014-09-10 – 2014-09-01 ends before it begins.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpDescribesTheExcludedPeriods()
    {
        var (code, output, _) = await RunAsync(["stay", "control", "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("--exclude <FROM..TO>", output, StringComparison.Ordinal);
        Assert.Contains("residence permit or long-stay visa", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextOutputExplainsTheCount()
    {
        var (code, output, _) = await RunAsync(["stay", "control", "--on", "2014-11-30", "--stays", File(SwissStays)]);

        Assert.Equal(0, code);
        Assert.Contains("Within the limit on 2014-11-30: 77 of 90 days used.", output, StringComparison.Ordinal);
        Assert.Contains("may last until 2014-12-13", output, StringComparison.Ordinal);
        Assert.Contains("2014-06-04 to 2014-11-30", output, StringComparison.Ordinal);
        Assert.Contains("Art. 6(1) and 6(2)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaysAreReadFromStandardInputWhenNoFileIsNamed()
    {
        var root = new RootCommand { StayCommand.Create(() => new StringReader(SwissStays)) };
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await root.Parse(["stay", "plan", "--entry", "2015-01-01", "--json"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString());
        // The 179 days before 1 January 2015 hold all 77 days of both stays.
        Assert.Equal(77, json.RootElement.GetProperty("plan").GetProperty("daysUsedBeforeEntry").GetInt32());
    }

    [Fact]
    public async Task AMalformedLineExitsWithTwoNamingTheLine()
    {
        var (code, output, error) = await RunAsync(["stay", "control", "--on", "2024-03-01", "--stays", File("2024-01-01 2024-01-05\n\n2024-02-01 2024-02-31\n2024-02-10\n")]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("Line 3 (exit): '2024-02-31' is not a date", error, StringComparison.Ordinal);
        Assert.Contains("Line 4 (stay): expected", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlappingStaysExitWithTwoNamingTheLineAndTheReason()
    {
        var (code, _, error) = await RunAsync(["stay", "control", "--on", "2024-03-01", "--stays", File("# two trips\n2024-01-01 2024-01-20\n2024-01-15 2024-02-01\n")]);

        Assert.Equal(2, code);
        Assert.Contains("Line 3 (stay): The stay 2024-01-15 – 2024-02-01 overlaps the stay 2024-01-01 – 2024-01-20", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStayAfterTheControlDateExitsWithTwo()
    {
        var (code, _, error) = await RunAsync(["stay", "control", "--on", "2024-03-01", "--stays", File("2024-03-05 -")]);

        Assert.Equal(2, code);
        Assert.Contains("Line 1 (entry): The stay 2024-03-05 – (open) begins after the control date (2024-03-01).", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanningWithAnOpenStayExitsWithTwo()
    {
        var (code, _, error) = await RunAsync(["stay", "plan", "--entry", "2024-03-01", "--stays", File("2024-01-01 -")]);

        Assert.Equal(2, code);
        Assert.Contains("Line 1 (exit):", error, StringComparison.Ordinal);
        Assert.Contains("still open", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableDateOptionExitsWithTwo()
    {
        var (code, _, error) = await RunAsync(["stay", "control", "--on", "1.3.2024", "--stays", File("")]);

        Assert.Equal(2, code);
        Assert.Contains("--on", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFileExitsWithTwo()
    {
        var (code, _, error) = await RunAsync(["stay", "control", "--on", "2024-03-01", "--stays", Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.txt")]);

        Assert.Equal(2, code);
        Assert.Contains("--stays: cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOldRuleWarningGoesToStandardErrorAndLeavesTheJsonClean()
    {
        var (code, output, error) = await RunAsync(["stay", "control", "--on", "2013-12-01", "--stays", File("2013-11-01 -"), "--json"]);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(31, json.RootElement.GetProperty("control").GetProperty("daysUsed").GetInt32());
        Assert.Contains("warning:", error, StringComparison.Ordinal);
        Assert.Contains("2013-10-18", error, StringComparison.Ordinal);
    }

    private string File(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vartio-stays-{Guid.NewGuid():N}.txt");
        System.IO.File.WriteAllText(path, text);
        files.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var path in files)
        {
            System.IO.File.Delete(path);
        }
    }
}
