using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using static SeoulAiHub.Features.Organizations.OrganizationType;
using static SeoulAiHub.Features.Organizations.TenancyStatus;

namespace SeoulAiHub.Platform.Seeding;

/// <summary>
/// The Seoul AI Hub of the article (서초구 태봉로): the institutions it names, a dozen invented startups across AI domains,
/// a few demand organizations, and people with every role. Every person is invented and named so.
/// </summary>
public sealed class DemoHub(HubDb db, UserManager<HubUser> users, IOptions<HubOptions> options, TimeProvider clock)
{
    public const string DemoDomain = "demo.seoulaihub.kr";

    internal static readonly (string Ko, string En, OrganizationType Type, TenancyStatus Status, string Summary)[] Organizations =
    [
        ("한국인공지능산업협회", "Korea Artificial Intelligence Industry Association", Association, Resident, "AI 기업들의 협회. 허브 입주기관."),
        ("KAIST 김재철AI대학원", "KAIST Kim Jaechul Graduate School of AI", University, Resident, "AI 대학원. 인재 양성과 연구 협력."),
        ("공군 AI신기술융합센터", "ROK Air Force AI Convergence Center", Military, Resident, "국방 분야 AI 신기술 융합."),
        ("국가 AI연구거점", "National AI Research Hub", ResearchInstitute, Resident, "국가 차원의 AI 연구개발 거점."),
        ("서울AI허브 운영사무국", "Seoul AI Hub Operations Office", PublicAgency, None, "허브를 운영하는 사무국."),
        ("말결랩스", "Malgyeol Labs", Startup, Resident, "한국어 거대언어모델과 문서 요약 (언어 AI)."),
        ("눈빛비전", "Nunbit Vision", Startup, Resident, "제조 라인의 비전 검사 (비전 AI)."),
        ("소리숲", "Sorisup", Startup, Resident, "콜센터 음성 인식과 합성 (음성 AI)."),
        ("두손로보틱스", "Dusson Robotics", Startup, Resident, "물류 창고용 협동 로봇 (로보틱스)."),
        ("메디코어AI", "Medicore AI", Startup, Resident, "흉부 X선 판독 보조 (의료 AI)."),
        ("셈틀반도체", "Semtle Semiconductor", Startup, Resident, "저전력 추론용 AI 반도체."),
        ("데이터다리", "Datadari", Startup, Resident, "공공데이터 정제와 가명처리 (데이터)."),
        ("그림결", "Geurimgyeol", Startup, Resident, "광고 이미지 생성 (생성형 AI)."),
        ("핀로직AI", "FinLogic AI", Startup, Resident, "이상거래 탐지 (금융 AI)."),
        ("배움봇", "Baeumbot", Startup, Admitted, "초중등 학습 코칭 챗봇 (교육 AI)."),
        ("안전한길", "Safepath AI", Startup, Resident, "CCTV 기반 보행 안전 분석 (공공 AI)."),
        ("팜아이", "Farm-i", Startup, Applied, "스마트팜 작황 예측."),
        ("로지스텍AI", "Logistech AI", Sme, Graduated, "배송 경로 최적화. 허브 졸업기업."),
        ("한빛정밀", "Hanbit Precision", Sme, None, "자동차 부품 제조사 (실증 수요기관)."),
        ("서울미래병원", "Seoul Mirae Hospital", Enterprise, None, "종합병원 (실증 수요기관)."),
        ("가온은행", "Gaon Bank", Enterprise, None, "시중은행 (실증 수요기관)."),
        ("서울특별시교육청", "Seoul Metropolitan Office of Education", PublicAgency, None, "AI 교육 협력기관."),
    ];

    private sealed record DemoPerson(string Local, string Name, string Role, string? Organization, MembershipStatus Status = MembershipStatus.Active);

    private static readonly DemoPerson[] People =
    [
        new("ops", "한운영 (가상 인물)", HubRoles.Operator, null),
        new("overseer", "김감독 (가상 인물)", HubRoles.Overseer, null),
        new("reviewer", "이심사 (가상 인물)", HubRoles.Reviewer, null),
        new("malgyeol", "박말결 (가상 인물)", HubRoles.TenantMember, "말결랩스"),
        new("nunbit", "최눈빛 (가상 인물)", HubRoles.TenantMember, "눈빛비전"),
        new("kaist", "정연구 (가상 인물)", HubRoles.TenantMember, "KAIST 김재철AI대학원"),
        new("hanbit", "오제조 (가상 인물)", HubRoles.DemandOrganizationMember, "한빛정밀"),
        new("learner", "윤배움 (가상 인물)", HubRoles.Learner, null),
        new("pending", "서대기 (가상 인물)", HubRoles.TenantMember, "메디코어AI", MembershipStatus.Pending),
    ];

    public async Task SeedAsync(TextWriter console, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var byName = new Dictionary<string, Organization>();
        foreach (var (ko, en, type, status, summary) in Organizations)
        {
            var organization = Organization.Create(ko, en, type, status, now, summary: summary);
            byName[ko] = organization;
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
            if (person.Organization is null)
            {
                Check(await users.AddToRoleAsync(user, person.Role));
                continue;
            }

            var organizationId = byName[person.Organization].Id;
            if (person.Status == MembershipStatus.Active)
            {
                Check(await users.AddToRoleAsync(user, person.Role));
                db.OrganizationMemberships.Add(OrganizationMembership.Grant(organizationId, user.Id, person.Role, MembershipRole.Admin, now));
            }
            else
            {
                db.OrganizationMemberships.Add(OrganizationMembership.Request(organizationId, user.Id, person.Role, now));
            }
        }

        await db.SaveChangesAsync(ct);
        await console.WriteLineAsync($"""

            데모 허브를 적재했습니다: 기관 {Organizations.Length}곳, 데모 계정 {People.Length}개 (@{DemoDomain}).
            Loaded the demo hub: {Organizations.Length} organizations, {People.Length} demo accounts (@{DemoDomain}):
              {string.Join(", ", People.Select(p => p.Local))}
            """);
        if (string.IsNullOrEmpty(configured))
        {
            await console.WriteLineAsync($"  데모 계정 공통 비밀번호 / demo password (shown once): {password}");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding the demo hub failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
