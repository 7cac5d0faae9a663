using System.CommandLine;
using NodaTime;
using Vartio.Audit;
using Vartio.CrossingPoints;
using Vartio.Documents;
using Vartio.Screening;
using Vartio.Stays;
using Vartio.Users;

namespace Vartio.Hosting;

/// <summary>The <c>vartio</c> command line: one executable that is the server and the tools.</summary>
public static class VartioCli
{
    /// <param name="clock">The one clock, for the server and every tool alike.</param>
    public static RootCommand Build(IClock clock)
    {
        var root = new RootCommand("Vartio: border crossing management. Run 'vartio serve' for the server, or a tool below.");
        root.Subcommands.Add(ServeCommand.Create(clock));
        root.Subcommands.Add(StatusCommand.Create(clock));
        root.Subcommands.Add(UsersCommand.Create(clock));
        root.Subcommands.Add(TokensCommand.Create(clock));
        root.Subcommands.Add(AuditCommand.Create(clock));
        root.Subcommands.Add(Surveillance.AlertsCommand.Create(clock));
        root.Subcommands.Add(MrzCommand.Create(clock, input: null));
        root.Subcommands.Add(StayCommand.Create());
        root.Subcommands.Add(ScreenCommand.Create());
        root.Subcommands.Add(ImportCommand.Create(clock));
        root.Subcommands.Add(Checks.PurgeCommand.Create(clock));
        root.Subcommands.Add(Simulation.SimulateCommand.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, SystemClock.Instance);

    /// <summary>
    /// Parses and runs a command. Usage errors exit with 2 and a message, never a stack trace; commands
    /// return 0 on success and their documented codes otherwise.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) => RunAsync(args, output, error, SystemClock.Instance);

    /// <inheritdoc cref="RunAsync(string[], TextWriter, TextWriter)"/>
    /// <param name="clock">The clock every command reads "now" from; tests fix it.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IClock clock)
    {
        var parse = Build(clock).Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            await error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(configuration);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException or System.Net.Sockets.SocketException or TimeoutException
            || (ex is InvalidOperationException && ex.GetBaseException() is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException))
        {
            await error.WriteLineAsync($"The database could not be used: {ex.GetBaseException().Message}");
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The operator gets the message, not a stack trace; the type says where to look.
            await error.WriteLineAsync($"vartio: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failed;
        }
    }
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
