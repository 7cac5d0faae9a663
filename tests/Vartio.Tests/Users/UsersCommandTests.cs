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
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"vartio-users-{Guid.NewGuid():N}.db");

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await VartioCli.RunAsync([.. args, "--db", _path], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Add_CreatesAUserWhoseShownPasswordWorks()
    {
        var (exit, output, error) = await RunAsync("users", "add", "--name", "virtanen", "--role", "officer", "--crossing-point", "vaa");
        Assert.True(exit == 0, error);
        var password = Password().Match(output).Groups[1].Value;
        Assert.Contains("Created Officer 'virtanen' at VAA", output, StringComparison.Ordinal);

        await using var services = CliServices.Build(DatabaseSettings.SqliteFile(_path));
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<VartioUser>>();
        var user = await users.FindByNameAsync("virtanen");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, password));
        Assert.Equal(["VAA"], user.CrossingPoints);
        Assert.True(await users.IsInRoleAsync(user, Roles.Officer));
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

    [GeneratedRegex("with password (\\S+)")]
    private static partial Regex Password();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
