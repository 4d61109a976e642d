using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Outcomes.Collection;
using SeoulAiHub.Platform.Forms;

namespace SeoulAiHub.Features.Engagement.Visits;

/// <summary>The visit's header as the new-visit and edit forms post it (text, so that bad input is a message, not a 400).</summary>
public sealed class VisitForm
{
    public const string DefaultHost = "서울AI허브 운영사무국";

    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Date { get; set; }
    public string? Purpose { get; set; }
    public string? Host { get; set; }
    public string? SiteId { get; set; }

    public static VisitForm Of(Visit visit) => new()
    {
        Kind = visit.Kind.ToString(), Title = visit.Title, Date = CollectionFormat.Date(visit.Date), Purpose = visit.Purpose,
        Host = visit.Host, SiteId = visit.SiteId?.ToString(),
    };

    /// <summary>The parsed values, or null with each problem in the model state (title and host are the domain's to check).</summary>
    public (VisitKind Kind, DateOnly Date, Guid? SiteId)? Read(ModelStateDictionary state, IStringLocalizer t,
        IReadOnlyCollection<Guid> sites)
    {
        var ok = true;
        var kind = FormValue.Enum<VisitKind>(Kind, ignoreCase: false);
        if (kind is null)
        {
            state.AddModelError(string.Empty, t["Engagement.Error.Kind"]);
            ok = false;
        }

        if (FormValue.Date(Date) is not { } date)
        {
            state.AddModelError(string.Empty, t["Engagement.Visits.Error.Date"]);
            ok = false;
            date = default;
        }

        Guid? site = null;
        if (!string.IsNullOrWhiteSpace(SiteId))
        {
            if (FormValue.Id(SiteId) is { } s && sites.Contains(s))
            {
                site = s;
            }
            else
            {
                state.AddModelError(string.Empty, t["Engagement.Visits.Error.Site"]);
                ok = false;
            }
        }

        return ok ? (kind!.Value, date, site) : null;
    }
}
