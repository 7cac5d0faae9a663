using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vartio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Asylum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "asylum_restricted",
                table: "decision_effects",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "asylum_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    crossing_point_code = table.Column<string>(type: "character varying(8)", nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    late_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    officer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    size = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asylum_groups", x => x.id);
                    table.CheckConstraint("ck_asylum_groups_size", "size BETWEEN 1 AND 100");
                    table.ForeignKey(
                        name: "FK_asylum_groups_crossing_points_crossing_point_code",
                        column: x => x.crossing_point_code,
                        principalTable: "crossing_points",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "asylum_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    identity_review = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    crossing_point_code = table.Column<string>(type: "character varying(8)", nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    officer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received = table.Column<bool>(type: "boolean", nullable: false),
                    exemption = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    decision_id = table.Column<int>(type: "integer", nullable: true),
                    directed_to = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    documented = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    birth_date = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    nationality = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    sex = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    arrived_by = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    vulnerabilities = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unaccompanied_minor = table.Column<bool>(type: "boolean", nullable: false),
                    document_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    document_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    document_issuing_state = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    status_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asylum_applications", x => x.id);
                    table.CheckConstraint("ck_asylum_applications_arrived_by", "arrived_by IS NULL OR arrived_by IN ('foot', 'bicycle', 'car', 'bus', 'other')");
                    table.CheckConstraint("ck_asylum_applications_birth_date", "length(birth_date) IN (0, 4, 10)");
                    table.CheckConstraint("ck_asylum_applications_document", "(document_number IS NULL) = (document_issuing_state IS NULL) AND (documented = (document_number IS NOT NULL))");
                    table.CheckConstraint("ck_asylum_applications_exemption", "exemption IS NULL OR (received AND exemption IN ('child', 'disabled', 'vulnerable', 'seriousHarmRisk'))");
                    table.CheckConstraint("ck_asylum_applications_identity_review", "identity_review IN ('none', 'pending', 'linked', 'confirmedNew')");
                    table.CheckConstraint("ck_asylum_applications_nationality", "nationality IS NULL OR (length(nationality) = 3 AND nationality = upper(nationality))");
                    table.CheckConstraint("ck_asylum_applications_received", "(received AND status <> 'directedElsewhere' AND directed_to = '') OR (NOT received AND status = 'directedElsewhere')");
                    table.CheckConstraint("ck_asylum_applications_sex", "sex IS NULL OR sex IN ('female', 'male', 'unspecified')");
                    table.CheckConstraint("ck_asylum_applications_status", "status IN ('registered', 'handedOver', 'received', 'withdrawn', 'leftBeforeHandover', 'directedElsewhere')");
                    table.ForeignKey(
                        name: "FK_asylum_applications_asylum_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "asylum_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_asylum_applications_crossing_points_crossing_point_code",
                        column: x => x.crossing_point_code,
                        principalTable: "crossing_points",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "asylum_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asylum_events", x => x.id);
                    table.CheckConstraint("ck_asylum_events_status", "status IN ('registered', 'handedOver', 'received', 'withdrawn', 'leftBeforeHandover', 'directedElsewhere')");
                    table.ForeignKey(
                        name: "FK_asylum_events_asylum_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "asylum_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_decision_effects_asylum_restricted",
                table: "decision_effects",
                sql: "NOT asylum_restricted OR until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_asylum_applications_crossing_point_code_at",
                table: "asylum_applications",
                columns: new[] { "crossing_point_code", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_asylum_applications_document_issuing_state_document_number",
                table: "asylum_applications",
                columns: new[] { "document_issuing_state", "document_number" });

            migrationBuilder.CreateIndex(
                name: "IX_asylum_applications_group_id_ordinal",
                table: "asylum_applications",
                columns: new[] { "group_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_asylum_applications_nationality_birth_date",
                table: "asylum_applications",
                columns: new[] { "nationality", "birth_date" });

            migrationBuilder.CreateIndex(
                name: "IX_asylum_applications_person_id",
                table: "asylum_applications",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "IX_asylum_applications_status_at",
                table: "asylum_applications",
                columns: new[] { "status", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_asylum_events_application_id",
                table: "asylum_events",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "IX_asylum_groups_crossing_point_code_at",
                table: "asylum_groups",
                columns: new[] { "crossing_point_code", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asylum_events");

            migrationBuilder.DropTable(
                name: "asylum_applications");

            migrationBuilder.DropTable(
                name: "asylum_groups");

            migrationBuilder.DropCheckConstraint(
                name: "ck_decision_effects_asylum_restricted",
                table: "decision_effects");

            migrationBuilder.DropColumn(
                name: "asylum_restricted",
                table: "decision_effects");
        }
    }
}
