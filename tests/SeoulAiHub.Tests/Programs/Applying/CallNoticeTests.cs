using System.Net;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs.Applying;

/// <summary>The public notices of calls: open ones with their page and attachments, never drafts (but for operators).</summary>
public sealed class CallNoticeTests
{
    [Theory, OnEveryDatabase]
    public async Task Anonymous_visitors_see_open_calls_but_never_drafts(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var open = await host.CreateCallAsync();
        var draft = await host.CreateCallAsync(publish: false);
        using var visitor = host.CreateHubClient();

        var list = await visitor.GetDocumentAsync("/calls");
        var openCard = list.QuerySelectorAll(".call-card").Single(c => c.TextContent.Contains(open.TitleKo, StringComparison.Ordinal));
        Assert.Contains("접수중", openCard.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.TitleKo, list.Body!.TextContent, StringComparison.Ordinal);

        var page = await visitor.GetDocumentAsync($"/calls/{open.Id}");
        Assert.Equal(open.TitleKo, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("사업계획서", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("기술성", page.QuerySelector("table.criteria")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("/account/sign-in", page.QuerySelector(".apply-box a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.apply-form"));

        var attachment = await host.AttachAsync(open.Id);
        Assert.NotNull((await visitor.GetDocumentAsync($"/calls/{open.Id}"))
            .QuerySelector($"a[href='/calls/{open.Id}/attachments/{attachment}']"));
        using (var file = await visitor.GetAsync($"/calls/{open.Id}/attachments/{attachment}"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(ProgramPages.Pdf, await file.Content.ReadAsByteArrayAsync());
        }

        var draftAttachment = await host.AttachAsync(draft.Id);
        using (var hiddenFile = await visitor.GetAsync($"/calls/{draft.Id}/attachments/{draftAttachment}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hiddenFile.StatusCode);
        }

        using (var english = host.CreateHubClient())
        {
            (await english.GetAsync($"/culture?c=en&returnUrl=%2Fcalls%2F{open.Id}")).Dispose();
            Assert.Equal(open.TitleEn, (await english.GetDocumentAsync($"/calls/{open.Id}")).QuerySelector("h1")!.TextContent);
            Assert.Contains(open.TitleEn, (await english.GetDocumentAsync("/calls")).QuerySelector(".calls-list")!.TextContent,
                StringComparison.Ordinal);
        }

        using var hidden = await visitor.GetAsync($"/calls/{draft.Id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var member = await host.ClientAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id);
        using var stillHidden = await member.GetAsync($"/calls/{draft.Id}");
        Assert.Equal(HttpStatusCode.NotFound, stillHidden.StatusCode);
        using var operatorClient = await host.ClientAsync(HubRoles.Operator);
        using var shown = await operatorClient.GetAsync($"/calls/{draft.Id}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }
}
