using System.Text;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Seeding;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Programs.Demo;

/// <summary>
/// The demo hub's programs (module 2), relative to today so the demo always has an open call, an upcoming one and a
/// finished one: the R&amp;D grant the article's hub runs (open, with a submitted and a draft application), tenant
/// recruitment (upcoming), AI education with the Office of Education (open to anyone), and last spring's
/// demonstration projects (reviewed by two reviewers, results published, one agreement under way).
/// </summary>
internal sealed class DemoPrograms(HubDb db, DocumentStore documents, TimeProvider clock) : IDemoData
{
    public static readonly CallDesign RndDesign = new(
        new EligibilityRules([OrganizationType.Startup, OrganizationType.Sme], MaxCompanyAgeYears: 7),
        [
            new FormField("summary", "과제 요약", "Project summary", FieldType.Text, true),
            new FormField("market", "목표 시장", "Target market", FieldType.Choice, true, ["제조", "금융", "의료", "교육", "공공"]),
            new FormField("researchers", "참여 연구원 수", "Researchers", FieldType.Number, true),
            new FormField("start", "착수 희망일", "Preferred start", FieldType.Date, false),
        ],
        [new RequiredDocument("plan", "사업계획서", "Business plan")],
        [
            new EvaluationStage("documents", "서류평가", "Document review",
            [
                new Criterion("technology", "기술성", "Technology", 40, 10),
                new Criterion("market", "시장성", "Marketability", 30, 10),
                new Criterion("team", "수행역량", "Team capability", 30, 10),
            ]),
            new EvaluationStage("presentation", "발표평가", "Presentation",
            [
                new Criterion("feasibility", "실현 가능성", "Feasibility", 50, 20),
                new Criterion("impact", "파급효과", "Impact", 50, 20),
            ]),
        ]);

    public int Order => 20;

