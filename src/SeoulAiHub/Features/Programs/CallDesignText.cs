using System.Globalization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Forms;

namespace SeoulAiHub.Features.Programs;

/// <summary>A line of the operator's design text that could not be read.</summary>
public sealed record DesignError(string Section, int Line, string Key);

/// <summary>
/// The call form's plain-text way to write fields, documents and stages, one item per line, parts separated by '|':
/// <code>
/// fields:    key | 한국어 라벨 | English label | text|number|amount|date|choice|file | required | choice 1, choice 2
/// documents: key | 서류명 | Document name
/// stages:    # key | 단계명 | Stage name          (starts a stage)
///            key | 항목명 | Criterion | weight | max score
/// </code>
/// Errors name the section and the line, and nothing is saved while there are any.
/// </summary>
public static class CallDesignText
{
    public static (CallDesign? Design, IReadOnlyList<DesignError> Errors) Parse(
        EligibilityRules eligibility, string? fields, string? documents, string? stages)
    {
        var errors = new List<DesignError>();
        var parsedFields = Lines(fields).Select(l => Field(l.Number, l.Parts, errors)).OfType<FormField>().ToList();
        var parsedDocuments = Lines(documents).Select(l => Document(l.Number, l.Parts, errors)).OfType<RequiredDocument>().ToList();
        var parsedStages = Stages(stages, errors);

        Duplicates(parsedFields.Select(f => f.Key).Concat(parsedDocuments.Select(d => d.Key)), "fields", errors);
        Duplicates(parsedStages.Select(s => s.Key), "stages", errors);
        foreach (var stage in parsedStages)
        {
            Duplicates(stage.Criteria.Select(c => c.Key), "stages", errors);
        }

        return errors.Count > 0 ? (null, errors) : (new CallDesign(eligibility, parsedFields, parsedDocuments, parsedStages), errors);
    }

    public static string FieldsText(CallDesign design) => string.Join('\n', design.Fields.Select(f =>
        Join(f.Key, f.LabelKo, f.LabelEn, f.Type.ToString().ToLowerInvariant(), f.Required ? "required" : "optional",
            f.Choices is { Count: > 0 } choices ? string.Join(", ", choices) : null)));

    public static string DocumentsText(CallDesign design) =>
        string.Join('\n', design.Documents.Select(d => Join(d.Key, d.NameKo, d.NameEn)));

    public static string StagesText(CallDesign design) => string.Join('\n', design.Stages.SelectMany(s =>
        new[] { "# " + Join(s.Key, s.NameKo, s.NameEn) }.Concat(s.Criteria.Select(c =>
            Join(c.Key, c.NameKo, c.NameEn, c.Weight.ToString(CultureInfo.InvariantCulture),
                c.MaxScore.ToString(CultureInfo.InvariantCulture))))));

    private static string Join(params string?[] parts) => string.Join(" | ", parts.Where(p => p is not null));

    private static IEnumerable<(int Number, string[] Parts)> Lines(string? text) =>
        (text ?? "").Split('\n').Select((line, i) => (Number: i + 1, Line: line.Trim()))
            .Where(l => l.Line.Length > 0)
            .Select(l => (l.Number, l.Line.Split('|').Select(p => p.Trim()).ToArray()));

    private static bool IsKey(string key) => key.Length is > 0 and <= 64 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static FormField? Field(int line, string[] p, List<DesignError> errors)
    {
        if (p.Length < 5 || !IsKey(p[0]) || p[1].Length == 0 || p[2].Length == 0 ||
            FormValue.Enum<FieldType>(p[3]) is not { } type || p[4] is not ("required" or "optional"))
        {
            errors.Add(new("fields", line, "Programs.Call.Design.FieldLine"));
            return null;
        }

        var choices = p.Length > 5 ? p[5].Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).ToList() : [];
        if (type == FieldType.Choice && choices.Count < 2)
        {
            errors.Add(new("fields", line, "Programs.Call.Design.Choices"));
            return null;
        }

        return new FormField(p[0], p[1], p[2], type, p[4] == "required", type == FieldType.Choice ? choices : null);
    }

    private static RequiredDocument? Document(int line, string[] p, List<DesignError> errors)
    {
        if (p.Length != 3 || !IsKey(p[0]) || p[1].Length == 0 || p[2].Length == 0)
        {
            errors.Add(new("documents", line, "Programs.Call.Design.DocumentLine"));
            return null;
        }

        return new RequiredDocument(p[0], p[1], p[2]);
    }

    private static List<EvaluationStage> Stages(string? text, List<DesignError> errors)
    {
        var stages = new List<(string Key, string Ko, string En, List<Criterion> Criteria)>();
        foreach (var (line, parts) in Lines(text))
        {
            if (parts[0].StartsWith('#'))
            {
                parts[0] = parts[0].TrimStart('#').Trim();
                if (parts.Length != 3 || !IsKey(parts[0]) || parts[1].Length == 0 || parts[2].Length == 0)
                {
                    errors.Add(new("stages", line, "Programs.Call.Design.StageLine"));
                    continue;
                }

                stages.Add((parts[0], parts[1], parts[2], []));
            }
            else if (stages.Count == 0 || parts.Length != 5 || !IsKey(parts[0]) || parts[1].Length == 0 || parts[2].Length == 0 ||
                     !decimal.TryParse(parts[3], NumberStyles.Number, CultureInfo.InvariantCulture, out var weight) || weight <= 0 ||
                     !int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max is < 1 or > 1000)
            {
                errors.Add(new("stages", line, "Programs.Call.Design.CriterionLine"));
            }
            else
            {
                stages[^1].Criteria.Add(new Criterion(parts[0], parts[1], parts[2], weight, max));
            }
        }

        return [.. stages.Select(s => new EvaluationStage(s.Key, s.Ko, s.En, s.Criteria))];
    }

    private static void Duplicates(IEnumerable<string> keys, string section, List<DesignError> errors)
    {
        if (keys.GroupBy(k => k).Any(g => g.Count() > 1))
        {
            errors.Add(new(section, 0, "Programs.Call.Design.DuplicateKey"));
        }
    }

    /// <summary>Reads the eligibility part of the call form; invalid numbers are reported, empty ones mean "no rule".</summary>
    public static EligibilityRules Eligibility(IEnumerable<OrganizationType>? types, int? maxAge, bool tenantsOnly, int? minHeadcount,
        int? maxHeadcount) =>
        new(types?.Distinct().ToList() is { Count: > 0 } list ? list : null, maxAge, tenantsOnly, minHeadcount, maxHeadcount);
}
