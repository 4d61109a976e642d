using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Programs.Operator;

/// <summary>공고 수정 — change, publish, copy a call and attach its files.</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class CallEditModel(HubDb db, CallService calls, IStringLocalizer<SharedResource> t)
    : CallFormPageModel(t), IReloadAfterRefusal
{
    private readonly IStringLocalizer<SharedResource> t = t;
    private bool _showStored;

    public bool HasSubmissions { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = CallForm.From(Call!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Read() is not { } values)
        {
            return Page();
        }

        await calls.UpdateAsync(id, values.Text, values.Terms, values.Design, ct);
        Done = t["Programs.Operator.Call.Saved"];
        return Redirect($"/calls/{id}/edit");
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            await calls.PublishAsync(id, ct);
            return t["Programs.Operator.Call.Published"];
        }, ct);

    public async Task<IActionResult> OnPostCopyAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Calls.AnyAsync(c => c.Id == id, ct))
        {
            return NotFound();
        }

        var copy = await calls.CopyAsync(id, ct);
        Done = t["Programs.Operator.Call.Copied"];
        return Redirect($"/calls/{copy.Id}/edit");
    }

    public Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            if (file is null)
            {
                throw new RuleException("Programs.Document.Error.Size");
            }

            return await calls.AttachAsync(id, file, ct) is { } error ? throw new RuleException(error)
                : t["Programs.Operator.Call.Attached"];
        }, ct);

    /// <summary>A button-only action: the form's fields are not posted, so they are shown again as stored.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Task<string>> action, CancellationToken ct)
    {
        if (!await db.Calls.AnyAsync(c => c.Id == id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        _showStored = true;
        Done = await action();
        return Redirect($"/calls/{id}/edit");
    }

    /// <summary>
    /// A refused save keeps what was typed; a refused publish, close or copy shows the call as stored (its form was
    /// not posted, so there is nothing typed to keep).
    /// </summary>
    public async Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct)
    {
        if (_showStored && await LoadAsync(this.RouteId(), ct))
        {
            Input = CallForm.From(Call!);
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().Include(c => c.Program).Include(c => c.Attachments)
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return false;
        }

        Call = call;
        Program = call.Program;
        HasSubmissions = await db.Applications.AnyAsync(a => a.CallId == id && a.Status != ApplicationStatus.Draft, ct);
        return true;
    }
}
