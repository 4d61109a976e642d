using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Spaces.Demo;

/// <summary>
/// Realistic Korean synthetic data for load tests: organizations with plausible names, types and tenancy states,
/// and two people each. Deterministic for a given database (seeded random), written in batches, and logged as one
/// audit row rather than one per record. People get no password: they exist to be counted, listed and searched.
/// </summary>
internal sealed class SyntheticData(HubDb db, TimeProvider clock, AuditLog audit)
{
    private const int Batch = 1000;

    private static readonly (string Ko, string En)[] Stems =
    [
        ("한빛", "Hanbit"), ("누리", "Nuri"), ("가온", "Gaon"), ("다온", "Daon"), ("미르", "Mir"), ("새봄", "Saebom"),
        ("라온", "Raon"), ("별빛", "Byeolbit"), ("이음", "Ieum"), ("바른", "Bareun"), ("푸른", "Pureun"), ("하늘", "Haneul"),
        ("도담", "Dodam"), ("슬기", "Seulgi"), ("든솔", "Deunsol"), ("아름", "Areum"), ("여울", "Yeoul"), ("나래", "Narae"),
        ("온빛", "Onbit"), ("해솔", "Haesol"), ("마루", "Maru"), ("그린", "Green"), ("큰별", "Keunbyeol"), ("샘", "Saem"),
    ];

    private static readonly (string Ko, string En)[] Suffixes =
    [
        ("AI", "AI"), ("랩스", "Labs"), ("테크", "Tech"), ("로보틱스", "Robotics"), ("비전", "Vision"), ("데이터", "Data"),
        ("헬스케어", "Healthcare"), ("소프트", "Soft"), ("시스템즈", "Systems"), ("인텔리전스", "Intelligence"),
        ("보이스", "Voice"), ("반도체", "Semiconductor"), ("메디컬", "Medical"), ("핀테크", "Fintech"), ("에듀", "Edu"),
    ];

    private static readonly string[] Surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권"];
    private static readonly string[] GivenNames = ["민준", "서연", "도윤", "하은", "지호", "수아", "예준", "지우", "주원", "서윤", "하준", "지민",
        "은우", "채원", "유진", "현우"];

    private static readonly (OrganizationType Type, int Weight)[] Types =
    [
        (OrganizationType.Startup, 70), (OrganizationType.Sme, 12), (OrganizationType.Enterprise, 5),
        (OrganizationType.University, 4), (OrganizationType.ResearchInstitute, 4), (OrganizationType.Association, 2),
        (OrganizationType.PublicAgency, 2), (OrganizationType.Military, 1),
    ];

    private static readonly (TenancyStatus Status, int Weight)[] Statuses =
    [
        (TenancyStatus.None, 40), (TenancyStatus.Applied, 10), (TenancyStatus.Admitted, 5),
        (TenancyStatus.Resident, 30), (TenancyStatus.Graduated, 10), (TenancyStatus.Exited, 5),
    ];

    public sealed record Created(int Organizations, int People);

