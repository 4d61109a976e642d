namespace SeoulAiHub.Platform.Email;

/// <summary>The <c>Smtp</c> configuration section.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "서울AI허브 <no-reply@seoulaihub.kr>";

    /// <summary>How often the background sender looks for due messages.</summary>
    public double PollSeconds { get; set; } = 5;
}
