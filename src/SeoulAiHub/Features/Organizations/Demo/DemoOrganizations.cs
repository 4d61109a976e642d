using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SeoulAiHub.Platform;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Platform.Seeding;
using static SeoulAiHub.Features.Organizations.OrganizationType;
using static SeoulAiHub.Features.Organizations.TenancyStatus;

namespace SeoulAiHub.Features.Organizations.Demo;

/// <summary>
/// The first part of the demo hub, the Seoul AI Hub of the article (서초구 태봉로): the taxonomies, the institutions it
/// names, a dozen invented startups across AI domains, a few demand organizations, and people with every role. Every
/// person is invented and named so. Their tenancies and rooms are the Spaces part (DemoSpaces, by the same names).
/// </summary>
internal sealed class DemoOrganizations(HubDb db, UserManager<HubUser> users, IOptions<HubOptions> options, TimeProvider clock) : IDemoData
{
    public const string DemoDomain = DemoHub.DemoDomain;

    public int Order => 0;

    internal sealed record DemoOrganization(string Ko, string En, OrganizationType Type, TenancyStatus Status, string Summary,
        string[] Domains, string[] Industries, string? Brn = null, int? Founded = null, int? Headcount = null);

    internal static readonly DemoOrganization[] Organizations =
    [
        new("한국인공지능산업협회", "Korea Artificial Intelligence Industry Association", Association, Resident, "AI 기업들의 협회. 허브 입주기관.",
            ["data", "generative"], ["public"], Founded: 2018, Headcount: 25),
        new("KAIST 김재철AI대학원", "KAIST Kim Jaechul Graduate School of AI", University, Resident, "AI 대학원. 인재 양성과 연구 협력.",
            ["language", "vision", "generative"], ["education", "healthcare"], Founded: 2019, Headcount: 120),
        new("공군 AI신기술융합센터", "ROK Air Force AI Convergence Center", Military, Resident, "국방 분야 AI 신기술 융합.", ["vision", "robotics"],
            ["defense"], Headcount: 30),
        new("국가 AI연구거점", "National AI Research Hub", ResearchInstitute, Resident, "국가 차원의 AI 연구개발 거점.",
            ["language", "generative", "infrastructure"], ["public", "healthcare"], Founded: 2023, Headcount: 60),
        new("서울AI허브 운영사무국", "Seoul AI Hub Operations Office", PublicAgency, None, "허브를 운영하는 사무국.", [], ["public"]),
        new("말결랩스", "Malgyeol Labs", Startup, Resident, "한국어 거대언어모델과 문서 요약 (언어 AI).", ["language", "generative"], ["finance", "public"],
            "2208712345", 2021, 18),
        new("눈빛비전", "Nunbit Vision", Startup, Resident, "제조 라인의 비전 검사 (비전 AI).", ["vision"], ["manufacturing"], "1058723456", 2020, 24),
        new("소리숲", "Sorisup", Startup, Resident, "콜센터 음성 인식과 합성 (음성 AI).", ["speech"], ["finance", "retail"], "2118734567", 2022, 11),
        new("두손로보틱스", "Dusson Robotics", Startup, Resident, "물류 창고용 협동 로봇 (로보틱스).", ["robotics", "vision"], ["logistics", "manufacturing"],
            "1208745678", 2019, 32),
        new("메디코어AI", "Medicore AI", Startup, Resident, "흉부 X선 판독 보조 (의료 AI).", ["vision"], ["healthcare"], "2148756789", 2020, 27),
        new("셈틀반도체", "Semtle Semiconductor", Startup, Resident, "저전력 추론용 AI 반도체.", ["semiconductor"], ["manufacturing", "mobility"],
            "1348767890", 2021, 19),
        new("데이터다리", "Datadari", Startup, Resident, "공공데이터 정제와 가명처리 (데이터).", ["data", "security"], ["public"], "1068778901", 2022, 9),
        new("그림결", "Geurimgyeol", Startup, Resident, "광고 이미지 생성 (생성형 AI).", ["generative", "vision"], ["media", "retail"],
            "2208789012", 2023, 8),
        new("핀로직AI", "FinLogic AI", Startup, Resident, "이상거래 탐지 (금융 AI).", ["data", "security"], ["finance"], "1078790123", 2021, 15),
        new("배움봇", "Baeumbot", Startup, Admitted, "초중등 학습 코칭 챗봇 (교육 AI).", ["language", "generative"], ["education"],
            "2118801234", 2024, 6),
        new("안전한길", "Safepath AI", Startup, Resident, "CCTV 기반 보행 안전 분석 (공공 AI).", ["vision"], ["public", "mobility"],
            "1208812345", 2022, 12),
        new("팜아이", "Farm-i", Startup, Applied, "스마트팜 작황 예측.", ["data", "vision"], ["agriculture"], "1348823456", 2024, 5),
        new("로지스텍AI", "Logistech AI", Sme, Graduated, "배송 경로 최적화. 허브 졸업기업.", ["data"], ["logistics"], "1058834567", 2017, 48),
        new("한빛정밀", "Hanbit Precision", Sme, None, "자동차 부품 제조사 (실증 수요기관).", [], ["manufacturing", "mobility"], "1248845678", 1998, 210),
        new("서울미래병원", "Seoul Mirae Hospital", Enterprise, None, "종합병원 (실증 수요기관).", [], ["healthcare"], "2148856789", 1987, 1400),
        new("가온은행", "Gaon Bank", Enterprise, None, "시중은행 (실증 수요기관).", [], ["finance"], "1048867890", 1967, 9000),
        new("서울특별시교육청", "Seoul Metropolitan Office of Education", PublicAgency, None, "AI 교육 협력기관.", [], ["education", "public"]),
    ];

