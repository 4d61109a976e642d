using Microsoft.AspNetCore.Mvc;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Forms;

namespace SeoulAiHub.Features.Outcomes.Collection;

/// <summary>The report page's form work: reading and saving the values, the gate of each handler, and reloading
/// the page after a refusal.</summary>
public sealed partial class TaskModel
{
    /// <summary>Reads the form's values; with any problem nothing is saved. Then saves, and stores the files chosen.</summary>
    private async Task<bool> SaveFormAsync(Guid id, bool withFiles, CancellationToken ct)
    {
        var entries = new List<KpiEntry>();
        foreach (var kpi in Kpis.Where(k => Report.CanEdit(k.Id)))
        {
            var raw = Values.GetValueOrDefault(kpi.Id);
            var note = Notes.GetValueOrDefault(kpi.Id);
            // Blank is "no value yet"; anything else must read as a whole number.
            var value = FormValue.WholeNumber(raw);
            if (value is null && !string.IsNullOrWhiteSpace(raw))
            {
                AddProblem(kpi.Id, t["Outcomes.Collection.Task.Error.Number"]);
            }
            else if (value is { } v && OutlierRules.IsImpossible(kpi, v))
            {
                AddProblem(kpi.Id, t["Outcomes.Campaign.Error.Negative"]);
            }
            else if (note?.Trim().Length > MaxNote)
            {
                AddProblem(kpi.Id, t["Outcomes.Collection.Task.Error.NoteTooLong", MaxNote]);
            }
            else
            {
                entries.Add(new KpiEntry(kpi.Id, value, note));
            }
        }

        if (Problems.Count > 0)
        {
            ModelState.AddModelError(string.Empty, t["Outcomes.Collection.Task.Error.Fix"]);
            return false;
        }

        await campaigns.SaveAsync(id, entries, ct);
        if (!withFiles || !Request.HasFormContentType)
        {
            return true;
        }

        foreach (var file in Request.Form.Files.Where(f => f.Length > 0 && f.Name.StartsWith(FilePrefix, StringComparison.Ordinal)))
        {
            if (FormValue.Id(file.Name[FilePrefix.Length..]) is not { } kpiId || Kpis.All(k => k.Id != kpiId))
            {
                continue;
            }

            var (_, error) = await campaigns.AddEvidenceAsync(id, kpiId, file, User.UserId()!.Value, ct);
            if (error is not null)
            {
                AddProblem(kpiId, $"{file.FileName}: {t[error]}");
            }
        }

        if (Problems.Count > 0)
        {
            ModelState.AddModelError(string.Empty, t["Outcomes.Collection.Task.Error.Files"]);
            return false;
        }

        return true;
    }

    private void AddProblem(Guid kpiId, string message)
    {
        if (!Problems.TryGetValue(kpiId, out var list))
        {
            Problems[kpiId] = list = [];
        }

        list.Add(message);
    }

    private async Task<IActionResult?> GateAsync(Guid id, ValuesAccess needed, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return Access == needed ? null : Forbid();
    }

    private async Task<IActionResult> RefuseAsync(Guid id, string key, CancellationToken ct)
    {
        ModelState.AddModelError(string.Empty, t[key]);
        return await ReloadAsync(id, ct);
    }

    /// <summary>Shows the page again with what is stored now, keeping what the person typed in the form.</summary>
    /// <summary>A refused save, submission or review: each problem goes beside its KPI, the report is read as stored.</summary>
    public async Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct)
    {
        foreach (var problem in refusal.Problems)
        {
            AddProblem(Guid.Parse(problem.Field), t[problem.Key, problem.Arguments]);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(this.RouteId(), ct);
    }

    private async Task<IActionResult> ReloadAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await campaigns.TaskAsync(id, ct) is not { } found)
        {
            return false;
        }

        var (task, campaign) = found;

        Access = await access.ForAsync(User, task.OrganizationId, ct);
        if (Access == ValuesAccess.None)
        {
            return false;
        }

        (Report, Campaign) = (task, campaign);
        Kpis = await campaigns.KpisOfAsync(campaign, ct);
        Previous = await campaigns.PreviousValuesAsync(task.OrganizationId, campaign.Period, ct);
        return true;
    }
}
