namespace SeoulAiHub.Features.Compute;

public sealed partial class SacctParser
{
    /// <summary>Where the fields usage needs are (−1 = the column is absent).</summary>
    private sealed class Columns
    {
        public int Count { get; private init; }
        public int JobId { get; private init; } = -1;
        public int JobIdRaw { get; private init; } = -1;
        public int Partition { get; private init; } = -1;
        public int Account { get; private init; } = -1;
        public int User { get; private init; } = -1;
        public int Start { get; private init; } = -1;
        public int End { get; private init; } = -1;
        public int Elapsed { get; private init; } = -1;
        public int State { get; private init; } = -1;
        public int AllocTres { get; private init; } = -1;
        public int AllocGres { get; private init; } = -1;
        public int ReqTres { get; private init; } = -1;
        public int ReqGres { get; private init; } = -1;

        public static Columns From(IReadOnlyList<string> names)
        {
            int At(string name)
            {
                for (var i = 0; i < names.Count; i++)
                {
                    if (names[i].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
                    {
                        return i;
                    }
                }

                return -1;
            }

            return new Columns
            {
                Count = names.Count, JobId = At("JobID"), JobIdRaw = At("JobIDRaw"), Partition = At("Partition"), Account = At("Account"),
                User = At("User"), Start = At("Start"), End = At("End"), Elapsed = At("Elapsed"), State = At("State"),
                AllocTres = At("AllocTRES"), AllocGres = At("AllocGRES"), ReqTres = At("ReqTRES"), ReqGres = At("ReqGRES"),
            };
        }

        public List<string> Missing()
        {
            var missing = new List<string>();
            if (JobId < 0 && JobIdRaw < 0)
            {
                missing.Add("JobID");
            }

            foreach (var (index, name) in new[] { (Account, "Account"), (Start, "Start"), (End, "End"), (Elapsed, "Elapsed") })
            {
                if (index < 0)
                {
                    missing.Add(name);
                }
            }

            if (AllocTres < 0 && AllocGres < 0 && ReqTres < 0 && ReqGres < 0)
            {
                missing.Add("AllocTRES");
            }

            return missing;
        }
    }
}
