using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vartio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VisaRequirements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "visa_requirements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    country = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    annex = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    valid_from = table.Column<LocalDate>(type: "date", nullable: true),
                    valid_until = table.Column<LocalDate>(type: "date", nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    proviso = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visa_requirements", x => x.id);
                    table.CheckConstraint("ck_visa_requirements_annex", "annex IN ('AnnexI', 'AnnexII')");
                    table.CheckConstraint("ck_visa_requirements_period", "valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until");
                });

            migrationBuilder.CreateIndex(
                name: "IX_visa_requirements_country",
                table: "visa_requirements",
                column: "country");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "visa_requirements");
        }
    }
}
