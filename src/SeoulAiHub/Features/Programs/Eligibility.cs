using SeoulAiHub.Features.Organizations;

namespace SeoulAiHub.Features.Programs;

/// <summary>What eligibility needs to know about the applicant.</summary>
public sealed record Applicant(OrganizationType Type, DateOnly? FoundedOn, int? Headcount, TenancyStatus TenancyStatus);

/// <summary>
/// 지원자격 확인 — checks an applicant against a call's rules on a given day (KST) and names every rule it fails, so
/// the applicant sees all reasons at once. Company age is counted in whole years from the founding date (업력): a
/// company founded 2019-11-26 is 6 years old on 2025-11-26 and 5 the day before. An unknown founding date or
/// headcount fails a rule that needs it (the applicant is asked to complete the profile).
/// </summary>
public static class Eligibility
{
    /// <summary>Message keys (resx) with their arguments, empty when eligible.</summary>
    public static IReadOnlyList<Reason> Check(EligibilityRules rules, Applicant applicant, DateOnly today)
    {
        var reasons = new List<Reason>();
        if (rules.Types is { Count: > 0 } types && !types.Contains(applicant.Type))
        {
            reasons.Add(new("Programs.Eligibility.Type"));
        }

        if (rules.MaxCompanyAgeYears is { } maxAge)
        {
            if (applicant.FoundedOn is not { } founded)
            {
                reasons.Add(new("Programs.Eligibility.FoundedUnknown"));
            }
            else if (AgeInYears(founded, today) > maxAge)
            {
                reasons.Add(new("Programs.Eligibility.TooOld", maxAge));
            }
        }

        if (rules.TenantsOnly && applicant.TenancyStatus is not (TenancyStatus.Admitted or TenancyStatus.Resident))
        {
            reasons.Add(new("Programs.Eligibility.TenantsOnly"));
        }

        if (rules.MinHeadcount is not null || rules.MaxHeadcount is not null)
        {
            if (applicant.Headcount is not { } headcount)
            {
                reasons.Add(new("Programs.Eligibility.HeadcountUnknown"));
            }
            else if (headcount < (rules.MinHeadcount ?? 0) || headcount > (rules.MaxHeadcount ?? int.MaxValue))
            {
                reasons.Add(new("Programs.Eligibility.Headcount", rules.MinHeadcount ?? 0, rules.MaxHeadcount?.ToString() ?? "-"));
            }
        }

        return reasons;
    }

    public static int AgeInYears(DateOnly founded, DateOnly today)
    {
        var age = today.Year - founded.Year;
        return founded.AddYears(age) > today ? age - 1 : age;
    }
}

/// <summary>A reason with the arguments its message needs.</summary>
public sealed record Reason(string Key, params object[] Arguments);
