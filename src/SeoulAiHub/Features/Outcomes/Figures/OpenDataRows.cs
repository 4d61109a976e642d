using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace SeoulAiHub.Features.Outcomes.Figures;

/// <summary>
/// One aggregate of the open data and the API: a KPI's figure for one period and one segment ("total" for the hub,
/// "domain", "type", "program-awardees", "program-others"), with the organizations behind it. A withheld figure has
/// no value and <see cref="Withheld"/> set.
/// </summary>
public sealed record AggregateRow(
    string Period, string Kpi, string KpiNameKo, string KpiNameEn, string Unit, string Kind,
    string Segment, string Key, string SegmentNameKo, string SegmentNameEn,
    long? Value, int Reporting, int Expected, int Missing, bool Partial, bool Withheld);

/// <summary>The aggregates file as a whole (JSON): the filter it was made with and its rows.</summary>
public sealed record AggregateSet(string From, string To, Guid? Site, bool Public, IReadOnlyList<AggregateRow> Rows);

/// <summary>
/// 공공데이터 — turns a <see cref="FigureSheet"/> into rows: the trend of every KPI (the hub total per period) and the
/// breakdowns of the last period, exactly as the dashboard shows them; and writes them as CSV (UTF-8 with a BOM,
/// Korean and English headers, like the other CSV exports).
/// </summary>
public static class OpenDataRows
{
    public const string Total = "total";

    public static readonly string[] Headers =
    [
        "기간 (period)", "지표 코드 (kpi)", "지표 (name_ko)", "지표 영문 (name_en)", "단위 (unit)", "집계 방식 (kind)",
        "구분 (segment)", "구분 코드 (key)", "구분명 (segment_ko)", "구분 영문 (segment_en)",
        "값 (value)", "보고 기관 수 (reporting)", "요청 기관 수 (expected)", "미제출 (missing)", "일부 기간 (partial)", "비공개 (withheld)",
    ];

    public static AggregateSet Build(FigureSheet sheet, string noDomainKo, string noDomainEn, Func<string, (string Ko, string En)> typeName)
    {
        var rows = new List<AggregateRow>();
        var current = sheet.Current.Code;
        foreach (var k in sheet.Dashboard.Kpis)
        {
            var kpi = k.Kpi;
            AggregateRow Row(string period, string segment, string key, string ko, string en, Figure f) =>
                new(period, kpi.Code, kpi.NameKo, kpi.NameEn, kpi.Unit.ToString(), kpi.Kind.ToString(), segment, key, ko, en,
                    f.Sum, f.Reporting, f.Expected, f.Missing, f.Partial, f.Suppressed);

            for (var i = 0; i < sheet.Dashboard.Periods.Count; i++)
            {
                rows.Add(Row(sheet.Dashboard.Periods[i].Code, Total, "", "서울AI허브 전체", "Hub total", k.Trend[i]));
            }

            rows.AddRange(k.ByDomain.Select(s => Row(current, "domain", s.Key,
                sheet.DomainName(s.Key, false, noDomainKo), sheet.DomainName(s.Key, true, noDomainEn), s.Figure)));
            rows.AddRange(k.ByType.Select(s => Row(current, "type", s.Key, typeName(s.Key).Ko, typeName(s.Key).En, s.Figure)));
            foreach (var p in k.ByProgram)
            {
                rows.Add(Row(current, "program-awardees", p.ProgramId.ToString(), sheet.ProgramName(p.ProgramId, false),
                    sheet.ProgramName(p.ProgramId, true), p.Awardees));
                rows.Add(Row(current, "program-others", p.ProgramId.ToString(), sheet.ProgramName(p.ProgramId, false),
                    sheet.ProgramName(p.ProgramId, true), p.Others));
            }
        }

        return new AggregateSet(sheet.Filter.From.Code, sheet.Filter.To.Code, sheet.Filter.SiteId, sheet.Public, rows);
    }

    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<AggregateRow> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var header in Headers)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        foreach (var r in rows)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var field in new[] { r.Period, r.Kpi, r.KpiNameKo, r.KpiNameEn, r.Unit, r.Kind, r.Segment, r.Key,
                r.SegmentNameKo, r.SegmentNameEn })
            {
                csv.WriteField(field);
            }

            csv.WriteField(FigureText.Raw(r.Value));
            csv.WriteField(r.Reporting.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Expected.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Missing.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Partial ? "Y" : "N");
            csv.WriteField(r.Withheld ? "Y" : "N");
            await csv.NextRecordAsync();
        }
    }
}
