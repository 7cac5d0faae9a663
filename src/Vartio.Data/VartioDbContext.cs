using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Vartio.Data.Entities;
using Vartio.Domain.CrossingPoints;
using Vartio.Domain.Screening;

namespace Vartio.Data;

/// <summary>
/// The one database context. Provider-specific subclasses carry the migrations of SQLite and PostgreSQL;
/// feature code depends on this type only.
/// </summary>
public abstract class VartioDbContext(DbContextOptions options) : IdentityDbContext<VartioUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The keys that protect sign-in cookies and anti-forgery tokens, shared by every server on the same
    /// database so that a cookie issued by one is accepted by another, and survives a restart.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CrossingPointRow> CrossingPoints => Set<CrossingPointRow>();

    public DbSet<DecisionRow> Decisions => Set<DecisionRow>();

    public DbSet<DecisionEffectRow> DecisionEffects => Set<DecisionEffectRow>();

    public DbSet<DecisionSupersessionRow> DecisionSupersessions => Set<DecisionSupersessionRow>();

    public DbSet<AnnouncementRow> Announcements => Set<AnnouncementRow>();

    public DbSet<WebhookSubscriptionRow> WebhookSubscriptions => Set<WebhookSubscriptionRow>();

    public DbSet<WebhookDeliveryRow> WebhookDeliveries => Set<WebhookDeliveryRow>();

    public DbSet<WebhookAttemptRow> WebhookAttempts => Set<WebhookAttemptRow>();

    public DbSet<JobCursorRow> JobCursors => Set<JobCursorRow>();

    public DbSet<AuditEntryRow> AuditLog => Set<AuditEntryRow>();

    public DbSet<ApiTokenRow> ApiTokens => Set<ApiTokenRow>();

    public DbSet<WatchlistRow> Watchlists => Set<WatchlistRow>();

    public DbSet<WatchlistEntryRow> WatchlistEntries => Set<WatchlistEntryRow>();

    public DbSet<WatchlistImportRow> WatchlistImports => Set<WatchlistImportRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<CrossingPointRow>(e =>
        {
            e.ToTable("crossing_points");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(8);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.NeighbourName).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_crossing_points_kind", OneOf("kind", Enum.GetNames<CrossingPointKind>()));
                t.HasCheckConstraint("ck_crossing_points_traffic", $"traffic BETWEEN 0 AND {AllTraffic}");
            });
        });

        builder.Entity<DecisionRow>(e =>
        {
            e.ToTable("decisions");
            e.Property(x => x.Title).HasMaxLength(300);
            e.HasMany(x => x.Effects).WithOne().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.PublishedAt);
            e.Ignore(x => x.Supersedes);
            e.HasMany(x => x.Supersessions).WithOne().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(x => x.Supersessions).AutoInclude();
        });

        builder.Entity<DecisionSupersessionRow>(e =>
        {
            // A decision that another supersedes cannot be deleted while that other exists.
            e.ToTable("decision_supersessions", t => t.HasCheckConstraint("ck_decision_supersessions_not_itself", "decision_id <> superseded_id"));
            e.HasKey(x => new { x.DecisionId, x.SupersededId });
            e.HasOne<DecisionRow>().WithMany().HasForeignKey(x => x.SupersededId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.SupersededId);
        });

        builder.Entity<DecisionEffectRow>(e =>
        {
            e.ToTable("decision_effects");
            e.Property(x => x.State).HasMaxLength(20);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_decision_effects_state", OneOf("state", [.. Enum.GetNames<CrossingPointState>().Select(n => n.ToLowerInvariant())]));
                t.HasCheckConstraint("ck_decision_effects_traffic", $"traffic BETWEEN 1 AND {AllTraffic}");
                t.HasCheckConstraint("ck_decision_effects_period", "until IS NULL OR until > \"from\"");
            });
            e.HasOne<CrossingPointRow>().WithMany().HasForeignKey(x => x.CrossingPointCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.CrossingPointCode, x.From });
        });

        builder.Entity<AnnouncementRow>(e =>
        {
            e.ToTable("announcements");
            e.Property(x => x.Title).HasMaxLength(300);
            e.HasOne<DecisionRow>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.DecisionId).IsUnique();
            e.HasIndex(x => x.PublishedAt);
        });

        builder.Entity<WebhookSubscriptionRow>(e =>
        {
            e.ToTable("webhook_subscriptions");
            e.Property(x => x.Url).HasMaxLength(2000);
            e.Property(x => x.Description).HasMaxLength(300);
            e.Property(x => x.Secret).HasMaxLength(200);
        });

        builder.Entity<WebhookDeliveryRow>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.Property(x => x.EventId).HasMaxLength(200);
            e.Property(x => x.EventType).HasMaxLength(100);
            e.HasOne<WebhookSubscriptionRow>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.SubscriptionId, x.EventId }).IsUnique();
            e.HasIndex(x => x.NextAttemptAt);
            e.HasMany(x => x.AttemptLog).WithOne().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WebhookAttemptRow>(e => e.ToTable("webhook_attempts"));

        builder.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));

        // ASP.NET Core Identity's tables, named as the rest.
        builder.Entity<VartioUser>().ToTable("users");
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");

        builder.Entity<JobCursorRow>(e =>
        {
            e.ToTable("job_cursors");
            e.HasKey(x => x.Job);
            e.Property(x => x.Job).HasMaxLength(100);
        });

        builder.Entity<AuditEntryRow>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Action).HasMaxLength(100);
            e.Property(x => x.Subject).HasMaxLength(200);
            e.Property(x => x.Detail).HasMaxLength(500);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => x.At);
            e.HasIndex(x => x.Action);
            e.HasIndex(x => x.Actor);
        });

        builder.Entity<ApiTokenRow>(e =>
        {
            e.ToTable("api_tokens");
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.Role).HasMaxLength(50);
            e.ToTable(t => t.HasCheckConstraint("ck_api_tokens_role", OneOf("role", TokenRoles)));
            e.Property(x => x.SecretHash).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.RevokedBy).HasMaxLength(200);
        });

        builder.Entity<WatchlistRow>(e =>
        {
            e.ToTable("watchlists");
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.Description).HasMaxLength(500);
        });

        builder.Entity<WatchlistEntryRow>(e =>
        {
            // The entry's id is unique within its list: the key is the pair, and the list's entries are
            // contiguous in it, so loading one list reads one range.
            e.ToTable("watchlist_entries");
            e.HasKey(x => new { x.WatchlistId, x.EntryId });
            e.Property(x => x.EntryId).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(30);
            e.ToTable(t => t.HasCheckConstraint("ck_watchlist_entries_kind", OneOf("kind", Enum.GetNames<WatchlistKind>())));
            e.Property(x => x.Name).HasMaxLength(1000);
            e.Property(x => x.BirthDate).HasMaxLength(10);
            e.HasOne<WatchlistRow>().WithMany().HasForeignKey(x => x.WatchlistId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WatchlistImportRow>(e =>
        {
            e.ToTable("watchlist_imports");
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.Format).HasMaxLength(20);
            e.ToTable(t => t.HasCheckConstraint("ck_watchlist_imports_format", OneOf("format", ["vartio", "opensanctions"])));
            e.HasOne<WatchlistRow>().WithMany().HasForeignKey(x => x.WatchlistId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.WatchlistId, x.At });
        });

        // One convention on both databases: snake_case columns beside snake_case tables, so that raw SQL and
        // psql need no quoting.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    /// <summary>The roles an API token may carry (the roles of Vartio.Hosting.Roles).</summary>
    internal static readonly string[] TokenRoles = ["Officer", "StationHead", "Analyst", "Decider", "AsylumCaseworker", "Admin"];

    private static readonly int AllTraffic = Enum.GetValues<Traffic>().Aggregate(0, (all, t) => all | (int)t);

    private static string OneOf(string column, IEnumerable<string> values) =>
        $"{column} IN ({string.Join(", ", values.Select(v => $"'{v}'"))})";

    /// <summary><c>CrossingPointCode</c> → <c>crossing_point_code</c>.</summary>
    public static string SnakeCase(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var afterLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var beforeLower = i > 0 && i + 1 < name.Length && char.IsUpper(name[i - 1]) && char.IsLower(name[i + 1]);
                if (afterLower || beforeLower)
                {
                    text.Append('_');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
