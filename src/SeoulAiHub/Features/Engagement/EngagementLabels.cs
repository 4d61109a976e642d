using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Forms;

namespace SeoulAiHub.Features.Engagement;

/// <summary>Labels and form values shared by the engagement pages (enum names are the resource keys' suffixes).</summary>
public static class EngagementLabels
{
    /// <summary>"인재 유출 · 교육" — the categories of an opinion in the user's language.</summary>
    public static string Categories(IStringLocalizer t, OpinionCategory category) =>
        string.Join(" · ", FieldOpinion.Categories.Where(c => category.HasFlag(c)).Select(c => t[$"OpinionCategory.{c}"].Value));

    public static string Label<TEnum>(IStringLocalizer t, TEnum value) where TEnum : struct, Enum => t[$"{typeof(TEnum).Name}.{value}"];

    /// <summary>The categories ticked in a form (checkbox values are enum names); unknown names are ignored.</summary>
    public static OpinionCategory ParseCategories(IEnumerable<string>? names) =>
        (names ?? []).Aggregate(OpinionCategory.None, (all, name) =>
            FormValue.Enum<OpinionCategory>(name, ignoreCase: false) is { } c && FieldOpinion.Categories.Contains(c) ? all | c : all);
}
