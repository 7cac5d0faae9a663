using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data;
using Vartio.Hosting;

namespace Vartio.Audit;

/// <summary><c>vartio audit</c>: check the hash chain of the audit log, read its latest entries.</summary>
public static class AuditCommand
{
    /// <summary>Exit code of <c>audit verify</c> when the chain is broken.</summary>
    public const int Broken = 3;

    public static Command Create(IClock clock)
    {
        var command = new Command("audit", "The tamper-evident audit log.");
        command.Subcommands.Add(CreateVerify(clock));
        command.Subcommands.Add(CreateList(clock));
        return command;
    }

    private static Command CreateVerify(IClock clock)
    {
        var database = new DatabaseOptions();
        var command = new Command("verify", $"Recompute the hash chain of the audit log. Exits 0 when every entry holds, {Broken} naming the first broken entry.");
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            await using var db = await database.OpenAsync(parse, clock, cancellationToken);
            if (db is null)
            {
                return ExitCodes.Failed;
            }

            var result = await db.VerifyAsync(cancellationToken);
            if (result.Break is { } broken)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"The audit log is broken at {broken}.");
                await parse.InvocationConfiguration.Error.WriteLineAsync($"The {Entries(result.Verified)} before it hold.");
                return Broken;
            }

            await output.WriteLineAsync($"The audit log holds: {Entries(result.Verified)}, every link verified.");
            if (result.Head is { } head)
            {
                // Written down elsewhere, the head also shows whether the newest entries were cut off later.
                await output.WriteLineAsync($"Head: entry {head.Sequence} at {head.At}, hash {head.Hash}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Entries(long count) => count == 1 ? "1 entry" : $"{count} entries";

    private static Command CreateList(IClock clock)
    {
        var database = new DatabaseOptions();
        var last = new Option<int>("--last") { Description = "How many of the newest entries", DefaultValueFactory = _ => 20, HelpName = "N" };
        var action = new Option<string>("--action") { Description = "Only entries whose action starts with this (e.g. user., decision.published)", HelpName = "ACTION" };
        var json = Users.AdminCli.JsonOption("entries (sequence, at, actor, action, subject, detail, previousHash, hash)");
        var command = new Command("list", "Print the newest entries of the audit log, oldest first.") { last, action, json };
        database.AddTo(command);
        last.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--last: give 1 to 10000.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            await using var db = await database.OpenAsync(parse, clock, cancellationToken);
            if (db is null)
            {
                return ExitCodes.Failed;
            }

            var query = db.AuditLog.AsNoTracking();
            if (parse.GetValue(action) is { Length: > 0 } prefix)
            {
                query = query.Where(e => e.Action.StartsWith(prefix));
            }

            var entries = await query.OrderByDescending(e => e.Sequence).Take(parse.GetValue(last)).ToListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(Users.AdminCli.Json(entries.AsEnumerable().Reverse().Select(e => e.ToDomain()).ToArray()));
                return ExitCodes.Ok;
            }

            foreach (var e in entries.AsEnumerable().Reverse())
            {
                await output.WriteLineAsync($"{e.Sequence,6}  {e.At}  {e.Actor}  {e.Action}  {e.Subject}  {e.Detail}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
