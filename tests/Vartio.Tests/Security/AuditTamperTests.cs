using Microsoft.EntityFrameworkCore;
using Vartio.Audit;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Security;

/// <summary>
/// Someone with access to the database edits, deletes or reorders audit entries directly, in SQL;
/// <c>vartio audit verify</c> finds each and names the first broken entry.
/// </summary>
public abstract class AuditTamperTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheUntouchedLog_Verifies()
    {
        await SeedEntriesAsync();
        var (exit, output, error) = await Cli.RunAsync(["audit", "verify", .. app.DatabaseArguments]);
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("every link verified", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditedEntry_IsFound()
    {
        var target = await SeedEntriesAsync();
        await TamperAsync(db => db.Database.ExecuteSqlAsync($"UPDATE audit_log SET detail = 'role Admin' WHERE sequence = {target}", Ct), async () =>
        {
            var (exit, _, error) = await Cli.RunAsync(["audit", "verify", .. app.DatabaseArguments]);
            Assert.Equal(AuditCommand.Broken, exit);
            Assert.Contains($"entry {target}: its content does not match its hash", error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ADeletedEntry_IsFound()
    {
        var target = await SeedEntriesAsync();
        await TamperAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM audit_log WHERE sequence = {target}", Ct), async () =>
        {
            var (exit, _, error) = await Cli.RunAsync(["audit", "verify", .. app.DatabaseArguments]);
            Assert.Equal(AuditCommand.Broken, exit);
            Assert.Contains($"entry {target}: missing", error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ReorderedEntries_AreFound()
    {
        var target = await SeedEntriesAsync();
        var next = target + 1;
        await TamperAsync(async db =>
        {
            // Swap the sequence numbers of two neighbours, through a free number.
            await db.Database.ExecuteSqlAsync($"UPDATE audit_log SET sequence = -1 WHERE sequence = {target}", Ct);
            await db.Database.ExecuteSqlAsync($"UPDATE audit_log SET sequence = {target} WHERE sequence = {next}", Ct);
            return await db.Database.ExecuteSqlAsync($"UPDATE audit_log SET sequence = {next} WHERE sequence = -1", Ct);
        }, async () =>
        {
            var (exit, _, error) = await Cli.RunAsync(["audit", "verify", .. app.DatabaseArguments]);
            Assert.Equal(AuditCommand.Broken, exit);
            Assert.Contains($"entry {target}:", error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task TheAdminPage_ShowsTheBreak()
    {
        var target = await SeedEntriesAsync();
        var admin = await app.As(Roles.Admin);
        Assert.Contains("The chain holds", await admin.GetStringAsync("/admin/audit?verify=1", Ct), StringComparison.Ordinal);
        await TamperAsync(db => db.Database.ExecuteSqlAsync($"UPDATE audit_log SET actor = 'user:nobody' WHERE sequence = {target}", Ct), async () =>
        {
            var page = await admin.GetStringAsync("/admin/audit?verify=1", Ct);
            Assert.Contains($"The chain is broken at entry {target}", page, StringComparison.Ordinal);
        });
    }

    /// <summary>Makes sure there are entries to tamper with, and picks one in the middle.</summary>
    private async Task<long> SeedEntriesAsync()
    {
        app.SkipIfUnavailable();
        for (var i = 0; i < 3; i++)
        {
            await app.WithAccountsAsync(a => a.AddUserAsync("user:test-admin", $"tamper-{Guid.NewGuid():N}"[..16], Roles.Analyst, [], Ct));
        }

        var count = await app.WithDbAsync(db => db.AuditLog.LongCountAsync(Ct));
        Assert.True(count >= 4);
        return count - 1;
    }

    /// <summary>Tampers, checks, and puts the log back as it was, so each test starts from an intact chain.</summary>
    private async Task TamperAsync(Func<VartioDbContext, Task<int>> tamper, Func<Task> check)
    {
        var original = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Ct));
        await app.WithDbAsync(tamper);
        try
        {
            await check();
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                await db.AuditLog.ExecuteDeleteAsync(Ct);
                db.AuditLog.AddRange(original.Select(e => new AuditEntryRow
                {
                    Sequence = e.Sequence, At = e.At, Actor = e.Actor, Action = e.Action, Subject = e.Subject,
                    Detail = e.Detail, PreviousHash = e.PreviousHash, Hash = e.Hash,
                }));
                return await db.SaveChangesAsync(Ct);
            });
        }

        Assert.Null((await app.WithDbAsync(db => db.VerifyAsync(Ct))).Break);
    }
}

public sealed class AuditTamperOnSqlite(SqliteApp app) : AuditTamperTests<SqliteApp>(app);

public sealed class AuditTamperOnPostgres(PostgresApp app) : AuditTamperTests<PostgresApp>(app);