    public async Task<Created> SeedAsync(int organizations, CancellationToken ct = default)
    {
        var start = await db.Organizations.CountAsync(ct);
        var random = new Random(20260721 + start);
        var roleId = await db.Roles.Where(r => r.Name == HubRoles.TenantMember).Select(r => r.Id).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var people = 0;
        var (domains, industries) = await TaxonomiesAsync(ct);
        var rooms = new RoomSupply(db, start);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        using (AuditInterceptor.SuppressForBulkLoad())
        {
            for (var done = 0; done < organizations; done += Batch)
            {
                // Each batch starts with an empty change tracker: the shared taxonomy terms exist already.
                db.AttachRange(domains);
                db.AttachRange(industries);
                for (var i = done; i < Math.Min(organizations, done + Batch); i++)
                {
                    var n = start + i + 1;
                    var stem = Stems[random.Next(Stems.Length)];
                    var suffix = Suffixes[random.Next(Suffixes.Length)];
                    var type = Pick(random, Types);
                    var organization = Organization.Create($"{stem.Ko}{suffix.Ko} {n}", $"{stem.En} {suffix.En} {n}",
                        type, TenancyStatus.None, now - TimeSpan.FromDays(random.Next(3650)));
                    organization.SetOfficialDetails(type, BusinessRegistrationNumber.WithCheckDigit($"9{n:D8}"), now);
                    organization.UpdateProfile(organization.Profile with
                    {
                        FoundedOn = new DateOnly(2000 + random.Next(26), 1 + random.Next(12), 1 + random.Next(28)),
                        Headcount = 3 + random.Next(300),
                        Summary = $"{stem.Ko}{suffix.Ko}는 합성 데이터로 만든 가상의 기관입니다.",
                        ContactEmail = $"contact{n}@synthetic.seoulaihub.kr",
                    }, now);
                    organization.SetClassification(
                        Enumerable.Range(0, 1 + random.Next(2)).Select(_ => domains[random.Next(domains.Count)]),
                        Enumerable.Range(0, 1 + random.Next(2)).Select(_ => industries[random.Next(industries.Count)]), now);
                    AddTenancy(organization, Pick(random, Statuses), random, rooms, now);
                    db.Organizations.Add(organization);
                    for (var p = 0; p < 2; p++)
                    {
                        var user = HubUser.Create($"member{n}-{p + 1}@synthetic.seoulaihub.kr",
                            Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)], now);
                        user.NormalizedEmail = user.Email!.ToUpperInvariant();
                        user.NormalizedUserName = user.NormalizedEmail;
                        user.EmailConfirmed = true;
                        db.Users.Add(user);
                        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
                        db.OrganizationMemberships.Add(OrganizationMembership.Grant(organization.Id, user.Id, HubRoles.TenantMember,
                            p == 0 ? MembershipRole.Admin : MembershipRole.Member, now));
                        people++;
                    }
                }

                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await audit.EventAsync("seed.synthetic", details: $"{organizations} organizations, {people} people", ct: ct);
        return new Created(organizations, people);
    }

    private async Task<(List<TechnologyDomain>, List<Industry>)> TaxonomiesAsync(CancellationToken ct)
    {
        if (!await db.TechnologyDomains.AnyAsync(ct))
        {
            db.TechnologyDomains.AddRange(StandardTaxonomies.CreateDomains());
            db.Industries.AddRange(StandardTaxonomies.CreateIndustries());
            await db.SaveChangesAsync(ct);
        }

        return (await db.TechnologyDomains.ToListAsync(ct), await db.Industries.ToListAsync(ct));
    }

    /// <summary>A tenancy in the state drawn; residents and admitted tenants get an office of a synthetic site.</summary>
    private void AddTenancy(Organization organization, TenancyStatus status, Random random, RoomSupply rooms, DateTimeOffset now)
    {
        if (status == TenancyStatus.None)
        {
            return;
        }

        var applied = new DateOnly(2022, 1, 3).AddDays(random.Next(1000));
        var tenancy = Tenancy.Apply(organization.Id, applied);
        if (status != TenancyStatus.Applied)
        {
            var admitted = applied.AddDays(30 + random.Next(60));
            tenancy.Admit(admitted, admitted.AddYears(2), null);
            if (status != TenancyStatus.Admitted)
            {
                tenancy.AssignRoom(rooms.Next(), admitted, null);
                tenancy.MoveIn(admitted);
                if (status == TenancyStatus.Graduated)
                {
                    tenancy.Graduate(admitted.AddYears(2), "보육 기간 만료");
                }
                else if (status == TenancyStatus.Exited)
                {
                    tenancy.Exit(admitted.AddDays(200 + random.Next(300)), "사업 전환");
                }
            }
        }

        organization.SetTenancyStatus(tenancy.Status, now);
        db.Tenancies.Add(tenancy);
    }

    /// <summary>Hands out offices of synthetic sites (10 floors of 50 rooms each), one tenancy per room.</summary>
    private sealed class RoomSupply(HubDb db, int salt)
    {
        private readonly Queue<Room> _free = new();
        private int _sites;

        public Room Next()
        {
            if (_free.Count == 0)
            {
                var number = ++_sites;
                var site = Site.Create($"합성 거점 {salt}-{number}", $"Synthetic site {salt}-{number}", "서울특별시 (합성 데이터)");
                db.Sites.Add(site);
                for (var level = 1; level <= 10; level++)
                {
                    var floor = Floor.Create(site, level);
                    db.Floors.Add(floor);
                    for (var n = 1; n <= 50; n++)
                    {
                        var room = Room.Create(floor, $"{level}{n:00}", RoomKind.Office, 30m + n % 5 * 5);
                        db.Rooms.Add(room);
                        _free.Enqueue(room);
                    }
                }
            }

            return _free.Dequeue();
        }
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}
