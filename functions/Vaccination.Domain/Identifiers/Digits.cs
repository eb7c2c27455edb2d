namespace Vaccination.Domain.Identifiers;

/// <summary>Digit-string checks shared by the identifier types.</summary>
internal static class Digits
{
    public static bool IsDigitsOfLength(string? value, int length) =>
        value is not null && value.Length == length && value.All(char.IsAsciiDigit);

    public static int WeightedSum(string digits, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return sum;
    }
}
