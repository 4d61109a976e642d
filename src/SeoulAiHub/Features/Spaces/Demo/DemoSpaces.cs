using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Seeding;

namespace SeoulAiHub.Features.Spaces.Demo;

/// <summary>
/// The demo hub's spaces: the hub building (태봉로) and a district building with offices, labs and shared desks, and
/// every demo organization's tenancy up to the status DemoOrganizations gave it, in the room of <see cref="Rooms"/>.
/// </summary>
internal sealed class DemoSpaces(HubDb db) : IDemoData
{
    public int Order => 10;

    /// <summary>The room each tenant holds (a graduate held 303 before 소리숲).</summary>
    private static readonly Dictionary<string, string> Rooms = new()
    {
        ["한국인공지능산업협회"] = "201", ["KAIST 김재철AI대학원"] = "501", ["공군 AI신기술융합센터"] = "401",
        ["국가 AI연구거점"] = "502", ["말결랩스"] = "301", ["눈빛비전"] = "302", ["소리숲"] = "303", ["두손로보틱스"] = "304",
        ["메디코어AI"] = "305", ["셈틀반도체"] = "402", ["데이터다리"] = "306", ["그림결"] = "307", ["핀로직AI"] = "308",
        ["배움봇"] = "309", ["안전한길"] = "310", ["로지스텍AI"] = "303",
    };

    public async Task SeedAsync(DemoHub demo, CancellationToken ct)
    {
        var rooms = AddSpaces();
        foreach (var (name, id) in demo.Organizations)
        {
            // Tracked since DemoOrganizations added it: no query, and its status is the one the tenancy must reach.
            var organization = await db.Organizations.FindAsync([id], ct) ?? throw new InvalidOperationException(name);
            if (organization.TenancyStatus != TenancyStatus.None)
            {
                db.Tenancies.Add(TenancyUpTo(organization.Id, organization.TenancyStatus,
                    Rooms.TryGetValue(name, out var r) ? rooms[r] : null));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private Dictionary<string, Room> AddSpaces()
    {
        var hub = Site.Create("서울AI허브", "Seoul AI Hub", "서울특별시 서초구 태봉로");
        var district = Site.Create("양재 AI 특화지구 창업센터", "Yangjae AI District Startup Center", "서울특별시 서초구 양재동");
        db.Sites.AddRange(hub, district);
        var rooms = new Dictionary<string, Room>();
        foreach (var (site, levels) in new[] { (hub, new[] { 2, 3, 4, 5 }), (district, new[] { 1, 2 }) })
        {
            foreach (var level in levels)
            {
                var floor = Floor.Create(site, level);
                db.Floors.Add(floor);
                var count = level == 3 ? 10 : 6;
                for (var n = 1; n <= count; n++)
                {
                    var number = site == hub ? $"{level}{n:00}" : $"B{level}{n:00}";
                    var kind = n == count ? RoomKind.SharedDesk : level == 5 || (level == 4 && n == 1) ? RoomKind.Lab : RoomKind.Office;
                    var area = kind switch { RoomKind.Lab => 120m, RoomKind.SharedDesk => 90m, _ => 33m + 6 * (n % 4) };
                    var room = Room.Create(floor, number, kind, area);
                    db.Rooms.Add(room);
                    rooms[number] = room;
                }
            }
        }

        return rooms;
    }

    private static Tenancy TenancyUpTo(Guid organizationId, TenancyStatus status, Room? room)
    {
        var applied = status == TenancyStatus.Graduated ? new DateOnly(2022, 12, 1) : new DateOnly(2024, 12, 2);
        var tenancy = Tenancy.Apply(organizationId, applied, "입주기업 모집 공고 응모");
        if (status == TenancyStatus.Applied)
        {
            return tenancy;
        }

        var admitted = applied.AddMonths(2);
        tenancy.Admit(admitted, admitted.AddYears(2).AddDays(-1), "입주심사 통과");
        if (room is not null)
        {
            tenancy.AssignRoom(room, status == TenancyStatus.Admitted ? new DateOnly(2026, 12, 1) : admitted, null);
        }

        if (status is TenancyStatus.Resident or TenancyStatus.Graduated)
        {
            tenancy.MoveIn(admitted);
        }

        if (status == TenancyStatus.Graduated)
        {
            tenancy.Graduate(admitted.AddYears(2), "보육 기간 만료, 시리즈 B 투자 유치로 졸업");
        }

        return tenancy;
    }
}
