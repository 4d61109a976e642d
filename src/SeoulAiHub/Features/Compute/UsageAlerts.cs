namespace SeoulAiHub.Features.Compute;

/// <summary>A usage alert level: 80 % of the allocated GPU-hours used, or all of them.</summary>
public enum UsageAlert
{
    None,
    Reached80,
    Reached100,
}

/// <summary>When to tell an organization about its usage: once at 80 %, once at 100 %. A jump past both sends 100 % only.</summary>
public static class UsageAlerts
{
    public static UsageAlert Due(long usedGpuSeconds, int gpuHours, bool sent80, bool sent100)
    {
        if (gpuHours <= 0)
        {
            return UsageAlert.None;
        }

        var quota = gpuHours * 3600L;
        if (usedGpuSeconds >= quota)
        {
            return sent100 ? UsageAlert.None : UsageAlert.Reached100;
        }

        // 80 % of the quota in whole seconds, compared without floating point: used × 5 ≥ quota × 4.
        return usedGpuSeconds * 5 >= quota * 4 && !sent80 ? UsageAlert.Reached80 : UsageAlert.None;
    }
}
