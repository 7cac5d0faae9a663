using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vartio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Counts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "daily_counts",
                columns: table => new
                {
                    crossing_point_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    measure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    dimension = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_counts", x => new { x.crossing_point_code, x.day, x.measure, x.dimension });
                    table.CheckConstraint("ck_daily_counts_count", "count >= 0");
                    table.CheckConstraint("ck_daily_counts_day", "length(day) = 10");
                    table.CheckConstraint("ck_daily_counts_measure", "measure IN ('entry', 'exit', 'refusal', 'secondLine', 'watchlistHit', 'asylumApplication', 'irregularArrival')");
                });

            migrationBuilder.CreateTable(
                name: "hourly_counts",
                columns: table => new
                {
                    crossing_point_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    hour = table.Column<int>(type: "INTEGER", nullable: false),
                    measure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    dimension = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hourly_counts", x => new { x.crossing_point_code, x.day, x.hour, x.measure, x.dimension });
                    table.CheckConstraint("ck_hourly_counts_count", "count >= 0");
                    table.CheckConstraint("ck_hourly_counts_day", "length(day) = 10");
                    table.CheckConstraint("ck_hourly_counts_hour", "hour BETWEEN 0 AND 23");
                    table.CheckConstraint("ck_hourly_counts_measure", "measure IN ('entry', 'exit', 'refusal', 'secondLine', 'watchlistHit', 'asylumApplication', 'irregularArrival')");
                });

            migrationBuilder.CreateIndex(
                name: "IX_daily_counts_measure_day",
                table: "daily_counts",
                columns: new[] { "measure", "day" });

            migrationBuilder.CreateIndex(
                name: "IX_hourly_counts_measure_day",
                table: "hourly_counts",
                columns: new[] { "measure", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_counts");

            migrationBuilder.DropTable(
                name: "hourly_counts");
        }
    }
}
