using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Programs.Operator;

/// <summary>지원사업 목록 — every program with its calls counted, and a form to create one.</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class ProgramsModel(HubDb db, CallService calls, IStringLocalizer<SharedResource> t, TimeProvider clock) : PageModel
{
    [BindProperty] public ProgramForm Input { get; set; } = new();
    [TempData] public string? Done { get; set; }

    public IReadOnlyList<ProgramRow> Programs { get; private set; } = [];

    public sealed record ProgramRow(Guid Id, ProgramKind Kind, string NameKo, string NameEn, int Calls, int OpenCalls);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", t["Programs.Operator.Program.KindRequired"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var program = await calls.CreateProgramAsync(Input.Kind, Input.NameKo!, Input.NameEn!, Blank(Input.SummaryKo),
            Blank(Input.SummaryEn), ct);
        Done = t["Programs.Operator.Program.Created"];
        return Redirect($"/programs/{program.Id}");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var programs = await db.Programs.AsNoTracking().OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        var counts = await db.Calls.AsNoTracking().GroupBy(c => c.ProgramId)
            .Select(g => new
            {
                ProgramId = g.Key,
                All = g.Count(),
                Open = g.Count(c => c.Status == CallStatus.Published && c.OpensAt <= now && c.ClosesAt >= now),
            })
            .ToDictionaryAsync(x => x.ProgramId, ct);
        Programs = [.. programs.Select(p => new ProgramRow(p.Id, p.Kind, p.NameKo, p.NameEn,
            counts.GetValueOrDefault(p.Id)?.All ?? 0, counts.GetValueOrDefault(p.Id)?.Open ?? 0))];
    }
}

public sealed class ProgramForm
{
    [Display(Name = "Programs.Operator.Program.Kind")]
    public ProgramKind Kind { get; set; }

    [Display(Name = "Programs.Operator.Program.NameKo")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string? NameKo { get; set; }

    [Display(Name = "Programs.Operator.Program.NameEn")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string? NameEn { get; set; }

    [Display(Name = "Programs.Operator.Program.SummaryKo")]
    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    public string? SummaryKo { get; set; }

    [Display(Name = "Programs.Operator.Program.SummaryEn")]
    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    public string? SummaryEn { get; set; }
}
