using System.Data.Common;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs;

/// <summary>
/// The ranking page of a large call: 2,000 applications × 10 reviewers ranked and rendered in one request, with the
/// same number of reads as a small call. Its speed is measured by bench/ranking.sh, not here.
/// </summary>
public sealed class OperatorRankingScaleTests
{
    /// <summary>Counts the SQL commands the host sends, to show the page's reads do not grow with its rows.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecuting(command, eventData, result);
        }
    }

    [Theory, OnEveryDatabase]
    public async Task Two_thousand_applications_with_ten_reviewers_rank_and_render_with_the_same_reads_as_ten(string provider)
    {
        var counter = new CommandCounter();
        using var host = await TestHosts.StartAsync(provider, services: s => s.ConfigureDbContext<HubDb>(o => o.AddInterceptors(counter)));
        var (small, _) = await SeedAsync(host, applications: 10, reviewers: 10);
        var (large, stage) = await SeedAsync(host, applications: 2000, reviewers: 10);
        using var client = await host.ClientAsync(HubRoles.Operator);

        async Task<(int Commands, string Html)> GetAsync(Guid call)
        {
            var before = counter.Count;
            using var response = await client.GetAsync($"/calls/{call}/ranking?stage={stage}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (counter.Count - before, html);
        }

        // First requests compute the ranking; the next one finds it kept (nothing changed) and only checks the stamp.
        var ten = await GetAsync(small);
        var runs = new List<(int Commands, string Html)> { await GetAsync(large) };
        var kept = await GetAsync(large);

        var document = await HubClient.ParseAsync(new HttpResponseMessage { Content = new StringContent(runs[^1].Html) });
        Assert.Equal(2000, document.QuerySelectorAll("table.ranking tbody tr").Length);
        Assert.Equal(2000, document.QuerySelectorAll("table.ranking input[name=Selected]").Length);
        Assert.Equal(100, document.QuerySelectorAll("table.ranking input[name=Selected][checked]").Length);   // the award cap
        Assert.All(runs, r => Assert.Equal(ten.Commands, r.Commands));
        Assert.True(kept.Commands < ten.Commands, $"kept ranking: {kept.Commands} commands, computed: {ten.Commands}");
        Assert.Equal(2000, (await HubClient.ParseAsync(new HttpResponseMessage { Content = new StringContent(kept.Html) }))
            .QuerySelectorAll("table.ranking tbody tr").Length);

        // The whole confirm form posts (some 4,100 values): a change without a reason is refused with its message.
        var form = document.QuerySelector("#confirm-form")!;
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[name]").Where(i => i.Type is not "checkbox" || i.IsChecked)
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        values.RemoveAt(values.FindIndex(v => v.Key == "Selected"));   // rank 1 not selected, and no reason given
        Assert.True(values.Count > 4000, $"{values.Count} values");   // far above the default limit of 1,024
        using var refused = await client.Http.PostAsync($"/calls/{large}/ranking?handler=Confirm&stage={stage}",
            new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("1위:", (await HubClient.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<(Guid Call, string Stage)> SeedAsync(HubAppFactory host, int applications, int reviewers)
    {
        var applicant = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id);
        var reviewerIds = new List<Guid>();
        for (var i = 0; i < reviewers; i++)
        {
            reviewerIds.Add((await host.CreateAsync(HubRoles.Reviewer, twoFactor: false)).Id);
        }

        await using var scope = host.Services.CreateAsyncScope();
        var calls = scope.ServiceProvider.GetRequiredService<CallService>();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var program = await calls.CreateProgramAsync(ProgramKind.RndGrant, "대규모 사업", "Large program", null, null);
        var (design, _) = CallDesignText.Parse(EligibilityRules.Anyone, null, null,
            "# paper | 서류평가 | Paper\ntech | 기술성 | Technology | 50 | 100\nmarket | 사업성 | Market | 30 | 100\nteam | 역량 | Team | 20 | 100");
        var now = DateTimeOffset.UtcNow;
        var call = await calls.CreateAsync(program.Id, new CallText("대규모 공고", "Large call", "본문", null),
            new CallTerms(now.AddDays(-10), now.AddDays(10), 1_000_000_000_000, 100, 7), design!);
        await calls.PublishAsync(call.Id);
        var stage = design!.Stages[0];

        var random = new Random(42);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organizations = Enumerable.Range(0, applications)
            .Select(i => Organization.Create($"대량기관 {suffix} {i}", $"Bulk {suffix} {i}", OrganizationType.Startup, TenancyStatus.None, now))
            .ToList();
        db.Organizations.AddRange(organizations);
        await db.SaveChangesAsync();
        var rows = organizations.Select((o, i) =>
        {
            var application = Application.Start(call.Id, o.Id, applicant.Id, now);
            application.SaveDraft($"과제 {i}", random.Next(1, 500) * 1_000_000L, new Dictionary<string, string>(), now);
            return application;
        }).ToList();
        db.Applications.AddRange(rows);
        await db.SaveChangesAsync();
        await db.Applications.Where(a => a.CallId == call.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.UnderReview).SetProperty(a => a.SubmittedAt, now));

        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var application in rows)
        {
            foreach (var reviewer in reviewerIds)
            {
                var assignment = ReviewerAssignment.Create(call.Id, application.Id, stage.Key, reviewer, now);
                assignment.Score(stage, stage.Criteria.ToDictionary(c => c.Key, _ => new CriterionScore(random.Next(40, 101), null)),
                    submit: true, now);
                db.ReviewerAssignments.Add(assignment);
            }
        }

        await db.SaveChangesAsync();
        return (call.Id, stage.Key);
    }
}
