using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vartio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TravelRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    caller = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => new { x.caller, x.key });
                    table.CheckConstraint("ck_idempotency_keys_key", "length(key) BETWEEN 1 AND 255");
                    table.CheckConstraint("ck_idempotency_keys_request_hash", "length(request_hash) = 64");
                    table.CheckConstraint("ck_idempotency_keys_status", "status BETWEEN 200 AND 599");
                });

            migrationBuilder.CreateTable(
                name: "travellers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_travellers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "travel_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    traveller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    issuing_state = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    normalised_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    expiry = table.Column<string>(type: "TEXT", nullable: true),
                    primary_identifier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    secondary_identifier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    nationality = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    birth_date = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_travel_documents", x => x.id);
                    table.CheckConstraint("ck_travel_documents_birth_date", "length(birth_date) IN (0, 4, 10)");
                    table.CheckConstraint("ck_travel_documents_issuing_state", "length(issuing_state) = 3 AND issuing_state = upper(issuing_state)");
                    table.CheckConstraint("ck_travel_documents_nationality", "nationality IS NULL OR (length(nationality) = 3 AND nationality = upper(nationality))");
                    table.CheckConstraint("ck_travel_documents_normalised_number", "normalised_number <> '' AND normalised_number = upper(normalised_number) AND normalised_number NOT LIKE '%<%' AND normalised_number NOT LIKE '% %'");
                    table.CheckConstraint("ck_travel_documents_type", "length(type) BETWEEN 1 AND 2 AND type = upper(type)");
                    table.ForeignKey(
                        name: "FK_travel_documents_travellers_traveller_id",
                        column: x => x.traveller_id,
                        principalTable: "travellers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "traveller_links",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    traveller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    linked_traveller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    confirmed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    confirmed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_traveller_links", x => x.id);
                    table.CheckConstraint("ck_traveller_links_not_itself", "traveller_id <> linked_traveller_id");
                    table.ForeignKey(
                        name: "FK_traveller_links_travellers_linked_traveller_id",
                        column: x => x.linked_traveller_id,
                        principalTable: "travellers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_traveller_links_travellers_traveller_id",
                        column: x => x.traveller_id,
                        principalTable: "travellers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    crossing_point_code = table.Column<string>(type: "TEXT", nullable: false),
                    direction = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    late_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    officer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    traveller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    document_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    proposed_outcome = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    refusal_reasons = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    conditions_json = table.Column<string>(type: "TEXT", nullable: false),
                    authorised_stay_until = table.Column<string>(type: "TEXT", nullable: true),
                    days_used = table.Column<int>(type: "INTEGER", nullable: true),
                    final_outcome = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    remarks = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    traveller_signed = table.Column<bool>(type: "INTEGER", nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checks", x => x.id);
                    table.CheckConstraint("ck_checks_days_used", "days_used IS NULL OR days_used BETWEEN 0 AND 180");
                    table.CheckConstraint("ck_checks_decided", "(final_outcome IS NULL AND decided_at IS NULL AND decided_by IS NULL) OR (final_outcome IS NOT NULL AND decided_at IS NOT NULL AND decided_by IS NOT NULL)");
                    table.CheckConstraint("ck_checks_direction", "direction IN ('entry', 'exit')");
                    table.CheckConstraint("ck_checks_final_outcome", "final_outcome IS NULL OR final_outcome IN ('admit', 'refer', 'refuse')");
                    table.CheckConstraint("ck_checks_late_reason", "late_reason IS NULL OR late_reason <> ''");
                    table.CheckConstraint("ck_checks_proposed_outcome", "proposed_outcome IN ('admit', 'refer', 'refuse')");
                    table.CheckConstraint("ck_checks_refusal_reasons", "replace(replace(replace(replace(replace(replace(replace(replace(replace(refusal_reasons, 'A', ''), 'B', ''), 'C', ''), 'D', ''), 'E', ''), 'F', ''), 'G', ''), 'H', ''), 'I', '') = ''");
                    table.CheckConstraint("ck_checks_traveller_signed", "traveller_signed IS NULL OR (final_outcome IS NOT NULL AND final_outcome = 'refuse')");
                    table.ForeignKey(
                        name: "FK_checks_crossing_points_crossing_point_code",
                        column: x => x.crossing_point_code,
                        principalTable: "crossing_points",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_checks_travel_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "travel_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_checks_travellers_traveller_id",
                        column: x => x.traveller_id,
                        principalTable: "travellers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "border_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    traveller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    document_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    crossing_point_code = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    check_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    authorised_stay_until = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_border_records", x => x.id);
                    table.CheckConstraint("ck_border_records_authorised_stay", "authorised_stay_until IS NULL OR kind = 'entry'");
                    table.CheckConstraint("ck_border_records_kind", "kind IN ('entry', 'exit', 'refusal')");
                    table.ForeignKey(
                        name: "FK_border_records_checks_check_id",
                        column: x => x.check_id,
                        principalTable: "checks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_border_records_crossing_points_crossing_point_code",
                        column: x => x.crossing_point_code,
                        principalTable: "crossing_points",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_border_records_travel_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "travel_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_border_records_travellers_traveller_id",
                        column: x => x.traveller_id,
                        principalTable: "travellers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "second_line_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    check_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_second_line_cases", x => x.id);
                    table.CheckConstraint("ck_second_line_cases_closed", "(closed_at IS NULL AND closed_by IS NULL AND outcome IS NULL) OR (closed_at IS NOT NULL AND closed_by IS NOT NULL AND outcome IS NOT NULL)");
                    table.CheckConstraint("ck_second_line_cases_outcome", "outcome IS NULL OR outcome IN ('admit', 'refuse')");
                    table.ForeignKey(
                        name: "FK_second_line_cases_checks_check_id",
                        column: x => x.check_id,
                        principalTable: "checks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "overstay_flags",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    traveller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entry_record_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    authorised_stay_until = table.Column<string>(type: "TEXT", nullable: false),
                    flagged_at = table.Column<long>(type: "INTEGER", nullable: false),
                    exit_record_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    cleared_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overstay_flags", x => x.id);
                    table.CheckConstraint("ck_overstay_flags_cleared", "(exit_record_id IS NULL) = (cleared_at IS NULL)");
                    table.ForeignKey(
                        name: "FK_overstay_flags_border_records_entry_record_id",
                        column: x => x.entry_record_id,
                        principalTable: "border_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_overstay_flags_border_records_exit_record_id",
                        column: x => x.exit_record_id,
                        principalTable: "border_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_overstay_flags_travellers_traveller_id",
                        column: x => x.traveller_id,
                        principalTable: "travellers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_border_records_check_id",
                table: "border_records",
                column: "check_id");

            migrationBuilder.CreateIndex(
                name: "IX_border_records_crossing_point_code_at",
                table: "border_records",
                columns: new[] { "crossing_point_code", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_border_records_document_id",
                table: "border_records",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "IX_border_records_traveller_id_at",
                table: "border_records",
                columns: new[] { "traveller_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_checks_crossing_point_code_at",
                table: "checks",
                columns: new[] { "crossing_point_code", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_checks_document_id",
                table: "checks",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "IX_checks_traveller_id",
                table: "checks",
                column: "traveller_id");

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_keys_created_at",
                table: "idempotency_keys",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_overstay_flags_entry_record_id",
                table: "overstay_flags",
                column: "entry_record_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_overstay_flags_exit_record_id",
                table: "overstay_flags",
                column: "exit_record_id");

            migrationBuilder.CreateIndex(
                name: "IX_overstay_flags_traveller_id_cleared_at",
                table: "overstay_flags",
                columns: new[] { "traveller_id", "cleared_at" });

            migrationBuilder.CreateIndex(
                name: "IX_second_line_cases_check_id",
                table: "second_line_cases",
                column: "check_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_travel_documents_issuing_state_normalised_number",
                table: "travel_documents",
                columns: new[] { "issuing_state", "normalised_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_travel_documents_traveller_id",
                table: "travel_documents",
                column: "traveller_id");

            migrationBuilder.CreateIndex(
                name: "IX_traveller_links_linked_traveller_id",
                table: "traveller_links",
                column: "linked_traveller_id");

            migrationBuilder.CreateIndex(
                name: "IX_traveller_links_traveller_id_linked_traveller_id",
                table: "traveller_links",
                columns: new[] { "traveller_id", "linked_traveller_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "overstay_flags");

            migrationBuilder.DropTable(
                name: "second_line_cases");

            migrationBuilder.DropTable(
                name: "traveller_links");

            migrationBuilder.DropTable(
                name: "border_records");

            migrationBuilder.DropTable(
                name: "checks");

            migrationBuilder.DropTable(
                name: "travel_documents");

            migrationBuilder.DropTable(
                name: "travellers");
        }
    }
}
