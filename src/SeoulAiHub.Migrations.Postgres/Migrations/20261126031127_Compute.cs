using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeoulAiHub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Compute : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GpuClusters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SlurmName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Site = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UtcOffsetMinutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GpuClusters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GpuModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MemoryGb = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GpuModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsageImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ImportedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Lines = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    Inserted = table.Column<int>(type: "integer", nullable: false),
                    Duplicates = table.Column<int>(type: "integer", nullable: false),
                    Ignored = table.Column<int>(type: "integer", nullable: false),
                    Steps = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    Unmatched = table.Column<int>(type: "integer", nullable: false),
                    GpuSeconds = table.Column<long>(type: "bigint", nullable: false),
                    RejectedLines = table.Column<string>(type: "text", nullable: false),
                    UnmatchedAccounts = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UsageImports_GpuClusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "GpuClusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GpuPartitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Nodes = table.Column<int>(type: "integer", nullable: false),
                    GpusPerNode = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GpuPartitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GpuPartitions_GpuClusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "GpuClusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GpuPartitions_GpuModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "GpuModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GpuAllocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartitionId = table.Column<Guid>(type: "uuid", nullable: true),
                    SlurmAccount = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    GpuHours = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Justification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Terms = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    TermsAcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TermsAcceptedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UsedGpuSeconds = table.Column<long>(type: "bigint", nullable: false),
                    Alert80SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Alert100SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GpuAllocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GpuAllocations_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GpuAllocations_GpuClusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "GpuClusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GpuAllocations_GpuPartitions_PartitionId",
                        column: x => x.PartitionId,
                        principalTable: "GpuPartitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GpuAllocations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AllocationEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AllocationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<Guid>(type: "uuid", nullable: true),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Note = table.Column<string>(type: "character varying(2100)", maxLength: 2100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AllocationEvents_GpuAllocations_AllocationId",
                        column: x => x.AllocationId,
                        principalTable: "GpuAllocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GpuJobUsages",
                columns: table => new
                {
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    JobId = table.Column<long>(type: "bigint", nullable: false),
                    Account = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    User = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Partition = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ElapsedSeconds = table.Column<long>(type: "bigint", nullable: false),
                    Gpus = table.Column<int>(type: "integer", nullable: false),
                    GpuSeconds = table.Column<long>(type: "bigint", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    AllocationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GpuJobUsages", x => new { x.ClusterId, x.JobId });
                    table.ForeignKey(
                        name: "FK_GpuJobUsages_GpuAllocations_AllocationId",
                        column: x => x.AllocationId,
                        principalTable: "GpuAllocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GpuJobUsages_GpuClusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "GpuClusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AllocationEvents_AllocationId_At",
                table: "AllocationEvents",
                columns: new[] { "AllocationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_GpuAllocations_AgreementId",
                table: "GpuAllocations",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_GpuAllocations_ClusterId_SlurmAccount_StartsAt",
                table: "GpuAllocations",
                columns: new[] { "ClusterId", "SlurmAccount", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GpuAllocations_OrganizationId_Status",
                table: "GpuAllocations",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_GpuAllocations_PartitionId",
                table: "GpuAllocations",
                column: "PartitionId");

            migrationBuilder.CreateIndex(
                name: "IX_GpuAllocations_Status_EndsOn",
                table: "GpuAllocations",
                columns: new[] { "Status", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GpuClusters_Name",
                table: "GpuClusters",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GpuJobUsages_AllocationId_StartedAt",
                table: "GpuJobUsages",
                columns: new[] { "AllocationId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GpuJobUsages_ClusterId_Month",
                table: "GpuJobUsages",
                columns: new[] { "ClusterId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_GpuModels_Name",
                table: "GpuModels",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GpuPartitions_ClusterId_Name",
                table: "GpuPartitions",
                columns: new[] { "ClusterId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GpuPartitions_ModelId",
                table: "GpuPartitions",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_UsageImports_ClusterId_StartedAt",
                table: "UsageImports",
                columns: new[] { "ClusterId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UsageImports_Sha256",
                table: "UsageImports",
                column: "Sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AllocationEvents");

            migrationBuilder.DropTable(
                name: "GpuJobUsages");

            migrationBuilder.DropTable(
                name: "UsageImports");

            migrationBuilder.DropTable(
                name: "GpuAllocations");

            migrationBuilder.DropTable(
                name: "GpuPartitions");

            migrationBuilder.DropTable(
                name: "GpuClusters");

            migrationBuilder.DropTable(
                name: "GpuModels");
        }
    }
}
