using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vartio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CheckDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "final_refusal_reasons",
                table: "checks",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "overstay",
                table: "checks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddCheckConstraint(
                name: "ck_checks_final_refusal_reasons",
                table: "checks",
                sql: "final_refusal_reasons IS NULL OR (final_outcome IS NOT NULL AND final_outcome = 'refuse' AND final_refusal_reasons <> '' AND replace(replace(replace(replace(replace(replace(replace(replace(replace(final_refusal_reasons, 'A', ''), 'B', ''), 'C', ''), 'D', ''), 'E', ''), 'F', ''), 'G', ''), 'H', ''), 'I', '') = '')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_checks_final_refusal_reasons",
                table: "checks");

            migrationBuilder.DropColumn(
                name: "final_refusal_reasons",
                table: "checks");

            migrationBuilder.DropColumn(
                name: "overstay",
                table: "checks");
        }
    }
}
