using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>단위 — every unit the hub counts in is whole: won, persons, items.</summary>
public enum KpiUnit
{
    Krw,
    Persons,
    Count,
}

/// <summary>
/// 유량·저량 — a flow is what happened during a period (revenue, hires) and adds up over periods; a stock is a level at
/// the period's end (headcount) and is never summed over time, only taken at the end.
/// </summary>
public enum KpiKind
{
    Flow,
    Stock,
}

/// <summary>성과지표 — one measure the hub collects from organizations every period.</summary>
public sealed class KpiDefinition
{
    public Guid Id { get; private init; }

    /// <summary>Stable code used in URLs, exports and the API, e.g. "revenue".</summary>
    public string Code { get; private init; } = "";
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public KpiUnit Unit { get; private set; }
    public KpiKind Kind { get; private set; }
    public bool EvidenceRequired { get; private set; }

    /// <summary>Whether a negative value can be true (e.g. net change); none of the standard KPIs allow it.</summary>
    public bool AllowsNegative { get; private set; }
    public int SortOrder { get; private set; }

    /// <summary>Retired KPIs keep their history but are not asked for in new campaigns.</summary>
    public bool Active { get; private set; } = true;

    public string Name(bool english) => english ? NameEn : NameKo;

    public static KpiDefinition Create(string code, string nameKo, string nameEn, KpiUnit unit, KpiKind kind, bool evidenceRequired,
        int sortOrder, bool allowsNegative = false)
    {
        code = (code ?? "").Trim().ToLowerInvariant();
        if (code.Length is 0 or > 40 || !code.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_'))
        {
            throw new RuleException("Outcomes.Kpi.Error.Code");
        }

        var kpi = new KpiDefinition { Id = Guid.CreateVersion7(), Code = code };
        kpi.Update(nameKo, nameEn, unit, kind, evidenceRequired, allowsNegative, sortOrder, active: true);
        return kpi;
    }

    public void Update(string nameKo, string nameEn, KpiUnit unit, KpiKind kind, bool evidenceRequired, bool allowsNegative,
        int sortOrder, bool active)
    {
        if (string.IsNullOrWhiteSpace(nameKo) || string.IsNullOrWhiteSpace(nameEn) || nameKo.Trim().Length > 100 ||
            nameEn.Trim().Length > 100)
        {
            throw new RuleException("Outcomes.Kpi.Error.Name");
        }

        (NameKo, NameEn, Unit, Kind, EvidenceRequired, AllowsNegative, SortOrder, Active) =
            (nameKo.Trim(), nameEn.Trim(), unit, kind, evidenceRequired, allowsNegative, sortOrder, active);
    }
}

/// <summary>The eleven KPIs every hub starts with (issue 5); operators add and retire others.</summary>
public static class StandardKpis
{
    public static IEnumerable<KpiDefinition> Create()
    {
        var order = 0;
        KpiDefinition K(string code, string ko, string en, KpiUnit unit, KpiKind kind, bool evidence) =>
            KpiDefinition.Create(code, ko, en, unit, kind, evidence, order += 10);

        yield return K("revenue", "매출액", "Revenue", KpiUnit.Krw, KpiKind.Flow, evidence: true);
        yield return K("headcount", "고용 인원", "Headcount", KpiUnit.Persons, KpiKind.Stock, evidence: false);
        yield return K("new-hires", "신규 채용", "New hires", KpiUnit.Persons, KpiKind.Flow, evidence: false);
        yield return K("investment", "투자유치액", "Investment raised", KpiUnit.Krw, KpiKind.Flow, evidence: true);
        yield return K("patents-filed", "특허 출원", "Patents filed", KpiUnit.Count, KpiKind.Flow, evidence: false);
        yield return K("patents-granted", "특허 등록", "Patents granted", KpiUnit.Count, KpiKind.Flow, evidence: true);
        yield return K("papers", "논문 게재", "Papers published", KpiUnit.Count, KpiKind.Flow, evidence: false);
        yield return K("certifications", "인증 획득", "Certifications", KpiUnit.Count, KpiKind.Flow, evidence: true);
        yield return K("products", "제품·서비스 출시", "Products launched", KpiUnit.Count, KpiKind.Flow, evidence: false);
        yield return K("exports", "수출액", "Exports", KpiUnit.Krw, KpiKind.Flow, evidence: true);
        yield return K("demonstrations", "실증 완료", "Demonstrations completed", KpiUnit.Count, KpiKind.Flow, evidence: false);
    }

    /// <summary>Loads the standard KPIs into a database that has none (every deployment, not only the demo).</summary>
    public static async Task EnsureAsync(Platform.Data.HubDb db, CancellationToken ct = default)
    {
        if (!await db.KpiDefinitions.AnyAsync(ct))
        {
            db.KpiDefinitions.AddRange(Create());
            await db.SaveChangesAsync(ct);
        }
    }
}

internal sealed class KpiDefinitionConfiguration : IEntityTypeConfiguration<KpiDefinition>
{
    public void Configure(EntityTypeBuilder<KpiDefinition> b)
    {
        b.ToTable("KpiDefinitions");
        b.Property(k => k.Code).HasMaxLength(40);
        b.HasIndex(k => k.Code).IsUnique();
        b.Property(k => k.NameKo).HasMaxLength(100);
        b.Property(k => k.NameEn).HasMaxLength(100);
        b.Property(k => k.Unit).HasConversion<string>().HasMaxLength(16);
        b.Property(k => k.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
