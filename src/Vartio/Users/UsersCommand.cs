using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Hosting;

namespace Vartio.Users;

/// <summary><c>vartio users</c>: accounts from the command line, through the same service as the administration page.</summary>
public static class UsersCommand
{
    public static Command Create(IClock clock)
    {
        var command = new Command("users", "Manage user accounts. Every change is written to the audit log.");
        command.Subcommands.Add(CreateAdd(clock));
        command.Subcommands.Add(CreateList(clock));
        command.Subcommands.Add(CreateChange(clock, "disable", "Disable a user: their sessions stop at the next request and they cannot sign in.", (a, actor, name, ct) => a.DisableAsync(actor, name, ct), "Disabled"));
        command.Subcommands.Add(CreateChange(clock, "enable", "Enable a disabled user again.", (a, actor, name, ct) => a.EnableAsync(actor, name, ct), "Enabled"));
        command.Subcommands.Add(CreateChange(clock, "unlock", "Lift a lockout after too many failed sign-ins.", (a, actor, name, ct) => a.UnlockAsync(actor, name, ct), "Unlocked"));
        command.Subcommands.Add(CreateAssign(clock));
        command.Subcommands.Add(CreateResetPassword(clock));
        return command;
    }

    private static Option<string> NameOption() => new("--name") { Description = "User name", Required = true, HelpName = "NAME" };

    private static Option<string> RoleOption(bool required) => new("--role") { Description = $"One of: {string.Join(", ", Roles.All)}", Required = required, HelpName = "ROLE" };

    private static Option<string[]> PointsOption() => new("--crossing-point")
    {
        Description = "Crossing point code the user acts at (Officer, StationHead; required for them); repeat for several",
        HelpName = "CODE",
        AllowMultipleArgumentsPerToken = false,
    };

    private static Command CreateAdd(IClock clock)
    {
        var name = NameOption();
        var role = RoleOption(required: true);
        var points = PointsOption();
        var command = new Command("add", "Create a user with a role and a random password, printed once.") { name, role, points };
        return AdminCli.WithAccounts(command, clock, async (accounts, parse, output, error, ct) =>
        {
            var (password, problem) = await accounts.AddUserAsync(AdminCli.Actor, parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(points) ?? [], ct);
            if (problem is not null)
            {
                return await AdminCli.FailAsync(error, problem);
            }

            var user = (await accounts.ListUsersAsync(ct)).First(u => string.Equals(u.Name, parse.GetValue(name)!.Trim(), StringComparison.Ordinal));
            var where = user.CrossingPoints.Count > 0 ? $" at {string.Join(", ", user.CrossingPoints)}" : "";
            await output.WriteLineAsync($"Created {user.Role} '{user.Name}'{where} with password {password}");
            await output.WriteLineAsync("The password is shown only this once.");
            return ExitCodes.Ok;
        });
    }

