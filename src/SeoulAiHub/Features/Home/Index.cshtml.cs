using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SeoulAiHub.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(HubFigures figures) : PageModel
{
    public HubSnapshot Snapshot { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Snapshot = await figures.GetAsync(ct);
}
