using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Platform;

/// <summary>
/// A change to an entity or its configuration without a migration fails here, on each provider, instead of as a
/// missing column in some later query.
/// </summary>
public sealed class MigrationsTests
{
    [Theory, OnEveryDatabase]
    public async Task Each_providers_migrations_match_the_model(string provider)
    {
        var host = await TestHosts.GetAsync(provider);

        var pending = await host.WithAsync<HubDb, bool>(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.False(pending, $"The model has changes without a migration for {provider}: see README, \"New migration\".");
    }
}
