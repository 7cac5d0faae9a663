using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vartio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CountsByMeasureAndKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_hourly_counts_measure_day",
                table: "hourly_counts");

            migrationBuilder.DropIndex(
                name: "IX_daily_counts_measure_day",
                table: "daily_counts");

            migrationBuilder.CreateIndex(
                name: "IX_hourly_counts_measure_dimension_day",
                table: "hourly_counts",
                columns: new[] { "measure", "dimension", "day" });

            migrationBuilder.CreateIndex(
                name: "IX_daily_counts_measure_dimension_day",
                table: "daily_counts",
                columns: new[] { "measure", "dimension", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_hourly_counts_measure_dimension_day",
                table: "hourly_counts");

            migrationBuilder.DropIndex(
                name: "IX_daily_counts_measure_dimension_day",
                table: "daily_counts");

            migrationBuilder.CreateIndex(
                name: "IX_hourly_counts_measure_day",
                table: "hourly_counts",
                columns: new[] { "measure", "day" });

            migrationBuilder.CreateIndex(
                name: "IX_daily_counts_measure_day",
                table: "daily_counts",
                columns: new[] { "measure", "day" });
        }
    }
}
