using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Vartio.Data;
using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Data;

/// <summary>
/// The schema as a database user meets it, on each provider: snake_case names, constraints that refuse
/// what the code never writes, foreign keys between decisions, and a migration that keeps the data.
/// </summary>
public abstract class SchemaTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private bool IsPostgres => app.Database!.Provider == DatabaseProvider.Postgres;

    [Fact]
    public async Task EveryTableAndColumn_IsSnakeCase()
    {
        app.SkipIfUnavailable();
        var names = await app.WithDbAsync(async db =>
        {
            var sql = IsPostgres
                ? "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public'"
                : "SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";
            return await QueryStringsAsync(db, sql);
        });

        Assert.Contains("decision_effects.crossing_point_code", names);
        Assert.Contains("users.normalized_user_name", names);
        Assert.Contains("decision_supersessions.superseded_id", names);
        var others = names.Where(n => !n.StartsWith("__EFMigrations", StringComparison.Ordinal) && n != n.ToLowerInvariant()).ToList();
        Assert.True(others.Count == 0, "Not snake_case: " + string.Join(", ", others));
    }

    [Fact]
    public async Task UnknownEffectState_IsRefusedByTheDatabase()
    {
        app.SkipIfUnavailable();
        await app.WithDbAsync(async db =>
        {
            var decision = await db.Decisions.OrderBy(d => d.Id).FirstAsync(Ct);
            await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlAsync(
                $"UPDATE decision_effects SET state = 'half-open' WHERE decision_id = {decision.Id}", Ct));
            Assert.Equal(0, await db.DecisionEffects.CountAsync(e => e.State == "half-open", Ct));
            return 0;
        });
    }

    [Fact]
    public async Task SupersededDecision_CannotBeDeletedWhileItsSuccessorExists()
    {
        app.SkipIfUnavailable();

        // The seeded decision of 22 November 2023 (id 3) supersedes that of 16 November (id 2): docs/DATA.md.
        await app.WithDbAsync(async db =>
        {
            Assert.Equal([2], (await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == 3, Ct)).Supersedes);
            await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlAsync($"DELETE FROM decisions WHERE id = {2}", Ct));
            Assert.True(await db.Decisions.AnyAsync(d => d.Id == 2, Ct));
            return 0;
        });
    }

    [Fact]
    public async Task WebhookSecretsAndDataProtectionKeys_AreNotStoredInPlainText()
    {
        app.SkipIfUnavailable();
        var admin = await app.As(Roles.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/subscriptions", new { url = "https://receiver.example/encrypted", description = "Encrypted" }, Ct);
        created.EnsureSuccessStatusCode();
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var secret = body.GetProperty("secret").GetString()!;
        var id = body.GetProperty("id").GetGuid();

        var (stored, keys) = await app.WithDbAsync(async db =>
        {
            var row = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == id, Ct);
            var xml = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(Ct);
            return (row.Secret, xml);
        });

        Assert.StartsWith(SecretCipher.Prefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml!, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml!, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task MigrationFromThePreviousSchema_KeepsTheData()
    {
        app.SkipIfUnavailable();
        var (settings, drop) = await EmptyDatabaseAsync();
        try
        {
            await using (var db = Database.Open(settings))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var current = migrations.FindIndex(m => m.EndsWith("_SnakeCaseChecksAndSupersessions", StringComparison.Ordinal));
                await db.GetService<IMigrator>().MigrateAsync(migrations[current - 1], cancellationToken: Ct);
                await db.Database.OpenConnectionAsync(Ct);
                foreach (var statement in PreviousSchemaRows(IsPostgres))
                {
                    await using var command = db.Database.GetDbConnection().CreateCommand();
                    command.CommandText = statement;
                    await command.ExecuteNonQueryAsync(Ct);
                }

                await db.Database.CloseConnectionAsync();

                await db.Database.MigrateAsync(Ct);
            }

            await using (var db = Database.Open(settings))
            {
                var point = await db.CrossingPoints.AsNoTracking().SingleAsync(p => p.Code == "VAA", Ct);
                Assert.Equal("Torfyanovka", point.NeighbourName);
                Assert.Contains("\"from\"", point.HoursJson, StringComparison.Ordinal);
                var decisions = await db.Decisions.AsNoTracking().Include(d => d.Effects).OrderBy(d => d.Id).ToListAsync(Ct);
                Assert.Equal([1, 2], decisions.Select(d => d.Id));
                Assert.Empty(decisions[0].Supersedes);
                Assert.Equal([1], decisions[1].Supersedes);
                Assert.Equal(new LocalDate(2023, 11, 16), decisions[0].DecidedOn);
                Assert.Equal(Instant.FromUtc(2023, 11, 17, 22, 0), Assert.Single(decisions[0].Effects).From);
                Assert.Equal("closed", decisions[0].Effects[0].State);
                var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(Ct);
                Assert.Equal("https://receiver.example/hook", subscription.Url);

                // A secret stored in plain text before encryption is encrypted at the next start, and still signs.
                var cipher = new SecretCipher(new byte[32]);
                await SecretKeyEncryption.EncryptStoredSecretsAsync(db, cipher, Ct);
                var stored = await QueryStringsAsync(db, "SELECT secret FROM webhook_subscriptions");
                Assert.StartsWith(SecretCipher.Prefix, Assert.Single(stored), StringComparison.Ordinal);
                Assert.Equal("old-plain-secret", cipher.Unprotect(stored[0]));
            }
        }
        finally
        {
            await drop();
        }
    }

    /// <summary>Rows as the previous schema held them: PascalCase columns, superseded ids in an array.</summary>
    private static string[] PreviousSchemaRows(bool postgres)
    {
        // 2023-11-18 00:00 Helsinki (UTC+2) is 2023-11-17 22:00 UTC; SQLite kept instants as ticks since 1970.
        var from = postgres ? "'2023-11-17T22:00:00Z'" : Instant.FromUtc(2023, 11, 17, 22, 0).ToUnixTimeTicks().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = postgres ? "'2023-11-16T14:00:00Z'" : Instant.FromUtc(2023, 11, 16, 14, 0).ToUnixTimeTicks().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var supersedesNone = postgres ? "'{}'" : "'[]'";
        var supersedesFirst = postgres ? "'{1}'" : "'[1]'";
        var guid = postgres ? "'5b0c1e0e-7d1f-4f43-9d0f-0b4a3c2e8a11'" : "'5B0C1E0E-7D1F-4F43-9D0F-0B4A3C2E8A11'";
        var active = postgres ? "TRUE" : "1";
        return
        [
            """
            INSERT INTO crossing_points ("Code", "Name", "NeighbourName", "Kind", "Traffic", "TimeZone", "Latitude", "Longitude", "Note", "HoursJson", "SortOrder")
            VALUES ('VAA', 'Vaalimaa', 'Torfyanovka', 'Road', 3, 'Europe/Helsinki', 60.60, 27.81, NULL, '[{"from":"2022-07-01","daily":"00:00-24:00"}]', 0)
            """,
            $"""
            INSERT INTO decisions ("Id", "DecidedOn", "Title", "Text", "CreatedAt", "CreatedBy", "PublishedAt", "PublishedBy", "Supersedes")
            VALUES (1, '2023-11-16', 'Closure', 'Text', {created}, 'system', {created}, 'system', {supersedesNone}),
                   (2, '2023-11-22', 'Closure extended', 'Text', {created}, 'system', NULL, NULL, {supersedesFirst})
            """,
            $"""
            INSERT INTO decision_effects ("DecisionId", "Ordinal", "CrossingPointCode", "State", "Traffic", "From", "Until", "ReceivesAsylumApplications", "Note")
            VALUES (1, 0, 'VAA', 'closed', 3, {from}, NULL, NULL, NULL)
            """,
            $"""
            INSERT INTO webhook_subscriptions ("Id", "Url", "Description", "Secret", "CreatedAt", "Active")
            VALUES ({guid}, 'https://receiver.example/hook', 'Neighbour', 'old-plain-secret', {created}, {active})
            """,
        ];
    }

    private async Task<(DatabaseSettings Settings, Func<Task> Drop)> EmptyDatabaseAsync()
    {
        if (IsPostgres)
        {
            var (admin, name, settings, reason) = await TestPostgres.CreateDatabaseAsync();
            Assert.SkipWhen(settings is null, reason ?? "");
            return (settings!, () => TestPostgres.DropDatabaseAsync(admin, name));
        }

        var path = Path.Combine(Path.GetTempPath(), $"vartio-migration-{Guid.NewGuid():N}.db");
        return (DatabaseSettings.SqliteFile(path), () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }

            return Task.CompletedTask;
        });
    }

    private static async Task<List<string>> QueryStringsAsync(VartioDbContext db, string sql)
    {
        var values = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                values.Add(reader.GetString(0));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return values;
    }
}

public sealed class SchemaOnSqlite(SqliteApp app) : SchemaTests<SqliteApp>(app);

public sealed class SchemaOnPostgres(PostgresApp app) : SchemaTests<PostgresApp>(app);
