using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Compute.Services.ComputeScenario;
using static SeoulAiHub.Tests.Engagement.Visits.VisitPages;

namespace SeoulAiHub.Tests.Compute.Pages;

/// <summary>The compute pages and API as a tenant, an operator and an overseer use them.</summary>
public sealed class ComputePagesTests
{
    private static async Task<HubClient> SignedInAsync(HubAppFactory host, TestUser user)
    {
        var client = host.CreateHubClient();
        await client.SignInAsync(user);
        return client;
    }

    [Theory, OnEveryDatabase]
    public async Task A_member_requests_an_operator_approves_the_member_accepts_the_terms_and_sees_the_usage(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var memberUser = await host.CreateAsync(HubRoles.TenantMember, organization.Id);
        var opUser = await host.CreateAsync(HubRoles.Operator);
        var cluster = await ClusterAsync(host);
        using var member = await SignedInAsync(host, memberUser);
        using var op = await SignedInAsync(host, opUser);
        var today = host.KstToday();

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
            AssertRedirect(approved, url);
        }

        var waiting = await member.GetDocumentAsync(url);
        Assert.Contains("연구 목적에만 사용합니다.", waiting.QuerySelector("#terms")!.TextContent, StringComparison.Ordinal);
        Assert.Null(waiting.QuerySelector("#approve-form"));
        using (var accepted = await member.SubmitFormAsync(url, new Dictionary<string, string>(), "#accept-terms"))
        {
            AssertRedirect(accepted, url);
        }

        await ImportAsync(host, cluster.Id, string.Join('\n', SacctHeader, Job(host, 9001, "voice-lab", 4, 600), Job(host, 9002, "voice-lab", 2, 60)), opUser.Id);

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
        using var other = await SignedInAsync(host, await host.CreateAsync(HubRoles.TenantMember, stranger.Id));
        using (var response = await other.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Null((await other.GetDocumentAsync("/compute")).QuerySelector($"tr[data-allocation='{id}']"));
        using var overseer = await SignedInAsync(host, await host.CreateAsync(HubRoles.Overseer));
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
        using var member = await SignedInAsync(host, await host.CreateAsync(HubRoles.TenantMember, organization.Id));
        var cluster = await ClusterAsync(host);
        var today = host.KstToday();
        var fields = new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = organization.Id.ToString(), ["Input.ClusterId"] = cluster.Id.ToString(), ["Input.PartitionId"] = "",
            ["Input.GpuHours"] = "많이", ["Input.StartsOn"] = Iso(today), ["Input.EndsOn"] = Iso(today.AddDays(30)), ["Input.Justification"] = "학습",
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

    [Theory, OnEveryDatabase]
    public async Task An_operator_uploads_sacct_and_reads_the_report_with_rejected_lines_tenants_cannot(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var cluster = await ClusterAsync(host);
        using var op = await SignedInAsync(host, await host.CreateAsync(HubRoles.Operator));
        var text = string.Join('\n', SacctHeader, Job(host, 7001, "lab-z", 1, 60), "7002|7002|lab-z|kim|h100|COMPLETED|2026-01-01T00:00:00|2026-01-01T01:00:00|1:xx|gres/gpu=1|x");

        using var uploaded = await UploadAsync(op, cluster.Id, text);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var report = await op.GetDocumentAsync(uploaded.Headers.Location!.OriginalString);
        Assert.Equal("2", report.QuerySelector("#report-lines")!.TextContent.Trim());
        Assert.Equal("1", report.QuerySelector("#report-rejected")!.TextContent.Trim());
        var rejected = report.QuerySelector("#rejected-lines tbody tr")!;
        Assert.Equal("3", rejected.QuerySelector("th")!.TextContent.Trim());
        Assert.Contains("Elapsed 값을 읽을 수 없습니다", rejected.TextContent, StringComparison.Ordinal);
        Assert.Contains("lab-z", report.QuerySelector("#unmatched-accounts")!.TextContent, StringComparison.Ordinal);

        // No file: a message, no import.
        using (var empty = await UploadAsync(op, cluster.Id, null))
        {
            await AssertRefusedAsync(empty, "sacct 파일을 선택하세요");
        }

        using var tenant = await SignedInAsync(host, await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id));
        using (var response = await tenant.GetAsync("/compute/manage"))
        {
            AssertDenied(response);
        }

        using (var response = await tenant.GetAsync("/compute/report"))
        {
            AssertDenied(response);
        }
    }

