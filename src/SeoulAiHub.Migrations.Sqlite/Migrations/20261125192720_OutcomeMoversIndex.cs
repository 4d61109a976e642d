using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeoulAiHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutcomeMoversIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_KpiFacts_KpiId_EndMonth_Months",
                table: "KpiFacts");

            migrationBuilder.CreateIndex(
                name: "IX_KpiFacts_KpiId_EndMonth_Months_OrganizationId_Value_SiteId",
                table: "KpiFacts",
                columns: new[] { "KpiId", "EndMonth", "Months", "OrganizationId", "Value", "SiteId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_KpiFacts_KpiId_EndMonth_Months_OrganizationId_Value_SiteId",
                table: "KpiFacts");

            migrationBuilder.CreateIndex(
                name: "IX_KpiFacts_KpiId_EndMonth_Months",
                table: "KpiFacts",
                columns: new[] { "KpiId", "EndMonth", "Months" });
        }
    }
}
