using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Email;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Platform.Data;

/// <summary>The hub's one database. Each module keeps its entity configuration beside its entities.</summary>
public sealed class HubDb(DbContextOptions<HubDb> options)
    : IdentityDbContext<HubUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMembership> OrganizationMemberships => Set<OrganizationMembership>();
    public DbSet<OrganizationInvitation> OrganizationInvitations => Set<OrganizationInvitation>();
    public DbSet<TechnologyDomain> TechnologyDomains => Set<TechnologyDomain>();
    public DbSet<Industry> Industries => Set<Industry>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Floor> Floors => Set<Floor>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<Tenancy> Tenancies => Set<Tenancy>();
    public DbSet<RoomAssignment> RoomAssignments => Set<RoomAssignment>();
    public DbSet<SupportProgram> Programs => Set<SupportProgram>();
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<CallAttachment> CallAttachments => Set<CallAttachment>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationDocument> ApplicationDocuments => Set<ApplicationDocument>();
    public DbSet<ReviewerAssignment> ReviewerAssignments => Set<ReviewerAssignment>();
    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<AgreementReport> AgreementReports => Set<AgreementReport>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<KpiDefinition> KpiDefinitions => Set<KpiDefinition>();
    public DbSet<KpiCampaign> KpiCampaigns => Set<KpiCampaign>();
    public DbSet<KpiTask> KpiTasks => Set<KpiTask>();
    public DbSet<KpiLine> KpiLines => Set<KpiLine>();
    public DbSet<KpiEvidence> KpiEvidence => Set<KpiEvidence>();
    public DbSet<KpiFact> KpiFacts => Set<KpiFact>();
    public DbSet<KpiRollup> KpiRollups => Set<KpiRollup>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<VisitParticipant> VisitParticipants => Set<VisitParticipant>();
    public DbSet<VisitStop> VisitStops => Set<VisitStop>();
    public DbSet<FieldOpinion> FieldOpinions => Set<FieldOpinion>();
    public DbSet<OpinionEvent> OpinionEvents => Set<OpinionEvent>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ActionEvent> ActionEvents => Set<ActionEvent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Facility> Facilities => Set<Facility>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<BookingEvent> BookingEvents => Set<BookingEvent>();
    public DbSet<SlotClaim> SlotClaims => Set<SlotClaim>();
    public DbSet<BookingSeries> BookingSeries => Set<BookingSeries>();
    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();
    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();
    public DbSet<FacilityQuota> FacilityQuotas => Set<FacilityQuota>();
    public DbSet<FacilityFeedToken> FacilityFeedTokens => Set<FacilityFeedToken>();
    public DbSet<GpuModel> GpuModels => Set<GpuModel>();
    public DbSet<GpuCluster> GpuClusters => Set<GpuCluster>();
    public DbSet<GpuPartition> GpuPartitions => Set<GpuPartition>();
    public DbSet<GpuAllocation> GpuAllocations => Set<GpuAllocation>();
    public DbSet<AllocationEvent> AllocationEvents => Set<AllocationEvent>();
    public DbSet<GpuJobUsage> GpuJobUsages => Set<GpuJobUsage>();
    public DbSet<UsageImport> UsageImports => Set<UsageImport>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HubDb).Assembly);

        // Entities make their own Guid v7 ids. Telling EF the value is never generated makes a new child added to a
        // tracked parent's collection an INSERT, not an UPDATE of a row EF would otherwise assume exists.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.FindPrimaryKey() is { Properties: [{ ClrType: var type } key] } && type == typeof(Guid))
            {
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type: stored as text, DateTimeOffset can neither be ordered nor compared in SQL.
        // Storing UTC ticks keeps ORDER BY and range filters in the database.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
