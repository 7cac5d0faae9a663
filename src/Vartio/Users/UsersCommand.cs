using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Hosting;

namespace Vartio.Users;

/// <summary><c>vartio users</c>: accounts from the command line.</summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Manage user accounts.");
        command.Subcommands.Add(CreateAdd());
        return command;
    }

    private static Command CreateAdd()
    {
        var database = new DatabaseOptions();
        var name = new Option<string>("--name") { Description = "User name to sign in with", Required = true, HelpName = "NAME" };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}", Required = true, HelpName = "ROLE" };
        var points = new Option<string[]>("--crossing-point")
        {
            Description = "Crossing point code the user acts at (Officer, StationHead); repeat for several",
            HelpName = "CODE",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("add", "Create a user with a role and a random password, printed once.");
        command.Options.Add(name);
        command.Options.Add(role);
        command.Options.Add(points);
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var roleName = Roles.Normalise(parse.GetValue(role)!);
            if (roleName is null)
            {
                await error.WriteLineAsync($"--role: '{parse.GetValue(role)}' is not a role. Use one of: {string.Join(", ", Roles.All)}.");
                return ExitCodes.Usage;
            }

            var codes = (parse.GetValue(points) ?? []).Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
            if (codes.Count > 0 && roleName is not (Roles.Officer or Roles.StationHead))
            {
                await error.WriteLineAsync($"--crossing-point: only an Officer or a StationHead is assigned to crossing points, not a {roleName}.");
                return ExitCodes.Usage;
            }

            await using var services = CliServices.Build(database.Resolve(parse, DatabaseOptions.LoadConfiguration()));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VartioDbContext>();
            await Database.PrepareAsync(db, cancellationToken);
            await Accounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

            var known = await db.CrossingPoints.Select(p => p.Code).ToListAsync(cancellationToken);
            var unknown = codes.Where(c => !known.Contains(c)).ToList();
            if (unknown.Count > 0)
            {
                await error.WriteLineAsync($"--crossing-point: no crossing point {string.Join(", ", unknown)}. Known: {string.Join(", ", known)}.");
                return ExitCodes.Usage;
            }

            var users = scope.ServiceProvider.GetRequiredService<UserManager<VartioUser>>();
            var userName = parse.GetValue(name)!.Trim();
            if (await users.FindByNameAsync(userName) is not null)
            {
                await error.WriteLineAsync($"--name: a user '{userName}' already exists.");
                return ExitCodes.Failed;
            }

            var password = Accounts.NewPassword();
            try
            {
                await Accounts.CreateAsync(users, userName, roleName, password, codes);
            }
            catch (InvalidOperationException ex)
            {
                await error.WriteLineAsync($"Could not create '{userName}': {ex.Message}");
                return ExitCodes.Failed;
            }

            var where = codes.Count > 0 ? $" at {string.Join(", ", codes)}" : "";
            await output.WriteLineAsync($"Created {roleName} '{userName}'{where} with password {password}");
            await output.WriteLineAsync("The password is shown only this once.");
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>The services a command needs to work with accounts, without the web server.</summary>
public static class CliServices
{
    public static ServiceProvider Build(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddVartioDatabase(settings);
        services.AddIdentityCore<VartioUser>(Accounts.ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<VartioDbContext>();
        return services.BuildServiceProvider();
    }
}
