using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
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

        // A write that bypasses this node's index (as another application node would) is seen at the next stamp check.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            var organization = await db.Organizations.FirstAsync(o => o.NameKo == "말결랩스");
            organization.UpdateProfile(organization.Profile with { NameKo = "말결랩스 (새 이름)" }, clock.GetUtcNow().AddSeconds(1));
            await db.SaveChangesAsync();
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
}
