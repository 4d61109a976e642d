using MiniExcelLibs;

namespace SeoulAiHub.Features.Outcomes.Figures;

/// <summary>
/// The performance report as an Excel workbook: sheets Summary, Trend, ByDomain, ByType, Programs, Organizations,
/// Korean headers, numbers as numbers (a withheld or missing figure is an empty cell). Written from the same
/// <see cref="PerformanceReport"/> as the printed page.
/// </summary>
public static class ReportWorkbook
{
    public static readonly string[] SheetNames = ["Summary", "Trend", "ByDomain", "ByType", "Programs", "Organizations"];

    public static Dictionary<string, object> Sheets(PerformanceReport report, Func<string, string> korean)
    {
        var sheet = report.Sheet;
        var period = report.Period;
        var summary = sheet.Dashboard.Kpis.Select(k => new Dictionary<string, object?>
        {
            ["지표 코드"] = k.Kpi.Code,
            ["지표"] = k.Kpi.NameKo,
            ["단위"] = korean("KpiUnit." + k.Kpi.Unit),
            ["집계 방식"] = korean("KpiKind." + k.Kpi.Kind),
            ["기간"] = period.Code,
            ["값"] = k.Current.Sum,
            ["직전 기간 값"] = k.Previous.Sum,
            ["직전 기간 대비 증감률"] = Round(FigureText.Growth(k.Current, k.Previous)),
            ["전년 동기 값"] = k.YearEarlier.Sum,
            ["전년 동기 대비 증감률"] = Round(FigureText.Growth(k.Current, k.YearEarlier)),
            ["보고 기관 수"] = k.Current.Reporting,
            ["요청 기관 수"] = k.Current.Expected,
            ["미제출"] = k.Current.Missing,
            ["일부 기간"] = k.Current.Partial ? "Y" : "N",
        }).ToList();

        var trend = sheet.Dashboard.Kpis.SelectMany(k => sheet.Dashboard.Periods.Select((p, i) => new Dictionary<string, object?>
        {
            ["지표 코드"] = k.Kpi.Code,
            ["지표"] = k.Kpi.NameKo,
            ["기간"] = p.Code,
            ["값"] = k.Trend[i].Sum,
            ["보고 기관 수"] = k.Trend[i].Reporting,
            ["요청 기관 수"] = k.Trend[i].Expected,
        })).ToList();

        List<Dictionary<string, object?>> Segments(Func<KpiFigures, IReadOnlyList<SegmentFigure>> of, string codeHeader, string nameHeader,
            Func<string, string> name) =>
            sheet.Dashboard.Kpis.SelectMany(k => of(k).Select(s => new Dictionary<string, object?>
            {
                ["지표 코드"] = k.Kpi.Code,
                ["지표"] = k.Kpi.NameKo,
                [codeHeader] = s.Key,
                [nameHeader] = name(s.Key),
                ["값"] = s.Figure.Sum,
                ["보고 기관 수"] = s.Figure.Reporting,
                ["요청 기관 수"] = s.Figure.Expected,
            })).ToList();

        var programs = report.Programs.Select(p => new Dictionary<string, object?>
        {
            ["사업"] = p.NameKo,
            ["마감 공고 수"] = p.CallsClosed,
            ["신청"] = p.Applications,
            ["선정"] = p.Selected,
            ["지원 금액(원)"] = p.AwardedKrw,
            ["협약 진행"] = p.AgreementsInProgress,
            ["협약 완료"] = p.AgreementsCompleted,
        }).ToList();

        var organizations = report.Supported.Select(o => new Dictionary<string, object?>
        {
            ["기관"] = o.NameKo,
            ["사업"] = o.ProgramKo,
            ["공고"] = o.CallKo,
            ["지원 금액(원)"] = o.AwardKrw,
            ["선정일"] = Platform.Time.Kst.FormatDate(o.DecidedAt),
        }).ToList();

        return new Dictionary<string, object>
        {
            ["Summary"] = summary,
            ["Trend"] = trend,
            ["ByDomain"] = Segments(k => k.ByDomain, "분야 코드", "기술 분야", code =>
                sheet.DomainName(code, false, korean("Outcomes.Rollup.NoDomain"))),
            ["ByType"] = Segments(k => k.ByType, "유형 코드", "기관 유형", key => korean("OrgType." + key)),
            ["Programs"] = programs,
            ["Organizations"] = organizations,
        };
    }

    public static async Task WriteAsync(Stream output, PerformanceReport report, Func<string, string> korean, CancellationToken ct) =>
        await output.SaveAsAsync(Sheets(report, korean), cancellationToken: ct);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
