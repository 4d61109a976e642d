using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace SeoulAiHub.Features.Programs.Operator;

/// <summary>One ranked application as the export shows it: the organization and title in their own columns.</summary>
public sealed record RankingCsvRow(ProposedDecision Decision, string Organization, string Title);

/// <summary>
/// 평가점수 및 순위 — the ranking of a stage as CSV: UTF-8 with a byte-order mark so Excel opens it as Korean text,
/// Korean headers, one row per ranked application and each reviewer's total in anonymous columns (심사위원1..N).
/// </summary>
public static class RankingCsv
{
    public static readonly string[] Headers = ["순위", "기관", "과제명", "신청금액", "심사위원 수", "평가점수", "동점 처리", "선정(안)"];

    public static async Task WriteAsync(Stream output, IReadOnlyList<RankingCsvRow> rows, Func<string, string> korean, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        var reviewers = rows.Count == 0 ? 0 : rows.Max(r => r.Decision.Ranked.Candidate.Totals.Count);
        foreach (var header in Headers)
        {
            csv.WriteField(header);
        }

        for (var i = 1; i <= reviewers; i++)
        {
            csv.WriteField($"심사위원{i}");
        }

        await csv.NextRecordAsync();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            var ranked = row.Decision.Ranked;
            var candidate = ranked.Candidate;
            csv.WriteField(ranked.Rank.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Organization);
            csv.WriteField(row.Title);
            csv.WriteField(candidate.RequestedKrw.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(candidate.Totals.Count.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(ranked.Score.ToString("F2", CultureInfo.InvariantCulture));
            csv.WriteField(ranked.TieBrokenBy is { } tie ? korean(tie) : "");
            csv.WriteField(korean("Programs.Operator.Outcome." + row.Decision.Outcome));
            for (var i = 0; i < reviewers; i++)
            {
                csv.WriteField(i < candidate.Totals.Count ? candidate.Totals[i].ToString("F2", CultureInfo.InvariantCulture) : "");
            }

            await csv.NextRecordAsync();
        }
    }
}
