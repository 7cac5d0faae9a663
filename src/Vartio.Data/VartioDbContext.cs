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

    public DbSet<TravellerRow> Travellers => Set<TravellerRow>();

    public DbSet<TravelDocumentRow> TravelDocuments => Set<TravelDocumentRow>();

    public DbSet<TravellerLinkRow> TravellerLinks => Set<TravellerLinkRow>();

    public DbSet<CheckRow> Checks => Set<CheckRow>();

    public DbSet<BorderRecordRow> BorderRecords => Set<BorderRecordRow>();

    public DbSet<SecondLineCaseRow> SecondLineCases => Set<SecondLineCaseRow>();

    public DbSet<OverstayFlagRow> OverstayFlags => Set<OverstayFlagRow>();

    public DbSet<IdempotencyKeyRow> IdempotencyKeys => Set<IdempotencyKeyRow>();

    public DbSet<VisaRequirementRow> VisaRequirements => Set<VisaRequirementRow>();

    public DbSet<AsylumGroupRow> AsylumGroups => Set<AsylumGroupRow>();

    public DbSet<AsylumApplicationRow> AsylumApplications => Set<AsylumApplicationRow>();

    public DbSet<AsylumEventRow> AsylumEvents => Set<AsylumEventRow>();

    public DbSet<HourlyCountRow> HourlyCounts => Set<HourlyCountRow>();

    public DbSet<DailyCountRow> DailyCounts => Set<DailyCountRow>();

    public DbSet<AlertRow> Alerts => Set<AlertRow>();

    public DbSet<AlertSubscriptionRow> AlertSubscriptions => Set<AlertSubscriptionRow>();

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
            e.Property(x => x.Section).HasMaxLength(100);
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
                t.HasCheckConstraint("ck_decision_effects_asylum_restricted", "NOT asylum_restricted OR until IS NOT NULL");
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
            e.Property(x => x.Events).HasMaxLength(500);
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

        ConfigureRecords(builder);
        ConfigureAlerts(builder);

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

    /// <summary>Travellers, their documents, checks and the records of the Entry/Exit System, and retried writes.</summary>
    private static void ConfigureRecords(ModelBuilder builder)
    {
        builder.Entity<TravellerRow>(e =>
        {
            e.ToTable("travellers");
            e.Property(x => x.Id).ValueGeneratedNever();
        });

        builder.Entity<TravelDocumentRow>(e =>
        {
            e.ToTable("travel_documents");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.IssuingState).HasMaxLength(3);
            e.Property(x => x.Number).HasMaxLength(50);
            e.Property(x => x.NormalisedNumber).HasMaxLength(50);
            e.Property(x => x.Type).HasMaxLength(2);
            e.Property(x => x.PrimaryIdentifier).HasMaxLength(200);
            e.Property(x => x.SecondaryIdentifier).HasMaxLength(200);
            e.Property(x => x.Nationality).HasMaxLength(3);
            e.Property(x => x.BirthDate).HasMaxLength(10);
            e.HasOne<TravellerRow>().WithMany().HasForeignKey(x => x.TravellerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.IssuingState, x.NormalisedNumber }).IsUnique();
            e.HasIndex(x => x.TravellerId);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_travel_documents_issuing_state", Alpha3("issuing_state"));
                t.HasCheckConstraint("ck_travel_documents_nationality", $"nationality IS NULL OR ({Alpha3("nationality")})");
                t.HasCheckConstraint("ck_travel_documents_normalised_number", "normalised_number <> '' AND normalised_number = upper(normalised_number) AND normalised_number NOT LIKE '%<%' AND normalised_number NOT LIKE '% %'");
                t.HasCheckConstraint("ck_travel_documents_type", "length(type) BETWEEN 1 AND 2 AND type = upper(type)");
                t.HasCheckConstraint("ck_travel_documents_birth_date", "length(birth_date) IN (0, 4, 10)");
            });
        });

        builder.Entity<TravellerLinkRow>(e =>
        {
            e.ToTable("traveller_links", t => t.HasCheckConstraint("ck_traveller_links_not_itself", "traveller_id <> linked_traveller_id"));
            e.Property(x => x.ConfirmedBy).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.HasOne<TravellerRow>().WithMany().HasForeignKey(x => x.TravellerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<TravellerRow>().WithMany().HasForeignKey(x => x.LinkedTravellerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.TravellerId, x.LinkedTravellerId }).IsUnique();
            e.HasIndex(x => x.LinkedTravellerId);
        });

        builder.Entity<CheckRow>(e =>
        {
            e.ToTable("checks");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Ignore(x => x.IsLate);
            e.Property(x => x.Direction).HasMaxLength(5);
            e.Property(x => x.LateReason).HasMaxLength(500);
            e.Property(x => x.Officer).HasMaxLength(200);
            e.Property(x => x.ProposedOutcome).HasMaxLength(6);
            e.Property(x => x.RefusalReasons).HasMaxLength(9);
            e.Property(x => x.FinalOutcome).HasMaxLength(6);
            e.Property(x => x.FinalRefusalReasons).HasMaxLength(9);
            e.Property(x => x.Remarks).HasMaxLength(2000);
            e.Property(x => x.DecidedBy).HasMaxLength(200);
            e.HasOne<CrossingPointRow>().WithMany().HasForeignKey(x => x.CrossingPointCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<TravellerRow>().WithMany().HasForeignKey(x => x.TravellerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<TravelDocumentRow>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);

            // A station's recent checks, newest first.
            e.HasIndex(x => new { x.CrossingPointCode, x.At });
            e.HasIndex(x => x.TravellerId);
            e.HasIndex(x => x.DocumentId);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_checks_direction", OneOf("direction", Directions));
                t.HasCheckConstraint("ck_checks_proposed_outcome", OneOf("proposed_outcome", Outcomes));
                t.HasCheckConstraint("ck_checks_final_outcome", $"final_outcome IS NULL OR {OneOf("final_outcome", Outcomes)}");
                t.HasCheckConstraint("ck_checks_refusal_reasons", OnlyLetters("refusal_reasons", RefusalLetters));
                t.HasCheckConstraint("ck_checks_late_reason", "late_reason IS NULL OR late_reason <> ''");
                t.HasCheckConstraint("ck_checks_days_used", "days_used IS NULL OR days_used BETWEEN 0 AND 180");
                t.HasCheckConstraint("ck_checks_decided", "(final_outcome IS NULL AND decided_at IS NULL AND decided_by IS NULL) OR (final_outcome IS NOT NULL AND decided_at IS NOT NULL AND decided_by IS NOT NULL)");
                // Written out in full: a comparison with a null outcome is unknown, which a CHECK lets pass.
                t.HasCheckConstraint("ck_checks_traveller_signed", "traveller_signed IS NULL OR (final_outcome IS NOT NULL AND final_outcome = 'refuse')");
                t.HasCheckConstraint("ck_checks_final_refusal_reasons", $"final_refusal_reasons IS NULL OR (final_outcome IS NOT NULL AND final_outcome = 'refuse' AND final_refusal_reasons <> '' AND {OnlyLetters("final_refusal_reasons", RefusalLetters)})");
            });
        });

        builder.Entity<BorderRecordRow>(e =>
        {
            e.ToTable("border_records");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(8);
            e.HasOne<TravellerRow>().WithMany().HasForeignKey(x => x.TravellerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<TravelDocumentRow>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CrossingPointRow>().WithMany().HasForeignKey(x => x.CrossingPointCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CheckRow>().WithMany().HasForeignKey(x => x.CheckId).OnDelete(DeleteBehavior.Restrict);

            // A traveller's records in time order (the stays of the 90/180 rule), and a station's by time.
            e.HasIndex(x => new { x.TravellerId, x.At });
            e.HasIndex(x => new { x.CrossingPointCode, x.At });
            e.HasIndex(x => x.DocumentId);
            e.HasIndex(x => x.CheckId);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_border_records_kind", OneOf("kind", RecordKinds));
                t.HasCheckConstraint("ck_border_records_authorised_stay", "authorised_stay_until IS NULL OR kind = 'entry'");
            });
        });

        builder.Entity<SecondLineCaseRow>(e =>
        {
            e.ToTable("second_line_cases");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ClosedBy).HasMaxLength(200);
            e.Property(x => x.Outcome).HasMaxLength(6);
            e.HasOne<CheckRow>().WithMany().HasForeignKey(x => x.CheckId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.CheckId).IsUnique();
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_second_line_cases_outcome", $"outcome IS NULL OR {OneOf("outcome", ["admit", "refuse"])}");
                t.HasCheckConstraint("ck_second_line_cases_closed", "(closed_at IS NULL AND closed_by IS NULL AND outcome IS NULL) OR (closed_at IS NOT NULL AND closed_by IS NOT NULL AND outcome IS NOT NULL)");
            });
        });

        builder.Entity<OverstayFlagRow>(e =>
        {
            e.ToTable("overstay_flags", t => t.HasCheckConstraint("ck_overstay_flags_cleared", "(exit_record_id IS NULL) = (cleared_at IS NULL)"));
            e.HasOne<TravellerRow>().WithMany().HasForeignKey(x => x.TravellerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<BorderRecordRow>().WithMany().HasForeignKey(x => x.EntryRecordId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<BorderRecordRow>().WithMany().HasForeignKey(x => x.ExitRecordId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.EntryRecordId).IsUnique();
            e.HasIndex(x => x.ExitRecordId);
            e.HasIndex(x => new { x.TravellerId, x.ClearedAt });
        });

        builder.Entity<VisaRequirementRow>(e =>
        {
            e.ToTable("visa_requirements");
            e.Property(x => x.Country).HasMaxLength(3);
            e.Property(x => x.Annex).HasMaxLength(8);
            e.Property(x => x.Source).HasMaxLength(500);
            e.Property(x => x.Proviso).HasMaxLength(500);
            e.HasIndex(x => x.Country);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_visa_requirements_annex", OneOf("annex", ["AnnexI", "AnnexII"]));
                t.HasCheckConstraint("ck_visa_requirements_period", "valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until");
            });
        });

        builder.Entity<IdempotencyKeyRow>(e =>
        {
            // The key of the table is the pair: a second insert of the same key by the same caller fails,
            // which is what decides between two retries that race.
            e.ToTable("idempotency_keys");
            e.HasKey(x => new { x.Caller, x.Key });
            e.Property(x => x.Caller).HasMaxLength(200);
            e.Property(x => x.Key).HasMaxLength(255);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.HasIndex(x => x.CreatedAt);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_idempotency_keys_status", "status BETWEEN 200 AND 599");
                t.HasCheckConstraint("ck_idempotency_keys_request_hash", "length(request_hash) = 64");
                t.HasCheckConstraint("ck_idempotency_keys_key", "length(key) BETWEEN 1 AND 255");
            });
        });

        ConfigureAsylum(builder);

        builder.Entity<HourlyCountRow>(e =>
        {
            e.ToTable("hourly_counts");
            e.HasKey(x => new { x.CrossingPointCode, x.Day, x.Hour, x.Measure, x.Dimension });
            e.Property(x => x.CrossingPointCode).HasMaxLength(8);
            e.Property(x => x.Day).HasMaxLength(10);
            e.Property(x => x.Measure).HasMaxLength(20);
            e.Property(x => x.Dimension).HasMaxLength(40);
            e.HasIndex(x => new { x.Measure, x.Dimension, x.Day });
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_hourly_counts_hour", "hour BETWEEN 0 AND 23");
                t.HasCheckConstraint("ck_hourly_counts_day", "length(day) = 10");
                t.HasCheckConstraint("ck_hourly_counts_measure", OneOf("measure", Counts.Measures));
                t.HasCheckConstraint("ck_hourly_counts_count", "count >= 0");
            });
        });

        builder.Entity<DailyCountRow>(e =>
        {
            e.ToTable("daily_counts");
            e.HasKey(x => new { x.CrossingPointCode, x.Day, x.Measure, x.Dimension });
            e.Property(x => x.CrossingPointCode).HasMaxLength(8);
            e.Property(x => x.Day).HasMaxLength(10);
            e.Property(x => x.Measure).HasMaxLength(20);
            e.Property(x => x.Dimension).HasMaxLength(40);
            // Totals of one measure over a period lie together: a year of every crossing point reads one range.
            e.HasIndex(x => new { x.Measure, x.Dimension, x.Day });
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_daily_counts_day", "length(day) = 10");
                t.HasCheckConstraint("ck_daily_counts_measure", OneOf("measure", Counts.Measures));
                t.HasCheckConstraint("ck_daily_counts_count", "count >= 0");
            });
        });
    }

    private static void ConfigureAlerts(ModelBuilder builder)
    {
        builder.Entity<AlertRow>(e =>
        {
            e.ToTable("alerts");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Scope).HasMaxLength(20);
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.CrossingPointCode).HasMaxLength(8);
            e.Property(x => x.Section).HasMaxLength(100);
            e.Property(x => x.Evidence).HasMaxLength(500);
            e.HasOne<CrossingPointRow>().WithMany().HasForeignKey(x => x.CrossingPointCode).OnDelete(DeleteBehavior.Restrict);

            // At most one open alert per place, whatever writers race: the second insert fails on both databases.
            e.HasIndex(x => new { x.Scope, x.Place }).IsUnique().HasFilter("closed_at IS NULL").HasDatabaseName("ix_alerts_open_place");
            e.HasIndex(x => x.OpenedAt);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_alerts_scope", OneOf("scope", AlertScopes));
                t.HasCheckConstraint("ck_alerts_place", "(scope = 'crossing-point' AND crossing_point_code IS NOT NULL AND place = crossing_point_code) OR (scope = 'section' AND section IS NOT NULL AND place = section AND crossing_point_code IS NULL) OR (scope = 'national' AND place = '' AND crossing_point_code IS NULL AND section IS NULL)");
                t.HasCheckConstraint("ck_alerts_closed", "closed_at IS NULL OR closed_at >= opened_at");
            });
        });

        builder.Entity<AlertSubscriptionRow>(e =>
        {
            e.ToTable("alert_subscriptions");
            e.HasKey(x => x.UserId);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Section).HasMaxLength(100);
            e.Property(x => x.CrossingPoints).HasMaxLength(500);
            e.HasOne<VartioUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable(t => t.HasCheckConstraint("ck_alert_subscriptions_kind", OneOf("kind", ["all", "section", "crossingPoints"])));
        });
    }

    /// <summary>Where a surge is looked for (Vartio.Domain.Surveillance.AlertScope).</summary>
    public static readonly string[] AlertScopes = ["crossing-point", "section", "national"];

    private static void ConfigureAsylum(ModelBuilder builder)
    {
        builder.Entity<AsylumGroupRow>(e =>
        {
            e.ToTable("asylum_groups");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.LateReason).HasMaxLength(500);
            e.Property(x => x.Officer).HasMaxLength(200);
            e.HasOne<CrossingPointRow>().WithMany().HasForeignKey(x => x.CrossingPointCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.CrossingPointCode, x.At });
            e.ToTable(t => t.HasCheckConstraint("ck_asylum_groups_size", "size BETWEEN 1 AND 100"));
        });

        builder.Entity<AsylumApplicationRow>(e =>
        {
            e.ToTable("asylum_applications");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.IdentityReview).HasMaxLength(12);
            e.Property(x => x.Officer).HasMaxLength(200);
            e.Property(x => x.Exemption).HasMaxLength(20);
            e.Property(x => x.DirectedTo).HasMaxLength(500);
            e.Property(x => x.Message).HasMaxLength(2000);
            e.Property(x => x.Name).HasMaxLength(400);
            e.Property(x => x.BirthDate).HasMaxLength(10);
            e.Property(x => x.Nationality).HasMaxLength(3);
            e.Property(x => x.Sex).HasMaxLength(11);
            e.Property(x => x.ArrivedBy).HasMaxLength(10);
            e.Property(x => x.Vulnerabilities).HasMaxLength(100);
            e.Property(x => x.DocumentCode).HasMaxLength(2);
            e.Property(x => x.DocumentNumber).HasMaxLength(50);
            e.Property(x => x.DocumentIssuingState).HasMaxLength(3);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.StatusBy).HasMaxLength(200);
            e.HasOne<AsylumGroupRow>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CrossingPointRow>().WithMany().HasForeignKey(x => x.CrossingPointCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.GroupId, x.Ordinal }).IsUnique();
            e.HasIndex(x => new { x.CrossingPointCode, x.At });
            e.HasIndex(x => new { x.Status, x.At });
            e.HasIndex(x => x.PersonId);
            e.HasIndex(x => new { x.DocumentIssuingState, x.DocumentNumber });
            e.HasIndex(x => new { x.Nationality, x.BirthDate });
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_asylum_applications_status", OneOf("status", AsylumStatuses));
                t.HasCheckConstraint("ck_asylum_applications_identity_review", OneOf("identity_review", ["none", "pending", "linked", "confirmedNew"]));
                t.HasCheckConstraint("ck_asylum_applications_received", "(received AND status <> 'directedElsewhere' AND directed_to = '') OR (NOT received AND status = 'directedElsewhere')");
                t.HasCheckConstraint("ck_asylum_applications_exemption", $"exemption IS NULL OR (received AND {OneOf("exemption", AsylumVulnerabilities)})");
                t.HasCheckConstraint("ck_asylum_applications_sex", $"sex IS NULL OR {OneOf("sex", ["female", "male", "unspecified"])}");
                t.HasCheckConstraint("ck_asylum_applications_arrived_by", $"arrived_by IS NULL OR {OneOf("arrived_by", ["foot", "bicycle", "car", "bus", "other"])}");
                t.HasCheckConstraint("ck_asylum_applications_birth_date", "length(birth_date) IN (0, 4, 10)");
                t.HasCheckConstraint("ck_asylum_applications_nationality", $"nationality IS NULL OR ({Alpha3("nationality")})");
                t.HasCheckConstraint("ck_asylum_applications_document", "(document_number IS NULL) = (document_issuing_state IS NULL) AND (documented = (document_number IS NOT NULL))");
            });
        });

        builder.Entity<AsylumEventRow>(e =>
        {
            e.ToTable("asylum_events");
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasOne<AsylumApplicationRow>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.ApplicationId);
            e.ToTable(t => t.HasCheckConstraint("ck_asylum_events_status", OneOf("status", AsylumStatuses)));
        });
    }

    /// <summary>Where an application is on its way to the asylum authority (Vartio.Domain.Asylum.HandoverStatus).</summary>
    public static readonly string[] AsylumStatuses = ["registered", "handedOver", "received", "withdrawn", "leftBeforeHandover", "directedElsewhere"];

    /// <summary>The exempt categories of the 2024 Act (Vartio.Domain.Asylum.Vulnerability).</summary>
    public static readonly string[] AsylumVulnerabilities = ["child", "disabled", "vulnerable", "seriousHarmRisk"];

    /// <summary>The directions of a check.</summary>
    public static readonly string[] Directions = ["entry", "exit"];

    /// <summary>What a check proposes and what the officer decides.</summary>
    public static readonly string[] Outcomes = ["admit", "refer", "refuse"];

    /// <summary>The kinds of record the Entry/Exit System keeps.</summary>
    public static readonly string[] RecordKinds = ["entry", "exit", "refusal"];

    /// <summary>The letters of the standard refusal form (Regulation (EU) 2016/399, Annex V Part B).</summary>
    public const string RefusalLetters = "ABCDEFGHI";

    private static string Alpha3(string column) => $"length({column}) = 3 AND {column} = upper({column})";

    /// <summary>
    /// Text made only of the given letters (or empty): each letter is removed in turn and nothing may remain.
    /// Written with <c>replace</c> because the two databases share no pattern syntax.
    /// </summary>
    private static string OnlyLetters(string column, string letters) =>
        letters.Aggregate(column, (text, letter) => $"replace({text}, '{letter}', '')") + " = ''";

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
