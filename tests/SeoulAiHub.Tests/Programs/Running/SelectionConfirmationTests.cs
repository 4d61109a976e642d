using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.Running.OperatorPages;

namespace SeoulAiHub.Tests.Programs.Running;

/// <summary>Confirming the final stage: changes to the proposal need reasons, then the results are published.</summary>
public sealed class SelectionConfirmationTests
{
    [Theory, OnEveryDatabase]
    public async Task Confirming_the_final_stage_needs_reasons_for_changes_then_publishes_the_results(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host);   // budget 100,000,000원, at most 2 awards
        var reviewer = await host.CreateAsync(HubRoles.Reviewer);
        var ids = new List<Guid>();
        foreach (var (title, requested) in new[] { ("첫째 과제", 40_000_000L), ("둘째 과제", 30_000_000L), ("셋째 과제", 20_000_000L) })
        {
            ids.Add(await SubmitAsync(host, call, (await host.CreateOrganizationAsync()).Id, title, requested));
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReviewService>().AssignAsync(call, "paper", ids, [reviewer.Id]);
        }

        for (var i = 0; i < ids.Count; i++)
        {
            await ScoreAsync(host, ids[i], reviewer.Id, 90 - (10 * i), 90 - (10 * i));
        }

        using var client = await host.ClientAsync(HubRoles.Operator);
        var url = $"/calls/{call}/ranking";
        var page = await client.GetDocumentAsync(url + "?stage=paper");
        var form = page.QuerySelector("#confirm-form")!;
        Assert.Equal([ids[0].ToString(), ids[1].ToString()], form.QuerySelectorAll("input[name=Selected][checked]")
            .Select(i => i.GetAttribute("value")!));
        Assert.Contains("선정 수 초과", page.QuerySelectorAll("table.ranking tbody tr")[2].TextContent, StringComparison.Ordinal);

        // Rank 3 instead of rank 2 without a reason: refused, nothing decided.
        var values = FormValues(form).Where(v => v.Value != ids[1].ToString() || v.Key != "Selected").ToList();
        values.Add(new("Selected", ids[2].ToString()));
        using (var refused = await client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values)))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var refusedPage = await HubClient.ParseAsync(refused);
            Assert.Contains("2위: 선정(안)과 다르게 결정하려면 사유를 입력하세요", refusedPage.QuerySelector("[role=alert]")!.TextContent,
                StringComparison.Ordinal);
            // the operator's choice is kept
            Assert.NotNull(refusedPage.QuerySelector($"#confirm-form input[name=Selected][value='{ids[2]}'][checked]"));
        }

        Assert.Null(await host.QueryAsync(db => db.Calls.Where(c => c.Id == call).Select(c => c.ResultsPublishedAt).SingleAsync()));
        Assert.Equal(3, await host.QueryAsync(db => db.Applications.CountAsync(a => a.CallId == call &&
            a.Status == ApplicationStatus.UnderReview)));

        // The same change with reasons on the changed rows goes through.
        values.RemoveAll(v => v.Key == $"Reason-{ids[1]}" || v.Key == $"Reason-{ids[2]}");
        values.Add(new($"Reason-{ids[1]}", "중복 지원"));
        values.Add(new($"Reason-{ids[2]}", "차순위 선정"));
        using var confirmed = await client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var statuses = await host.QueryAsync(db => db.Applications.Where(a => a.CallId == call)
            .ToDictionaryAsync(a => a.Id, a => a.Status));
        Assert.Equal([ApplicationStatus.Selected, ApplicationStatus.NotSelected, ApplicationStatus.Selected],
            ids.Select(id => statuses[id]));

        var results = await client.GetDocumentAsync(url);
        Assert.Null(results.QuerySelector("#confirm-form"));
        Assert.Contains("이의신청 마감", results.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("차순위 선정", results.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }
}
