using System.CommandLine;
using NodaTime;

namespace Vartio.Hosting;

public static class ServeCommand
{
    public static Command Create(IClock clock)
    {
        var database = new DatabaseOptions(createsNew: true);
        var demo = new Option<bool>("--demo") { Description = "Also create one user per role with the passwords listed in the README. Never on a real border." };
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on (default http://localhost:5000)", HelpName = "URLS" };
        var command = new Command("serve", "Run the server: web pages, HTTP API under /api/v1, feeds, health at /healthz.");
        database.AddTo(command);
        command.Options.Add(demo);
        command.Options.Add(urls);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await database.ResolveExistingAsync(parse, cancellationToken) is not { } settings)
            {
                return ExitCodes.Failed;
            }

            var options = new ServeOptions
            {
                Database = settings,
                Demo = parse.GetValue(demo),
                Clock = clock,
                Output = parse.InvocationConfiguration.Output,
            };
            var args = parse.GetValue(urls) is { Length: > 0 } u ? new[] { $"--urls={u}" } : [];
            var builder = VartioHost.CreateBuilder(options, args);
            var app = VartioHost.Build(builder);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Database: {options.Database.Describe()}");
            await VartioHost.InitializeAsync(app, cancellationToken);
            await app.RunAsync();
            return ExitCodes.Ok;
        });
        return command;
    }
}
