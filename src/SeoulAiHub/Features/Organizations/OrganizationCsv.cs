using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Organizations;

public sealed record CsvRowError(int Line, string Message);

public sealed record CsvImportResult(int Imported, IReadOnlyList<CsvRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Organizations as CSV with Korean headers, UTF-8 with a byte-order mark so Excel opens it as Korean text.
/// Import is all or nothing: every bad row is reported with its line number and a file with errors imports nothing.
/// Types accept the code or the Korean name (Startup / 스타트업); domains and industries are codes or names split by ';'.
/// </summary>
public sealed class OrganizationCsv(HubDb db, OrganizationEditor editor, IStringLocalizer<SharedResource> t)
{
    public static readonly string[] Headers =
        ["국문명", "영문명", "유형", "사업자등록번호", "설립일", "임직원수", "웹사이트", "한줄소개", "AI기술분야", "적용산업", "담당자이메일", "대표전화"];

    private static readonly string[] Required = ["국문명", "영문명", "유형"];
    public const int MaxRows = 20_000;

    private static CsvConfiguration Configuration => new(CultureInfo.InvariantCulture)
    {
        TrimOptions = TrimOptions.Trim,
        MissingFieldFound = null,
        BadDataFound = null,
        DetectDelimiter = false,
    };

    public async Task WriteAsync(Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, Configuration);
        foreach (var header in Headers)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        var organizations = db.Organizations.AsNoTracking().Include(o => o.Domains).Include(o => o.Industries)
            .AsSplitQuery().OrderBy(o => o.NameKo).AsAsyncEnumerable();
        await foreach (var o in organizations.WithCancellation(ct))
        {
            csv.WriteField(o.NameKo);
            csv.WriteField(o.NameEn);
            csv.WriteField(o.Type.ToString());
            csv.WriteField(o.BusinessRegistrationNumber is null ? "" : BusinessRegistrationNumber.Format(o.BusinessRegistrationNumber));
            csv.WriteField(o.FoundedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(o.Headcount?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(o.Website ?? "");
            csv.WriteField(o.Summary ?? "");
            csv.WriteField(string.Join(';', o.Domains.Select(d => d.Code)));
            csv.WriteField(string.Join(';', o.Industries.Select(i => i.Code)));
            csv.WriteField(o.ContactEmail ?? "");
            csv.WriteField(o.ContactPhone ?? "");
            await csv.NextRecordAsync();
        }
    }

    public async Task<CsvImportResult> ImportAsync(Stream input, CancellationToken ct)
    {
        var errors = new List<CsvRowError>();
        var rows = new List<(int Line, OrganizationInput Input)>();
        var domains = await db.TechnologyDomains.AsNoTracking().ToListAsync(ct);
        var industries = await db.Industries.AsNoTracking().ToListAsync(ct);

        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, Configuration);
        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            return new CsvImportResult(0, [new CsvRowError(1, t["Csv.Error.Empty"])]);
        }

        var missing = Required.Where(h => !csv.HeaderRecord!.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            return new CsvImportResult(0, [new CsvRowError(1, t["Csv.Error.Headers", string.Join(", ", missing)])]);
        }

        while (await csv.ReadAsync())
        {
            var line = csv.Parser.RawRow;
            if (rows.Count + errors.Count >= MaxRows)
            {
                errors.Add(new CsvRowError(line, t["Csv.Error.TooMany", MaxRows]));
                break;
            }

            string? Field(string name) => csv.HeaderRecord!.Contains(name) && csv.TryGetField<string>(name, out var v) &&
                !string.IsNullOrWhiteSpace(v) ? v : null;
            var problems = new List<string>();
            var type = ParseType(Field("유형"));
            if (type is null)
            {
                problems.Add(t["Org.Error.Type"]);
            }

            DateOnly? founded = null;
            if (Field("설립일") is { } foundedText)
            {
                if (DateOnly.TryParseExact(foundedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                    out var d)) founded = d;
                else problems.Add(t["Org.Error.Founded"]);
            }

            int? headcount = null;
            if (Field("임직원수") is { } headcountText)
            {
                if (int.TryParse(headcountText.Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer,
                    CultureInfo.InvariantCulture, out var h)) headcount = h;
                else problems.Add(t["Org.Error.Headcount"]);
            }

            var domainCodes = Terms(Field("AI기술분야"), domains, problems, "Org.Error.Domain");
            var industryCodes = Terms(Field("적용산업"), industries, problems, "Org.Error.Industry");
            var row = new OrganizationInput(Field("국문명") ?? "", Field("영문명") ?? "", type ?? OrganizationType.Startup,
                Field("사업자등록번호"), founded, headcount, Field("한줄소개"), null, Field("웹사이트"), Field("담당자이메일"), Field("대표전화"),
                domainCodes, industryCodes);
            foreach (var (_, key) in await editor.ValidateAsync(row, null, ct))
            {
                problems.Add(t[key]);
            }

            var brn = BusinessRegistrationNumber.Normalize(row.BusinessRegistrationNumber);
            if (brn is not null && rows.Any(r => BusinessRegistrationNumber.Normalize(r.Input.BusinessRegistrationNumber) == brn))
            {
                problems.Add(t["Csv.Error.DuplicateInFile"]);
            }

            if (problems.Count > 0)
            {
                errors.Add(new CsvRowError(line, string.Join(" ", problems.Distinct())));
            }
            else
            {
                rows.Add((line, row));
            }
        }

        if (errors.Count > 0 || rows.Count == 0)
        {
            return new CsvImportResult(0, errors.Count > 0 ? errors : [new CsvRowError(1, t["Csv.Error.Empty"])]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (_, row) in rows)
        {
            await editor.AddNewAsync(row, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CsvImportResult(rows.Count, []);
    }

    private static OrganizationType? ParseType(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (FormValue.Enum<OrganizationType>(text) is { } parsed)
        {
            return parsed;
        }

        return KoreanTypes.TryGetValue(text, out var korean) ? korean : null;
    }

    private static readonly Dictionary<string, OrganizationType> KoreanTypes = new()
    {
        ["스타트업"] = OrganizationType.Startup, ["중소기업"] = OrganizationType.Sme, ["대기업"] = OrganizationType.Enterprise,
        ["중견기업"] = OrganizationType.Enterprise, ["대학"] = OrganizationType.University, ["대학원"] = OrganizationType.University,
        ["연구기관"] = OrganizationType.ResearchInstitute, ["협회"] = OrganizationType.Association, ["단체"] = OrganizationType.Association,
        ["공공기관"] = OrganizationType.PublicAgency, ["군"] = OrganizationType.Military, ["군 기관"] = OrganizationType.Military,
    };

    private List<string> Terms<T>(string? text, List<T> known, List<string> problems, string errorKey) where T : TaxonomyTerm
    {
        var codes = new List<string>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var term = known.FirstOrDefault(k => k.Code.Equals(part, StringComparison.OrdinalIgnoreCase) || k.NameKo == part ||
                k.NameEn.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (term is null)
            {
                problems.Add($"{t[errorKey]} ({part})");
            }
            else
            {
                codes.Add(term.Code);
            }
        }

        return codes;
    }
}
