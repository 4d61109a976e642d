using SeoulAiHub.Features.Compute;

namespace SeoulAiHub.Tests.Compute.Domain;

public sealed class AllocationTests
{
    internal static readonly DateOnly Today = new(2026, 3, 2);
    internal static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);   // 10:00 KST
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid Operator = Guid.NewGuid();

    internal static GpuCluster Cluster()
    {
        var cluster = GpuCluster.Create("시험 클러스터", "testhpc", "서울AI허브");
        cluster.AddPartition("h100", GpuModel.Create("H100 80GB", 80), 4, 8);
        return cluster;
    }

    private static RuleException Refused(string key, Action action)
    {
        var ex = Assert.Throws<RuleException>(action);
        Assert.Equal(key, ex.Key);
        return ex;
    }

    private static GpuAllocation Requested(GpuCluster? cluster = null) =>
        GpuAllocation.Request(Guid.NewGuid(), cluster ?? Cluster(), null, 1000, Today, Today.AddDays(89), "LLM 미세조정", Today, Tenant, Now);

    private static GpuAllocation Approved(GpuCluster? cluster = null)
    {
        cluster ??= Cluster();
        var allocation = Requested(cluster);
        allocation.Approve(800, Today, Today.AddDays(89), "lab", null, cluster, "약관", null, Today, Operator, Now);
        return allocation;
    }

    private static GpuAllocation Active()
    {
        var allocation = Approved();
        allocation.AcceptTerms(Today, Tenant, Now);
        return allocation;
    }

    private static readonly HashSet<(AllocationStatus, AllocationStatus)> Allowed =
    [
        (AllocationStatus.Requested, AllocationStatus.Approved), (AllocationStatus.Requested, AllocationStatus.Declined),
        (AllocationStatus.Approved, AllocationStatus.Active), (AllocationStatus.Approved, AllocationStatus.Expired),
        (AllocationStatus.Active, AllocationStatus.Suspended), (AllocationStatus.Active, AllocationStatus.Expired),
        (AllocationStatus.Suspended, AllocationStatus.Active), (AllocationStatus.Suspended, AllocationStatus.Expired),
    ];

    [Fact]
    public void Only_the_documented_moves_are_allowed()
    {
        foreach (var from in Enum.GetValues<AllocationStatus>())
        {
            foreach (var to in Enum.GetValues<AllocationStatus>())
            {
                Assert.True(Allowed.Contains((from, to)) == GpuAllocation.CanMove(from, to), $"{from} → {to}");
            }
        }
    }

    [Fact]
    public void A_request_keeps_the_hours_and_a_kst_period_and_starts_the_history()
    {
        var allocation = Requested();

        Assert.Equal((AllocationStatus.Requested, 1000, AllocationSource.OperatorDecision),
            (allocation.Status, allocation.GpuHours, allocation.Source));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero), allocation.StartsAt);           // 00:00 KST on 3-2
        Assert.Equal(new DateTimeOffset(2026, 5, 30, 15, 0, 0, TimeSpan.Zero), allocation.EndsBefore);        // after 5-30 KST
        Assert.Equal(AllocationEventKind.Requested, Assert.Single(allocation.History).Kind);
        Assert.Null(allocation.SlurmAccount);
    }

    [Theory]
    [InlineData(0, 0, 10, "Compute.Error.Hours")]
    [InlineData(GpuAllocation.MaxHours + 1, 0, 10, "Compute.Error.Hours")]
    [InlineData(100, 10, 0, "Compute.Error.Period")]
    [InlineData(100, 0, 1200, "Compute.Error.PeriodLength")]
    [InlineData(100, -30, -1, "Compute.Error.PeriodPast")]
    public void A_request_with_bad_hours_or_period_is_refused(int hours, int from, int to, string key) =>
        Refused(key, () => GpuAllocation.Request(Guid.NewGuid(), Cluster(), null, hours, Today.AddDays(from), Today.AddDays(to), "목적",
            Today, Tenant, Now));

    [Fact]
    public void A_request_needs_a_justification_and_a_partition_of_its_own_cluster()
    {
        Refused("Compute.Error.Justification", () => GpuAllocation.Request(Guid.NewGuid(), Cluster(), null, 10, Today, Today, "  ",
            Today, Tenant, Now));
        Refused("Compute.Error.Partition", () => GpuAllocation.Request(Guid.NewGuid(), Cluster(), Guid.NewGuid(), 10, Today, Today, "목적",
            Today, Tenant, Now));
    }

    [Fact]
    public void Approval_sets_the_final_terms_and_waits_for_the_organization_to_accept_them()
    {
        var cluster = Cluster();
        var allocation = Requested(cluster);
        var agreement = Guid.NewGuid();

        allocation.Approve(600, Today.AddDays(1), Today.AddDays(30), " lab-7 ", cluster.Partitions[0].Id, cluster, "이용 약관", agreement,
            Today, Operator, Now);

        Assert.Equal((AllocationStatus.Approved, 600, "lab-7", AllocationSource.ProgramAward, "이용 약관"),
            (allocation.Status, allocation.GpuHours, allocation.SlurmAccount, allocation.Source, allocation.Terms));
        Assert.Null(allocation.TermsAcceptedAt);
        Refused("Compute.Error.StatusMove", () => allocation.Suspend("점검", Operator, Now));
    }

    [Fact]
    public void Approval_needs_an_account_without_spaces_and_the_terms()
    {
        var cluster = Cluster();
        Refused("Compute.Error.Account", () => Requested(cluster).Approve(10, Today, Today, "", null, cluster, "약관", null,
            Today, Operator, Now));
        Refused("Compute.Error.Account", () => Requested(cluster).Approve(10, Today, Today, "my lab", null, cluster, "약관", null,
            Today, Operator, Now));
        Refused("Compute.Error.Terms", () => Requested(cluster).Approve(10, Today, Today, "lab", null, cluster, " ", null,
            Today, Operator, Now));
    }

    [Fact]
    public void Accepting_the_terms_makes_it_active_and_records_who_and_when()
    {
        var allocation = Approved();

        allocation.AcceptTerms(Today, Tenant, Now);

        Assert.Equal((AllocationStatus.Active, Now, Tenant), (allocation.Status, allocation.TermsAcceptedAt, allocation.TermsAcceptedBy));
        Assert.Equal([AllocationEventKind.Requested, AllocationEventKind.Approved, AllocationEventKind.TermsAccepted],
            allocation.History.Select(h => h.Kind));
        Refused("Compute.Error.NotAwaitingTerms", () => allocation.AcceptTerms(Today, Tenant, Now));
    }

    [Fact]
    public void Terms_cannot_be_accepted_before_approval_or_after_the_period()
    {
        Refused("Compute.Error.NotAwaitingTerms", () => Requested().AcceptTerms(Today, Tenant, Now));
        Refused("Compute.Error.PeriodPast", () => Approved().AcceptTerms(Today.AddDays(90), Tenant, Now));
    }

    [Fact]
    public void Declining_and_suspending_need_a_reason_and_resuming_returns_to_active()
    {
        Refused("Compute.Error.Reason", () => Requested().Decline(" ", Operator, Now));
        var declined = Requested();
        declined.Decline("예산 소진", Operator, Now);
        Assert.Equal((AllocationStatus.Declined, "예산 소진"), (declined.Status, declined.Reason));

        var active = Active();
        Refused("Compute.Error.Reason", () => active.Suspend(null, Operator, Now));
        active.Suspend("약관 위반 조사", Operator, Now);
        Assert.Equal(AllocationStatus.Suspended, active.Status);
        active.Resume(null, Today, Operator, Now);
        Assert.Equal(AllocationStatus.Active, active.Status);
        Assert.Equal([AllocationEventKind.Suspended, AllocationEventKind.Resumed], active.History.TakeLast(2).Select(h => h.Kind));
    }

    [Fact]
    public void It_expires_only_once_the_period_is_over_from_approved_active_or_suspended()
    {
        var active = Active();
        Assert.False(active.IsDueToExpire(Today.AddDays(89)));
        Refused("Compute.Error.StatusMove", () => active.Expire(Today.AddDays(89), Now));
        active.Expire(Today.AddDays(90), Now);
        Assert.Equal(AllocationStatus.Expired, active.Status);
        Assert.Null(active.History[^1].By);

        var approved = Approved();
        Assert.True(approved.IsDueToExpire(Today.AddDays(90)));
        Assert.False(Requested().IsDueToExpire(Today.AddDays(90)));   // a request is declined by an operator, not expired
    }
}