    [Theory, OnEveryDatabase]
    public async Task The_report_shows_utilization_and_fairness_charts_with_their_tables(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var memberUser = await host.CreateAsync(HubRoles.TenantMember, organization.Id);
        var opUser = await host.CreateAsync(HubRoles.Operator);
        var cluster = await ClusterAsync(host);
        await ActiveAllocationAsync(host, organization.Id, cluster.Id, "fair-lab", 500, memberUser.Id, opUser.Id);
        await ImportAsync(host, cluster.Id, string.Join('\n', SacctHeader, Job(host, 8001, "fair-lab", 8, 600)), opUser.Id);
        using var overseer = await SignedInAsync(host, await host.CreateAsync(HubRoles.Overseer));

        var page = await overseer.GetDocumentAsync("/compute/report");

        Assert.NotNull(page.QuerySelector($"table[data-cluster='{cluster.Id}']"));
        Assert.NotNull(page.QuerySelector($"svg[aria-labelledby^='util-{cluster.Id:N}']"));
        Assert.NotNull(page.QuerySelector("svg[aria-labelledby^='jain']"));
        Assert.Contains(organization.NameKo, page.QuerySelector("#fairness")!.TextContent, StringComparison.Ordinal);
        using var bad = await overseer.GetAsync("/compute/report?from=abc&to=9999-99");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
    }

    [Theory, OnEveryDatabase]
    public async Task The_api_lists_own_allocations_answers_usage_by_month_and_imports_files_for_operators(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var memberUser = await host.CreateAsync(HubRoles.TenantMember, organization.Id);
        var opUser = await host.CreateAsync(HubRoles.Operator);
        var cluster = await ClusterAsync(host);
        var id = await ActiveAllocationAsync(host, organization.Id, cluster.Id, "api-lab", 100, memberUser.Id, opUser.Id);
        var foreign = await ActiveAllocationAsync(host, (await host.CreateOrganizationAsync()).Id, cluster.Id, "api-other", 100, opUser.Id, opUser.Id);
        using var member = await SignedInAsync(host, memberUser);
        using var op = await SignedInAsync(host, opUser);
        var file = string.Join('\n', SacctHeader, Job(host, 6001, "api-lab", 2, 90), "6001.batch|6001.batch|api-lab||||||01:30:00|gres/gpu=2|batch");

        var first = await ApiImportAsync(op, cluster.Id, file);
        var second = await ApiImportAsync(op, cluster.Id, file);
        Assert.Equal((2, 1, 1, 0, 1), (first.GetProperty("lines").GetInt32(), first.GetProperty("accepted").GetInt32(), first.GetProperty("inserted").GetInt32(),
            first.GetProperty("duplicates").GetInt32(), first.GetProperty("steps").GetInt32()));
        Assert.Equal((0, 1), (second.GetProperty("inserted").GetInt32(), second.GetProperty("duplicates").GetInt32()));

        var mine = await member.Http.GetFromJsonAsync<List<AllocationInfo>>("/api/compute/allocations");
        var allocation = Assert.Single(mine!);
        Assert.Equal((id, "Active", 3.0), (allocation.Id, allocation.Status, allocation.UsedGpuHours));
        var usage = await member.Http.GetFromJsonAsync<AllocationUsageInfo>($"/api/compute/allocations/{id}/usage");
        Assert.Equal(3.0, Assert.Single(usage!.Months).GpuHours);
        using (var response = await member.GetAsync($"/api/compute/allocations/{foreign}/usage"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var response = await member.Http.PostAsync("/api/compute/imports", Multipart(cluster.Id, file)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using (var response = await op.Http.PostAsync("/api/compute/imports", Multipart(Guid.NewGuid(), file)))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        using (var response = await op.Http.PostAsync("/api/compute/imports", Multipart(cluster.Id, "JobID|User\n1|kim")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static MultipartFormDataContent Multipart(Guid clusterId, string? text)
    {
        var content = new MultipartFormDataContent { { new StringContent(clusterId.ToString()), "clusterId" } };
        if (text is not null)
        {
            content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "sacct.txt");
        }

        return content;
    }

    private static async Task<JsonElement> ApiImportAsync(HubClient client, Guid clusterId, string text)
    {
        using var response = await client.Http.PostAsync("/api/compute/imports", Multipart(clusterId, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The manage page's upload form, posted as a browser does (multipart, with the page's antiforgery token).</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HubClient client, Guid clusterId, string? text)
    {
        var page = await client.GetDocumentAsync("/compute/manage");
        var token = page.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(clusterId.ToString()), "Upload.ClusterId" },
            { new StringContent(""), "Upload.Columns" },
        };
        if (text is not null)
        {
            content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "Upload.File", "sacct-upload.txt");
        }

        return await client.Http.PostAsync("/compute/manage?handler=Import", content);
    }
}
