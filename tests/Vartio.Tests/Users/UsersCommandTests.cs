using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Hosting;
using Vartio.Users;

namespace Vartio.Tests.Users;

public sealed partial class UsersCommandTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"vartio-users-{Guid.NewGuid():N}.db");

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await VartioCli.RunAsync([.. args, "--db", path, "--create"], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Add_CreatesAUserWhoseShownPasswordWorks()
    {
        var (exit, output, error) = await RunAsync("users", "add", "--name", "virtanen", "--role", "officer", "--crossing-point", "vaa");
        Assert.True(exit == 0, error);
        var password = Password().Match(output).Groups[1].Value;
        Assert.Contains("Created Officer 'virtanen' at VAA", output, StringComparison.Ordinal);

        await using var services = CliServices.Build(DatabaseSettings.SqliteFile(path), NodaTime.SystemClock.Instance);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<VartioUser>>();
        var user = await users.FindByNameAsync("virtanen");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, password));
        Assert.Equal(["VAA"], user.CrossingPoints);
        Assert.True(await users.IsInRoleAsync(user, Roles.Officer));
    }

    [Fact]
    public async Task ListsPrintJsonArraysWithStableNames()
    {
        Assert.Equal(0, (await RunAsync("users", "add", "--name", "virtanen", "--role", "Officer", "--crossing-point", "VAA")).Exit);
        Assert.Equal(0, (await RunAsync("tokens", "create", "--name", "kiosk-1", "--role", "Officer", "--crossing-point", "VAA", "--days", "30")).Exit);

        var (usersExit, users, _) = await RunAsync("users", "list", "--json");
        var (tokensExit, tokens, _) = await RunAsync("tokens", "list", "--json");
        var (auditExit, audit, _) = await RunAsync("audit", "list", "--json", "--action", "user.");

        Assert.Equal([0, 0, 0], new[] { usersExit, tokensExit, auditExit });
        var user = Assert.Single(System.Text.Json.JsonDocument.Parse(users).RootElement.EnumerateArray(), u => u.GetProperty("name").GetString() == "virtanen");
        Assert.Equal(["name", "role", "crossingPoints", "disabled", "lockedOutUntil", "failedSignIns"], user.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Officer", user.GetProperty("role").GetString());
        Assert.Equal("VAA", user.GetProperty("crossingPoints")[0].GetString());
        var token = Assert.Single(System.Text.Json.JsonDocument.Parse(tokens).RootElement.EnumerateArray());
        Assert.Equal("kiosk-1", token.GetProperty("name").GetString());
        Assert.EndsWith("Z", token.GetProperty("expiresAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, token.GetProperty("revokedAt").ValueKind);
        Assert.False(token.TryGetProperty("hash", out _));
        var entries = System.Text.Json.JsonDocument.Parse(audit).RootElement.EnumerateArray().ToList();
        var added = Assert.Single(entries, e => e.GetProperty("subject").GetString() == "user:virtanen");
        Assert.Equal(["sequence", "at", "actor", "action", "subject", "detail", "previousHash", "hash"], added.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("user.", added.GetProperty("action").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_UnknownRole_ExitsTwoListingTheRoles()
    {
        var (exit, _, error) = await RunAsync("users", "add", "--name", "x", "--role", "captain");
        Assert.Equal(2, exit);
        Assert.Contains("Officer, StationHead, Analyst, Decider, AsylumCaseworker, Admin", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_UnknownCrossingPoint_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync("users", "add", "--name", "x", "--role", "Officer", "--crossing-point", "ZZZ");
        Assert.Equal(2, exit);
        Assert.Contains("no crossing point ZZZ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_CrossingPointForARoleWithoutStation_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync("users", "add", "--name", "x", "--role", "Analyst", "--crossing-point", "VAA");
        Assert.Equal(2, exit);
        Assert.Contains("only an Officer or a StationHead", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ExistingName_FailsWithoutChangingIt()
    {
        Assert.Equal(0, (await RunAsync("users", "add", "--name", "same", "--role", "Analyst")).Exit);
        var (exit, _, error) = await RunAsync("users", "add", "--name", "same", "--role", "Admin");
        Assert.Equal(1, exit);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_AnOfficerWithoutACrossingPoint_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync("users", "add", "--name", "x", "--role", "Officer");
        Assert.Equal(2, exit);
        Assert.Contains("--crossing-point: an Officer acts at crossing points", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Disable_Assign_Enable_ShowEachChange_AndEachIsAudited()
    {
        Assert.Equal(0, (await RunAsync("users", "add", "--name", "korhonen", "--role", "Officer", "--crossing-point", "NUI")).Exit);

        var (exit, output, _) = await RunAsync("users", "list");
        Assert.Equal(0, exit);
        Assert.Matches(@"korhonen\s+Officer\s+NUI\s+active", output);

        Assert.Equal(0, (await RunAsync("users", "disable", "--name", "korhonen")).Exit);
        Assert.Matches(@"korhonen\s+Officer\s+NUI\s+disabled", (await RunAsync("users", "list")).Output);

        (exit, output, _) = await RunAsync("users", "assign", "--name", "korhonen", "--role", "StationHead", "--crossing-point", "IMA", "--crossing-point", "NII");
        Assert.Equal(0, exit);
        Assert.Contains("'korhonen' is now StationHead at IMA, NII.", output, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("users", "enable", "--name", "korhonen")).Exit);
        Assert.Matches(@"korhonen\s+StationHead\s+IMA,NII\s+active", (await RunAsync("users", "list")).Output);

        (exit, output, _) = await RunAsync("audit", "list", "--action", "user.");
        Assert.Equal(0, exit);
        var actions = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("user:korhonen", StringComparison.Ordinal)).Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[3]).ToList();
        Assert.Equal(["user.created", "user.disabled", "user.assigned", "user.enabled"], actions);
        Assert.Contains($"cli:{Environment.UserName}", output, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("audit", "verify")).Exit);
    }

    [Fact]
    public async Task ResetPassword_PrintsANewPasswordThatWorks_AndTheOldOneNoLonger()
    {
        var first = Password().Match((await RunAsync("users", "add", "--name", "laine", "--role", "Analyst")).Output).Groups[1].Value;
        var (exit, output, _) = await RunAsync("users", "reset-password", "--name", "laine");
        Assert.Equal(0, exit);
        var second = NewPassword().Match(output).Groups[1].Value;
        Assert.NotEqual(first, second);

        await using var services = CliServices.Build(DatabaseSettings.SqliteFile(path), NodaTime.SystemClock.Instance);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<VartioUser>>();
        var user = await users.FindByNameAsync("laine");
        Assert.True(await users.CheckPasswordAsync(user!, second));
        Assert.False(await users.CheckPasswordAsync(user!, first));
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("enable")]
    [InlineData("unlock")]
    [InlineData("reset-password")]
    public async Task AChangeToAnUnknownUser_ExitsOneNamingIt(string verb)
    {
        var (exit, _, error) = await RunAsync("users", verb, "--name", "nobody");
        Assert.Equal(1, exit);
        Assert.Contains("--name: no user 'nobody'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assign_WithNothingToAssign_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync("users", "assign", "--name", "x");
        Assert.Equal(2, exit);
        Assert.Contains("Give --role, --crossing-point or both.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_CreateListRevoke()
    {
        var (exit, output, error) = await RunAsync("tokens", "create", "--name", "imatra-kiosk", "--role", "Officer", "--crossing-point", "IMA", "--days", "30");
        Assert.True(exit == 0, error);
        Assert.Matches("^vartio_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$", output.Trim());
        Assert.Contains("shown only this once", error, StringComparison.Ordinal);

        (exit, output, _) = await RunAsync("tokens", "list");
        Assert.Equal(0, exit);
        Assert.Matches(@"imatra-kiosk\s+Officer\s+IMA\s+\S+\s+active", output);

        Assert.Equal(0, (await RunAsync("tokens", "revoke", "--name", "imatra-kiosk")).Exit);
        Assert.Matches(@"imatra-kiosk\s+Officer\s+IMA\s+\S+\s+revoked", (await RunAsync("tokens", "list")).Output);
    }

    [Theory]
    [InlineData("--role", "Admin", "--role: a token cannot be an Admin")]
    [InlineData("--days", "400", "--days: a token is valid for 1 to 366 days, not 400.")]
    [InlineData("--role", "Officer", "--crossing-point: an Officer acts at crossing points")]
    public async Task Tokens_Create_RefusesBadInput_WithExitTwo(string option, string value, string message)
    {
        string[] args = option == "--role"
            ? ["tokens", "create", "--name", "t", "--role", value]
            : ["tokens", "create", "--name", "t", "--role", "Analyst", option, value];
        var (exit, _, error) = await RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [GeneratedRegex("New password for '[^']+': (\\S+)")]
    private static partial Regex NewPassword();

    [GeneratedRegex("with password (\\S+)")]
    private static partial Regex Password();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}
