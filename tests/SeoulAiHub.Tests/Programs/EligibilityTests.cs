using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;

namespace SeoulAiHub.Tests.Programs;

public sealed class EligibilityTests
{
    private static readonly DateOnly Today = new(2025, 11, 26);

    private static Applicant Startup(DateOnly? founded = null, int? headcount = 10, TenancyStatus tenancy = TenancyStatus.Resident) =>
        new(OrganizationType.Startup, founded ?? new DateOnly(2022, 1, 1), headcount, tenancy);

    private static string[] Keys(EligibilityRules rules, Applicant applicant, DateOnly? today = null) =>
        [.. Eligibility.Check(rules, applicant, today ?? Today).Select(r => r.Key)];

    [Fact]
    public void No_rules_admit_everyone_even_with_an_empty_profile()
    {
        Assert.Empty(Keys(EligibilityRules.Anyone, new Applicant(OrganizationType.Startup, null, null, TenancyStatus.None)));
        Assert.Empty(Keys(new EligibilityRules(Types: []), Startup()));
    }

    [Fact]
    public void The_type_rule_admits_listed_types_and_refuses_others()
    {
        var rules = new EligibilityRules(Types: [OrganizationType.Startup]);
        Assert.Empty(Keys(rules, Startup()));
        Assert.Equal(["Programs.Eligibility.Type"], Keys(rules, Startup() with { Type = OrganizationType.University }));
    }

    [Fact]
    public void Company_age_is_counted_in_whole_years_and_turns_on_the_anniversary()
    {
        var founded = new DateOnly(2019, 11, 26);
        Assert.Equal(6, Eligibility.AgeInYears(founded, new DateOnly(2025, 11, 26)));
        Assert.Equal(5, Eligibility.AgeInYears(founded, new DateOnly(2025, 11, 25)));
        Assert.Equal(0, Eligibility.AgeInYears(founded, founded));

        var rules = new EligibilityRules(MaxCompanyAgeYears: 5);
        Assert.Empty(Keys(rules, Startup(founded), new DateOnly(2025, 11, 25)));
        var refused = Assert.Single(Eligibility.Check(rules, Startup(founded), new DateOnly(2025, 11, 26)));
        Assert.Equal("Programs.Eligibility.TooOld", refused.Key);
        Assert.Equal([5], refused.Arguments);
    }

    [Fact]
    public void A_company_founded_on_29_february_is_a_year_older_on_28_february_of_a_common_year()
    {
        // AddYears clamps to 28 February: the anniversary in a common year is that day.
        Assert.Equal(1, Eligibility.AgeInYears(new DateOnly(2024, 2, 29), new DateOnly(2025, 2, 28)));
        Assert.Equal(0, Eligibility.AgeInYears(new DateOnly(2024, 2, 29), new DateOnly(2025, 2, 27)));
    }

    [Fact]
    public void An_unknown_founding_date_fails_an_age_rule_and_only_an_age_rule()
    {
        var applicant = new Applicant(OrganizationType.Startup, null, 10, TenancyStatus.Resident);
        Assert.Equal(["Programs.Eligibility.FoundedUnknown"], Keys(new EligibilityRules(MaxCompanyAgeYears: 7), applicant));
        Assert.Empty(Keys(new EligibilityRules(MinHeadcount: 1), applicant));
    }

    [Theory]
    [InlineData(TenancyStatus.None, false)]
    [InlineData(TenancyStatus.Applied, false)]
    [InlineData(TenancyStatus.Admitted, true)]
    [InlineData(TenancyStatus.Resident, true)]
    [InlineData(TenancyStatus.Graduated, false)]
    [InlineData(TenancyStatus.Exited, false)]
    public void Tenants_only_admits_admitted_and_resident_organizations(TenancyStatus status, bool eligible)
    {
        var keys = Keys(new EligibilityRules(TenantsOnly: true), Startup(tenancy: status));
        Assert.Equal(eligible ? Array.Empty<string>() : ["Programs.Eligibility.TenantsOnly"], keys);
        Assert.Empty(Keys(EligibilityRules.Anyone, Startup(tenancy: status)));
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void Headcount_bounds_are_inclusive(int headcount, bool eligible)
    {
        var reasons = Eligibility.Check(new EligibilityRules(MinHeadcount: 5, MaxHeadcount: 50), Startup(headcount: headcount), Today);
        if (eligible)
        {
            Assert.Empty(reasons);
        }
        else
        {
            var reason = Assert.Single(reasons);
            Assert.Equal("Programs.Eligibility.Headcount", reason.Key);
            Assert.Equal([5, "50"], reason.Arguments);
        }
    }

    [Fact]
    public void A_one_sided_headcount_rule_names_the_open_side()
    {
        var reason = Assert.Single(Eligibility.Check(new EligibilityRules(MinHeadcount: 3), Startup(headcount: 2), Today));
        Assert.Equal([3, "-"], reason.Arguments);
        var upper = Assert.Single(Eligibility.Check(new EligibilityRules(MaxHeadcount: 9), Startup(headcount: 10), Today));
        Assert.Equal([0, "9"], upper.Arguments);
        Assert.Empty(Eligibility.Check(new EligibilityRules(MaxHeadcount: 9), Startup(headcount: 0), Today));
    }

    [Fact]
    public void An_unknown_headcount_fails_a_headcount_rule()
    {
        Assert.Equal(["Programs.Eligibility.HeadcountUnknown"], Keys(new EligibilityRules(MaxHeadcount: 50), Startup(headcount: null)));
    }

    [Fact]
    public void Every_failed_rule_is_named_at_once()
    {
        var rules = new EligibilityRules([OrganizationType.Startup], 3, TenantsOnly: true, MinHeadcount: 5, MaxHeadcount: 50);
        var applicant = new Applicant(OrganizationType.ResearchInstitute, new DateOnly(2010, 1, 1), 200, TenancyStatus.Graduated);
        Assert.Equal(["Programs.Eligibility.Type", "Programs.Eligibility.TooOld", "Programs.Eligibility.TenantsOnly",
            "Programs.Eligibility.Headcount"], Keys(rules, applicant));

        var unknown = new Applicant(OrganizationType.Startup, null, null, TenancyStatus.None);
        Assert.Equal(["Programs.Eligibility.FoundedUnknown", "Programs.Eligibility.TenantsOnly", "Programs.Eligibility.HeadcountUnknown"],
            Keys(rules, unknown));
    }
}
