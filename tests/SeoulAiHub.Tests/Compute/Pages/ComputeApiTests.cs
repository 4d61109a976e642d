using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Compute.Services.ComputeScenario;

namespace SeoulAiHub.Tests.Compute.Pages;

/// <summary>The compute API: own allocations, usage by month, and file imports for operators.</summary>
public sealed class ComputeApiTests
{
    [Theory, OnEveryDatabase]
    public async Task The_api_lists_own_allocations_answers_usage_by_month_and_imports_files_for_operators(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var memberUser = await host.CreateAsync(HubRoles.TenantMember, organization.Id);
        var opUser = await host.CreateAsync(HubRoles.Operator);
        var cluster = await ClusterAsync(host);
        var id = await ActiveAllocationAsync(host, organization.Id, cluster.Id, "api-lab", 100, memberUser.Id, opUser.Id);
        var foreign = await ActiveAllocationAsync(host, (await host.CreateOrganizationAsync()).Id, cluster.Id, "api-other", 100,
            opUser.Id, opUser.Id);
        using var member = await host.SignedInClientAsync(memberUser);
        using var op = await host.SignedInClientAsync(opUser);
        var file = string.Join('\n', SacctHeader, Job(host, 6001, "api-lab", 2, 90),
            "6001.batch|6001.batch|api-lab||||||01:30:00|gres/gpu=2|batch");

        var first = await ApiImportAsync(op, cluster.Id, file);
        var second = await ApiImportAsync(op, cluster.Id, file);
        Assert.Equal((2, 1, 1, 0, 1), (first.GetProperty("lines").GetInt32(), first.GetProperty("accepted").GetInt32(),
            first.GetProperty("inserted").GetInt32(), first.GetProperty("duplicates").GetInt32(), first.GetProperty("steps").GetInt32()));
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
}
