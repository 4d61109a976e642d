namespace SeoulAiHub.Features.Organizations;

/// <summary>The taxonomies a new hub starts with (docs/product.md); operators add, rename and reorder terms.</summary>
public static class StandardTaxonomies
{
    public static readonly (string Code, string Ko, string En)[] Domains =
    [
        ("language", "언어 AI", "Language AI"),
        ("vision", "비전 AI", "Computer vision"),
        ("speech", "음성 AI", "Speech AI"),
        ("generative", "생성형 AI", "Generative AI"),
        ("robotics", "로보틱스", "Robotics"),
        ("semiconductor", "AI 반도체", "AI semiconductors"),
        ("data", "데이터", "Data"),
        ("infrastructure", "AI 인프라·MLOps", "AI infrastructure and MLOps"),
        ("security", "AI 보안", "AI security"),
    ];

    public static readonly (string Code, string Ko, string En)[] Industries =
    [
        ("manufacturing", "제조", "Manufacturing"),
        ("finance", "금융", "Finance"),
        ("education", "교육", "Education"),
        ("healthcare", "의료", "Healthcare"),
        ("public", "공공", "Public sector"),
        ("defense", "국방", "Defense"),
        ("logistics", "물류", "Logistics"),
        ("agriculture", "농업", "Agriculture"),
        ("retail", "유통·커머스", "Retail and commerce"),
        ("media", "미디어·콘텐츠", "Media and content"),
        ("mobility", "모빌리티", "Mobility"),
    ];

    public static IEnumerable<TechnologyDomain> CreateDomains() =>
        Domains.Select((d, i) => TechnologyDomain.Create(d.Code, d.Ko, d.En, i));

    public static IEnumerable<Industry> CreateIndustries() =>
        Industries.Select((d, i) => Industry.Create(d.Code, d.Ko, d.En, i));
}
