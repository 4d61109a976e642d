using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Platform;

/// <summary>Bulk UPDATE and DELETE pass by the change tracker; the README promises every write is audited anyway.</summary>
public sealed partial class BulkWriteAuditTests
{
    private const string Helper = "Platform/Audit/AuditedBulk.cs";

    [Fact]
    public void Bulk_statements_are_run_only_by_the_audited_helper()
    {
        var source = Path.Combine(TestPaths.RepositoryRoot(), "src", "SeoulAiHub");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(source, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal) && f != Helper)
            .SelectMany(f => File.ReadLines(Path.Combine(source, f)).Select((line, i) => (f, i, line)))
            // code, not comments
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && BulkCall().IsMatch(x.line))
            .Select(x => $"{x.f}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0,
            "Run bulk statements through db.AuditedUpdateAsync / AuditedDeleteAsync so they are audited:\n" + string.Join("\n", offenders));
    }

    [Theory, OnEveryDatabase]
    public async Task Marking_every_notice_read_writes_one_audit_row_naming_the_person(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var user = await host.CreateAsync(null);
        await AddNoticesAsync(host, user.Id, 3);
        using var client = host.CreateHubClient();
        await client.SignInAsync(user);

        using var response = await client.SubmitFormAsync("/notifications", new Dictionary<string, string>());

        Assert.Equal(0, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == user.Id && n.ReadAt == null)));
        var entry = await host.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == "update.bulk" && e.EntityType == nameof(Notification) && e.ActorId == user.Id));
        Assert.Equal(user.Email, entry.Actor);
        Assert.Equal("notices marked read: 3 rows of Notifications", entry.Details);
    }

    [Theory, OnEveryDatabase]
    public async Task The_audit_row_shares_the_transaction_of_the_statement(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var user = await host.CreateAsync(null);
        await AddNoticesAsync(host, user.Id, 2);
        var what = "test " + Guid.NewGuid().ToString("N");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var changed = await db.AuditedUpdateAsync(db.Notifications.Where(n => n.UserId == user.Id),
                s => s.SetProperty(n => n.ReadAt, DateTimeOffset.UtcNow), what);
            Assert.Equal(2, changed);
            await transaction.RollbackAsync();   // both go

            Assert.Equal(0, await db.AuditedDeleteAsync(db.Notifications.Where(n => n.UserId == Guid.Empty), what));   // nothing, no row
            Assert.Equal(2, await db.AuditedDeleteAsync(db.Notifications.Where(n => n.UserId == user.Id), what, entityId: "all"));
        }

        var entries = await host.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Details!.StartsWith(what)).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(("delete.bulk", "Notification", "all", null), (entry.Action, entry.EntityType, entry.EntityId, entry.ActorId));
        Assert.Equal("system", entry.Actor);   // outside a request
        Assert.Equal(0, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == user.Id)));
    }

    private static async Task AddNoticesAsync(HubAppFactory host, Guid userId, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        for (var i = 0; i < count; i++)
        {
            db.Notifications.Add(Notification.Create(userId, $"알림 {i}", $"Notice {i}", null, DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"\bExecute(Update|Delete)(Async)?\b")]
    private static partial Regex BulkCall();
}
