using SeoulAiHub.Features.Engagement;

namespace SeoulAiHub.Tests.Engagement.Domain;

public sealed class ItineraryTests
{
    private static readonly Guid Hub = Guid.NewGuid();
    private static readonly Guid Annex = Guid.NewGuid();
    private static readonly IReadOnlyDictionary<Guid, IReadOnlySet<Guid>> NoSites = new Dictionary<Guid, IReadOnlySet<Guid>>();

    private static StopSlot Slot(string starts, string ends, Guid? site = null, Guid? organization = null) =>
        new(Guid.NewGuid(), TimeOnly.Parse(starts), TimeOnly.Parse(ends), site, organization);

    private static List<ItineraryConflict> Overlaps(params StopSlot[] stops) =>
        Itinerary.Conflicts(stops, NoSites).Where(c => c.Kind == ConflictKind.Overlap).ToList();

    private static HashSet<Guid> Pair(ItineraryConflict c) => [c.Stop, c.Other!.Value];

    [Fact]
    public void Back_to_back_stops_do_not_overlap_because_slots_are_half_open()
    {
        Assert.Empty(Itinerary.Conflicts([Slot("14:00", "14:30"), Slot("14:30", "15:10"), Slot("15:10", "15:50")], NoSites));
    }

    [Fact]
    public void A_stop_spanning_two_others_overlaps_each_once_whatever_the_order_given()
    {
        var longStop = Slot("14:00", "16:00");
        var first = Slot("14:00", "15:00");
        var second = Slot("15:00", "16:00");

        var conflicts = Overlaps(second, longStop, first);

        Assert.Equal(2, conflicts.Count);
        Assert.Contains(conflicts, c => Pair(c).SetEquals([longStop.Id, first.Id]));
        Assert.Contains(conflicts, c => Pair(c).SetEquals([longStop.Id, second.Id]));
        Assert.DoesNotContain(conflicts, c => Pair(c).SetEquals([first.Id, second.Id]));
    }

    [Fact]
    public void Partly_overlapping_and_identical_slots_are_each_one_conflict()
    {
        var a = Slot("10:00", "11:00");
        var b = Slot("10:59", "11:30");
        Assert.True(Pair(Assert.Single(Overlaps(a, b))).SetEquals([a.Id, b.Id]));

        var c = Slot("13:00", "13:30");
        var d = Slot("13:00", "13:30");
        var same = Assert.Single(Overlaps(c, d));
        Assert.True(Pair(same).SetEquals([c.Id, d.Id]));
        Assert.NotEqual(same.Stop, same.Other);
    }

    [Fact]
    public void A_stop_at_another_site_than_the_organizations_is_flagged_and_one_at_any_of_its_sites_is_not()
    {
        var organization = Guid.NewGuid();
        var wide = Guid.NewGuid();
        var sites = new Dictionary<Guid, IReadOnlySet<Guid>>
        {
            [organization] = new HashSet<Guid> { Hub },
            [wide] = new HashSet<Guid> { Hub, Annex },
        };
        var away = Slot("10:00", "10:30", Annex, organization);
        var home = Slot("10:30", "11:00", Hub, organization);
        var either = Slot("11:00", "11:30", Annex, wide);

        var conflict = Assert.Single(Itinerary.Conflicts([away, home, either], sites));

        Assert.Equal(new ItineraryConflict(ConflictKind.OutsideOrganizationSite, away.Id), conflict);
    }

    [Fact]
    public void Organizations_without_a_site_and_stops_without_a_site_are_not_checked()
    {
        var organization = Guid.NewGuid();
        var roomless = Guid.NewGuid();
        var sites = new Dictionary<Guid, IReadOnlySet<Guid>>
        {
            [organization] = new HashSet<Guid> { Hub },
            [roomless] = new HashSet<Guid>(),
        };

        var conflicts = Itinerary.Conflicts(
        [
            Slot("09:00", "09:30", null, organization),                // no site on the stop
            Slot("09:30", "10:00", Annex, Guid.NewGuid()),             // organization not in the hub
            Slot("10:00", "10:30", Annex, roomless),                   // organization with no room that day
            Slot("10:30", "11:00", Annex, null),                       // a place, no organization
        ], sites);

        Assert.Empty(conflicts);
    }

    [Fact]
    public void Of_a_stop_gives_the_overlaps_on_both_sides_and_its_own_site_conflict()
    {
        var organization = Guid.NewGuid();
        var sites = new Dictionary<Guid, IReadOnlySet<Guid>> { [organization] = new HashSet<Guid> { Hub } };
        var a = Slot("14:00", "15:00", Annex, organization);
        var b = Slot("14:30", "15:30", Hub, organization);
        var c = Slot("15:30", "16:00", Hub, organization);

        var conflicts = Itinerary.Conflicts([a, b, c], sites);

        Assert.Equal(2, conflicts.Count);
        Assert.Equal([ConflictKind.Overlap, ConflictKind.OutsideOrganizationSite], conflicts.Of(a.Id).Select(x => x.Kind).Order());
        var overlap = Assert.Single(conflicts.Of(b.Id));
        Assert.Equal(ConflictKind.Overlap, overlap.Kind);
        Assert.Same(overlap, conflicts.Of(a.Id).Single(x => x.Kind == ConflictKind.Overlap));
        Assert.Empty(conflicts.Of(c.Id));
    }
}
