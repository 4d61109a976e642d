using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Spaces;

public sealed class RoomOverlapTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static async Task<(Guid RoomId, Guid[] Tenancies)> ArrangeAsync(HubAppFactory host, int tenants)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var site = Site.Create($"시험 거점 {Guid.NewGuid():N}", "Test site", "서울");
        var floor = Floor.Create(site, 1);
        var room = Room.Create(floor, "101", RoomKind.Office, 30m);
        db.AddRange(site, floor, room);
        var tenancies = new List<Guid>();
        for (var i = 0; i < tenants; i++)
        {
            var organization = Organization.Create($"겹침시험 {Guid.NewGuid():N}", $"Overlap {i}", OrganizationType.Startup, TenancyStatus.None,
                DateTimeOffset.UtcNow);
            var tenancy = Tenancy.Apply(organization.Id, Day);
            tenancy.Admit(Day, Day.AddYears(2), null);
            db.AddRange(organization, tenancy);
            tenancies.Add(tenancy.Id);
        }

        await db.SaveChangesAsync();
        return (room.Id, tenancies.ToArray());
    }

    private static async Task AssignAsync(HubAppFactory host, Guid tenancyId, Guid roomId, DateOnly from, DateOnly? to)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TenancyService>().AssignRoomAsync(tenancyId, roomId, from, to);
    }

    [Theory, OnEveryDatabase]
    public async Task A_room_held_by_one_tenancy_is_refused_to_another_for_overlapping_dates(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var (room, tenancies) = await ArrangeAsync(host, 2);
        await AssignAsync(host, tenancies[0], room, Day, Day.AddDays(100));

        var refused = await Assert.ThrowsAsync<RuleException>(() => AssignAsync(host, tenancies[1], room, Day.AddDays(99), null));
        Assert.Equal("Tenancy.Error.RoomOccupied", refused.Key);

        await AssignAsync(host, tenancies[1], room, Day.AddDays(100), null);   // from the day it is free
        Assert.Equal(2, await host.QueryAsync(db => db.RoomAssignments.CountAsync(a => a.RoomId == room)));
    }

    [Theory, OnEveryDatabase]
    public async Task The_database_itself_refuses_an_overlap_that_skips_the_service(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var (room, tenancies) = await ArrangeAsync(host, 2);
        await AssignAsync(host, tenancies[0], room, Day, null);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var other = await db.Tenancies.Include(t => t.Rooms).SingleAsync(t => t.Id == tenancies[1]);
        other.AssignRoom(await db.Rooms.SingleAsync(r => r.Id == room), Day.AddDays(500), Day.AddDays(600));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(RoomOverlap.IsViolation(error), error.InnerException?.Message);
    }

    [Theory, OnEveryDatabase]
    public async Task Of_concurrent_requests_for_the_same_room_exactly_one_wins(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var (room, tenancies) = await ArrangeAsync(host, 6);

        var outcomes = await Task.WhenAll(tenancies.Select(async t =>
        {
            try
            {
                await AssignAsync(host, t, room, Day.AddDays(10), null);
                return "won";
            }
            catch (RuleException ex) when (ex.Key == "Tenancy.Error.RoomOccupied")
            {
                return "refused";
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == "won"));
        Assert.Equal(5, outcomes.Count(o => o == "refused"));
        Assert.Equal(1, await host.QueryAsync(db => db.RoomAssignments.CountAsync(a => a.RoomId == room)));
    }
}
