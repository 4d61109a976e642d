using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeoulAiHub.Platform.Authorization;

namespace SeoulAiHub.Features.Outcomes.Figures;

/// <summary>수혜 전후 비교 — a program's awardees, four quarters before their award against four after.</summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class ProgramEffectPageModel(ProgramEffects effects) : PageModel
{
    public ProgramEffectReport Effect { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await effects.LoadAsync(id, ct) is not { } effect)
        {
            return NotFound();
        }

        Effect = effect;
        return Page();
    }
}
