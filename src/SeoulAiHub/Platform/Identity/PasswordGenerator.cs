using System.Security.Cryptography;

namespace SeoulAiHub.Platform.Identity;

public static class PasswordGenerator
{
    // No look-alike characters (0/O, 1/l/I), so a password read off a console can be typed.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>20 random characters from a 56-letter alphabet: about 116 bits.</summary>
    public static string Strong() => RandomNumberGenerator.GetString(Alphabet, 20);
}
