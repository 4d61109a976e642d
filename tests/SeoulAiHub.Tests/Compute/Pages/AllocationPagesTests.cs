using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Compute.Services.ComputeScenario;
using static SeoulAiHub.Tests.Infrastructure.PageAnswers;
using static SeoulAiHub.Tests.Infrastructure.TestDates;

namespace SeoulAiHub.Tests.Compute.Pages;

/// <summary>An allocation through the pages: requested by a member, approved by an operator, its terms accepted, its usage read.</summary>
public sealed class AllocationPagesTests
{
    [Theory, OnEveryDatabase]
    public async Task A_member_requests_an_operator_approves_the_member_accepts_the_terms_and_sees_the_usage(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var memberUser = await host.CreateAsync(HubRoles.TenantMember, organization.Id);
        var opUser = await host.CreateAsync(HubRoles.Operator);
        var cluster = await ClusterAsync(host);
        using var member = await host.SignedInClientAsync(memberUser);
        using var op = await host.SignedInClientAsync(opUser);
        var today = host.Today();

        using var requested = await member.SubmitFormAsync("/compute", new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = organization.Id.ToString(), ["Input.ClusterId"] = cluster.Id.ToString(), ["Input.PartitionId"] = "",
            ["Input.GpuHours"] = "1,000", ["Input.StartsOn"] = Iso(today.AddDays(-10)), ["Input.EndsOn"] = Iso(today.AddDays(80)),
            ["Input.Justification"] = "한국어 음성 인식 모델 학습",
        }, "#request-form");
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var url = requested.Headers.Location!.OriginalString;
        var id = Guid.Parse(url.Split('/')[^1]);
        Assert.Equal(organization.Id, (await AllocationAsync(host, id)).OrganizationId);

        using (var approved = await op.SubmitFormAsync(url, new Dictionary<string, string>
               {
                   ["Approval.SlurmAccount"] = "voice-lab", ["Approval.PartitionId"] = "", ["Approval.Terms"] = "연구 목적에만 사용합니다.",
                   ["Approval.StartsOn"] = Iso(today.AddDays(-10)), ["Approval.EndsOn"] = Iso(today.AddDays(80)),
               }, "#approve-form"))
        {
            AssertRedirectToPage(approved, url);
        }

        var waiting = await member.GetDocumentAsync(url);
        Assert.Contains("연구 목적에만 사용합니다.", waiting.QuerySelector("#terms")!.TextContent, StringComparison.Ordinal);
        Assert.Null(waiting.QuerySelector("#approve-form"));
        using (var accepted = await member.SubmitFormAsync(url, new Dictionary<string, string>(), "#accept-terms"))
        {
            AssertRedirectToPage(accepted, url);
        }

        await ImportAsync(host, cluster.Id, string.Join('\n', SacctHeader, Job(host, 9001, "voice-lab", 4, 600),
            Job(host, 9002, "voice-lab", 2, 60)), opUser.Id);

        var page = await member.GetDocumentAsync(url);
        Assert.Equal("사용 중", page.QuerySelector("#allocation-status")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#terms-accepted"));
        Assert.Contains("9001", page.QuerySelector("#jobs")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("42", page.QuerySelector("#usage-months")!.TextContent, StringComparison.Ordinal);          // 40 + 2 GPU-hours
        Assert.Contains("kim", page.QuerySelector("#usage-users")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("svg[role=img]"));
        Assert.Equal(["Requested", "Approved", "TermsAccepted"],
            (await AllocationAsync(host, id)).History.OrderBy(h => h.At).Select(h => h.Kind.ToString()));
        var list = await member.GetDocumentAsync("/compute");
        Assert.NotNull(list.QuerySelector($"#allocations tr[data-allocation='{id}'] meter"));

        // Another organization's member and the public do not see it; an overseer reads it and changes nothing.
        var stranger = await host.CreateOrganizationAsync();
        using var other = await host.SignedInClientAsync(await host.CreateAsync(HubRoles.TenantMember, stranger.Id));
        using (var response = await other.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Null((await other.GetDocumentAsync("/compute")).QuerySelector($"tr[data-allocation='{id}']"));
        using var overseer = await host.SignedInClientAsync(await host.CreateAsync(HubRoles.Overseer));
        Assert.Empty((await overseer.GetDocumentAsync(url)).QuerySelectorAll("main form[method=post]"));
        using (var response = await overseer.PostAsync(url, $"{url}?handler=Suspend", ("Reason", "점검")))
        {
            AssertDenied(response);
        }

        Assert.Equal(AllocationStatus.Active, (await AllocationAsync(host, id)).Status);
    }

    [Theory, OnEveryDatabase]
    public async Task Bad_request_input_is_a_message_and_creates_nothing(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        using var member = await host.SignedInClientAsync(await host.CreateAsync(HubRoles.TenantMember, organization.Id));
        var cluster = await ClusterAsync(host);
        var today = host.Today();
        var fields = new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = organization.Id.ToString(), ["Input.ClusterId"] = cluster.Id.ToString(), ["Input.PartitionId"] = "",
            ["Input.GpuHours"] = "많이", ["Input.StartsOn"] = Iso(today), ["Input.EndsOn"] = Iso(today.AddDays(30)),
            ["Input.Justification"] = "학습",
        };

        await AssertRefusedAsync(await member.SubmitFormAsync("/compute", fields, "#request-form"), "GPU 시간은 1 이상");
        fields["Input.GpuHours"] = "100";
        fields["Input.StartsOn"] = Iso(today.AddDays(10));
        fields["Input.EndsOn"] = Iso(today.AddDays(5));
        await AssertRefusedAsync(await member.SubmitFormAsync("/compute", fields, "#request-form"), "종료일은 시작일과 같거나");
        fields["Input.EndsOn"] = Iso(today.AddDays(30));
        fields["Input.OrganizationId"] = (await host.CreateOrganizationAsync()).Id.ToString();   // not theirs
        await AssertRefusedAsync(await member.SubmitFormAsync("/compute", fields, "#request-form"), "소속 기관을 고르세요");

        Assert.Equal(0, await host.QueryAsync(db => db.GpuAllocations.CountAsync(a => a.ClusterId == cluster.Id)));
    }
}
