namespace SeoulAiHub.Features.Organizations;

/// <summary>
/// 사업자등록번호 — the 10-digit Korean business registration number, shown as 000-00-00000. The last digit is a
/// check digit: weights 1,3,7,1,3,7,1,3,5 on the first nine digits, plus the tens of (9th digit × 5).
/// </summary>
public static class BusinessRegistrationNumber
{
    private static readonly int[] Weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    /// <summary>The ten digits of a valid number, whatever the hyphens and spaces; null when it is not valid.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var digits = new string(input.Where(c => c is not ('-' or ' ')).ToArray());
        return digits.Length == 10 && digits.All(char.IsAsciiDigit) && HasValidCheckDigit(digits) ? digits : null;
    }

    public static bool IsValid(string? input) => Normalize(input) is not null;

    public static string Format(string digits) =>
        digits.Length == 10 ? $"{digits[..3]}-{digits[3..5]}-{digits[5..]}" : digits;

    /// <summary>Completes nine digits with their check digit (for generated data).</summary>
    public static string WithCheckDigit(string nineDigits) => nineDigits + CheckDigit(nineDigits);

    private static bool HasValidCheckDigit(string digits) => CheckDigit(digits) == digits[9] - '0';

    private static int CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        sum += (digits[8] - '0') * 5 / 10;
        return (10 - sum % 10) % 10;
    }
}
