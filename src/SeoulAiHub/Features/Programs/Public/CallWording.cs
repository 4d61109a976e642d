using System.Globalization;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Programs.Public;

/// <summary>How the programs pages word a call: its title, state, money and eligibility in the request language.</summary>
public static class CallWording
{
    public static string Title(Call call, bool english) => english && !string.IsNullOrWhiteSpace(call.TitleEn)
        ? call.TitleEn : call.TitleKo;

    public static string Money(IStringLocalizer<SharedResource> t, long krw) =>
        t["Programs.Applicant.Krw", krw.ToString("N0", CultureInfo.InvariantCulture)];

    /// <summary>접수중 / 접수예정 / 마감 (a draft is shown as such to operators).</summary>
    public static string StateKey(Call call, DateTimeOffset now) => "Programs.Applicant.State." + call.StateAt(now);

    public static IEnumerable<string> Eligibility(IStringLocalizer<SharedResource> t, EligibilityRules rules)
    {
        if (rules.Types is { Count: > 0 } types)
        {
            yield return t["Programs.Applicant.Elig.Types", string.Join(", ", types.Select(x => t["OrgType." + x].Value))];
        }

        if (rules.MaxCompanyAgeYears is { } age)
        {
            yield return t["Programs.Applicant.Elig.MaxAge", age];
        }

        if (rules.TenantsOnly)
        {
            yield return t["Programs.Applicant.Elig.TenantsOnly"];
        }

        if (rules.MinHeadcount is not null || rules.MaxHeadcount is not null)
        {
            yield return t["Programs.Applicant.Elig.Headcount", rules.MinHeadcount ?? 0,
                rules.MaxHeadcount?.ToString(CultureInfo.InvariantCulture) ?? "-"];
        }
    }

    /// <summary>What a document is, by its key: the required document's or the file field's name, else the key itself.</summary>
    public static string DocumentName(CallDesign design, string key, bool english) =>
        design.Documents.FirstOrDefault(d => d.Key == key) is { } document ? Name(english, document.NameKo, document.NameEn)
        : design.Fields.FirstOrDefault(f => f.Key == key) is { } field ? Name(english, field.LabelKo, field.LabelEn)
        : key;

    public static string Name(bool english, string ko, string en) => english && !string.IsNullOrWhiteSpace(en) ? en : ko;
}
