using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeoulAiHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SlotClaimCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlotClaims_CellStart",
                table: "SlotClaims");

            migrationBuilder.CreateIndex(
                name: "IX_SlotClaims_CellStart_FacilityId",
                table: "SlotClaims",
                columns: new[] { "CellStart", "FacilityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlotClaims_CellStart_FacilityId",
                table: "SlotClaims");

            migrationBuilder.CreateIndex(
                name: "IX_SlotClaims_CellStart",
                table: "SlotClaims",
                column: "CellStart");
        }
    }
}