    private static Command CreateList(IClock clock)
    {
        var json = AdminCli.JsonOption("users as the administration page lists them");
        var command = new Command("list", "List users: role, crossing points, whether disabled or locked out.") { json };
        return AdminCli.WithAccounts(command, clock, async (accounts, parse, output, error, ct) =>
        {
            var users = await accounts.ListUsersAsync(ct);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(AdminCli.Json(users));
                return ExitCodes.Ok;
            }

            var width = Math.Max(4, users.Max(u => (int?)u.Name.Length) ?? 0);
            await output.WriteLineAsync($"{"NAME".PadRight(width)}  {"ROLE",-16}  {"CROSSING POINTS",-16}  STATE");
            foreach (var u in users)
            {
                var state = u.Disabled ? "disabled" : u.LockedOutUntil is { } until ? $"locked out until {until}" : "active";
                await output.WriteLineAsync($"{u.Name.PadRight(width)}  {u.Role,-16}  {string.Join(",", u.CrossingPoints),-16}  {state}");
            }

            return ExitCodes.Ok;
        });
    }

    private static Command CreateChange(IClock clock, string verb, string description, Func<AccountAdministration, string, string, CancellationToken, Task<AccountProblem?>> change, string done)
    {
        var name = NameOption();
        var command = new Command(verb, description) { name };
        return AdminCli.WithAccounts(command, clock, async (accounts, parse, output, error, ct) =>
        {
            if (await change(accounts, AdminCli.Actor, parse.GetValue(name)!, ct) is { } problem)
            {
                return await AdminCli.FailAsync(error, problem);
            }

            await output.WriteLineAsync($"{done} '{parse.GetValue(name)!.Trim()}'.");
            return ExitCodes.Ok;
        });
    }

    private static Command CreateAssign(IClock clock)
    {
        var name = NameOption();
        var role = RoleOption(required: false);
        var points = PointsOption();
        var command = new Command("assign", "Change a user's role and/or crossing points; their sessions see it at the next request.") { name, role, points };
        command.Validators.Add(result =>
        {
            if (result.GetResult(role) is null && result.GetResult(points) is null)
            {
                result.AddError("Give --role, --crossing-point or both.");
            }
        });
        return AdminCli.WithAccounts(command, clock, async (accounts, parse, output, error, ct) =>
        {
            var codes = parse.GetResult(points) is null ? null : parse.GetValue(points);
            if (await accounts.AssignAsync(AdminCli.Actor, parse.GetValue(name)!, parse.GetValue(role), codes, ct) is { } problem)
            {
                return await AdminCli.FailAsync(error, problem);
            }

            var user = (await accounts.ListUsersAsync(ct)).First(u => string.Equals(u.Name, parse.GetValue(name)!.Trim(), StringComparison.Ordinal));
            var where = user.CrossingPoints.Count > 0 ? $" at {string.Join(", ", user.CrossingPoints)}" : "";
            await output.WriteLineAsync($"'{user.Name}' is now {user.Role}{where}.");
            return ExitCodes.Ok;
        });
    }

    private static Command CreateResetPassword(IClock clock)
    {
        var name = NameOption();
        var command = new Command("reset-password", "Give a user a new random password, printed once; ends their sessions and lifts a lockout.") { name };
        return AdminCli.WithAccounts(command, clock, async (accounts, parse, output, error, ct) =>
        {
            var (password, problem) = await accounts.ResetPasswordAsync(AdminCli.Actor, parse.GetValue(name)!, ct);
            if (problem is not null)
            {
                return await AdminCli.FailAsync(error, problem);
            }

            await output.WriteLineAsync($"New password for '{parse.GetValue(name)!.Trim()}': {password}");
            await output.WriteLineAsync("The password is shown only this once.");
            return ExitCodes.Ok;
        });
    }
}

/// <summary><c>vartio tokens</c>: API tokens for machine clients.</summary>
public static class TokensCommand
{
    public static Command Create(IClock clock)
    {
        var command = new Command("tokens", "Manage API tokens for machine clients (kiosks, neighbouring authorities).");
        command.Subcommands.Add(CreateCreate(clock));
        command.Subcommands.Add(CreateList(clock));
        command.Subcommands.Add(CreateRevoke(clock));
        return command;
    }

    private static Command CreateCreate(IClock clock)
    {
        var name = new Option<string>("--name") { Description = "What the token is for, unique (e.g. vaalimaa-kiosk-3)", Required = true, HelpName = "NAME" };
        var role = new Option<string>("--role") { Description = $"The role it acts in: {string.Join(", ", Roles.All.Where(r => r != Roles.Admin))}", Required = true, HelpName = "ROLE" };
        var points = new Option<string[]>("--crossing-point") { Description = "Crossing point it acts at (Officer, StationHead); repeat for several", HelpName = "CODE" };
        var days = new Option<int>("--days") { Description = $"Days until it expires (1–{AccountAdministration.MaxTokenDays})", DefaultValueFactory = _ => AccountAdministration.DefaultTokenDays, HelpName = "N" };
        var command = new Command("create", "Create a token, printed once; only its hash is stored. Send it as 'Authorization: Bearer TOKEN'.") { name, role, points, days };
        return AdminCli.WithAccounts(command, clock, async (accounts, parse, output, error, ct) =>
        {
            var (token, problem) = await accounts.CreateTokenAsync(AdminCli.Actor, parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(points) ?? [], parse.GetValue(days), ct);
            if (problem is not null)
            {
                return await AdminCli.FailAsync(error, problem);
            }

            await output.WriteLineAsync(token);
            await error.WriteLineAsync("The token is shown only this once.");
            return ExitCodes.Ok;
        });
    }

