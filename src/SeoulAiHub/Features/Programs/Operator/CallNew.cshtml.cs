using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Programs.Operator;

/// <summary>새 공고 — a draft call in a program (?program=id); unknown programs answer 404.</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class CallNewModel(HubDb db, CallService calls, IStringLocalizer<SharedResource> t, TimeProvider clock) : CallFormPageModel(t)
{
    private readonly IStringLocalizer<SharedResource> t = t;

    public async Task<IActionResult> OnGetAsync(Guid? program, CancellationToken ct)
    {
        if (!await LoadAsync(program, ct))
        {
            return NotFound();
        }

        var today = Kst.Today(clock);
        Input = new CallForm
        {
            OpensAt = today.AddDays(7).ToDateTime(new TimeOnly(9, 0)),
            ClosesAt = today.AddDays(37).ToDateTime(new TimeOnly(18, 0)),
            BudgetKrw = 0, MaxAwards = 1, AppealDays = 7,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? program, CancellationToken ct)
    {
        if (!await LoadAsync(program, ct))
        {
            return NotFound();
        }

        if (Read() is not { } values)
        {
            return Page();
        }

        var call = await calls.CreateAsync(Program.Id, values.Text, values.Terms, values.Design, ct);
        Done = t["Programs.Operator.Call.Saved"];
        return Redirect($"/calls/{call.Id}/edit");
    }

    private async Task<bool> LoadAsync(Guid? program, CancellationToken ct)
    {
        var found = program is { } id ? await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (found is null)
        {
            return false;
        }

        Program = found;
        return true;
    }
}
