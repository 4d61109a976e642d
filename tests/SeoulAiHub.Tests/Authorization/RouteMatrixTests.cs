using System.Net;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Authorization;

/// <summary>
/// Who may open what. Each role signs in once and walks every route; the table states the expected answer,
/// denials included: anonymous people are sent to sign in (pages) or get 401 (API), signed-in people without the
/// role get the access-denied page (403 for the API), and private records of another organization answer 404.
/// </summary>
public sealed class RouteMatrixTests
{
    private const string Ok = "200";
    private const string SignIn = "sign-in";
    private const string Denied = "denied";
    private const string NotFound = "404";
    private const string Unauthorized = "401";
    private const string Anonymous = "Anonymous";

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            foreach (var role in new[] { Anonymous, HubRoles.Learner, HubRoles.TenantMember, HubRoles.DemandOrganizationMember, HubRoles.Reviewer, HubRoles.Overseer, HubRoles.Operator })
            {
                rows.Add(provider, role);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_role_gets_exactly_what_the_matrix_says(string provider, string role)
    {
        var host = await TestHosts.GetAsync(provider);
        var ownOrganization = await host.CreateOrganizationAsync();
        var otherOrganization = await host.CreateOrganizationAsync();
        var organizationId = HubRoles.NeedsOrganization(role) ? ownOrganization.Id : (Guid?)null;
        using var client = await host.ClientAsync(role == Anonymous ? null : role, organizationId);
        var p = await ProgramFixture.CreateAsync(host, ownOrganization.Id, otherOrganization.Id);
        var o = await OutcomesFixture.CreateAsync(host, ownOrganization.Id, otherOrganization.Id);
        var e = await EngagementFixture.CreateAsync(host, ownOrganization.Id, otherOrganization.Id);
        var i = await InfrastructureFixture.CreateAsync(host, ownOrganization.Id, otherOrganization.Id);
        static string OwnApplication(string r) => r switch
        {
            Anonymous => SignIn,
            HubRoles.Operator or HubRoles.TenantMember or HubRoles.DemandOrganizationMember => Ok,
            _ => NotFound,
        };
        static string OperatorPage(string r) => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied };
        static string OversightPage(string r) => r switch { Anonymous => SignIn, HubRoles.Operator or HubRoles.Overseer => Ok, _ => Denied };

        // KPI values are the organization's own, its operators' and overseers'; anyone else is told nothing exists.
        static string OwnValues(string r) => r switch
        {
            Anonymous => SignIn,
            HubRoles.Operator or HubRoles.Overseer or HubRoles.TenantMember or HubRoles.DemandOrganizationMember => Ok,
            _ => NotFound,
        };
        static string OtherValues(string r) => r switch { Anonymous => SignIn, HubRoles.Operator or HubRoles.Overseer => Ok, _ => NotFound };
        static Func<string, string> Api(Func<string, string> page) => r => r == Anonymous ? Unauthorized : page(r);

        (string Route, Func<string, string> Expect)[] matrix =
        [
            ("/", _ => Ok),
            ("/healthz", _ => Ok),
            ("/api/hub/figures", _ => Ok),
            ("/openapi/v1.json", _ => Ok),
            ("/account/sign-in", _ => Ok),
            ("/directory", _ => Ok),
            ("/directory?q=AI&type=Startup&domain=vision", _ => Ok),
            ("/api/organizations", _ => Ok),
            ($"/api/organizations/{ownOrganization.Id}", _ => Ok),
            ($"/organizations/{ownOrganization.Id}", _ => Ok),
            ($"/organizations/{Guid.NewGuid()}", _ => NotFound),
            ($"/organizations/{ownOrganization.Id}/edit", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => NotFound }),
            ($"/organizations/{otherOrganization.Id}/edit", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => NotFound }),
            ($"/organizations/{otherOrganization.Id}/logo", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => NotFound }),
            ("/organizations/new/edit", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => NotFound }),
            ($"/organizations/{ownOrganization.Id}/tenancy", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied }),
            ($"/invitations/{Guid.NewGuid()}?token=x", _ => Ok),
            ("/admin/spaces", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied }),
            ("/admin/taxonomies", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied }),
            ("/admin/organizations/import", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied }),
            ("/api/organizations/export.csv", r => r switch { Anonymous => Unauthorized, HubRoles.Operator => Ok, _ => Denied }),
            ("/spaces/occupancy", r => r switch { Anonymous => SignIn, HubRoles.Operator or HubRoles.Overseer => Ok, _ => Denied }),
            ("/account/register", _ => Ok),
            ("/account", r => r == Anonymous ? SignIn : Ok),
            ("/account/two-factor", r => r == Anonymous ? SignIn : Ok),
            ("/api/account/me", r => r == Anonymous ? Unauthorized : Ok),
            ("/admin/users", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied }),
            ("/admin/memberships", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied }),
            ("/admin/audit", r => r switch { Anonymous => SignIn, HubRoles.Operator or HubRoles.Overseer => Ok, _ => Denied }),
            ($"/organizations/{ownOrganization.Id}/members", r => r switch
            {
                Anonymous => SignIn,
                HubRoles.Operator or HubRoles.Overseer or HubRoles.TenantMember or HubRoles.DemandOrganizationMember => Ok,
                _ => NotFound,
            }),
            ($"/organizations/{otherOrganization.Id}/members", r => r switch
            {
                Anonymous => SignIn,
                HubRoles.Operator or HubRoles.Overseer => Ok,
                _ => NotFound,
            }),

            // Programs: calls are public once published; applications are private to the applicant, its reviewers and operators.
            ("/calls", _ => Ok),
            ($"/calls/{p.PublishedCall}", _ => Ok),
            ($"/calls/{p.DraftCall}", r => r == HubRoles.Operator ? Ok : NotFound),
            ("/api/calls", _ => Ok),
            ($"/api/calls/{p.PublishedCall}", _ => Ok),
            ($"/api/calls/{p.DraftCall}", r => r == HubRoles.Operator ? Ok : NotFound),
            ($"/calls/{p.PublishedCall}/apply", r => r == Anonymous ? SignIn : Ok),
            ("/applications", r => r == Anonymous ? SignIn : Ok),
            ($"/applications/{p.OwnApplication}", OwnApplication),
            ($"/applications/{p.OwnApplication}/documents/{p.OwnDocument}", OwnApplication),
            ($"/applications/{p.OtherApplication}", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => NotFound }),
            ($"/applications/{p.OtherApplication}/documents/{p.OtherDocument}", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => NotFound }),
            ("/api/applications", r => r == Anonymous ? Unauthorized : Ok),
            ($"/api/applications/{p.OwnApplication}", r => r == Anonymous ? Unauthorized : OwnApplication(r)),
            ($"/api/applications/{p.OtherApplication}", r => r switch { Anonymous => Unauthorized, HubRoles.Operator => Ok, _ => NotFound }),
            ("/review", r => r switch { Anonymous => SignIn, HubRoles.Reviewer => Ok, _ => Denied }),
            ($"/review/{p.OtherReviewersAssignment}", r => r switch { Anonymous => SignIn, HubRoles.Reviewer => NotFound, _ => Denied }),
            ("/notifications", r => r == Anonymous ? SignIn : Ok),
            ("/programs", OperatorPage),
            ($"/programs/{p.Program}", OperatorPage),
            ($"/calls/new?program={p.Program}", OperatorPage),
            ($"/calls/{p.PublishedCall}/edit", OperatorPage),
            ($"/calls/{p.PublishedCall}/manage", OperatorPage),
            ($"/calls/{p.PublishedCall}/ranking", OperatorPage),
            ($"/calls/{p.PublishedCall}/ranking.csv", OperatorPage),

            // Outcomes collection: definitions are public; campaigns are the operators'; reports and values private.
            ("/api/kpis", _ => Ok),
            ("/outcomes/kpis", OperatorPage),
            ($"/outcomes/kpis/{o.Kpi}", OperatorPage),
            ("/outcomes/campaigns", OperatorPage),
            ("/outcomes/campaigns/new", OperatorPage),
            ($"/outcomes/campaigns/{o.Campaign}", OperatorPage),
            ("/outcomes/tasks", r => r == Anonymous ? SignIn : Ok),
            ($"/outcomes/tasks/{o.OwnTask}", OwnValues),
            ($"/outcomes/tasks/{o.OtherTask}", OtherValues),
            ($"/outcomes/tasks/{Guid.NewGuid()}", r => r == Anonymous ? SignIn : NotFound),
            ($"/outcomes/evidence/{o.OwnEvidence}", OwnValues),
            ($"/outcomes/evidence/{o.OtherEvidence}", OtherValues),
            ($"/api/organizations/{ownOrganization.Id}/kpi-values", Api(OwnValues)),
            ($"/api/organizations/{otherOrganization.Id}/kpi-values", Api(OtherValues)),

            // Outcomes figures: dashboards and the report for operators and overseers; open data and aggregates for everyone.
            ("/outcomes", OversightPage),
            ("/outcomes?from=2025-Q1&to=2025-Q4&grain=quarter&kpi=headcount", OversightPage),
            ("/outcomes/report", OversightPage),
            ("/outcomes/report?period=2025", OversightPage),
            ("/outcomes/report.xlsx?period=2025-Q4", OversightPage),
            ($"/outcomes/programs/{p.Program}", OversightPage),
            ($"/outcomes/programs/{Guid.NewGuid()}", r => r switch { Anonymous => SignIn, HubRoles.Operator or HubRoles.Overseer => NotFound, _ => Denied }),
            ("/open-data", _ => Ok),
            ("/open-data?from=2025-H1&to=2025-H2", _ => Ok),
            ("/open-data/outcomes.csv", _ => Ok),
            ("/open-data/outcomes.json", _ => Ok),
            ("/api/outcomes/aggregates", _ => Ok),

            // Engagement: visits and reports are for operators and overseers; opinions are read by their own organization
            // (internal ones), by everybody signed in (public ones), and by operators and overseers (all).
            // Facilities: any signed-in person searches and books what their audience may (tenants-only rooms are not
            // found by people without a membership); operators manage; operators and overseers read the report. The
            // calendar feeds are public addresses whose token decides: a wrong one finds nothing.
            ("/facilities", r => r == Anonymous ? SignIn : Ok),
            ("/facilities?q=%EB%AA%A9%EC%9A%94%EC%9D%BC%20%EC%98%A4%ED%9B%84%2012%EB%AA%85", r => r == Anonymous ? SignIn : Ok),
            ($"/facilities/{i.PublicRoom}", r => r == Anonymous ? SignIn : Ok),
            ($"/facilities/{i.TenantRoom}", r => r switch
            {
                Anonymous => SignIn,
                HubRoles.Operator or HubRoles.Overseer or HubRoles.TenantMember or HubRoles.DemandOrganizationMember => Ok,
                _ => NotFound,
            }),
            ($"/facilities/{Guid.NewGuid()}", r => r == Anonymous ? SignIn : NotFound),
            ($"/facilities/book?facility={i.PublicRoom}", r => r switch { Anonymous => SignIn, HubRoles.Overseer => Denied, _ => Ok }),
            ("/facilities/bookings", r => r == Anonymous ? SignIn : Ok),
            ("/facilities/manage", OperatorPage),
            ($"/facilities/manage/facility/{i.TenantRoom}", OperatorPage),
            ("/facilities/manage/facility", OperatorPage),
            ("/facilities/report", OversightPage),
            ("/api/facilities/availability?q=%EB%AA%A9%EC%9A%94%EC%9D%BC%20%EC%98%A4%ED%9B%84%2012%EB%AA%85", Api(_ => Ok)),
            ("/api/facilities/bookings", Api(_ => Ok)),
            ($"/calendar/facilities/{i.PublicRoom}.ics?token=not-a-token", _ => NotFound),
            ("/calendar/me.ics?token=not-a-token", _ => NotFound),

            // GPU compute: allocations are their organization's, its operators' and overseers'.
            ("/compute", r => r == Anonymous ? SignIn : Ok),
            ($"/compute/allocations/{i.OwnAllocation}", OwnValues),
            ($"/compute/allocations/{i.OtherAllocation}", OtherValues),
            ($"/compute/allocations/{Guid.NewGuid()}", r => r == Anonymous ? SignIn : NotFound),
            ("/compute/manage", OperatorPage),
            ("/compute/report", OversightPage),
            ("/api/compute/allocations", Api(_ => Ok)),
            ($"/api/compute/allocations/{i.OwnAllocation}/usage", Api(OwnValues)),
            ($"/api/compute/allocations/{i.OtherAllocation}/usage", Api(OtherValues)),

            ("/engagement/visits", OversightPage),
            ("/engagement/visits/new", OperatorPage),
            ($"/engagement/visits/{e.Visit}", OversightPage),
            ($"/engagement/visits/{Guid.NewGuid()}", r => r switch { Anonymous => SignIn, HubRoles.Operator or HubRoles.Overseer => NotFound, _ => Denied }),
            ($"/engagement/visits/{e.Visit}/briefing", OversightPage),
            ($"/engagement/visits/{e.Visit}/briefing?download=1", OversightPage),
            ($"/engagement/visits/{e.Visit}/report", OversightPage),
            ("/engagement/opinions", r => r == Anonymous ? SignIn : Ok),
            ("/engagement/opinions?category=Funding&stage=Waiting", r => r == Anonymous ? SignIn : Ok),
            ("/engagement/opinions/new", r => r switch
            {
                Anonymous => SignIn,
                HubRoles.Operator or HubRoles.TenantMember or HubRoles.DemandOrganizationMember => Ok,
                _ => Denied,
            }),
            ($"/engagement/opinions/{e.OwnInternal}", OwnValues),
            ($"/engagement/opinions/{e.OtherInternal}", OtherValues),
            ($"/engagement/opinions/{e.OtherPublic}", r => r == Anonymous ? SignIn : Ok),
            ($"/engagement/opinions/{Guid.NewGuid()}", r => r == Anonymous ? SignIn : NotFound),
            ("/engagement/actions", OversightPage),
            ("/engagement/actions?overdue=true", OversightPage),
            ("/engagement/report", OversightPage),
            ("/engagement/report?from=2025-07-01&to=2025-12-31", OversightPage),
            ("/oversight", OversightPage),
            ("/you-said-we-did", _ => Ok),
            ("/you-said-we-did?from=2025-01-01&to=2025-12-31", _ => Ok),
        ];

        var mismatches = new List<string>();
        foreach (var (route, expect) in matrix)
        {
            using var response = await client.GetAsync(route);
            var actual = Classify(response);
            var expected = expect(role);
            if (actual != expected)
            {
                mismatches.Add($"{route}: expected {expected}, got {actual}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{role} on {provider}: " + string.Join("; ", mismatches));
    }

    private static string Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Ok,
            HttpStatusCode.NotFound => NotFound,
            HttpStatusCode.Unauthorized => Unauthorized,
            HttpStatusCode.Forbidden => Denied,
            HttpStatusCode.Redirect when location.Contains("/account/sign-in", StringComparison.Ordinal) => SignIn,
            HttpStatusCode.Redirect when location.Contains("/account/access-denied", StringComparison.Ordinal) => Denied,
            _ => $"{(int)response.StatusCode} {location}",
        };
    }
}
