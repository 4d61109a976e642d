using SeoulAiHub.Features.Organizations;

namespace SeoulAiHub.Features.Programs;

/// <summary>Who may apply to a call (지원자격). Every rule left empty admits everyone.</summary>
public sealed record EligibilityRules(
    IReadOnlyList<OrganizationType>? Types = null,
    int? MaxCompanyAgeYears = null,
    bool TenantsOnly = false,
    int? MinHeadcount = null,
    int? MaxHeadcount = null)
{
    public static readonly EligibilityRules Anyone = new();
}

public enum FieldType
{
    Text,
    Number,

    /// <summary>Whole Korean won (원), no fractions.</summary>
    Amount,
    Date,
    Choice,
    File,
}

/// <summary>One question of a call's application form. Choices only for <see cref="FieldType.Choice"/>.</summary>
public sealed record FormField(string Key, string LabelKo, string LabelEn, FieldType Type, bool Required,
    IReadOnlyList<string>? Choices = null);

/// <summary>A document every application must attach (사업계획서, 사업자등록증 …).</summary>
public sealed record RequiredDocument(string Key, string NameKo, string NameEn);

/// <summary>One scoring criterion (평가항목): its weight among the stage's criteria and the highest score a reviewer may give.</summary>
public sealed record Criterion(string Key, string NameKo, string NameEn, decimal Weight, int MaxScore);

/// <summary>An evaluation stage (서류평가, 발표평가 …) with its own criteria.</summary>
public sealed record EvaluationStage(string Key, string NameKo, string NameEn, IReadOnlyList<Criterion> Criteria)
{
    public decimal TotalWeight => Criteria.Sum(c => c.Weight);

    /// <summary>
    /// A reviewer's total for this stage on a 0–100 scale: each score as a share of its maximum, weighted.
    /// Weights need not add to 100; they are relative.
    /// </summary>
    public decimal WeightedTotal(IReadOnlyDictionary<string, int> scores) =>
        TotalWeight == 0 ? 0 : Math.Round(
            Criteria.Sum(c => c.Weight * scores.GetValueOrDefault(c.Key) / c.MaxScore) * 100 / TotalWeight, 4);

    /// <summary>The criterion of the largest weight (the first such): the first tie-break.</summary>
    public Criterion? Heaviest => Criteria.OrderByDescending(c => c.Weight).FirstOrDefault();
}

/// <summary>Everything an operator designs for a call besides its text, dates and money (stored as JSON).</summary>
public sealed record CallDesign(
    EligibilityRules Eligibility,
    IReadOnlyList<FormField> Fields,
    IReadOnlyList<RequiredDocument> Documents,
    IReadOnlyList<EvaluationStage> Stages)
{
    public static readonly CallDesign Empty = new(EligibilityRules.Anyone, [], [], []);

    public EvaluationStage? Stage(string key) => Stages.FirstOrDefault(s => s.Key == key);
}