    private sealed record DemoPerson(string Local, string Name, string Role, string? Organization,
        MembershipStatus Status = MembershipStatus.Active);

    private static readonly DemoPerson[] People =
    [
        new("ops", "한운영 (가상 인물)", HubRoles.Operator, null),
        new("overseer", "김감독 (가상 인물)", HubRoles.Overseer, null),
        new("reviewer", "이심사 (가상 인물)", HubRoles.Reviewer, null),
        new("reviewer2", "강평가 (가상 인물)", HubRoles.Reviewer, null),
        new("malgyeol", "박말결 (가상 인물)", HubRoles.TenantMember, "말결랩스"),
        new("nunbit", "최눈빛 (가상 인물)", HubRoles.TenantMember, "눈빛비전"),
        new("kaist", "정연구 (가상 인물)", HubRoles.TenantMember, "KAIST 김재철AI대학원"),
        new("hanbit", "오제조 (가상 인물)", HubRoles.DemandOrganizationMember, "한빛정밀"),
        new("learner", "윤배움 (가상 인물)", HubRoles.Learner, null),
        new("pending", "서대기 (가상 인물)", HubRoles.TenantMember, "메디코어AI", MembershipStatus.Pending),
    ];

    public async Task SeedAsync(DemoHub demo, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var domains = StandardTaxonomies.CreateDomains().ToDictionary(d => d.Code);
        var industries = StandardTaxonomies.CreateIndustries().ToDictionary(i => i.Code);
        db.TechnologyDomains.AddRange(domains.Values);
        db.Industries.AddRange(industries.Values);

        var byName = new Dictionary<string, Organization>();
        foreach (var o in Organizations)
        {
            var organization = Organization.Create(o.Ko, o.En, o.Type, TenancyStatus.None, now, summary: o.Summary);
            organization.UpdateProfile(organization.Profile with
            {
                FoundedOn = o.Founded is { } year ? new DateOnly(year, 3, 2) : null,
                Headcount = o.Headcount,
                Website = $"https://{o.En.ToLowerInvariant().Replace(' ', '-')}.example.kr",
                ContactEmail = $"contact@{o.En.ToLowerInvariant().Replace(' ', '-')}.example.kr",
                ContactPhone = "02-0000-0000",
                Description = $"## {o.Ko}\n\n{o.Summary}\n\n*데모 데이터입니다. / Demo data.*",
            }, now);
            organization.SetOfficialDetails(o.Type, o.Brn is null ? null : BusinessRegistrationNumber.WithCheckDigit(o.Brn[..9]), now);
            organization.SetClassification(o.Domains.Select(c => domains[c]), o.Industries.Select(c => industries[c]), now);
            if (o.Status != TenancyStatus.None)
            {
                // The status its tenancy reaches in DemoSpaces (Applied, Admitted, Resident or Graduated).
                organization.SetTenancyStatus(o.Status, now);
            }

            byName[o.Ko] = organization;
            demo.Organizations[o.Ko] = organization.Id;
            db.Organizations.Add(organization);
        }

        await db.SaveChangesAsync(ct);

        var configured = options.Value.DemoPassword;
        var password = string.IsNullOrEmpty(configured) ? PasswordGenerator.Strong() : configured;
        foreach (var person in People)
        {
            var user = HubUser.Create($"{person.Local}@{DemoDomain}", person.Name, now);
            user.EmailConfirmed = true;
            Check(await users.CreateAsync(user, password));
            demo.People[person.Local] = user.Id;
            if (person.Organization is null)
            {
                Check(await users.AddToRoleAsync(user, person.Role));
                continue;
            }

            var organizationId = byName[person.Organization].Id;
            if (person.Status == MembershipStatus.Active)
            {
                Check(await users.AddToRoleAsync(user, person.Role));
                db.OrganizationMemberships.Add(OrganizationMembership.Grant(organizationId, user.Id, person.Role,
                    MembershipRole.Admin, now));
            }
            else
            {
                db.OrganizationMemberships.Add(OrganizationMembership.Request(organizationId, user.Id, person.Role, now));
            }
        }

        await db.SaveChangesAsync(ct);
        await demo.Console.WriteLineAsync($"""

            데모 허브를 적재합니다: 기관 {Organizations.Length}곳, 데모 계정 {People.Length}개 (@{DemoDomain}).
            Loading the demo hub: {Organizations.Length} organizations, {People.Length} demo accounts (@{DemoDomain}):
              {string.Join(", ", People.Select(p => p.Local))}
            """);
        if (string.IsNullOrEmpty(configured))
        {
            await demo.Console.WriteLineAsync($"  데모 계정 공통 비밀번호 / demo password (shown once): {password}");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding the demo hub failed: " +
                string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
