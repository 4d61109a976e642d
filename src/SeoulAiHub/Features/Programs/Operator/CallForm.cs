using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Programs.Operator;

/// <summary>What the call form posts: text, dates (KST), money, eligibility and the design in its text format.</summary>
public sealed class CallForm
{
    [Display(Name = "Programs.Operator.Call.TitleKo")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(300, ErrorMessage = "Validation.TooLong")]
    public string? TitleKo { get; set; }

    [Display(Name = "Programs.Operator.Call.TitleEn")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(300, ErrorMessage = "Validation.TooLong")]
    public string? TitleEn { get; set; }

    [Display(Name = "Programs.Operator.Call.BodyKo")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(50000, ErrorMessage = "Validation.TooLong")]
    public string? BodyKo { get; set; }

    [Display(Name = "Programs.Operator.Call.BodyEn")]
    [StringLength(50000, ErrorMessage = "Validation.TooLong")]
    public string? BodyEn { get; set; }

    [Display(Name = "Programs.Operator.Call.OpensAt")]
    [Required(ErrorMessage = "Validation.Required")]
    public DateTime? OpensAt { get; set; }

    [Display(Name = "Programs.Operator.Call.ClosesAt")]
    [Required(ErrorMessage = "Validation.Required")]
    public DateTime? ClosesAt { get; set; }

    [Display(Name = "Programs.Operator.Call.Budget")]
    [Required(ErrorMessage = "Validation.Required")]
    [Range(0, long.MaxValue / 4, ErrorMessage = "Programs.Operator.Validation.Range")]
    public long? BudgetKrw { get; set; }

    [Display(Name = "Programs.Operator.Call.MaxAwards")]
    [Required(ErrorMessage = "Validation.Required")]
    [Range(1, 100000, ErrorMessage = "Programs.Operator.Validation.Range")]
    public int? MaxAwards { get; set; }

    [Display(Name = "Programs.Operator.Call.AppealDays")]
    [Required(ErrorMessage = "Validation.Required")]
    [Range(0, 365, ErrorMessage = "Programs.Operator.Validation.Range")]
    public int? AppealDays { get; set; }

    public List<OrganizationType> Types { get; set; } = [];

    [Display(Name = "Programs.Operator.Call.MaxAge")]
    [Range(0, 200, ErrorMessage = "Programs.Operator.Validation.Range")]
    public int? MaxCompanyAgeYears { get; set; }

    [Display(Name = "Programs.Operator.Call.TenantsOnly")]
    public bool TenantsOnly { get; set; }

    [Display(Name = "Programs.Operator.Call.MinHeadcount")]
    [Range(0, 10_000_000, ErrorMessage = "Programs.Operator.Validation.Range")]
    public int? MinHeadcount { get; set; }

    [Display(Name = "Programs.Operator.Call.MaxHeadcount")]
    [Range(0, 10_000_000, ErrorMessage = "Programs.Operator.Validation.Range")]
    public int? MaxHeadcount { get; set; }

    [Display(Name = "Programs.Operator.Call.Fields")]
    [StringLength(20000, ErrorMessage = "Validation.TooLong")]
    public string? FieldsText { get; set; }

    [Display(Name = "Programs.Operator.Call.Documents")]
    [StringLength(20000, ErrorMessage = "Validation.TooLong")]
    public string? DocumentsText { get; set; }

    [Display(Name = "Programs.Operator.Call.Stages")]
    [StringLength(20000, ErrorMessage = "Validation.TooLong")]
    public string? StagesText { get; set; }

    public static CallForm From(Call call) => new()
    {
        TitleKo = call.TitleKo, TitleEn = call.TitleEn, BodyKo = call.BodyKo, BodyEn = call.BodyEn,
        OpensAt = call.OpensAt.ToOffset(Platform.Time.Kst.Offset).DateTime,
        ClosesAt = call.ClosesAt.ToOffset(Platform.Time.Kst.Offset).DateTime,
        BudgetKrw = call.BudgetKrw, MaxAwards = call.MaxAwards, AppealDays = call.AppealDays,
        Types = [.. call.Design.Eligibility.Types ?? []], MaxCompanyAgeYears = call.Design.Eligibility.MaxCompanyAgeYears,
        TenantsOnly = call.Design.Eligibility.TenantsOnly, MinHeadcount = call.Design.Eligibility.MinHeadcount,
        MaxHeadcount = call.Design.Eligibility.MaxHeadcount,
        FieldsText = CallDesignText.FieldsText(call.Design), DocumentsText = CallDesignText.DocumentsText(call.Design),
        StagesText = CallDesignText.StagesText(call.Design),
    };
}

/// <summary>The call form's reading and checking, shared by the new-call and edit-call pages.</summary>
public abstract class CallFormPageModel(IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public CallForm Input { get; set; } = new();
    [TempData] public string? Done { get; set; }

    public SupportProgram Program { get; protected set; } = null!;
    public Call? Call { get; protected set; }

    /// <summary>The posted form as the domain's values, or null with every problem in the model state.</summary>
    protected (CallText Text, CallTerms Terms, CallDesign Design)? Read()
    {
        if (Input.MinHeadcount is { } min && Input.MaxHeadcount is { } max && min > max)
        {
            ModelState.AddModelError("Input.MaxHeadcount", t["Programs.Operator.Call.HeadcountOrder"]);
        }

        var eligibility = CallDesignText.Eligibility(Input.Types.Where(Enum.IsDefined), Input.MaxCompanyAgeYears, Input.TenantsOnly,
            Input.MinHeadcount, Input.MaxHeadcount);
        var (design, errors) = CallDesignText.Parse(eligibility, Input.FieldsText, Input.DocumentsText, Input.StagesText);
        foreach (var error in errors)
        {
            ModelState.AddModelError("Input." + Property(error.Section), t[error.Key,
                t["Programs.Operator.Section." + error.Section], error.Line]);
        }

        if (!ModelState.IsValid || design is null)
        {
            return null;
        }

        return (new CallText(Input.TitleKo!.Trim(), Input.TitleEn!.Trim(), Input.BodyKo!,
            string.IsNullOrWhiteSpace(Input.BodyEn) ? null : Input.BodyEn), new CallTerms(OperatorFormat.FromKst(Input.OpensAt!.Value),
                OperatorFormat.FromKst(Input.ClosesAt!.Value), Input.BudgetKrw!.Value, Input.MaxAwards!.Value, Input.AppealDays!.Value),
            design);
    }

    private static string Property(string section) => section switch
    {
        "fields" => nameof(CallForm.FieldsText),
        "documents" => nameof(CallForm.DocumentsText),
        _ => nameof(CallForm.StagesText),
    };
}
