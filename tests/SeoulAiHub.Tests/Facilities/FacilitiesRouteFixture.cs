using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Authorization;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Authorization.MatrixAnswers;

namespace SeoulAiHub.Tests.Facilities;

/// <summary>
/// The facility booking rows of the route matrix: any signed-in person searches and books what their audience may
/// (tenants-only rooms are not found by people without a membership); operators manage; operators and overseers read
/// the report. The calendar feeds are public addresses whose token decides: a wrong one finds nothing.
/// </summary>
internal sealed class FacilitiesRouteFixture : IRouteMatrixPart
{
    public async Task<IReadOnlyList<(string Route, Func<string, string> Expect)>> RoutesAsync(HubAppFactory host, Guid ownOrganization,
        Guid otherOrganization)
    {
        // Two rooms of the demo hub: one open to tenants only, one open to the public too.
        var rooms = await host.QueryAsync(db => db.Facilities.Where(f => f.NameKo == "2층 회의실 B" || f.NameKo == "공개 강의실 1")
            .ToDictionaryAsync(f => f.NameKo, f => f.Id));
        var (tenantRoom, publicRoom) = (rooms["2층 회의실 B"], rooms["공개 강의실 1"]);
        return
        [
            ("/facilities", r => r == Anonymous ? SignIn : Ok),
            ("/facilities?q=%EB%AA%A9%EC%9A%94%EC%9D%BC%20%EC%98%A4%ED%9B%84%2012%EB%AA%85", r => r == Anonymous ? SignIn : Ok),
            ($"/facilities/{publicRoom}", r => r == Anonymous ? SignIn : Ok),
            ($"/facilities/{tenantRoom}", r => r switch
            {
                Anonymous => SignIn,
                HubRoles.Operator or HubRoles.Overseer or HubRoles.TenantMember or HubRoles.DemandOrganizationMember => Ok,
                _ => NotFound,
            }),
            ($"/facilities/{Guid.NewGuid()}", r => r == Anonymous ? SignIn : NotFound),
            ($"/facilities/book?facility={publicRoom}", r => r switch { Anonymous => SignIn, HubRoles.Overseer => Denied, _ => Ok }),
            ("/facilities/bookings", r => r == Anonymous ? SignIn : Ok),
            ("/facilities/manage", OperatorPage),
            ($"/facilities/manage/facility/{tenantRoom}", OperatorPage),
            ("/facilities/manage/facility", OperatorPage),
            ("/facilities/report", OversightPage),
            ("/api/facilities/availability?q=%EB%AA%A9%EC%9A%94%EC%9D%BC%20%EC%98%A4%ED%9B%84%2012%EB%AA%85", Api(_ => Ok)),
            ("/api/facilities/bookings", Api(_ => Ok)),
            ($"/calendar/facilities/{publicRoom}.ics?token=not-a-token", _ => NotFound),
            ("/calendar/me.ics?token=not-a-token", _ => NotFound),
        ];
    }
}
