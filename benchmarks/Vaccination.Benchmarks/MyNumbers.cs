using System.Globalization;

namespace Vaccination.Benchmarks;

/// <summary>Valid My Numbers from a running counter, for generated benchmark data.</summary>
internal static class MyNumbers
{
    private static readonly int[] Weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    public static string For(long index)
    {
        var prefix = (10_000_000_000L + index).ToString("D11", CultureInfo.InvariantCulture);
        var remainder = prefix.Select((c, i) => (c - '0') * Weights[i]).Sum() % 11;
        return prefix + (remainder <= 1 ? 0 : 11 - remainder);
    }
}
