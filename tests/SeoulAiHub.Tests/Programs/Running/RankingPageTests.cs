using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.Running.OperatorPages;

namespace SeoulAiHub.Tests.Programs.Running;

/// <summary>The ranking page and its CSV export.</summary>
public sealed class RankingPageTests
{
    [Theory, OnEveryDatabase]
    public async Task The_ranking_page_orders_by_score_and_the_CSV_has_a_BOM_and_Korean_headers(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host);
        var reviewers = new[] { await host.CreateAsync(HubRoles.Reviewer), await host.CreateAsync(HubRoles.Reviewer) };
        // Requested amounts tie-break equal scores: 가람 and 나래 both score 80, 나래 asks for less.
        var scores = new (string Title, long Requested, int[] Tech, int[] Market)[]
        {
            ("가람 과제", 50_000_000, [80, 80], [80, 80]),
            ("나래 과제", 30_000_000, [80, 80], [80, 80]),
            ("다솜 과제", 40_000_000, [90, 100], [90, 100]),
            ("라온 과제", 10_000_000, [50, 60], [70, 40]),
        };
        var ids = new List<Guid>();
        foreach (var s in scores)
        {
            ids.Add(await SubmitAsync(host, call, (await host.CreateOrganizationAsync()).Id, s.Title, s.Requested));
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
            await review.AssignAsync(call, "paper", ids, [.. reviewers.Select(r => r.Id)]);
        }

        for (var i = 0; i < scores.Length; i++)
        {
            for (var r = 0; r < reviewers.Length; r++)
            {
                await ScoreAsync(host, ids[i], reviewers[r].Id, scores[i].Tech[r], scores[i].Market[r]);
            }
        }

        using var client = await host.ClientAsync(HubRoles.Operator);
        var page = await client.GetDocumentAsync($"/calls/{call}/ranking?stage=paper");
        var rows = page.QuerySelectorAll("table.ranking tbody tr");
        Assert.Equal(["다솜 과제", "나래 과제", "가람 과제", "라온 과제"],
            rows.Select(r => scores.Select(s => s.Title).Single(t => r.TextContent.Contains(t, StringComparison.Ordinal))));
        Assert.Equal(["1", "2", "3", "4"], rows.Select(r => r.QuerySelector("td.rank")!.TextContent.Trim()));
        Assert.Equal("95.00", rows[0].QuerySelector("td.score")!.TextContent.Trim());
        Assert.Contains("신청 금액이 적음", rows[2].TextContent, StringComparison.Ordinal);   // 가람 behind 나래 on the amount
        Assert.NotNull(page.QuerySelector("#confirm-form"));   // a single stage: it is the final one
        Assert.Contains("제출되지 않은 심사 0건", page.QuerySelector("#pending-notice")!.TextContent, StringComparison.Ordinal);

        using var csv = await client.GetAsync($"/calls/{call}/ranking.csv?stage=paper");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal($"ranking-{call}-paper.csv", csv.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("순위,기관,과제명,신청금액,심사위원 수,평가점수,동점 처리,선정(안),심사위원1,심사위원2", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("1,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",다솜 과제,40000000,2,95.00,,선정,", lines[1], StringComparison.Ordinal);
    }
}
