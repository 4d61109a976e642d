using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Spaces;

namespace SeoulAiHub.Tests.Spaces;

public sealed class TenancyRulesTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly Room Office = Room.Create(Floor.Create(Site.Create("서울AI허브", "Seoul AI Hub", "태봉로"), 3), "301",
        RoomKind.Office, 33m);

    private static Tenancy Resident()
    {
        var tenancy = Tenancy.Apply(Guid.NewGuid(), Day);
        tenancy.Admit(Day.AddDays(30), Day.AddYears(2), "심사 통과");
        tenancy.MoveIn(Day.AddDays(40));
        return tenancy;
    }

    private static string Broken(Action action) => Assert.Throws<RuleException>(action).Key;

    [Fact]
    public void A_tenancy_goes_applied_admitted_resident_graduated_with_its_history()
    {
        var tenancy = Resident();
        tenancy.Graduate(Day.AddYears(2), "보육 기간 만료");

        Assert.Equal(TenancyStatus.Graduated, tenancy.Status);
        Assert.Equal([TenancyStatus.Applied, TenancyStatus.Admitted, TenancyStatus.Resident, TenancyStatus.Graduated],
            tenancy.History.Select(h => h.Status));
        Assert.Equal("보육 기간 만료", tenancy.EndReason);
        Assert.False(tenancy.IsOpen);
    }

    [Fact]
    public void Steps_cannot_be_skipped_or_repeated()
    {
        var applied = Tenancy.Apply(Guid.NewGuid(), Day);
        Assert.Equal("Tenancy.Error.NotAdmitted", Broken(() => applied.MoveIn(Day)));
        Assert.Equal("Tenancy.Error.NotResident", Broken(() => applied.Graduate(Day, "이유")));

        var resident = Resident();
        Assert.Equal("Tenancy.Error.NotApplied", Broken(() => resident.Admit(Day, Day.AddYears(1), null)));
        resident.Exit(Day.AddDays(100), "사업 전환");
        Assert.Equal("Tenancy.Error.AlreadyEnded", Broken(() => resident.Exit(Day.AddDays(101), "다시")));
        Assert.Equal("Tenancy.Error.NotOpenForRenewal", Broken(() => resident.Renew(Day.AddDays(101), Day.AddYears(3), null)));
    }

    [Fact]
    public void Dates_must_move_forward_and_an_end_needs_a_reason()
    {
        var tenancy = Tenancy.Apply(Guid.NewGuid(), Day);
        Assert.Equal("Tenancy.Error.DateOrder", Broken(() => tenancy.Admit(Day.AddDays(-1), Day.AddYears(1), null)));
        Assert.Equal("Tenancy.Error.PlannedEnd", Broken(() => tenancy.Admit(Day, Day, null)));
        var resident = Resident();
        Assert.Equal("Tenancy.Error.ReasonRequired", Broken(() => resident.Graduate(Day.AddYears(2), " ")));
        Assert.Equal("Tenancy.Error.DateOrder", Broken(() => resident.Graduate(Day, "너무 이름")));
    }

    [Fact]
    public void A_renewal_extends_the_planned_end_and_is_recorded()
    {
        var tenancy = Resident();
        Assert.Equal("Tenancy.Error.RenewalEnd", Broken(() => tenancy.Renew(Day.AddYears(1), Day.AddYears(1), "짧은 연장")));
        tenancy.Renew(Day.AddYears(1), Day.AddYears(3), "1년 연장 승인");
        Assert.Equal(Day.AddYears(3), tenancy.PlannedEndOn);
        Assert.Equal(Day.AddYears(3), tenancy.History[^1].RenewedTo);
    }

    [Fact]
    public void Rooms_are_held_in_half_open_periods_and_released_when_the_tenancy_ends()
    {
        var tenancy = Resident();
        var first = tenancy.AssignRoom(Office, Day.AddDays(40), Day.AddDays(100));
        Assert.Equal("Tenancy.Error.RoomOccupied", Broken(() => tenancy.AssignRoom(Office, Day.AddDays(99), null)));
        var second = tenancy.AssignRoom(Office, Day.AddDays(100), null);   // starts the day the first ends
        Assert.True(first.IsActiveOn(Day.AddDays(99)));
        Assert.False(first.IsActiveOn(Day.AddDays(100)));

        tenancy.Exit(Day.AddDays(300), "사업 전환");
        Assert.Equal(Day.AddDays(300), second.EndsOn);
        Assert.Equal(Day.AddDays(100), first.EndsOn);
        Assert.Equal("Tenancy.Error.NotAdmitted", Broken(() => tenancy.AssignRoom(Office, Day.AddDays(400), null)));
    }

    [Fact]
    public void A_room_cannot_be_assigned_before_admission_or_with_an_end_before_its_start()
    {
        var tenancy = Resident();
        Assert.Equal("Tenancy.Error.DateOrder", Broken(() => tenancy.AssignRoom(Office, Day, null)));
        Assert.Equal("Tenancy.Error.AssignmentDates", Broken(() => tenancy.AssignRoom(Office, Day.AddDays(50), Day.AddDays(50))));
    }
}
