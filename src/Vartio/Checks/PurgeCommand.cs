using System.CommandLine;
using NodaTime;
using Vartio.CrossingPoints;
using Vartio.Hosting;
using Vartio.Users;

namespace Vartio.Checks;

/// <summary>
/// <c>vartio purge [--dry-run]</c>: erases the entry, exit and refusal records that retention no longer allows
/// (Regulation (EU) 2017/2226, Art. 34), as the server does once a day; prints the counts and the overstayers
/// whose records are to be erased within three months, and writes one audit entry.
/// </summary>
public static class PurgeCommand
{
    public static Command Create(IClock clock)
    {
        var database = new DatabaseOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would be erased, and erase nothing" };
        var json = new Option<bool>("--json") { Description = "Print the counts and the warnings as a JSON object, instead of text" };
        var zone = new Option<string>("--time-zone") { Description = "The border's time zone, for the day retention counts from", HelpName = "IANA", DefaultValueFactory = _ => "Europe/Helsinki" };
        var command = new Command("purge", "Erase the records retention no longer allows: entries and exits 3 years after the exit, refusals 3 years after, an overstayer's records 5 years after the authorised stay ended.")
        {
            dryRun, json, zone,
        };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(parse.GetValue(zone) ?? "") is not { } borderZone)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"--time-zone: '{parse.GetValue(zone)}' is not an IANA time zone (e.g. Europe/Helsinki).");
                return ExitCodes.Usage;
            }

            await using var db = await database.OpenAsync(parse, clock, cancellationToken);
            if (db is null)
            {
                return ExitCodes.Failed;
            }

            var result = await new RecordPurge(db, clock, new BorderZone(borderZone)).RunAsync(parse.GetValue(dryRun), AdminCli.Actor, cancellationToken);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(AdminCli.Json(result));
                return ExitCodes.Ok;
            }

            await output.WriteLineAsync((result.DryRun ? "Would erase: " : "Erased: ") + RecordPurge.Describe(result) + ".");
            foreach (var warning in result.Warnings)
            {
                await output.WriteLineAsync($"  traveller {warning.TravellerId}: record {warning.RecordId} to be erased on {warning.EraseOn:yyyy-MM-dd}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
