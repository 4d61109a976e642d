namespace SeoulAiHub.Tests.Platform.Architecture;

/// <summary>One module: the modules it may use, and the types of it that other modules may use (its public surface).</summary>
public sealed record ModuleRule(string Module, string[] DependsOn, string[] Surface);

/// <summary>A read of another module's table allowed for a reason (a join in SQL that a query service would make slow).</summary>
public sealed record AllowedRead(string Reader, string Table, string Why);

/// <summary>
/// The module boundaries, as data. docs/architecture.md ("Module boundaries") shows the same two tables and a test
/// checks that they agree, so change both together. The order of modules follows the dependencies (used ones first).
/// </summary>
public static class ModuleBoundaries
{
    public static readonly ModuleRule[] Modules =
    [
        new("Organizations", [],
            ["Organization", "OrganizationType", "TenancyStatus", "TechnologyDomain", "Industry", "TaxonomyTerm",
             "MembershipRole", "MembershipStatus", "Memberships", "MemberOrganization", "PersonMembership",
             "OrganizationLookup", "OrganizationInfo", "IOrganizationPremises", "SiteName", "MarkdownText",
             "OrganizationCsv", "CsvImportResult", "CsvRowError", "BusinessRegistrationNumber", "OrganizationProfile",
             "StandardTaxonomies"]),
        new("Spaces", ["Organizations"], ["Site", "Floor", "Room", "SiteLookup", "OccupancyReport", "SiteOccupancy"]),
        new("Notifications", ["Organizations"], ["Notifier"]),
        new("Programs", ["Notifications", "Organizations"],
            ["Application", "ApplicationStatus", "Agreement", "AgreementLookup", "Call", "CallStatus", "SupportProgram",
             "DocumentStore"]),
        new("Outcomes", ["Notifications", "Organizations", "Programs", "Spaces"],
            ["ReportingPeriod", "PeriodGrain", "KpiUnit", "CollectionFormat"]),
        new("Compute", ["Notifications", "Organizations", "Programs"], []),
        new("Facilities", ["Notifications", "Organizations", "Spaces"], []),
        new("Engagement", ["Notifications", "Organizations", "Outcomes", "Programs", "Spaces"], []),
        new("Account", ["Organizations"], []),
        new("Admin", ["Organizations"], []),
        new("Home", ["Organizations"], []),
        new("Errors", [], []),
        new("Shared", [], []),
    ];

    public static readonly AllowedRead[] Reads =
    [
        new("Admin", "Organizations.OrganizationMembership", "the operators' console approves self-registered memberships"),
        new("Admin", "Organizations.TechnologyDomain", "the operators' console edits the taxonomies"),
        new("Admin", "Organizations.Industry", "the operators' console edits the taxonomies"),
        new("Spaces", "Organizations.Organization", "a tenancy step sets Organization.TenancyStatus in the same transaction"),
        new("Spaces", "Organizations.OrganizationMembership", "the synthetic load (seed synthetic) gives each organization two members"),
        new("Spaces", "Organizations.TechnologyDomain", "the synthetic load tags its organizations with the standard terms"),
        new("Spaces", "Organizations.Industry", "the synthetic load tags its organizations with the standard terms"),
        new("Programs", "Organizations.Organization", "the synthetic review load (seed review) creates its applicant organizations"),
        new("Facilities", "Organizations.Organization", "the booking board names each booking's organization in one left join"),
        new("Engagement", "Organizations.Organization", "a briefing pack loads the visited organizations with domains and industries"),
        new("Engagement", "Programs.Application", "a briefing pack lists the visited organizations' applications in one query"),
        new("Engagement", "Outcomes.KpiDefinition", "a briefing pack shows the visited organizations' latest official KPI values"),
        new("Engagement", "Outcomes.KpiFact", "a briefing pack shows the visited organizations' latest official KPI values"),
        new("Engagement", "Spaces.Tenancy", "a briefing pack shows the visited organizations' tenancies"),
        new("Engagement", "Spaces.RoomAssignment", "the itinerary check joins an organization's rooms to their sites on the day"),
        new("Outcomes", "Organizations.Organization", "rollups segment by organization type and technology domain in SQL"),
        new("Outcomes", "Organizations.TechnologyDomain", "figure sheets label the technology-domain segments of the rollups"),
        new("Outcomes", "Programs.Application", "rollups, campaign targets and program effects group by awarding program in SQL"),
        new("Outcomes", "Programs.Call", "the performance report joins awards to their calls and programs"),
        new("Outcomes", "Programs.SupportProgram", "rollups, campaigns and the performance report name the awarding programs"),
        new("Outcomes", "Spaces.RoomAssignment", "rollups segment by site (rooms held at the period's end) in SQL"),
        new("Outcomes", "Spaces.Tenancy", "the performance report counts tenancies by status"),
    ];
}
