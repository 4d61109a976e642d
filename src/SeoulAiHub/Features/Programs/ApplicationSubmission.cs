using System.Globalization;
using System.Linq.Expressions;
using SeoulAiHub.Platform.Forms;

namespace SeoulAiHub.Features.Programs;

/// <summary>
/// 제출 — the one definition of what may be submitted and when: the status it moves from, the call's window, the
/// organization's eligibility on today's KST date, and complete, well-formed answers and documents. The entity's
/// <see cref="Submit(Call, Applicant, DateOnly, DateTimeOffset)"/> applies it in memory; <see cref="ApplicationService"/>
/// applies the same pieces around one conditional UPDATE (<see cref="Submittable"/> is its WHERE), so of concurrent
/// submissions one changes the row, and asks <see cref="WindowAllows"/> again with the clock at commit.
/// </summary>
public sealed partial class Application
{
    /// <summary>The statuses a submission moves from, as an expression the database can run as well.</summary>
    public static readonly Expression<Func<Application, bool>> Submittable =
        a => a.Status == ApplicationStatus.Draft || a.Status == ApplicationStatus.RevisionsRequested;

    private static readonly Func<Application, bool> InSubmittableStatus = Submittable.Compile();

    /// <summary>
    /// Whether the call takes this application at <paramref name="now"/>: a first submission only while the call is
    /// open (up to and including the closing instant), one sent back for revisions also after the close.
    /// </summary>
    public bool WindowAllows(Call call, DateTimeOffset now) => Status == ApplicationStatus.RevisionsRequested || call.IsOpenAt(now);

    /// <summary>Every reason the application may not be submitted now; none when it may.</summary>
    public IReadOnlyList<Reason> SubmissionRefusals(Call call, Applicant applicant, DateOnly today, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            return [new Reason("Programs.Application.Error.NotEditable")];
        }

        if (!WindowAllows(call, now))
        {
            return [new Reason("Programs.Application.Error.Closed")];
        }

        return [.. Eligibility.Check(call.Design.Eligibility, applicant, today), .. Completeness(call.Design)];
    }

    /// <summary>Submits after the whole rule; a refusal carries the first reason (the service reports them all).</summary>
    public void Submit(Call call, Applicant applicant, DateOnly today, DateTimeOffset now)
    {
        if (SubmissionRefusals(call, applicant, today, now) is [var first, ..])
        {
            throw new RuleException(first.Key, first.Arguments);
        }

        MarkSubmitted(now);
    }

    /// <summary>Missing required answers and documents, and answers that do not parse as their field's type.</summary>
    public IEnumerable<Reason> Completeness(CallDesign design)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            missing.Add("title");
        }

        foreach (var field in design.Fields)
        {
            var present = field.Type == FieldType.File
                ? Documents.Any(d => d.Key == field.Key)
                : Answers.TryGetValue(field.Key, out var value) && !string.IsNullOrWhiteSpace(value);
            if (field.Required && !present)
            {
                missing.Add(field.LabelKo);
            }
        }

        missing.AddRange(design.Documents.Where(d => !Documents.Any(x => x.Key == d.Key)).Select(d => d.NameKo));
        if (missing.Count > 0)
        {
            yield return new Reason("Programs.Application.Error.Incomplete", string.Join(", ", missing));
        }

        foreach (var field in design.Fields)
        {
            if (Answers.TryGetValue(field.Key, out var value) && !IsValid(field, value))
            {
                yield return new Reason("Programs.Application.Error.InvalidAnswer", field.LabelKo);
            }
        }
    }

    public static bool IsValid(FormField field, string value) => field.Type switch
    {
        FieldType.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        FieldType.Amount => FormValue.Krw(value) is not null,
        FieldType.Date => FormValue.Date(value) is not null,
        FieldType.Choice => field.Choices?.Contains(value) == true,
        FieldType.Text => value.Length <= 10000,
        _ => true,
    };
}
