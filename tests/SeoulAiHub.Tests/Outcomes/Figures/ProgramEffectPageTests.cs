using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Outcomes.Figures;

public sealed class ProgramEffectPageTests
{
    [Theory, OnEveryDatabase]
    public async Task The_program_page_compares_awardees_with_complete_windows_and_says_how_many_were_left_out(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var complete = await host.CreateOrganizationAsync(status: Features.Organizations.TenancyStatus.None);
        var gap = await host.CreateOrganizationAsync(status: Features.Organizations.TenancyStatus.None);
        var user = await host.CreateAsync(HubRoles.Operator);
        Guid programId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            var created = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
            var decided = new DateTimeOffset(2025, 5, 10, 1, 0, 0, TimeSpan.Zero);   // 2025-Q2 in KST
            var program = SupportProgram.Create(ProgramKind.RndGrant, "전후비교 시험 사업", "Before/after program", null, null, created);
            var design = new CallDesign(EligibilityRules.Anyone, [], [], [new EvaluationStage("paper", "서류평가", "Paper",
                [new Criterion("tech", "기술성", "Technology", 100, 10)])]);
            var call = Call.Create(program.Id, new CallText("전후비교 공고", "Before/after call", "본문", null),
                new CallTerms(created, created.AddDays(20), 100_000_000, 3, 7), design, created);
            db.AddRange(program, call);
            foreach (var org in new[] { complete, gap })
            {
                var application = Application.Start(call.Id, org.Id, user.Id, created);
                application.SaveDraft("과제", 10_000_000, new Dictionary<string, string>(), created);
                application.Submit(created);
                application.StartReview(created);
                application.Decide(true, 10_000_000, null, decided);
                db.Applications.Add(application);
            }

            var revenue = await db.KpiDefinitions.FirstAsync(k => k.Code == "revenue");
            var quarters = new[] { (2024, 2), (2024, 3), (2024, 4), (2025, 1), (2025, 2), (2025, 3), (2025, 4), (2026, 1), (2026, 2) };
            var campaign = Guid.NewGuid();
            foreach (var (year, q) in quarters)
            {
                var period = ReportingPeriod.Of(PeriodGrain.Quarter, year, q);
                var value = year * 10 + q < 20252 ? 100L : year * 10 + q == 20252 ? 99_999L : 300L;
                db.KpiFacts.Add(KpiFact.Of(complete.Id, revenue.Id, period, value, campaign, null));
                if ((year, q) != (2024, 3))
                {
                    db.KpiFacts.Add(KpiFact.Of(gap.Id, revenue.Id, period, value, campaign, null));
                }
            }

            await db.SaveChangesAsync();
            programId = program.Id;
        }

        using var overseer = await host.ClientAsync(HubRoles.Overseer);
        var page = await overseer.GetDocumentAsync($"/outcomes/programs/{programId}");
        Assert.Contains("2곳", page.QuerySelector("[data-testid=effect-awardees]")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelector("tr[data-kpi=revenue]")!;
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1", "1"], cells.Take(2));   // compared, left out
        Assert.Equal(["400", "1200"], row.QuerySelectorAll("td[data-value]").Select(td => td.GetAttribute("data-value")!));
        Assert.Equal("200.0%", cells[^1]);
    }
}
