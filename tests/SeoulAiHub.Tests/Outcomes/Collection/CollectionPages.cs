using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Seeding;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Outcomes.Collection;

/// <summary>The collection pages' KPIs and reports: posting a report with evidence, and what is stored of a task.</summary>
internal static class CollectionPages
{
    public static readonly byte[] Pdf = DemoFiles.Pdf("KPI evidence (test)");

    /// <summary>Posts the report form as multipart with one file for a KPI, as the upload and submit buttons do.</summary>
    public static Task<HttpResponseMessage> PostWithFileAsync(this HubClient client, string taskUrl, string handler, Guid kpiId,
        byte[] bytes, string fileName, params (string Name, string Value)[] fields) =>
        client.PostFileAsync(taskUrl, $"{taskUrl}?handler={handler}", new FileUpload($"File.{kpiId}", fileName, bytes), fields);

    public static Task<Dictionary<string, Guid>> KpiIdsAsync(this HubAppFactory host) =>
        host.QueryAsync(db => db.KpiDefinitions.ToDictionaryAsync(k => k.Code, k => k.Id));

    /// <summary>What is stored of a task: status and each line's value, note and review (by KPI code).</summary>
    public static async Task<(KpiTaskStatus Status, Dictionary<string, (long? Value, string? Note, LineReview Review)> Lines,
        int Evidence)> StoredAsync(this HubAppFactory host, Guid taskId)
    {
        var codes = await host.QueryAsync(db => db.KpiDefinitions.ToDictionaryAsync(k => k.Id, k => k.Code));
        var task = await host.QueryAsync(db => db.KpiTasks.AsNoTracking().Include(t => t.Lines).Include(t => t.Evidence)
            .SingleAsync(t => t.Id == taskId));
        return (task.Status, task.Lines.ToDictionary(l => codes[l.KpiId], l => (l.Value, l.Note, l.Review)), task.Evidence.Count);
    }

    public static string TextOf(IDocument page, string selector) => page.QuerySelector(selector)?.TextContent ?? "";
}
