using System.ComponentModel.DataAnnotations;
using System.Globalization;
using SeoulAiHub.Platform.Forms;

namespace SeoulAiHub.Features.Outcomes.Collection;

/// <summary>What an operator types to add or edit a KPI definition; all text, read and checked here.</summary>
public sealed class KpiForm
{
    [StringLength(40, ErrorMessage = "Validation.TooLong")]
    public string? Code { get; set; }

    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    public string? NameKo { get; set; }

    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    public string? NameEn { get; set; }

    public string? Unit { get; set; }
    public string? Kind { get; set; }
    public bool EvidenceRequired { get; set; }
    public bool AllowsNegative { get; set; }
    public string? SortOrder { get; set; }
    public bool Active { get; set; }

    public static KpiForm Of(KpiDefinition k) => new()
    {
        Code = k.Code, NameKo = k.NameKo, NameEn = k.NameEn, Unit = k.Unit.ToString(), Kind = k.Kind.ToString(),
        EvidenceRequired = k.EvidenceRequired, AllowsNegative = k.AllowsNegative,
        SortOrder = k.SortOrder.ToString(CultureInfo.InvariantCulture), Active = k.Active,
    };

    /// <summary>The unit, kind and order, or the message key of the first one that does not read.</summary>
    public (KpiUnit Unit, KpiKind Kind, int SortOrder, string? Error) Read()
    {
        if (FormValue.Enum<KpiUnit>(Unit, ignoreCase: false) is not { } unit)
        {
            return (default, default, 0, "Outcomes.Collection.Kpi.Error.Unit");
        }

        if (FormValue.Enum<KpiKind>(Kind, ignoreCase: false) is not { } kind)
        {
            return (default, default, 0, "Outcomes.Collection.Kpi.Error.Kind");
        }

        var order = 0;
        if (!string.IsNullOrWhiteSpace(SortOrder) &&
            !int.TryParse(SortOrder.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out order))
        {
            return (default, default, 0, "Outcomes.Collection.Kpi.Error.SortOrder");
        }

        return (unit, kind, order, null);
    }
}
