using System.Globalization;
using AngleSharp.Dom;

namespace SeoulAiHub.Tests.Outcomes.Figures;

/// <summary>Reading the figures pages: the figure cells they show and the raw value each cell carries.</summary>
internal static class FiguresPages
{
    /// <summary>The figures a page shows, by their key (data-fig), for the hub's standard KPIs.</summary>
    public static Dictionary<string, string> Cells(IDocument page) =>
        page.QuerySelectorAll("td[data-fig]").Where(td => FiguresFixture.IsStandard(td.GetAttribute("data-fig")!))
            .ToDictionary(td => td.GetAttribute("data-fig")!, td => td.GetAttribute("data-value")!);

    /// <summary>A figure as the page writes it in data-value: invariant digits, empty when withheld.</summary>
    public static string Raw(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
