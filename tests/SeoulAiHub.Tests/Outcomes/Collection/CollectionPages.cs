using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Seeding;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Outcomes.Collection;

/// <summary>Posting the collection pages' forms the way a browser does, and reading what they answer.</summary>
internal static class CollectionPages
{
    public static readonly byte[] Pdf = DemoPrograms.DemoPdf("KPI evidence (test)");

    /// <summary>The antiforgery token of a page the client may open (the layout's sign-out form carries one too).</summary>
    public static async Task<string> TokenAsync(this HubClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>Posts fields (a name may repeat) with the antiforgery token of the page at <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HubClient client, string pageUrl, string action, params (string Name, string Value)[] fields)
    {
        var token = await client.TokenAsync(pageUrl);
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.Http.PostAsync(action, new FormUrlEncodedContent(pairs));
    }

    /// <summary>Posts the report form as multipart with one file for a KPI, as the upload and submit buttons do.</summary>
    public static async Task<HttpResponseMessage> PostWithFileAsync(this HubClient client, string taskUrl, string handler, Guid kpiId, byte[] bytes, string fileName,
        params (string Name, string Value)[] fields)
    {
        var token = await client.TokenAsync(taskUrl);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, $"File.{kpiId}", fileName);
        return await client.Http.PostAsync($"{taskUrl}?handler={handler}", form);
    }

    public static async Task<IDocument> PageOfAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the page again, got {(int)response.StatusCode} {response.Headers.Location}");
        return await HubClient.ParseAsync(response);
    }

    public static void AssertRedirect(HttpResponseMessage response, string to)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        Assert.Equal(to, response.Headers.Location!.OriginalString);
    }

    /// <summary>Refused: 403, or the access-denied page the cookie scheme redirects to.</summary>
    public static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden ||
                    (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal)),
            $"expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");

    public static Task<Dictionary<string, Guid>> KpiIdsAsync(this HubAppFactory host) =>
        host.QueryAsync(db => db.KpiDefinitions.ToDictionaryAsync(k => k.Code, k => k.Id));

    /// <summary>What is stored of a task: status and each line's value, note and review (by KPI code).</summary>
    public static async Task<(KpiTaskStatus Status, Dictionary<string, (long? Value, string? Note, LineReview Review)> Lines, int Evidence)> StoredAsync(this HubAppFactory host, Guid taskId)
    {
        var codes = await host.QueryAsync(db => db.KpiDefinitions.ToDictionaryAsync(k => k.Id, k => k.Code));
        var task = await host.QueryAsync(db => db.KpiTasks.AsNoTracking().Include(t => t.Lines).Include(t => t.Evidence).SingleAsync(t => t.Id == taskId));
        return (task.Status, task.Lines.ToDictionary(l => codes[l.KpiId], l => (l.Value, l.Note, l.Review)), task.Evidence.Count);
    }

    public static string TextOf(IDocument page, string selector) => page.QuerySelector(selector)?.TextContent ?? "";
}
