using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>
/// Reminds organizations of a KPI report due in 7 days and again the day before, while their report is not in (not
/// started, a draft, or returned for fixes) and the campaign is open. Each reminder goes once: the task remembers the
/// last one sent, claimed by a conditional UPDATE. Runs hourly; <see cref="RunOnceAsync"/> is what a test calls.
/// </summary>
public sealed class OutcomeReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutcomeReminders> log)
    : PeriodicWork(TimeSpan.FromHours(1), clock, log)
{
    public static readonly int[] DaysBefore = [7, 1];

    private static readonly KpiTaskStatus[] NotIn = [KpiTaskStatus.NotStarted, KpiTaskStatus.Draft, KpiTaskStatus.Returned];

    protected override string Work => "KPI report reminders";

    protected override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var today = Kst.Today(Clock);
        var horizon = today.AddDays(DaysBefore.Max());
        var due = await db.KpiTasks.AsNoTracking()
            .Where(k => NotIn.Contains(k.Status))
            .Join(db.KpiCampaigns.Where(c => c.Status == CampaignStatus.Open && c.DueOn >= today && c.DueOn <= horizon),
                k => k.CampaignId, c => c.Id,
                (k, c) => new { k.Id, k.OrganizationId, k.RemindedDaysBefore, c.DueOn, c.NameKo, c.NameEn })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var item in due)
        {
            var daysLeft = item.DueOn.DayNumber - today.DayNumber;
            var step = DaysBefore.Where(d => daysLeft <= d).Min();
            if (item.RemindedDaysBefore is { } last && last <= step)
            {
                continue;
            }

            // Of two runs at once (two nodes, or a manual run) only the one whose UPDATE changes the row sends.
            var claimed = await db.AuditedUpdateAsync(
                db.KpiTasks.Where(k => k.Id == item.Id && NotIn.Contains(k.Status) &&
                    (k.RemindedDaysBefore == null || k.RemindedDaysBefore > step)),
                s => s.SetProperty(k => k.RemindedDaysBefore, step), $"reminder {step} days before claimed", item.Id.ToString(), ct);
            if (claimed == 0)
            {
                continue;
            }

            await notifier.OrganizationAsync(item.OrganizationId,
                (daysLeft == 0 ? "성과 보고 오늘 마감: " : $"성과 보고 마감 {daysLeft}일 전: ") + item.NameKo,
                daysLeft switch { 0 => "KPI report due today: ", 1 => "KPI report due tomorrow: ",
                    _ => $"KPI report due in {daysLeft} days: " } + item.NameEn,
                $"'{item.NameKo}' 성과 보고 마감일은 {item.DueOn:yyyy-MM-dd}입니다. 아직 제출되지 않았습니다.",
                $"The KPI report '{item.NameEn}' is due {item.DueOn:yyyy-MM-dd} and has not been submitted yet.",
                $"/outcomes/tasks/{item.Id}", ct);
            sent++;
        }

        return sent;
    }
}
