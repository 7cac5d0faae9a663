using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Vartio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SurgeAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "events",
                table: "webhook_subscriptions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "section",
                table: "crossing_points",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // The seed's sections for the crossing points a database already has (new ones are seeded with theirs).
            migrationBuilder.Sql("UPDATE crossing_points SET section = 'South-East Finland' WHERE code IN ('VAA', 'VAI', 'NUI', 'IMA', 'PAR', 'HAA', 'NUP', 'SAN')");
            migrationBuilder.Sql("UPDATE crossing_points SET section = 'North Karelia' WHERE code = 'NII'");
            migrationBuilder.Sql("UPDATE crossing_points SET section = 'Kainuu' WHERE code IN ('VAR', 'KUU')");
            migrationBuilder.Sql("UPDATE crossing_points SET section = 'Lapland' WHERE code IN ('SAL', 'RAJ')");
            migrationBuilder.Sql("UPDATE crossing_points SET section = 'Gulf of Finland' WHERE code IN ('HEL', 'HWH')");

            migrationBuilder.CreateTable(
                name: "alert_subscriptions",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    section = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    crossing_points = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_subscriptions", x => x.user_id);
                    table.CheckConstraint("ck_alert_subscriptions_kind", "kind IN ('all', 'section', 'crossingPoints')");
                    table.ForeignKey(
                        name: "FK_alert_subscriptions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    crossing_point_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    section = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    opened_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    opened_on = table.Column<LocalDate>(type: "date", nullable: false),
                    opening_baseline = table.Column<double>(type: "double precision", nullable: false),
                    day = table.Column<LocalDate>(type: "date", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    baseline = table.Column<double>(type: "double precision", nullable: false),
                    p = table.Column<double>(type: "double precision", nullable: false),
                    evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    quiet_days = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.id);
                    table.CheckConstraint("ck_alerts_closed", "closed_at IS NULL OR closed_at >= opened_at");
                    table.CheckConstraint("ck_alerts_place", "(scope = 'crossing-point' AND crossing_point_code IS NOT NULL AND place = crossing_point_code) OR (scope = 'section' AND section IS NOT NULL AND place = section AND crossing_point_code IS NULL) OR (scope = 'national' AND place = '' AND crossing_point_code IS NULL AND section IS NULL)");
                    table.CheckConstraint("ck_alerts_scope", "scope IN ('crossing-point', 'section', 'national')");
                    table.ForeignKey(
                        name: "FK_alerts_crossing_points_crossing_point_code",
                        column: x => x.crossing_point_code,
                        principalTable: "crossing_points",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_crossing_point_code",
                table: "alerts",
                column: "crossing_point_code");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_open_place",
                table: "alerts",
                columns: new[] { "scope", "place" },
                unique: true,
                filter: "closed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_opened_at",
                table: "alerts",
                column: "opened_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_subscriptions");

            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropColumn(
                name: "events",
                table: "webhook_subscriptions");

            migrationBuilder.DropColumn(
                name: "section",
                table: "crossing_points");
        }
    }
}