    public async Task SeedAsync(DemoHub demo, CancellationToken ct)
    {
        var people = demo.People;
        var now = clock.GetUtcNow();
        var today = Kst.Today(clock);
        DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), Kst.Offset);

        var rnd = SupportProgram.Create(ProgramKind.RndGrant, "서울 AI 기술개발(R&D) 지원사업", "Seoul AI R&D Grant",
            "AI 스타트업·중소기업의 기술개발 과제를 지원합니다.", "Funds R&D projects of AI startups and SMEs.", now);
        var recruitment = SupportProgram.Create(ProgramKind.TenantRecruitment, "서울AI허브 입주기업 모집", "Seoul AI Hub tenant recruitment",
            "허브 사무공간과 보육 프로그램에 입주할 기업을 모집합니다.", "Recruits companies for the hub's offices and incubation.", now);
        var education = SupportProgram.Create(ProgramKind.Education, "AI 인재양성 교육 (서울시교육청 협력)",
            "AI talent education (with the Seoul Office of Education)", "교원과 청년을 위한 AI 역량 교육.",
            "AI skills courses for teachers and young people.", now);
        var demonstration = SupportProgram.Create(ProgramKind.Demonstration, "AI 융합 실증사업 (제조·의료)",
            "AI demonstration projects (manufacturing, healthcare)", "수요기관 현장에서 AI 솔루션을 실증합니다.",
            "Demonstrates AI solutions at demand organizations' sites.", now);
        db.Programs.AddRange(rnd, recruitment, education, demonstration);

        var rndCall = Call.Create(rnd.Id,
            new CallText($"{today.Year}년 AI 기술개발 과제 공모", $"{today.Year} AI R&D project call",
                "## 지원 내용\n\n- 과제당 최대 **1억 2천만 원**, 9개월\n- 서류평가 후 발표평가\n\n## 문의\n\n서울AI허브 운영사무국",
                "## What we fund\n\n- Up to **KRW 120 million** per project, 9 months\n- Document review, then presentations\n\n## " +
                    "Contact\n\nSeoul AI Hub Operations Office"),
            new CallTerms(At(today.AddDays(-7), 9), At(today.AddDays(21), 18), 600_000_000, 5, 7), RndDesign, now);
        rndCall.Publish();
        var recruitmentCall = Call.Create(recruitment.Id,
            new CallText($"{today.Year + 1}년 상반기 입주기업 모집", $"Tenant recruitment, first half of {today.Year + 1}",
                "서울AI허브 사무공간(3층, 4층)에 입주할 AI 기업을 모집합니다.", "Office space on floors 3 and 4 of the hub for AI companies."),
            new CallTerms(At(today.AddDays(10), 9), At(today.AddDays(40), 18), 0, 8, 7),
            new CallDesign(new EligibilityRules(MaxCompanyAgeYears: 7), [new FormField("space", "희망 공간", "Space wanted", FieldType.Choice,
                true, ["사무실", "공용 좌석"])], [new RequiredDocument("plan", "사업계획서", "Business plan")],
                [new EvaluationStage("documents", "서류평가", "Document review", [new Criterion("fit", "허브 적합성", "Fit with the hub",
                    100, 100)])]), now);
        recruitmentCall.Publish();
        var educationCall = Call.Create(education.Id,
            new CallText("교원 대상 생성형 AI 활용 과정", "Generative AI for teachers",
                "서울시교육청과 함께하는 4주 과정입니다.", "A four-week course with the Seoul Metropolitan Office of Education."),
            new CallTerms(At(today.AddDays(-3), 9), At(today.AddDays(14), 18), 0, 30, 3),
            new CallDesign(EligibilityRules.Anyone, [new FormField("motivation", "지원 동기", "Motivation", FieldType.Text, true)], [],
                [new EvaluationStage("documents", "서류평가", "Document review", [new Criterion("motivation", "지원 동기",
                    "Motivation", 100, 10)])]), now);
        educationCall.Publish();
        var demoCall = Call.Create(demonstration.Id,
            new CallText("AI 융합 실증 과제 공모 (상반기)", "AI demonstration call (first half)",
                "제조·의료 현장의 수요기관과 함께 AI 솔루션을 실증할 과제를 모집했습니다.", "Projects demonstrating AI solutions with demand organizations."),
            new CallTerms(At(today.AddMonths(-8), 9), At(today.AddMonths(-7), 18), 300_000_000, 2, 7), RndDesign with
            {
                Stages = [RndDesign.Stages[0]],
            }, now);
        demoCall.Publish();
        db.Calls.AddRange(rndCall, recruitmentCall, educationCall, demoCall);
        await db.SaveChangesAsync(ct);

        // The R&D call: 말결랩스 has submitted; 눈빛비전 is still writing.
        var submitted = await ApplyAsync(rndCall, demo, "말결랩스", people["malgyeol"], "한국어 공공문서 요약 LLM 경량화", 110_000_000, "공공", now);
        submitted.Submit(now.AddDays(-2));
        var draft = Application.Start(rndCall.Id, demo.Organization("눈빛비전"), people["nunbit"], now);
        draft.SaveDraft("반도체 웨이퍼 결함 검출 고도화", 95_000_000, new Dictionary<string, string> { ["summary"] = "작성 중" }, now);
        db.Applications.Add(draft);

        // The finished demonstration call: three applied, two reviewers scored, two selected, one agreement under way.
        var reviewers = new[] { people["reviewer"], people["reviewer2"] };
        var scores = new Dictionary<string, int[][]>
        {
            ["두손로보틱스"] = [[9, 8, 9], [8, 9, 8]],
            ["메디코어AI"] = [[8, 8, 7], [9, 7, 8]],
            ["안전한길"] = [[6, 7, 6], [7, 6, 7]],
        };
        var closedAt = demoCall.ClosesAt;
        var decided = new List<Application>();
        foreach (var (name, rows) in scores)
        {
            var member = people["ops"];   // these organizations have no demo members; the office entered the paper forms
            var application = await ApplyAsync(demoCall, demo, name, member, $"{name} 현장 실증", 140_000_000, "제조", closedAt.AddDays(-3));
            application.Submit(closedAt.AddDays(-2));
            application.StartReview(closedAt.AddDays(1));
            for (var r = 0; r < reviewers.Length; r++)
            {
                var assignment = ReviewerAssignment.Create(demoCall.Id, application.Id, "documents", reviewers[r], closedAt.AddDays(1));
                var criteria = demoCall.Design.Stages[0].Criteria;
                assignment.Score(demoCall.Design.Stages[0],
                    criteria.Select((c, i) => (c.Key, Score: rows[r][i])).ToDictionary(x => x.Key,
                        x => new CriterionScore(x.Score, "데모 평가 의견")),
                    submit: true, closedAt.AddDays(5));
                db.ReviewerAssignments.Add(assignment);
            }

            decided.Add(application);
        }

        var resultsAt = closedAt.AddDays(14);
        decided[0].Decide(true, 140_000_000, null, resultsAt);
        decided[1].Decide(true, 140_000_000, null, resultsAt);
        decided[2].Decide(false, 0, null, resultsAt);
        demoCall.PublishResults(resultsAt);

        var agreement = Agreement.Draft(decided[0], 140_000_000, today.AddMonths(-6), today.AddMonths(3), resultsAt.AddDays(10));
        agreement.AddMilestone("현장 설치와 데이터 수집", "설치 보고서, 수집 데이터 명세", today.AddMonths(-3));
        agreement.AddMilestone("중간 실증 결과", "중간보고서", today.AddDays(5));
        agreement.AddMilestone("최종 실증 결과", "최종보고서, 성과 지표", today.AddMonths(3));
        agreement.Sign(decided[0], resultsAt.AddDays(12));
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Application> ApplyAsync(Call call, DemoHub demo, string organization, Guid userId, string title, long requested,
        string market, DateTimeOffset at)
    {
        var application = Application.Start(call.Id, demo.Organization(organization), userId, at);
        application.SaveDraft(title, requested, new Dictionary<string, string>
        {
            ["summary"] = $"{organization}의 {title} 과제입니다. (데모 데이터)",
            ["market"] = market,
            ["researchers"] = "4",
        }, at);
        var plan = await documents.SaveAsync("사업계획서.pdf", DemoFiles.Pdf("Business plan (demo)"));
        application.Documents.Add(ApplicationDocument.Create(application.Id, "plan", plan, userId, at));
        db.Applications.Add(application);
        return application;
    }
}
