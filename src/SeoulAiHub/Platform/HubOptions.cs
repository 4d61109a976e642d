namespace SeoulAiHub.Platform;

/// <summary>The <c>Hub</c> configuration section: where data lives and how the first operator is made.</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    /// <summary>Folder for the SQLite file, uploaded files and Data Protection keys.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Load the demo hub into an empty database at start-up.</summary>
    public bool SeedDemoData { get; set; } = true;

    public string AdminEmail { get; set; } = "operator@seoulaihub.kr";

    /// <summary>When empty, a strong random password is generated and printed once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Password of the demo accounts; when empty, one is generated and printed once.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>Operators must sign in with TOTP two-factor before they can work.</summary>
    public bool RequireOperatorTwoFactor { get; set; } = true;

    /// <summary>A session ends after this many minutes without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Base address used in links sent by email, e.g. https://hub.example.kr. Defaults to the request's.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// The periodic jobs (reminders, the facility keeper, compute expiry) run on their own. Off, they stay in place
    /// but only run when called, which is what tests that move the clock want: a run of the job's own would race theirs.
    /// </summary>
    public bool BackgroundJobs { get; set; } = true;

    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);

    /// <summary>Uploaded files live under the data folder, beside the database they belong to.</summary>
    public string FilesDirectory => Path.Combine(DataDirectoryFullPath, "files");
}
