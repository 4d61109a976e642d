using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Engagement;

/// <summary>
/// Tells the owner of an action item once when it becomes overdue (in the app and by email). The notice is claimed by a
/// conditional UPDATE of <see cref="ActionItem.OverdueNoticeFor"/>, so two runs at once send it once; a new due date
/// clears the claim. Runs hourly; <see cref="RunOnceAsync"/> is what a test calls.
/// </summary>
public sealed class ActionReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ActionReminders> log)
    : PeriodicWork(TimeSpan.FromHours(1), clock, log)
{
    protected override string Work => "Overdue action notices";

    protected override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var desk = scope.ServiceProvider.GetRequiredService<OpinionDesk>();
        var today = Kst.Today(Clock);
        var due = await db.ActionItems.AsNoTracking()
            .Where(a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueOn < today
                && a.OwnerUserId != null && (a.OverdueNoticeFor == null || a.OverdueNoticeFor != a.DueOn))
            .ToListAsync(ct);
        var sent = 0;
        foreach (var action in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.AuditedUpdateAsync(
                db.ActionItems.Where(a => a.Id == action.Id && a.DueOn == action.DueOn &&
                    (a.OverdueNoticeFor == null || a.OverdueNoticeFor != a.DueOn)),
                s => s.SetProperty(a => a.OverdueNoticeFor, action.DueOn), "overdue notice claimed", action.Id.ToString(), ct);
            if (claimed == 0)
            {
                continue;
            }

            await desk.TellOwnerAsync(action, isNew: false, ct);
            await transaction.CommitAsync(ct);
            sent++;
        }

        return sent;
    }
}
