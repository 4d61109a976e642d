using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Seeding;
using SeoulAiHub.Platform.Time;
using static SeoulAiHub.Features.Engagement.OpinionCategory;

namespace SeoulAiHub.Features.Engagement.Demo;

/// <summary>
/// The demo hub's engagement: the visit of the article (2025-07-21: the council chair, a lawmaker, the vice mayor and
/// the center director touring four tenants), what was said there and what came of it; a council committee meeting; a
/// visit planned two weeks ahead; tenant submissions (one merged as a duplicate) and survey opinions spread over the
/// last two years so the overseer's chart has a shape. The guests are named as in the article (public figures in their
/// public roles); every account is invented. Items seeded overdue count as already reported, so a fresh demo sends no mail.
/// </summary>
internal sealed class DemoEngagement(HubDb db, TimeProvider clock) : IDemoData
{
    public static readonly DateOnly ArticleVisitDate = new(2025, 7, 21);
    public const string ArticleVisitTitle = "서울특별시의회 의장 서울AI허브 현장방문";

    private Guid _ops;
    private DateTimeOffset _now;

    public int Order => 40;

    public async Task SeedAsync(DemoHub demo, CancellationToken ct)
    {
        var people = demo.People;
        _ops = people["ops"];
        _now = clock.GetUtcNow();
        var today = Kst.Today(clock);
        var hub = await db.AllSites().Where(s => s.NameKo == "서울AI허브").Select(s => s.Id).SingleAsync(ct);
        Guid Org(string name) => demo.Organization(name);

        // The article's visit.
        var visit = Visit.Plan(VisitKind.Visit, ArticleVisitTitle, ArticleVisitDate,
            "서울시 AI산업 인프라 구축 및 운영 성과 점검, 입주기관과의 현장 소통 (한국의정신문 기사 참조)", "서울AI허브 운영사무국", hub, _ops, _now);
        visit.AddGuest("최호정", "의장", "서울특별시의회", _now);
        visit.AddGuest("신동욱", "국회의원", "대한민국 국회", _now);
        visit.AddGuest("김태균", "행정1부시장", "서울특별시", _now);
        visit.AddGuest("박찬진", "센터장", "서울AI허브", _now);
        visit.AddMember(people["ops"], "한운영 (가상 인물)", "운영 담당", "서울AI허브 운영사무국", _now);
        visit.AddMember(people["overseer"], "김감독 (가상 인물)", "정책지원관", "서울특별시의회", _now);
        visit.AddStop(new(14, 0), new(14, 30), "2층 201호", hub, Org("한국인공지능산업협회"), "협회 사무국장", "허브 입주 생태계와 회원사 현황", _now);
        visit.AddStop(new(14, 30), new(15, 10), "5층 502호", hub, Org("국가 AI연구거점"), "김기응 센터장", "국가 차원의 AI 연구개발 동향", _now);
        visit.AddStop(new(15, 10), new(15, 50), "5층 501호", hub, Org("KAIST 김재철AI대학원"), "정송 원장", "인재 양성과 서울시 연계 전략", _now);
        visit.AddStop(new(15, 50), new(16, 20), "4층 401호", hub, Org("공군 AI신기술융합센터"), "센터 관계자", "국방 AI 신기술 융합 사례", _now);
        visit.MarkHeld(today, _now);
        db.Visits.Add(visit);

        // A council committee meeting at the hub in spring.
        var meetingDate = new DateOnly(2026, 3, 16);
        var meeting = Visit.Plan(VisitKind.Meeting, "AI 경쟁력 강화 특별위원회 입주기업 간담회", meetingDate,
            "입주 스타트업의 규제·해외진출 애로 청취", "서울특별시의회 AI 경쟁력 강화 특별위원회", hub, _ops, _now);
        meeting.AddGuest("위원장 (가상 인물)", "위원장", "서울특별시의회 AI 경쟁력 강화 특별위원회", _now);
        meeting.AddMember(people["overseer"], "김감독 (가상 인물)", "정책지원관", "서울특별시의회", _now);
        meeting.AddStop(new(10, 0), new(12, 0), "3층 대회의실", hub, null, "한운영 (가상 인물)", "입주기업 8곳 참석", _now);
        if (meetingDate <= today)
        {
            meeting.MarkHeld(today, _now);
        }

        db.Visits.Add(meeting);

        // The next visit, two weeks ahead.
        var next = Visit.Plan(VisitKind.Visit, "AI 경쟁력 강화 특별위원회 현장 점검", today.AddDays(14),
            "현장 의견 후속 조치 점검 및 스타트업 현장 방문", "서울AI허브 운영사무국", hub, _ops, _now);
        next.AddGuest("위원장 (가상 인물)", "위원장", "서울특별시의회 AI 경쟁력 강화 특별위원회", _now);
        next.AddMember(people["overseer"], "김감독 (가상 인물)", "정책지원관", "서울특별시의회", _now);
        next.AddStop(new(14, 0), new(14, 40), "3층 301호", hub, Org("말결랩스"), "대표", "한국어 LLM 실증 현황", _now);
        next.AddStop(new(14, 40), new(15, 20), "3층 302호", hub, Org("눈빛비전"), "대표", "제조 비전 검사 실증", _now);
        db.Visits.Add(next);
        await db.SaveChangesAsync(ct);

        var visitDay = ArticleVisitDate;
        var talent = Opinion(OpinionSource.Visit, visit.Id, Org("KAIST 김재철AI대학원"), "정송 원장",
            "AI 인재의 해외·대기업 유출을 막고 허브에 머물게 할 중장기 인재 전략이 필요합니다.", TalentOutflow | Education, OpinionVisibility.Public, visitDay);
        var demonstration = Opinion(OpinionSource.Visit, visit.Id, Org("한국인공지능산업협회"), "협회 사무국장",
            "AI는 제조·금융·교육·의료 전 산업에 융합할 수 있으므로 기술개발과 함께 활용기반 확충과 실증사업 확대가 병행되어야 합니다.", Demonstration, OpinionVisibility.Public, visitDay);
        var research = Opinion(OpinionSource.Visit, visit.Id, Org("국가 AI연구거점"), "김기응 센터장",
            "국가 AI 연구개발과 서울시 정책을 잇는 연계 전략과 중장기 투자가 필요합니다.", Funding, OpinionVisibility.Public, visitDay);
        var defense = Opinion(OpinionSource.Visit, visit.Id, Org("공군 AI신기술융합센터"), null,
            "보안 등급이 높은 국방 AI 과제를 위해 허브 안에 격리된 GPU 자원이 필요합니다.", Infrastructure, OpinionVisibility.Internal, visitDay);
        var education = Opinion(OpinionSource.Visit, visit.Id, null, "최호정 의장",
            "교육청과 협업해 청소년·청년의 AI 역량 교육을 강화해야 합니다.", Education, OpinionVisibility.Public, visitDay);

        research.Reply("서울시 AI정책과와 국가 AI연구거점이 분기별 연계 협의체를 운영하기로 했습니다.", _ops, At(visitDay.AddDays(20)));
        var talentAction = Action(talent, "청년 AI 인재 정주 지원 방안 연구", "서울시 AI정책과", visitDay.AddDays(120), visitDay.AddDays(3));
        talentAction.Move(ActionStatus.InProgress, null, visitDay.AddDays(10), _ops, At(visitDay.AddDays(10)));
        talentAction.Move(ActionStatus.Done, "인재 정주 지원 방안을 수립하고 2026년 예산(주거·연구수당)에 반영했습니다.", visitDay.AddDays(110), _ops,
            At(visitDay.AddDays(110)));
        talent.Reply("인재 정주 지원 방안을 마련해 2026년 예산에 반영했습니다.", _ops, At(visitDay.AddDays(111)));
        var demoAction = Action(demonstration, "AI 실증 지원사업 2026년 확대 편성", "서울AI허브 운영사무국", today.AddDays(40), visitDay.AddDays(5));
        demoAction.Move(ActionStatus.InProgress, null, visitDay.AddDays(30), _ops, At(visitDay.AddDays(30)));
        var educationAction = Action(education, "교육청 협업 AI 교육 프로그램 협약 체결", "서울시 AI정책과", today.AddDays(-10), visitDay.AddDays(5));
        educationAction.Move(ActionStatus.InProgress, null, visitDay.AddDays(60), _ops, At(visitDay.AddDays(60)));
        educationAction.MarkOverdueNoticeSent();
        var defenseAction = Action(defense, "허브 내 격리 GPU 구축 검토", "서울AI허브 운영사무국", visitDay.AddDays(60), visitDay.AddDays(5));
        defenseAction.Move(ActionStatus.Declined, "보안 인증 요건상 허브 내 구축은 어려워, 국방 전용 연구자원 연계를 안내했습니다.", visitDay.AddDays(45), _ops,
            At(visitDay.AddDays(45)));

        // Tenant submissions: the GPU queue, raised twice; the second is merged into the first.
        var gpu = Opinion(OpinionSource.Tenant, null, Org("말결랩스"), null,
            "GPU 클러스터 대기 시간이 길어 모델 학습 일정이 계속 밀립니다. 스타트업 전용 할당이 필요합니다.", Infrastructure, OpinionVisibility.Internal, today.AddDays(-20));
        var gpuAgain = Opinion(OpinionSource.Tenant, null, Org("소리숲"), null,
            "음성 모델 학습용 GPU 예약이 2주 이상 밀려 있습니다.", Infrastructure | Funding, OpinionVisibility.Internal, today.AddDays(-12));
        FieldOpinion.Merge(gpuAgain, gpu, [], [], _ops, At(today.AddDays(-11)));

        // The spring meeting.
        if (meetingDate <= today)
        {
            var sandbox = Opinion(OpinionSource.Meeting, meeting.Id, Org("메디코어AI"), null,
                "의료 AI 실증에 필요한 규제 샌드박스 절차가 길어 해외 진출이 늦어집니다.", Regulation | Global, OpinionVisibility.Public, meetingDate);
            sandbox.Reply("규제 샌드박스 사전 컨설팅을 허브에서 월 1회 운영합니다.", _ops, At(meetingDate.AddDays(14)));
            var consulting = Action(sandbox, "규제 샌드박스 사전 컨설팅 운영", "서울AI허브 운영사무국", meetingDate.AddDays(60), meetingDate.AddDays(7));
            consulting.Move(ActionStatus.Done, "2026년 4월부터 월 1회 사전 컨설팅을 열고 있습니다.", meetingDate.AddDays(40), _ops,
                At(meetingDate.AddDays(40)));
            Opinion(OpinionSource.Meeting, meeting.Id, Org("핀로직AI"), null,
                "해외 금융기관과의 실증 연결(글로벌 PoC) 프로그램이 필요합니다.", Global | Demonstration, OpinionVisibility.Public, meetingDate);
        }

        // Survey answers over the last two years, so the trend has a shape.
        string[] survey =
        [
            "우수 개발자가 대기업으로 이직하는 일이 잦습니다.", "후속 투자 연계 프로그램이 부족합니다.", "데이터 활용 규제가 불명확합니다.",
            "회의실과 교육장 예약이 어렵습니다.", "공공기관 실증 기회를 늘려 주세요.", "재직자 AI 교육 과정이 필요합니다.",
            "해외 전시회 참가 지원을 늘려 주세요.", "주차 공간이 부족합니다.",
        ];
        var start = today.AddMonths(-23);
        for (var i = 0; i < 24; i++)
        {
            var day = start.AddDays(i * 29);
            if (day > today)
            {
                break;
            }

            var category = FieldOpinion.Categories[(i * 3 + i / 8) % FieldOpinion.Categories.Length];
            Opinion(OpinionSource.Survey, null, null, null, survey[Array.IndexOf(FieldOpinion.Categories, category)], category,
                i % 3 == 0 ? OpinionVisibility.Internal : OpinionVisibility.Public, day);
        }

        await db.SaveChangesAsync(ct);
    }

    private FieldOpinion Opinion(OpinionSource source, Guid? visitId, Guid? organization, string? speaker, string text,
        OpinionCategory category, OpinionVisibility visibility, DateOnly saidOn)
    {
        var opinion = FieldOpinion.Record(source, visitId, organization, speaker, text, category, visibility, saidOn, _ops, At(saidOn));
        db.FieldOpinions.Add(opinion);
        return opinion;
    }

    private ActionItem Action(FieldOpinion opinion, string title, string department, DateOnly dueOn, DateOnly createdOn)
    {
        var action = ActionItem.Create(opinion, title, department, _ops, dueOn, createdOn, _ops, At(createdOn));
        db.ActionItems.Add(action);
        return action;
    }

    /// <summary>Seeded history at 17:00 KST of the day (not the seeding time), so the timeline reads as it happened.</summary>
    private static DateTimeOffset At(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 0)), Kst.Offset).ToUniversalTime();
}
