using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vartio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SnakeCaseChecksAndSupersessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_announcements_decisions_DecisionId",
                table: "announcements");

            migrationBuilder.DropForeignKey(
                name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                table: "AspNetRoleClaims");

            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                table: "AspNetUserClaims");

            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                table: "AspNetUserLogins");

            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                table: "AspNetUserRoles");

            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                table: "AspNetUserRoles");

            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                table: "AspNetUserTokens");

            migrationBuilder.DropForeignKey(
                name: "FK_decision_effects_crossing_points_CrossingPointCode",
                table: "decision_effects");

            migrationBuilder.DropForeignKey(
                name: "FK_decision_effects_decisions_DecisionId",
                table: "decision_effects");

            migrationBuilder.DropForeignKey(
                name: "FK_watchlist_entries_watchlists_WatchlistId",
                table: "watchlist_entries");

            migrationBuilder.DropForeignKey(
                name: "FK_watchlist_imports_watchlists_WatchlistId",
                table: "watchlist_imports");

            migrationBuilder.DropForeignKey(
                name: "FK_webhook_attempts_webhook_deliveries_DeliveryId",
                table: "webhook_attempts");

            migrationBuilder.DropForeignKey(
                name: "FK_webhook_deliveries_webhook_subscriptions_SubscriptionId",
                table: "webhook_deliveries");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AspNetUserTokens",
                table: "AspNetUserTokens");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AspNetUsers",
                table: "AspNetUsers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AspNetUserRoles",
                table: "AspNetUserRoles");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AspNetUserLogins",
                table: "AspNetUserLogins");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AspNetUserClaims",
                table: "AspNetUserClaims");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AspNetRoles",
                table: "AspNetRoles");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AspNetRoleClaims",
                table: "AspNetRoleClaims");

            migrationBuilder.RenameTable(
                name: "AspNetUserTokens",
                newName: "user_tokens");

            migrationBuilder.RenameTable(
                name: "AspNetUsers",
                newName: "users");

            migrationBuilder.RenameTable(
                name: "AspNetUserRoles",
                newName: "user_roles");

            migrationBuilder.RenameTable(
                name: "AspNetUserLogins",
                newName: "user_logins");

            migrationBuilder.RenameTable(
                name: "AspNetUserClaims",
                newName: "user_claims");

            migrationBuilder.RenameTable(
                name: "AspNetRoles",
                newName: "roles");

            migrationBuilder.RenameTable(
                name: "AspNetRoleClaims",
                newName: "role_claims");

            migrationBuilder.RenameColumn(
                name: "Url",
                table: "webhook_subscriptions",
                newName: "url");

            migrationBuilder.RenameColumn(
                name: "Secret",
                table: "webhook_subscriptions",
                newName: "secret");

            migrationBuilder.RenameColumn(
                name: "Description",
                table: "webhook_subscriptions",
                newName: "description");

            migrationBuilder.RenameColumn(
                name: "Active",
                table: "webhook_subscriptions",
                newName: "active");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "webhook_subscriptions",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                table: "webhook_subscriptions",
                newName: "created_at");

            migrationBuilder.RenameColumn(
                name: "Payload",
                table: "webhook_deliveries",
                newName: "payload");

            migrationBuilder.RenameColumn(
                name: "Attempts",
                table: "webhook_deliveries",
                newName: "attempts");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "webhook_deliveries",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "SubscriptionId",
                table: "webhook_deliveries",
                newName: "subscription_id");

            migrationBuilder.RenameColumn(
                name: "NextAttemptAt",
                table: "webhook_deliveries",
                newName: "next_attempt_at");

            migrationBuilder.RenameColumn(
                name: "GaveUpAt",
                table: "webhook_deliveries",
                newName: "gave_up_at");

            migrationBuilder.RenameColumn(
                name: "EventType",
                table: "webhook_deliveries",
                newName: "event_type");

            migrationBuilder.RenameColumn(
                name: "EventId",
                table: "webhook_deliveries",
                newName: "event_id");

            migrationBuilder.RenameColumn(
                name: "DeliveredAt",
                table: "webhook_deliveries",
                newName: "delivered_at");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                table: "webhook_deliveries",
                newName: "created_at");

            migrationBuilder.RenameIndex(
                name: "IX_webhook_deliveries_SubscriptionId_EventId",
                table: "webhook_deliveries",
                newName: "IX_webhook_deliveries_subscription_id_event_id");

            migrationBuilder.RenameIndex(
                name: "IX_webhook_deliveries_NextAttemptAt",
                table: "webhook_deliveries",
                newName: "IX_webhook_deliveries_next_attempt_at");

            migrationBuilder.RenameColumn(
                name: "Number",
                table: "webhook_attempts",
                newName: "number");

            migrationBuilder.RenameColumn(
                name: "Error",
                table: "webhook_attempts",
                newName: "error");

            migrationBuilder.RenameColumn(
                name: "At",
                table: "webhook_attempts",
                newName: "at");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "webhook_attempts",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "StatusCode",
                table: "webhook_attempts",
                newName: "status_code");

            migrationBuilder.RenameColumn(
                name: "DurationMilliseconds",
                table: "webhook_attempts",
                newName: "duration_milliseconds");

            migrationBuilder.RenameColumn(
                name: "DeliveryId",
                table: "webhook_attempts",
                newName: "delivery_id");

            migrationBuilder.RenameIndex(
                name: "IX_webhook_attempts_DeliveryId",
                table: "webhook_attempts",
                newName: "IX_webhook_attempts_delivery_id");

            migrationBuilder.RenameColumn(
                name: "Revision",
                table: "watchlists",
                newName: "revision");

            migrationBuilder.RenameColumn(
                name: "Name",
                table: "watchlists",
                newName: "name");

            migrationBuilder.RenameColumn(
                name: "Description",
                table: "watchlists",
                newName: "description");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "watchlists",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "LastImportAt",
                table: "watchlists",
                newName: "last_import_at");

            migrationBuilder.RenameColumn(
                name: "EntryCount",
                table: "watchlists",
                newName: "entry_count");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                table: "watchlists",
                newName: "created_at");

            migrationBuilder.RenameIndex(
                name: "IX_watchlists_Name",
                table: "watchlists",
                newName: "IX_watchlists_name");

            migrationBuilder.RenameColumn(
                name: "Updated",
                table: "watchlist_imports",
                newName: "updated");

            migrationBuilder.RenameColumn(
                name: "Unchanged",
                table: "watchlist_imports",
                newName: "unchanged");

            migrationBuilder.RenameColumn(
                name: "Skipped",
                table: "watchlist_imports",
                newName: "skipped");

            migrationBuilder.RenameColumn(
                name: "Removed",
                table: "watchlist_imports",
                newName: "removed");

            migrationBuilder.RenameColumn(
                name: "Format",
                table: "watchlist_imports",
                newName: "format");

            migrationBuilder.RenameColumn(
                name: "At",
                table: "watchlist_imports",
                newName: "at");

            migrationBuilder.RenameColumn(
                name: "Added",
                table: "watchlist_imports",
                newName: "added");

            migrationBuilder.RenameColumn(
                name: "Actor",
                table: "watchlist_imports",
                newName: "actor");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "watchlist_imports",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "WatchlistId",
                table: "watchlist_imports",
                newName: "watchlist_id");

            migrationBuilder.RenameColumn(
                name: "FileName",
                table: "watchlist_imports",
                newName: "file_name");

            migrationBuilder.RenameIndex(
                name: "IX_watchlist_imports_WatchlistId_At",
                table: "watchlist_imports",
                newName: "IX_watchlist_imports_watchlist_id_at");

            migrationBuilder.RenameColumn(
                name: "Reason",
                table: "watchlist_entries",
                newName: "reason");

            migrationBuilder.RenameColumn(
                name: "Nationalities",
                table: "watchlist_entries",
                newName: "nationalities");

            migrationBuilder.RenameColumn(
                name: "Name",
                table: "watchlist_entries",
                newName: "name");

            migrationBuilder.RenameColumn(
                name: "Kind",
                table: "watchlist_entries",
                newName: "kind");

            migrationBuilder.RenameColumn(
                name: "Documents",
                table: "watchlist_entries",
                newName: "documents");

            migrationBuilder.RenameColumn(
                name: "Aliases",
                table: "watchlist_entries",
                newName: "aliases");

            migrationBuilder.RenameColumn(
                name: "ValidUntil",
                table: "watchlist_entries",
                newName: "valid_until");

            migrationBuilder.RenameColumn(
                name: "ValidFrom",
                table: "watchlist_entries",
                newName: "valid_from");

            migrationBuilder.RenameColumn(
                name: "ContentHash",
                table: "watchlist_entries",
                newName: "content_hash");

            migrationBuilder.RenameColumn(
                name: "BirthDate",
                table: "watchlist_entries",
                newName: "birth_date");

            migrationBuilder.RenameColumn(
                name: "EntryId",
                table: "watchlist_entries",
                newName: "entry_id");

            migrationBuilder.RenameColumn(
                name: "WatchlistId",
                table: "watchlist_entries",
                newName: "watchlist_id");

            migrationBuilder.RenameColumn(
                name: "Job",
                table: "job_cursors",
                newName: "job");

            migrationBuilder.RenameColumn(
                name: "ProcessedUpTo",
                table: "job_cursors",
                newName: "processed_up_to");

            migrationBuilder.RenameColumn(
                name: "Title",
                table: "decisions",
                newName: "title");

            migrationBuilder.RenameColumn(
                name: "Text",
                table: "decisions",
                newName: "text");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "decisions",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "PublishedBy",
                table: "decisions",
                newName: "published_by");

            migrationBuilder.RenameColumn(
                name: "PublishedAt",
                table: "decisions",
                newName: "published_at");

            migrationBuilder.RenameColumn(
                name: "DecidedOn",
                table: "decisions",
                newName: "decided_on");

            migrationBuilder.RenameColumn(
                name: "CreatedBy",
                table: "decisions",
                newName: "created_by");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                table: "decisions",
                newName: "created_at");

            migrationBuilder.RenameIndex(
                name: "IX_decisions_PublishedAt",
                table: "decisions",
                newName: "IX_decisions_published_at");

            migrationBuilder.RenameColumn(
                name: "Until",
                table: "decision_effects",
                newName: "until");

            migrationBuilder.RenameColumn(
                name: "Traffic",
                table: "decision_effects",
                newName: "traffic");

            migrationBuilder.RenameColumn(
                name: "State",
                table: "decision_effects",
                newName: "state");

            migrationBuilder.RenameColumn(
                name: "Ordinal",
                table: "decision_effects",
                newName: "ordinal");

            migrationBuilder.RenameColumn(
                name: "Note",
                table: "decision_effects",
                newName: "note");

            migrationBuilder.RenameColumn(
                name: "From",
                table: "decision_effects",
                newName: "from");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "decision_effects",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "ReceivesAsylumApplications",
                table: "decision_effects",
                newName: "receives_asylum_applications");

            migrationBuilder.RenameColumn(
                name: "DecisionId",
                table: "decision_effects",
                newName: "decision_id");

            migrationBuilder.RenameColumn(
                name: "CrossingPointCode",
                table: "decision_effects",
                newName: "crossing_point_code");

            migrationBuilder.RenameIndex(
                name: "IX_decision_effects_DecisionId",
                table: "decision_effects",
                newName: "IX_decision_effects_decision_id");

            migrationBuilder.RenameIndex(
                name: "IX_decision_effects_CrossingPointCode_From",
                table: "decision_effects",
                newName: "IX_decision_effects_crossing_point_code_from");

            migrationBuilder.RenameColumn(
                name: "Xml",
                table: "data_protection_keys",
                newName: "xml");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "data_protection_keys",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "FriendlyName",
                table: "data_protection_keys",
                newName: "friendly_name");

            migrationBuilder.RenameColumn(
                name: "Traffic",
                table: "crossing_points",
                newName: "traffic");

            migrationBuilder.RenameColumn(
                name: "Note",
                table: "crossing_points",
                newName: "note");

            migrationBuilder.RenameColumn(
                name: "Name",
                table: "crossing_points",
                newName: "name");

            migrationBuilder.RenameColumn(
                name: "Longitude",
                table: "crossing_points",
                newName: "longitude");

            migrationBuilder.RenameColumn(
                name: "Latitude",
                table: "crossing_points",
                newName: "latitude");

            migrationBuilder.RenameColumn(
                name: "Kind",
                table: "crossing_points",
                newName: "kind");

            migrationBuilder.RenameColumn(
                name: "Code",
                table: "crossing_points",
                newName: "code");

            migrationBuilder.RenameColumn(
                name: "TimeZone",
                table: "crossing_points",
                newName: "time_zone");

            migrationBuilder.RenameColumn(
                name: "SortOrder",
                table: "crossing_points",
                newName: "sort_order");

            migrationBuilder.RenameColumn(
                name: "NeighbourName",
                table: "crossing_points",
                newName: "neighbour_name");

            migrationBuilder.RenameColumn(
                name: "HoursJson",
                table: "crossing_points",
                newName: "hours_json");

            migrationBuilder.RenameColumn(
                name: "Subject",
                table: "audit_log",
                newName: "subject");

            migrationBuilder.RenameColumn(
                name: "Hash",
                table: "audit_log",
                newName: "hash");

            migrationBuilder.RenameColumn(
                name: "Detail",
                table: "audit_log",
                newName: "detail");

            migrationBuilder.RenameColumn(
                name: "At",
                table: "audit_log",
                newName: "at");

            migrationBuilder.RenameColumn(
                name: "Actor",
                table: "audit_log",
                newName: "actor");

            migrationBuilder.RenameColumn(
                name: "Action",
                table: "audit_log",
                newName: "action");

            migrationBuilder.RenameColumn(
                name: "Sequence",
                table: "audit_log",
                newName: "sequence");

            migrationBuilder.RenameColumn(
                name: "PreviousHash",
                table: "audit_log",
                newName: "previous_hash");

            migrationBuilder.RenameIndex(
                name: "IX_audit_log_At",
                table: "audit_log",
                newName: "IX_audit_log_at");

            migrationBuilder.RenameIndex(
                name: "IX_audit_log_Actor",
                table: "audit_log",
                newName: "IX_audit_log_actor");

            migrationBuilder.RenameIndex(
                name: "IX_audit_log_Action",
                table: "audit_log",
                newName: "IX_audit_log_action");

            migrationBuilder.RenameColumn(
                name: "Role",
                table: "api_tokens",
                newName: "role");

            migrationBuilder.RenameColumn(
                name: "Name",
                table: "api_tokens",
                newName: "name");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "api_tokens",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "SecretHash",
                table: "api_tokens",
                newName: "secret_hash");

            migrationBuilder.RenameColumn(
                name: "RevokedBy",
                table: "api_tokens",
                newName: "revoked_by");

            migrationBuilder.RenameColumn(
                name: "RevokedAt",
                table: "api_tokens",
                newName: "revoked_at");

            migrationBuilder.RenameColumn(
                name: "ExpiresAt",
                table: "api_tokens",
                newName: "expires_at");

            migrationBuilder.RenameColumn(
                name: "CrossingPoints",
                table: "api_tokens",
                newName: "crossing_points");

            migrationBuilder.RenameColumn(
                name: "CreatedBy",
                table: "api_tokens",
                newName: "created_by");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                table: "api_tokens",
                newName: "created_at");

            migrationBuilder.RenameIndex(
                name: "IX_api_tokens_Name",
                table: "api_tokens",
                newName: "IX_api_tokens_name");

            migrationBuilder.RenameColumn(
                name: "Title",
                table: "announcements",
                newName: "title");

            migrationBuilder.RenameColumn(
                name: "Body",
                table: "announcements",
                newName: "body");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "announcements",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "PublishedAt",
                table: "announcements",
                newName: "published_at");

            migrationBuilder.RenameColumn(
                name: "DecisionId",
                table: "announcements",
                newName: "decision_id");

            migrationBuilder.RenameIndex(
                name: "IX_announcements_PublishedAt",
                table: "announcements",
                newName: "IX_announcements_published_at");

            migrationBuilder.RenameIndex(
                name: "IX_announcements_DecisionId",
                table: "announcements",
                newName: "IX_announcements_decision_id");

            migrationBuilder.RenameColumn(
                name: "Value",
                table: "user_tokens",
                newName: "value");

            migrationBuilder.RenameColumn(
                name: "Name",
                table: "user_tokens",
                newName: "name");

            migrationBuilder.RenameColumn(
                name: "LoginProvider",
                table: "user_tokens",
                newName: "login_provider");

            migrationBuilder.RenameColumn(
                name: "UserId",
                table: "user_tokens",
                newName: "user_id");

            migrationBuilder.RenameColumn(
                name: "Email",
                table: "users",
                newName: "email");

            migrationBuilder.RenameColumn(
                name: "Disabled",
                table: "users",
                newName: "disabled");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "users",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "UserName",
                table: "users",
                newName: "user_name");

            migrationBuilder.RenameColumn(
                name: "TwoFactorEnabled",
                table: "users",
                newName: "two_factor_enabled");

            migrationBuilder.RenameColumn(
                name: "SecurityStamp",
                table: "users",
                newName: "security_stamp");

            migrationBuilder.RenameColumn(
                name: "PhoneNumberConfirmed",
                table: "users",
                newName: "phone_number_confirmed");

            migrationBuilder.RenameColumn(
                name: "PhoneNumber",
                table: "users",
                newName: "phone_number");

            migrationBuilder.RenameColumn(
                name: "PasswordHash",
                table: "users",
                newName: "password_hash");

            migrationBuilder.RenameColumn(
                name: "NormalizedUserName",
                table: "users",
                newName: "normalized_user_name");

            migrationBuilder.RenameColumn(
                name: "NormalizedEmail",
                table: "users",
                newName: "normalized_email");

            migrationBuilder.RenameColumn(
                name: "LockoutEnd",
                table: "users",
                newName: "lockout_end");

            migrationBuilder.RenameColumn(
                name: "LockoutEnabled",
                table: "users",
                newName: "lockout_enabled");

            migrationBuilder.RenameColumn(
                name: "EmailConfirmed",
                table: "users",
                newName: "email_confirmed");

            migrationBuilder.RenameColumn(
                name: "CrossingPoints",
                table: "users",
                newName: "crossing_points");

            migrationBuilder.RenameColumn(
                name: "ConcurrencyStamp",
                table: "users",
                newName: "concurrency_stamp");

            migrationBuilder.RenameColumn(
                name: "AccessFailedCount",
                table: "users",
                newName: "access_failed_count");

            migrationBuilder.RenameColumn(
                name: "RoleId",
                table: "user_roles",
                newName: "role_id");

            migrationBuilder.RenameColumn(
                name: "UserId",
                table: "user_roles",
                newName: "user_id");

            migrationBuilder.RenameIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "user_roles",
                newName: "IX_user_roles_role_id");

            migrationBuilder.RenameColumn(
                name: "UserId",
                table: "user_logins",
                newName: "user_id");

            migrationBuilder.RenameColumn(
                name: "ProviderDisplayName",
                table: "user_logins",
                newName: "provider_display_name");

            migrationBuilder.RenameColumn(
                name: "ProviderKey",
                table: "user_logins",
                newName: "provider_key");

            migrationBuilder.RenameColumn(
                name: "LoginProvider",
                table: "user_logins",
                newName: "login_provider");

            migrationBuilder.RenameIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "user_logins",
                newName: "IX_user_logins_user_id");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "user_claims",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "UserId",
                table: "user_claims",
                newName: "user_id");

            migrationBuilder.RenameColumn(
                name: "ClaimValue",
                table: "user_claims",
                newName: "claim_value");

            migrationBuilder.RenameColumn(
                name: "ClaimType",
                table: "user_claims",
                newName: "claim_type");

            migrationBuilder.RenameIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "user_claims",
                newName: "IX_user_claims_user_id");

            migrationBuilder.RenameColumn(
                name: "Name",
                table: "roles",
                newName: "name");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "roles",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "NormalizedName",
                table: "roles",
                newName: "normalized_name");

            migrationBuilder.RenameColumn(
                name: "ConcurrencyStamp",
                table: "roles",
                newName: "concurrency_stamp");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "role_claims",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "RoleId",
                table: "role_claims",
                newName: "role_id");

            migrationBuilder.RenameColumn(
                name: "ClaimValue",
                table: "role_claims",
                newName: "claim_value");

            migrationBuilder.RenameColumn(
                name: "ClaimType",
                table: "role_claims",
                newName: "claim_type");

            migrationBuilder.RenameIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "role_claims",
                newName: "IX_role_claims_role_id");

            migrationBuilder.Sql("""ALTER TABLE crossing_points ALTER COLUMN hours_json TYPE jsonb USING hours_json::jsonb;""");

            migrationBuilder.AddPrimaryKey(
                name: "PK_user_tokens",
                table: "user_tokens",
                columns: new[] { "user_id", "login_provider", "name" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_users",
                table: "users",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_user_roles",
                table: "user_roles",
                columns: new[] { "user_id", "role_id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_user_logins",
                table: "user_logins",
                columns: new[] { "login_provider", "provider_key" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_user_claims",
                table: "user_claims",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_roles",
                table: "roles",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_role_claims",
                table: "role_claims",
                column: "id");

            migrationBuilder.CreateTable(
                name: "decision_supersessions",
                columns: table => new
                {
                    decision_id = table.Column<int>(type: "integer", nullable: false),
                    superseded_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_supersessions", x => new { x.decision_id, x.superseded_id });
                    table.CheckConstraint("ck_decision_supersessions_not_itself", "decision_id <> superseded_id");
                    table.ForeignKey(
                        name: "FK_decision_supersessions_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_decision_supersessions_decisions_superseded_id",
                        column: x => x.superseded_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_watchlist_imports_format",
                table: "watchlist_imports",
                sql: "format IN ('vartio', 'opensanctions')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_watchlist_entries_kind",
                table: "watchlist_entries",
                sql: "kind IN ('RefusalOfEntry', 'WantedPerson', 'LostOrStolenDocument')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_decision_effects_period",
                table: "decision_effects",
                sql: "until IS NULL OR until > \"from\"");

            migrationBuilder.AddCheckConstraint(
                name: "ck_decision_effects_state",
                table: "decision_effects",
                sql: "state IN ('open', 'closed', 'restricted')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_decision_effects_traffic",
                table: "decision_effects",
                sql: "traffic BETWEEN 1 AND 31");

            migrationBuilder.AddCheckConstraint(
                name: "ck_crossing_points_kind",
                table: "crossing_points",
                sql: "kind IN ('Road', 'Rail', 'RoadAndRail', 'Sea', 'Air')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_crossing_points_traffic",
                table: "crossing_points",
                sql: "traffic BETWEEN 0 AND 31");

            migrationBuilder.AddCheckConstraint(
                name: "ck_api_tokens_role",
                table: "api_tokens",
                sql: "role IN ('Officer', 'StationHead', 'Analyst', 'Decider', 'AsylumCaseworker', 'Admin')");

            migrationBuilder.CreateIndex(
                name: "IX_decision_supersessions_superseded_id",
                table: "decision_supersessions",
                column: "superseded_id");

            migrationBuilder.AddForeignKey(
                name: "FK_announcements_decisions_decision_id",
                table: "announcements",
                column: "decision_id",
                principalTable: "decisions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_decision_effects_crossing_points_crossing_point_code",
                table: "decision_effects",
                column: "crossing_point_code",
                principalTable: "crossing_points",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_decision_effects_decisions_decision_id",
                table: "decision_effects",
                column: "decision_id",
                principalTable: "decisions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_role_claims_roles_role_id",
                table: "role_claims",
                column: "role_id",
                principalTable: "roles",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_user_claims_users_user_id",
                table: "user_claims",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_user_logins_users_user_id",
                table: "user_logins",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_user_roles_roles_role_id",
                table: "user_roles",
                column: "role_id",
                principalTable: "roles",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_user_roles_users_user_id",
                table: "user_roles",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_user_tokens_users_user_id",
                table: "user_tokens",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_watchlist_entries_watchlists_watchlist_id",
                table: "watchlist_entries",
                column: "watchlist_id",
                principalTable: "watchlists",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_watchlist_imports_watchlists_watchlist_id",
                table: "watchlist_imports",
                column: "watchlist_id",
                principalTable: "watchlists",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_webhook_attempts_webhook_deliveries_delivery_id",
                table: "webhook_attempts",
                column: "delivery_id",
                principalTable: "webhook_deliveries",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_webhook_deliveries_webhook_subscriptions_subscription_id",
                table: "webhook_deliveries",
                column: "subscription_id",
                principalTable: "webhook_subscriptions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            // The superseded ids move from the array into the join table; ids that named no decision (the array
            // had no foreign key) are dropped, as they could never have governed anything.
            migrationBuilder.Sql("""
                INSERT INTO decision_supersessions (decision_id, superseded_id)
                SELECT DISTINCT d.id, s.id
                FROM decisions d CROSS JOIN LATERAL unnest(d."Supersedes") AS s(id)
                WHERE s.id <> d.id AND EXISTS (SELECT 1 FROM decisions x WHERE x.id = s.id);
                """);

            migrationBuilder.DropColumn(
                name: "Supersedes",
                table: "decisions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_announcements_decisions_decision_id",
                table: "announcements");

            migrationBuilder.DropForeignKey(
                name: "FK_decision_effects_crossing_points_crossing_point_code",
                table: "decision_effects");

            migrationBuilder.DropForeignKey(
                name: "FK_decision_effects_decisions_decision_id",
                table: "decision_effects");

            migrationBuilder.DropForeignKey(
                name: "FK_role_claims_roles_role_id",
                table: "role_claims");

            migrationBuilder.DropForeignKey(
                name: "FK_user_claims_users_user_id",
                table: "user_claims");

            migrationBuilder.DropForeignKey(
                name: "FK_user_logins_users_user_id",
                table: "user_logins");

            migrationBuilder.DropForeignKey(
                name: "FK_user_roles_roles_role_id",
                table: "user_roles");

            migrationBuilder.DropForeignKey(
                name: "FK_user_roles_users_user_id",
                table: "user_roles");

            migrationBuilder.DropForeignKey(
                name: "FK_user_tokens_users_user_id",
                table: "user_tokens");

            migrationBuilder.DropForeignKey(
                name: "FK_watchlist_entries_watchlists_watchlist_id",
                table: "watchlist_entries");

            migrationBuilder.DropForeignKey(
                name: "FK_watchlist_imports_watchlists_watchlist_id",
                table: "watchlist_imports");

            migrationBuilder.DropForeignKey(
                name: "FK_webhook_attempts_webhook_deliveries_delivery_id",
                table: "webhook_attempts");

            migrationBuilder.DropForeignKey(
                name: "FK_webhook_deliveries_webhook_subscriptions_subscription_id",
                table: "webhook_deliveries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_watchlist_imports_format",
                table: "watchlist_imports");

            migrationBuilder.DropCheckConstraint(
                name: "ck_watchlist_entries_kind",
                table: "watchlist_entries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_decision_effects_period",
                table: "decision_effects");

            migrationBuilder.DropCheckConstraint(
                name: "ck_decision_effects_state",
                table: "decision_effects");

            migrationBuilder.DropCheckConstraint(
                name: "ck_decision_effects_traffic",
                table: "decision_effects");

            migrationBuilder.DropCheckConstraint(
                name: "ck_crossing_points_kind",
                table: "crossing_points");

            migrationBuilder.DropCheckConstraint(
                name: "ck_crossing_points_traffic",
                table: "crossing_points");

            migrationBuilder.DropCheckConstraint(
                name: "ck_api_tokens_role",
                table: "api_tokens");

            migrationBuilder.DropPrimaryKey(
                name: "PK_users",
                table: "users");

            migrationBuilder.DropPrimaryKey(
                name: "PK_user_tokens",
                table: "user_tokens");

            migrationBuilder.DropPrimaryKey(
                name: "PK_user_roles",
                table: "user_roles");

            migrationBuilder.DropPrimaryKey(
                name: "PK_user_logins",
                table: "user_logins");

            migrationBuilder.DropPrimaryKey(
                name: "PK_user_claims",
                table: "user_claims");

            migrationBuilder.DropPrimaryKey(
                name: "PK_roles",
                table: "roles");

            migrationBuilder.DropPrimaryKey(
                name: "PK_role_claims",
                table: "role_claims");

            migrationBuilder.RenameTable(
                name: "users",
                newName: "AspNetUsers");

            migrationBuilder.RenameTable(
                name: "user_tokens",
                newName: "AspNetUserTokens");

            migrationBuilder.RenameTable(
                name: "user_roles",
                newName: "AspNetUserRoles");

            migrationBuilder.RenameTable(
                name: "user_logins",
                newName: "AspNetUserLogins");

            migrationBuilder.RenameTable(
                name: "user_claims",
                newName: "AspNetUserClaims");

            migrationBuilder.RenameTable(
                name: "roles",
                newName: "AspNetRoles");

            migrationBuilder.RenameTable(
                name: "role_claims",
                newName: "AspNetRoleClaims");

            migrationBuilder.RenameColumn(
                name: "url",
                table: "webhook_subscriptions",
                newName: "Url");

            migrationBuilder.RenameColumn(
                name: "secret",
                table: "webhook_subscriptions",
                newName: "Secret");

            migrationBuilder.RenameColumn(
                name: "description",
                table: "webhook_subscriptions",
                newName: "Description");

            migrationBuilder.RenameColumn(
                name: "active",
                table: "webhook_subscriptions",
                newName: "Active");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "webhook_subscriptions",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "created_at",
                table: "webhook_subscriptions",
                newName: "CreatedAt");

            migrationBuilder.RenameColumn(
                name: "payload",
                table: "webhook_deliveries",
                newName: "Payload");

            migrationBuilder.RenameColumn(
                name: "attempts",
                table: "webhook_deliveries",
                newName: "Attempts");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "webhook_deliveries",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "subscription_id",
                table: "webhook_deliveries",
                newName: "SubscriptionId");

            migrationBuilder.RenameColumn(
                name: "next_attempt_at",
                table: "webhook_deliveries",
                newName: "NextAttemptAt");

            migrationBuilder.RenameColumn(
                name: "gave_up_at",
                table: "webhook_deliveries",
                newName: "GaveUpAt");

            migrationBuilder.RenameColumn(
                name: "event_type",
                table: "webhook_deliveries",
                newName: "EventType");

            migrationBuilder.RenameColumn(
                name: "event_id",
                table: "webhook_deliveries",
                newName: "EventId");

            migrationBuilder.RenameColumn(
                name: "delivered_at",
                table: "webhook_deliveries",
                newName: "DeliveredAt");

            migrationBuilder.RenameColumn(
                name: "created_at",
                table: "webhook_deliveries",
                newName: "CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_webhook_deliveries_subscription_id_event_id",
                table: "webhook_deliveries",
                newName: "IX_webhook_deliveries_SubscriptionId_EventId");

            migrationBuilder.RenameIndex(
                name: "IX_webhook_deliveries_next_attempt_at",
                table: "webhook_deliveries",
                newName: "IX_webhook_deliveries_NextAttemptAt");

            migrationBuilder.RenameColumn(
                name: "number",
                table: "webhook_attempts",
                newName: "Number");

            migrationBuilder.RenameColumn(
                name: "error",
                table: "webhook_attempts",
                newName: "Error");

            migrationBuilder.RenameColumn(
                name: "at",
                table: "webhook_attempts",
                newName: "At");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "webhook_attempts",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "status_code",
                table: "webhook_attempts",
                newName: "StatusCode");

            migrationBuilder.RenameColumn(
                name: "duration_milliseconds",
                table: "webhook_attempts",
                newName: "DurationMilliseconds");

            migrationBuilder.RenameColumn(
                name: "delivery_id",
                table: "webhook_attempts",
                newName: "DeliveryId");

            migrationBuilder.RenameIndex(
                name: "IX_webhook_attempts_delivery_id",
                table: "webhook_attempts",
                newName: "IX_webhook_attempts_DeliveryId");

            migrationBuilder.RenameColumn(
                name: "revision",
                table: "watchlists",
                newName: "Revision");

            migrationBuilder.RenameColumn(
                name: "name",
                table: "watchlists",
                newName: "Name");

            migrationBuilder.RenameColumn(
                name: "description",
                table: "watchlists",
                newName: "Description");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "watchlists",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "last_import_at",
                table: "watchlists",
                newName: "LastImportAt");

            migrationBuilder.RenameColumn(
                name: "entry_count",
                table: "watchlists",
                newName: "EntryCount");

            migrationBuilder.RenameColumn(
                name: "created_at",
                table: "watchlists",
                newName: "CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_watchlists_name",
                table: "watchlists",
                newName: "IX_watchlists_Name");

            migrationBuilder.RenameColumn(
                name: "updated",
                table: "watchlist_imports",
                newName: "Updated");

            migrationBuilder.RenameColumn(
                name: "unchanged",
                table: "watchlist_imports",
                newName: "Unchanged");

            migrationBuilder.RenameColumn(
                name: "skipped",
                table: "watchlist_imports",
                newName: "Skipped");

            migrationBuilder.RenameColumn(
                name: "removed",
                table: "watchlist_imports",
                newName: "Removed");

            migrationBuilder.RenameColumn(
                name: "format",
                table: "watchlist_imports",
                newName: "Format");

            migrationBuilder.RenameColumn(
                name: "at",
                table: "watchlist_imports",
                newName: "At");

            migrationBuilder.RenameColumn(
                name: "added",
                table: "watchlist_imports",
                newName: "Added");

            migrationBuilder.RenameColumn(
                name: "actor",
                table: "watchlist_imports",
                newName: "Actor");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "watchlist_imports",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "watchlist_id",
                table: "watchlist_imports",
                newName: "WatchlistId");

            migrationBuilder.RenameColumn(
                name: "file_name",
                table: "watchlist_imports",
                newName: "FileName");

            migrationBuilder.RenameIndex(
                name: "IX_watchlist_imports_watchlist_id_at",
                table: "watchlist_imports",
                newName: "IX_watchlist_imports_WatchlistId_At");

            migrationBuilder.RenameColumn(
                name: "reason",
                table: "watchlist_entries",
                newName: "Reason");

            migrationBuilder.RenameColumn(
                name: "nationalities",
                table: "watchlist_entries",
                newName: "Nationalities");

            migrationBuilder.RenameColumn(
                name: "name",
                table: "watchlist_entries",
                newName: "Name");

            migrationBuilder.RenameColumn(
                name: "kind",
                table: "watchlist_entries",
                newName: "Kind");

            migrationBuilder.RenameColumn(
                name: "documents",
                table: "watchlist_entries",
                newName: "Documents");

            migrationBuilder.RenameColumn(
                name: "aliases",
                table: "watchlist_entries",
                newName: "Aliases");

            migrationBuilder.RenameColumn(
                name: "valid_until",
                table: "watchlist_entries",
                newName: "ValidUntil");

            migrationBuilder.RenameColumn(
                name: "valid_from",
                table: "watchlist_entries",
                newName: "ValidFrom");

            migrationBuilder.RenameColumn(
                name: "content_hash",
                table: "watchlist_entries",
                newName: "ContentHash");

            migrationBuilder.RenameColumn(
                name: "birth_date",
                table: "watchlist_entries",
                newName: "BirthDate");

            migrationBuilder.RenameColumn(
                name: "entry_id",
                table: "watchlist_entries",
                newName: "EntryId");

            migrationBuilder.RenameColumn(
                name: "watchlist_id",
                table: "watchlist_entries",
                newName: "WatchlistId");

            migrationBuilder.RenameColumn(
                name: "job",
                table: "job_cursors",
                newName: "Job");

            migrationBuilder.RenameColumn(
                name: "processed_up_to",
                table: "job_cursors",
                newName: "ProcessedUpTo");

            migrationBuilder.RenameColumn(
                name: "title",
                table: "decisions",
                newName: "Title");

            migrationBuilder.RenameColumn(
                name: "text",
                table: "decisions",
                newName: "Text");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "decisions",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "published_by",
                table: "decisions",
                newName: "PublishedBy");

            migrationBuilder.RenameColumn(
                name: "published_at",
                table: "decisions",
                newName: "PublishedAt");

            migrationBuilder.RenameColumn(
                name: "decided_on",
                table: "decisions",
                newName: "DecidedOn");

            migrationBuilder.RenameColumn(
                name: "created_by",
                table: "decisions",
                newName: "CreatedBy");

            migrationBuilder.RenameColumn(
                name: "created_at",
                table: "decisions",
                newName: "CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_decisions_published_at",
                table: "decisions",
                newName: "IX_decisions_PublishedAt");

            migrationBuilder.RenameColumn(
                name: "until",
                table: "decision_effects",
                newName: "Until");

            migrationBuilder.RenameColumn(
                name: "traffic",
                table: "decision_effects",
                newName: "Traffic");

            migrationBuilder.RenameColumn(
                name: "state",
                table: "decision_effects",
                newName: "State");

            migrationBuilder.RenameColumn(
                name: "ordinal",
                table: "decision_effects",
                newName: "Ordinal");

            migrationBuilder.RenameColumn(
                name: "note",
                table: "decision_effects",
                newName: "Note");

            migrationBuilder.RenameColumn(
                name: "from",
                table: "decision_effects",
                newName: "From");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "decision_effects",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "receives_asylum_applications",
                table: "decision_effects",
                newName: "ReceivesAsylumApplications");

            migrationBuilder.RenameColumn(
                name: "decision_id",
                table: "decision_effects",
                newName: "DecisionId");

            migrationBuilder.RenameColumn(
                name: "crossing_point_code",
                table: "decision_effects",
                newName: "CrossingPointCode");

            migrationBuilder.RenameIndex(
                name: "IX_decision_effects_decision_id",
                table: "decision_effects",
                newName: "IX_decision_effects_DecisionId");

            migrationBuilder.RenameIndex(
                name: "IX_decision_effects_crossing_point_code_from",
                table: "decision_effects",
                newName: "IX_decision_effects_CrossingPointCode_From");

            migrationBuilder.RenameColumn(
                name: "xml",
                table: "data_protection_keys",
                newName: "Xml");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "data_protection_keys",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "friendly_name",
                table: "data_protection_keys",
                newName: "FriendlyName");

            migrationBuilder.RenameColumn(
                name: "traffic",
                table: "crossing_points",
                newName: "Traffic");

            migrationBuilder.RenameColumn(
                name: "note",
                table: "crossing_points",
                newName: "Note");

            migrationBuilder.RenameColumn(
                name: "name",
                table: "crossing_points",
                newName: "Name");

            migrationBuilder.RenameColumn(
                name: "longitude",
                table: "crossing_points",
                newName: "Longitude");

            migrationBuilder.RenameColumn(
                name: "latitude",
                table: "crossing_points",
                newName: "Latitude");

            migrationBuilder.RenameColumn(
                name: "kind",
                table: "crossing_points",
                newName: "Kind");

            migrationBuilder.RenameColumn(
                name: "code",
                table: "crossing_points",
                newName: "Code");

            migrationBuilder.RenameColumn(
                name: "time_zone",
                table: "crossing_points",
                newName: "TimeZone");

            migrationBuilder.RenameColumn(
                name: "sort_order",
                table: "crossing_points",
                newName: "SortOrder");

            migrationBuilder.RenameColumn(
                name: "neighbour_name",
                table: "crossing_points",
                newName: "NeighbourName");

            migrationBuilder.RenameColumn(
                name: "hours_json",
                table: "crossing_points",
                newName: "HoursJson");

            migrationBuilder.RenameColumn(
                name: "subject",
                table: "audit_log",
                newName: "Subject");

            migrationBuilder.RenameColumn(
                name: "hash",
                table: "audit_log",
                newName: "Hash");

            migrationBuilder.RenameColumn(
                name: "detail",
                table: "audit_log",
                newName: "Detail");

            migrationBuilder.RenameColumn(
                name: "at",
                table: "audit_log",
                newName: "At");

            migrationBuilder.RenameColumn(
                name: "actor",
                table: "audit_log",
                newName: "Actor");

            migrationBuilder.RenameColumn(
                name: "action",
                table: "audit_log",
                newName: "Action");

            migrationBuilder.RenameColumn(
                name: "sequence",
                table: "audit_log",
                newName: "Sequence");

            migrationBuilder.RenameColumn(
                name: "previous_hash",
                table: "audit_log",
                newName: "PreviousHash");

            migrationBuilder.RenameIndex(
                name: "IX_audit_log_at",
                table: "audit_log",
                newName: "IX_audit_log_At");

            migrationBuilder.RenameIndex(
                name: "IX_audit_log_actor",
                table: "audit_log",
                newName: "IX_audit_log_Actor");

            migrationBuilder.RenameIndex(
                name: "IX_audit_log_action",
                table: "audit_log",
                newName: "IX_audit_log_Action");

            migrationBuilder.RenameColumn(
                name: "role",
                table: "api_tokens",
                newName: "Role");

            migrationBuilder.RenameColumn(
                name: "name",
                table: "api_tokens",
                newName: "Name");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "api_tokens",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "secret_hash",
                table: "api_tokens",
                newName: "SecretHash");

            migrationBuilder.RenameColumn(
                name: "revoked_by",
                table: "api_tokens",
                newName: "RevokedBy");

            migrationBuilder.RenameColumn(
                name: "revoked_at",
                table: "api_tokens",
                newName: "RevokedAt");

            migrationBuilder.RenameColumn(
                name: "expires_at",
                table: "api_tokens",
                newName: "ExpiresAt");

            migrationBuilder.RenameColumn(
                name: "crossing_points",
                table: "api_tokens",
                newName: "CrossingPoints");

            migrationBuilder.RenameColumn(
                name: "created_by",
                table: "api_tokens",
                newName: "CreatedBy");

            migrationBuilder.RenameColumn(
                name: "created_at",
                table: "api_tokens",
                newName: "CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_api_tokens_name",
                table: "api_tokens",
                newName: "IX_api_tokens_Name");

            migrationBuilder.RenameColumn(
                name: "title",
                table: "announcements",
                newName: "Title");

            migrationBuilder.RenameColumn(
                name: "body",
                table: "announcements",
                newName: "Body");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "announcements",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "published_at",
                table: "announcements",
                newName: "PublishedAt");

            migrationBuilder.RenameColumn(
                name: "decision_id",
                table: "announcements",
                newName: "DecisionId");

            migrationBuilder.RenameIndex(
                name: "IX_announcements_published_at",
                table: "announcements",
                newName: "IX_announcements_PublishedAt");

            migrationBuilder.RenameIndex(
                name: "IX_announcements_decision_id",
                table: "announcements",
                newName: "IX_announcements_DecisionId");

            migrationBuilder.RenameColumn(
                name: "email",
                table: "AspNetUsers",
                newName: "Email");

            migrationBuilder.RenameColumn(
                name: "disabled",
                table: "AspNetUsers",
                newName: "Disabled");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "AspNetUsers",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "user_name",
                table: "AspNetUsers",
                newName: "UserName");

            migrationBuilder.RenameColumn(
                name: "two_factor_enabled",
                table: "AspNetUsers",
                newName: "TwoFactorEnabled");

            migrationBuilder.RenameColumn(
                name: "security_stamp",
                table: "AspNetUsers",
                newName: "SecurityStamp");

            migrationBuilder.RenameColumn(
                name: "phone_number_confirmed",
                table: "AspNetUsers",
                newName: "PhoneNumberConfirmed");

            migrationBuilder.RenameColumn(
                name: "phone_number",
                table: "AspNetUsers",
                newName: "PhoneNumber");

            migrationBuilder.RenameColumn(
                name: "password_hash",
                table: "AspNetUsers",
                newName: "PasswordHash");

            migrationBuilder.RenameColumn(
                name: "normalized_user_name",
                table: "AspNetUsers",
                newName: "NormalizedUserName");

            migrationBuilder.RenameColumn(
                name: "normalized_email",
                table: "AspNetUsers",
                newName: "NormalizedEmail");

            migrationBuilder.RenameColumn(
                name: "lockout_end",
                table: "AspNetUsers",
                newName: "LockoutEnd");

            migrationBuilder.RenameColumn(
                name: "lockout_enabled",
                table: "AspNetUsers",
                newName: "LockoutEnabled");

            migrationBuilder.RenameColumn(
                name: "email_confirmed",
                table: "AspNetUsers",
                newName: "EmailConfirmed");

            migrationBuilder.RenameColumn(
                name: "crossing_points",
                table: "AspNetUsers",
                newName: "CrossingPoints");

            migrationBuilder.RenameColumn(
                name: "concurrency_stamp",
                table: "AspNetUsers",
                newName: "ConcurrencyStamp");

            migrationBuilder.RenameColumn(
                name: "access_failed_count",
                table: "AspNetUsers",
                newName: "AccessFailedCount");

            migrationBuilder.RenameColumn(
                name: "value",
                table: "AspNetUserTokens",
                newName: "Value");

            migrationBuilder.RenameColumn(
                name: "name",
                table: "AspNetUserTokens",
                newName: "Name");

            migrationBuilder.RenameColumn(
                name: "login_provider",
                table: "AspNetUserTokens",
                newName: "LoginProvider");

            migrationBuilder.RenameColumn(
                name: "user_id",
                table: "AspNetUserTokens",
                newName: "UserId");

            migrationBuilder.RenameColumn(
                name: "role_id",
                table: "AspNetUserRoles",
                newName: "RoleId");

            migrationBuilder.RenameColumn(
                name: "user_id",
                table: "AspNetUserRoles",
                newName: "UserId");

            migrationBuilder.RenameIndex(
                name: "IX_user_roles_role_id",
                table: "AspNetUserRoles",
                newName: "IX_AspNetUserRoles_RoleId");

            migrationBuilder.RenameColumn(
                name: "user_id",
                table: "AspNetUserLogins",
                newName: "UserId");

            migrationBuilder.RenameColumn(
                name: "provider_display_name",
                table: "AspNetUserLogins",
                newName: "ProviderDisplayName");

            migrationBuilder.RenameColumn(
                name: "provider_key",
                table: "AspNetUserLogins",
                newName: "ProviderKey");

            migrationBuilder.RenameColumn(
                name: "login_provider",
                table: "AspNetUserLogins",
                newName: "LoginProvider");

            migrationBuilder.RenameIndex(
                name: "IX_user_logins_user_id",
                table: "AspNetUserLogins",
                newName: "IX_AspNetUserLogins_UserId");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "AspNetUserClaims",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "user_id",
                table: "AspNetUserClaims",
                newName: "UserId");

            migrationBuilder.RenameColumn(
                name: "claim_value",
                table: "AspNetUserClaims",
                newName: "ClaimValue");

            migrationBuilder.RenameColumn(
                name: "claim_type",
                table: "AspNetUserClaims",
                newName: "ClaimType");

            migrationBuilder.RenameIndex(
                name: "IX_user_claims_user_id",
                table: "AspNetUserClaims",
                newName: "IX_AspNetUserClaims_UserId");

            migrationBuilder.RenameColumn(
                name: "name",
                table: "AspNetRoles",
                newName: "Name");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "AspNetRoles",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "normalized_name",
                table: "AspNetRoles",
                newName: "NormalizedName");

            migrationBuilder.RenameColumn(
                name: "concurrency_stamp",
                table: "AspNetRoles",
                newName: "ConcurrencyStamp");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "AspNetRoleClaims",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "role_id",
                table: "AspNetRoleClaims",
                newName: "RoleId");

            migrationBuilder.RenameColumn(
                name: "claim_value",
                table: "AspNetRoleClaims",
                newName: "ClaimValue");

            migrationBuilder.RenameColumn(
                name: "claim_type",
                table: "AspNetRoleClaims",
                newName: "ClaimType");

            migrationBuilder.RenameIndex(
                name: "IX_role_claims_role_id",
                table: "AspNetRoleClaims",
                newName: "IX_AspNetRoleClaims_RoleId");

            migrationBuilder.AddColumn<List<int>>(
                name: "Supersedes",
                table: "decisions",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.Sql("""ALTER TABLE crossing_points ALTER COLUMN "HoursJson" TYPE text USING "HoursJson"::text;""");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AspNetUsers",
                table: "AspNetUsers",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AspNetUserTokens",
                table: "AspNetUserTokens",
                columns: new[] { "UserId", "LoginProvider", "Name" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_AspNetUserRoles",
                table: "AspNetUserRoles",
                columns: new[] { "UserId", "RoleId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_AspNetUserLogins",
                table: "AspNetUserLogins",
                columns: new[] { "LoginProvider", "ProviderKey" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_AspNetUserClaims",
                table: "AspNetUserClaims",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AspNetRoles",
                table: "AspNetRoles",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AspNetRoleClaims",
                table: "AspNetRoleClaims",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_announcements_decisions_DecisionId",
                table: "announcements",
                column: "DecisionId",
                principalTable: "decisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId",
                principalTable: "AspNetRoles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                table: "AspNetUserClaims",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                table: "AspNetUserLogins",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId",
                principalTable: "AspNetRoles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                table: "AspNetUserRoles",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                table: "AspNetUserTokens",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_decision_effects_crossing_points_CrossingPointCode",
                table: "decision_effects",
                column: "CrossingPointCode",
                principalTable: "crossing_points",
                principalColumn: "Code",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_decision_effects_decisions_DecisionId",
                table: "decision_effects",
                column: "DecisionId",
                principalTable: "decisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_watchlist_entries_watchlists_WatchlistId",
                table: "watchlist_entries",
                column: "WatchlistId",
                principalTable: "watchlists",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_watchlist_imports_watchlists_WatchlistId",
                table: "watchlist_imports",
                column: "WatchlistId",
                principalTable: "watchlists",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_webhook_attempts_webhook_deliveries_DeliveryId",
                table: "webhook_attempts",
                column: "DeliveryId",
                principalTable: "webhook_deliveries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_webhook_deliveries_webhook_subscriptions_SubscriptionId",
                table: "webhook_deliveries",
                column: "SubscriptionId",
                principalTable: "webhook_subscriptions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.Sql("""
                UPDATE decisions d SET "Supersedes" = COALESCE(
                    (SELECT array_agg(s.superseded_id ORDER BY s.superseded_id) FROM decision_supersessions s WHERE s.decision_id = d."Id"),
                    '{}');
                """);

            migrationBuilder.DropTable(
                name: "decision_supersessions");
        }
    }
}
