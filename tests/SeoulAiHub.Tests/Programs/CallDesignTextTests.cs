using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;

namespace SeoulAiHub.Tests.Programs;

public sealed class CallDesignTextTests
{
    private const string Fields = """
        summary | 사업 요약 | Summary | text | required
        staff | 인원 | Staff | number | optional
        amount | 신청 금액 | Amount | amount | required
        start | 시작일 | Start | date | optional
        track | 분야 | Track | choice | required | 비전, 언어, 로봇
        deck | 발표자료 | Deck | file | optional
        """;

    private const string Documents = """
        plan | 사업계획서 | Business plan
        registration | 사업자등록증 | Business registration
        """;

    private const string Stages = """
        # paper | 서류평가 | Paper review
        tech | 기술성 | Technology | 60 | 100
        biz | 사업성 | Business | 40.5 | 50

        # pitch | 발표평가 | Pitch
        talk | 발표 | Presentation | 1 | 10
        """;

    private static readonly EligibilityRules Rules = new([OrganizationType.Startup], 7, true, 1, 50);

    [Fact]
    public void A_valid_design_is_read_whole()
    {
        var (design, errors) = CallDesignText.Parse(Rules, Fields, Documents, Stages);
        Assert.Empty(errors);
        Assert.NotNull(design);
        Assert.Same(Rules, design.Eligibility);
        Assert.Equal(["summary", "staff", "amount", "start", "track", "deck"], design.Fields.Select(f => f.Key));
        Assert.Equal([FieldType.Text, FieldType.Number, FieldType.Amount, FieldType.Date, FieldType.Choice, FieldType.File],
            design.Fields.Select(f => f.Type));
        Assert.Equal([true, false, true, false, true, false], design.Fields.Select(f => f.Required));
        Assert.Equal(["비전", "언어", "로봇"], design.Fields[4].Choices!);
        Assert.Null(design.Fields[0].Choices);
        Assert.Equal("사업 요약", design.Fields[0].LabelKo);
        Assert.Equal("Summary", design.Fields[0].LabelEn);
        Assert.Equal(["plan", "registration"], design.Documents.Select(d => d.Key));
        Assert.Equal("Business registration", design.Documents[1].NameEn);
        Assert.Equal(["paper", "pitch"], design.Stages.Select(s => s.Key));
        Assert.Equal(new Criterion("biz", "사업성", "Business", 40.5m, 50), design.Stages[0].Criteria[1]);
        Assert.Single(design.Stages[1].Criteria);
    }

    [Fact]
    public void The_formatted_text_reads_back_as_the_same_design()
    {
        var (design, _) = CallDesignText.Parse(Rules, Fields, Documents, Stages);
        var fields = CallDesignText.FieldsText(design!);
        var documents = CallDesignText.DocumentsText(design!);
        var stages = CallDesignText.StagesText(design!);
        Assert.Contains("track | 분야 | Track | choice | required | 비전, 언어, 로봇", fields, StringComparison.Ordinal);
        Assert.StartsWith("# paper | 서류평가 | Paper review", stages, StringComparison.Ordinal);

        var (again, errors) = CallDesignText.Parse(Rules, fields, documents, stages);
        Assert.Empty(errors);
        Assert.Equal(fields, CallDesignText.FieldsText(again!));
        Assert.Equal(documents, CallDesignText.DocumentsText(again!));
        Assert.Equal(stages, CallDesignText.StagesText(again!));
        Assert.Equal(design!.Fields.Select(f => (f.Key, f.LabelKo, f.LabelEn, f.Type, f.Required)),
            again!.Fields.Select(f => (f.Key, f.LabelKo, f.LabelEn, f.Type, f.Required)));
        Assert.Equal(design.Documents, again.Documents);
        Assert.Equal(design.Stages.SelectMany(s => s.Criteria), again.Stages.SelectMany(s => s.Criteria));
    }

    [Fact]
    public void Empty_texts_make_an_empty_design()
    {
        var (design, errors) = CallDesignText.Parse(EligibilityRules.Anyone, null, "", "\n  \n");
        Assert.Empty(errors);
        Assert.Empty(design!.Fields);
        Assert.Empty(design.Documents);
        Assert.Empty(design.Stages);
    }

    [Theory]
    [InlineData("summary | 요약 | Summary | text", "Programs.Call.Design.FieldLine")]                 // too few parts
    [InlineData("bad key | 요약 | Summary | text | required", "Programs.Call.Design.FieldLine")]      // key with a space
    [InlineData("summary |  | Summary | text | required", "Programs.Call.Design.FieldLine")]         // no Korean label
    [InlineData("summary | 요약 |  | text | required", "Programs.Call.Design.FieldLine")]            // no English label
    [InlineData("summary | 요약 | Summary | essay | required", "Programs.Call.Design.FieldLine")]    // unknown type
    [InlineData("summary | 요약 | Summary | text | maybe", "Programs.Call.Design.FieldLine")]        // neither required nor optional
    [InlineData("track | 분야 | Track | choice | required", "Programs.Call.Design.Choices")]         // no choices
    [InlineData("track | 분야 | Track | choice | required | 하나", "Programs.Call.Design.Choices")]    // one choice
    [InlineData("track | 분야 | Track | choice | required | , ,", "Programs.Call.Design.Choices")]    // empty choices
    public void A_bad_field_line_is_named_with_its_line_number(string line, string key)
    {
        var (design, errors) = CallDesignText.Parse(EligibilityRules.Anyone,
            "ok | 좋음 | Fine | text | optional\n\n" + line, null, null);
        Assert.Null(design);
        Assert.Equal(new DesignError("fields", 3, key), Assert.Single(errors));
    }