    private static Command CreateList(IClock clock)
    {
        var json = AdminCli.JsonOption("tokens as the administration page lists them");
        var command = new Command("list", "List tokens: role, crossing points, expiry and whether revoked. Never the token itself.") { json };
        return AdminCli.WithAccounts(command, clock, async (accounts, parse, output, error, ct) =>
        {
            var now = clock.GetCurrentInstant();
            var tokens = await accounts.ListTokensAsync(ct);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(AdminCli.Json(tokens));
                return ExitCodes.Ok;
            }

            var width = Math.Max(4, tokens.Max(t => (int?)t.Name.Length) ?? 0);
            await output.WriteLineAsync($"{"NAME".PadRight(width)}  {"ROLE",-16}  {"CROSSING POINTS",-16}  {"EXPIRES",-20}  STATE");
            foreach (var t in tokens)
            {
                await output.WriteLineAsync($"{t.Name.PadRight(width)}  {t.Role,-16}  {string.Join(",", t.CrossingPoints),-16}  {t.ExpiresAt,-20}  {t.StateAt(now)}");
            }

            return ExitCodes.Ok;
        });
    }

    private static Command CreateRevoke(IClock clock)
    {
        var name = new Option<string>("--name") { Description = "The token's name", Required = true, HelpName = "NAME" };
        var command = new Command("revoke", "Revoke a token: it is refused from the next request on.") { name };
        return AdminCli.WithAccounts(command, clock, async (accounts, parse, output, error, ct) =>
        {
            if (await accounts.RevokeTokenAsync(AdminCli.Actor, parse.GetValue(name)!, ct) is { } problem)
            {
                return await AdminCli.FailAsync(error, problem);
            }

            await output.WriteLineAsync($"Revoked '{parse.GetValue(name)!.Trim()}'.");
            return ExitCodes.Ok;
        });
    }
}

/// <summary>What the administration commands share: the database options, the services, the actor, errors.</summary>
public static class AdminCli
{
    /// <summary>Who acts from the command line: the operating-system account running it.</summary>
    public static string Actor => "cli:" + Environment.UserName;

    public static Command WithAccounts(Command command, IClock clock, Func<AccountAdministration, ParseResult, TextWriter, TextWriter, CancellationToken, Task<int>> action)
    {
        var database = new DatabaseOptions();
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await database.ResolveExistingAsync(parse, cancellationToken) is not { } settings)
            {
                return ExitCodes.Failed;
            }

            await using var services = CliServices.Build(settings, clock);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VartioDbContext>();
            await Database.PrepareAsync(db, clock, cancellationToken);
            await Accounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            return await action(accounts, parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    /// <summary><c>--json</c> on a list: one JSON array of records with camelCase names.</summary>
    public static Option<bool> JsonOption(string what) => new("--json") { Description = $"Print a JSON array of the {what}, instead of a table" };

    /// <summary>Records as the API writes them: camelCase names, instants in ISO 8601 with Z.</summary>
    public static string Json<T>(T value)
    {
        var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = true };
        VartioHost.ConfigureJson(options);
        return System.Text.Json.JsonSerializer.Serialize(value, options);
    }

    public static async Task<int> FailAsync(TextWriter error, AccountProblem problem)
    {
        await error.WriteLineAsync($"--{problem.Field}: {problem.Message}");
        return problem.Refused ? ExitCodes.Failed : ExitCodes.Usage;
    }
}

/// <summary>The services a command needs to work with accounts, without the web server.</summary>
public static class CliServices
{
    /// <param name="clock">The command line's one clock, given to it as the server's is (<see cref="VartioCli.Build"/>).</param>
    public static ServiceProvider Build(DatabaseSettings settings, IClock clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddVartioDatabase(settings);
        services.AddIdentityCore<VartioUser>(Accounts.ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<VartioDbContext>();
        services.AddScoped<AccountAdministration>();
        return services.BuildServiceProvider();
    }
}
