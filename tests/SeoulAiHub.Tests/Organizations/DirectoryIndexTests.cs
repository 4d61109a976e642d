using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Organizations;

public sealed class DirectoryIndexTests
{
    [Theory, OnEveryDatabase]
    public async Task The_snapshot_is_reused_until_something_changes_even_on_another_node(string provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHosts.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var index = host.Services.GetRequiredService<DirectoryIndex>();

        var first = await index.CurrentAsync();
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Same(first, await index.CurrentAsync());   // stamp checked, nothing changed

        // A write this node's SaveChanges does not see (as another application node's) is found at the next stamp check.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            var later = clock.GetUtcNow().AddSeconds(1);
            await db.Organizations.Where(o => o.NameKo == "말결랩스")
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.NameKo, "말결랩스 (새 이름)").SetProperty(x => x.UpdatedAt, later));
        }

        Assert.Same(first, await index.CurrentAsync());   // within the stamp interval
        clock.Advance(TimeSpan.FromSeconds(3));
        var second = await index.CurrentAsync();
        Assert.NotSame(first, second);
        Assert.Contains(second.Entries, e => e.NameKo == "말결랩스 (새 이름)");

        index.Invalidate();   // a write through this node
        Assert.NotSame(second, await index.CurrentAsync());
    }

    [Theory, OnEveryDatabase]
    public async Task A_writer_always_finds_its_own_write_while_others_search_and_write(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var index = host.Services.GetRequiredService<DirectoryIndex>();
        var token = "동시" + Guid.NewGuid().ToString("N")[..6];

        var found = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<OrganizationEditor>()
                .CreateAsync(new OrganizationInput($"{token} {i}", $"Concurrent {i}", OrganizationType.Startup));
            Assert.True(created.Succeeded);
            var page = await index.SearchAsync(new DirectoryQuery($"{token} {i}"));
            return page.Items.Any(e => e.Id == created.Organization!.Id);
        }));

        Assert.All(found, Assert.True);
    }

    [Theory, OnEveryDatabase]
    public async Task A_tenancy_saved_through_Spaces_shows_in_the_directory_without_anyone_invalidating_it(string provider)
    {
        // The clock stands still, so neither the stamp check nor the snapshot's age can explain a rebuild: only the save.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHosts.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var index = host.Services.GetRequiredService<DirectoryIndex>();
        var today = Kst.Today(clock);
        var organization = Organization.Create($"입주시험 {Guid.NewGuid():N}", "Tenancy test", OrganizationType.Startup,
            TenancyStatus.None, clock.GetUtcNow());
        var site = Site.Create($"시험 거점 {Guid.NewGuid():N}", "Test site", "서울");
        var floor = Floor.Create(site, 1);
        var room = Room.Create(floor, "101", RoomKind.Office, 30m);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            db.AddRange(organization, site, floor, room);
            await db.SaveChangesAsync();
        }

        await index.CurrentAsync();
        var before = await index.CurrentAsync();   // the one stamp check a standing clock allows is spent
        Assert.Equal((TenancyStatus.None, 0), Of(before));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var tenancies = scope.ServiceProvider.GetRequiredService<TenancyService>();
            var tenancy = await tenancies.ApplyAsync(organization.Id, today, null);
            await tenancies.AdmitAsync(tenancy.Id, today, today.AddYears(1), null);
            await tenancies.AssignRoomAsync(tenancy.Id, room.Id, today, null);
            await tenancies.MoveInAsync(tenancy.Id, today);
        }

        Assert.Equal((TenancyStatus.Resident, 1), Of(await index.CurrentAsync()));

        (TenancyStatus, int) Of(DirectoryIndex.Snapshot snapshot) =>
            snapshot.Entries.Single(e => e.Id == organization.Id) is var entry
                ? (entry.Status, entry.Sites.Count(s => s == site.Id))
                : default;
    }
}
