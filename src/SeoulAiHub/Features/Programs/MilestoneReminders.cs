using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Programs;

/// <summary>
/// Reminds organizations of milestones due in 7 days and again the day before, unless a report is already in.
/// Each reminder goes once: the milestone remembers the last one sent. Runs hourly; <see cref="RunOnceAsync"/> is
/// what a test or the command line calls.
/// </summary>
public sealed class MilestoneReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MilestoneReminders> log)
    : PeriodicWork(TimeSpan.FromHours(1), clock, log)
{
    public static readonly int[] DaysBefore = [7, 1];

    protected override string Work => "Milestone reminders";

    protected override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var today = Kst.Today(Clock);
        var horizon = today.AddDays(DaysBefore.Max());
        var due = await db.Milestones
            .Where(m => m.DueOn >= today && m.DueOn <= horizon &&
                !db.AgreementReports.Any(r => r.MilestoneId == m.Id && r.Status != ReportStatus.Returned))
            .Join(db.Agreements, m => m.AgreementId, a => a.Id, (m, a) => new { Milestone = m, a.ApplicationId,
                a.Application.OrganizationId, a.Application.Call.TitleKo, a.Application.Call.TitleEn })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var item in due)
        {
            var daysLeft = item.Milestone.DueOn.DayNumber - today.DayNumber;
            var step = DaysBefore.Where(d => daysLeft <= d).Min();
            if (item.Milestone.RemindedDaysBefore is { } last && last <= step)
            {
                continue;
            }

            // Claimed by a conditional UPDATE, so of two runs at once (two nodes, or a manual run) only one sends.
            var claimed = await db.AuditedUpdateAsync(
                db.Milestones.Where(m => m.Id == item.Milestone.Id && (m.RemindedDaysBefore == null || m.RemindedDaysBefore > step)),
                s => s.SetProperty(m => m.RemindedDaysBefore, step), $"reminder {step} days before claimed",
                item.Milestone.Id.ToString(), ct);
            if (claimed == 0)
            {
                continue;
            }

            await notifier.OrganizationAsync(item.OrganizationId,
                (daysLeft == 0 ? "마일스톤 오늘 마감: " : $"마일스톤 마감 {daysLeft}일 전: ") + item.Milestone.Title,
                daysLeft switch { 0 => "Milestone due today: ", 1 => "Milestone due tomorrow: ",
                    _ => $"Milestone due in {daysLeft} days: " } + item.Milestone.Title,
                $"{item.TitleKo} — '{item.Milestone.Title}' 보고 마감일은 {item.Milestone.DueOn:yyyy-MM-dd}입니다.",
                $"{item.TitleEn} — the report on '{item.Milestone.Title}' is due {item.Milestone.DueOn:yyyy-MM-dd}.",
                $"/applications/{item.ApplicationId}", ct);
            sent++;
        }

        return sent;
    }
}