    [Theory]
    [InlineData("plan | 사업계획서")]
    [InlineData("plan | 사업계획서 | Business plan | extra")]
    [InlineData("pl@n | 사업계획서 | Business plan")]
    [InlineData("plan |  | Business plan")]
    public void A_bad_document_line_is_named_with_its_line_number(string line)
    {
        var (design, errors) = CallDesignText.Parse(EligibilityRules.Anyone, null, line + "\nreg | 등록증 | Registration", null);
        Assert.Null(design);
        Assert.Equal(new DesignError("documents", 1, "Programs.Call.Design.DocumentLine"), Assert.Single(errors));
    }

    [Theory]
    [InlineData("# paper | 서류평가", "Programs.Call.Design.StageLine")]
    [InlineData("# pa per | 서류평가 | Paper", "Programs.Call.Design.StageLine")]
    [InlineData("# | 서류평가 | Paper", "Programs.Call.Design.StageLine")]
    [InlineData("tech | 기술성 | Technology | 60", "Programs.Call.Design.CriterionLine")]
    [InlineData("tech | 기술성 | Technology | 0 | 100", "Programs.Call.Design.CriterionLine")]      // weight must be positive
    [InlineData("tech | 기술성 | Technology | -5 | 100", "Programs.Call.Design.CriterionLine")]
    [InlineData("tech | 기술성 | Technology | many | 100", "Programs.Call.Design.CriterionLine")]
    [InlineData("tech | 기술성 | Technology | 60 | 0", "Programs.Call.Design.CriterionLine")]       // max 1..1000
    [InlineData("tech | 기술성 | Technology | 60 | 1001", "Programs.Call.Design.CriterionLine")]
    [InlineData("tech | 기술성 | Technology | 60 | 9.5", "Programs.Call.Design.CriterionLine")]
    [InlineData("tech | 기술성 |  | 60 | 100", "Programs.Call.Design.CriterionLine")]
    public void A_bad_stage_or_criterion_line_is_named_with_its_line_number(string line, string key)
    {
        var (design, errors) = CallDesignText.Parse(EligibilityRules.Anyone, null, null,
            "# first | 1단계 | First\nok | 항목 | Item | 1 | 10\n" + line);
        Assert.Null(design);
        Assert.Equal(new DesignError("stages", 3, key), Assert.Single(errors));
    }

    [Fact]
    public void A_criterion_before_any_stage_is_an_error()
    {
        var (_, errors) = CallDesignText.Parse(EligibilityRules.Anyone, null, null, "tech | 기술성 | Technology | 60 | 100\n# s | 단계 | Stage");
        Assert.Equal(new DesignError("stages", 1, "Programs.Call.Design.CriterionLine"), Assert.Single(errors));
    }

    [Fact]
    public void Every_bad_line_of_every_section_is_reported_at_once()
    {
        var (design, errors) = CallDesignText.Parse(EligibilityRules.Anyone,
            "a | 가 | A | text | required\nbad\nc | 다 | C | nope | optional", "bad", "# s | 단계 | Stage\nx | y");
        Assert.Null(design);
        Assert.Equal([new DesignError("fields", 2, "Programs.Call.Design.FieldLine"),
            new DesignError("fields", 3, "Programs.Call.Design.FieldLine"), new DesignError("documents", 1,
                "Programs.Call.Design.DocumentLine"), new DesignError("stages", 2, "Programs.Call.Design.CriterionLine")],
                errors);
    }

    [Fact]
    public void Duplicate_keys_are_refused_within_fields_and_documents_stages_and_a_stage()
    {
        Assert.Equal(new DesignError("fields", 0, "Programs.Call.Design.DuplicateKey"),
            Assert.Single(CallDesignText.Parse(EligibilityRules.Anyone, "a | 가 | A | text | required\na | 나 | B | text | optional",
                null, null).Errors));
        // A document may not share a key with a field: both are the key of an attached file.
        Assert.Equal(new DesignError("fields", 0, "Programs.Call.Design.DuplicateKey"),
            Assert.Single(CallDesignText.Parse(EligibilityRules.Anyone, "plan | 계획 | Plan | file | required",
                "plan | 사업계획서 | Plan", null).Errors));
        Assert.Equal(new DesignError("stages", 0, "Programs.Call.Design.DuplicateKey"),
            Assert.Single(CallDesignText.Parse(EligibilityRules.Anyone, null, null,
                "# s | 가 | A\nx | 가 | A | 1 | 10\n# s | 나 | B\ny | 나 | B | 1 | 10").Errors));
        Assert.Equal(new DesignError("stages", 0, "Programs.Call.Design.DuplicateKey"),
            Assert.Single(CallDesignText.Parse(EligibilityRules.Anyone, null, null,
                "# s | 가 | A\nx | 가 | A | 1 | 10\nx | 나 | B | 2 | 10").Errors));
        // The same criterion key in two different stages is fine.
        Assert.Empty(CallDesignText.Parse(EligibilityRules.Anyone, null, null,
            "# s | 가 | A\nx | 가 | A | 1 | 10\n# t | 나 | B\nx | 나 | B | 1 | 10").Errors);
    }

    [Fact]
    public void Eligibility_from_the_form_drops_repeated_types_and_treats_none_as_no_rule()
    {
        Assert.Null(CallDesignText.Eligibility(null, null, false, null, null).Types);
        Assert.Null(CallDesignText.Eligibility([], null, false, null, null).Types);
        Assert.Equal([OrganizationType.Startup, OrganizationType.Sme],
            CallDesignText.Eligibility([OrganizationType.Startup, OrganizationType.Sme, OrganizationType.Startup], 7, true, 1, 9).Types!);
    }
}
