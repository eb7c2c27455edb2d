namespace Vaccination.Application.Certificates.Qr;

/// <summary>The mask penalty of ISO/IEC 18004 7.8.3: runs, 2x2 blocks, finder-like patterns and dark/light balance.</summary>
internal static class QrPenalty
{
    private const int RunPenalty = 3;
    private const int BlockPenalty = 3;
    private const int FinderLikePenalty = 40;
    private const int BalancePenalty = 10;

    public static int Score(bool[] modules, int size)
    {
        var penalty = 0;
        for (var i = 0; i < size; i++)
        {
            penalty += LinePenalty(modules, size, i, horizontal: true);
            penalty += LinePenalty(modules, size, i, horizontal: false);
        }

        var dark = 0;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var module = modules[y * size + x];
                if (module)
                {
                    dark++;
                }

                if (x + 1 < size && y + 1 < size && module == modules[y * size + x + 1]
                    && module == modules[(y + 1) * size + x] && module == modules[(y + 1) * size + x + 1])
                {
                    penalty += BlockPenalty;
                }
            }
        }

        var total = size * size;
        var deviation = (Math.Abs(dark * 20 - total * 10) + total - 1) / total - 1;
        return penalty + Math.Max(0, deviation) * BalancePenalty;
    }

    private static int LinePenalty(bool[] modules, int size, int line, bool horizontal)
    {
        // The line with four light modules of padding on each side, so the finder-like check needs no bounds tests.
        Span<bool> padded = stackalloc bool[size + 8];
        for (var i = 0; i < size; i++)
        {
            padded[i + 4] = horizontal ? modules[line * size + i] : modules[i * size + line];
        }

        var penalty = 0;
        var run = 1;
        for (var i = 5; i <= size + 4; i++)
        {
            if (i < size + 4 && padded[i] == padded[i - 1])
            {
                run++;
                continue;
            }

            if (run >= 5)
            {
                penalty += RunPenalty + run - 5;
            }

            run = 1;
        }

        // Dark-light-dark-dark-dark-light-dark (1:1:3:1:1) with four light modules before or after; outside counts as light.
        for (var i = 4; i + 6 < size + 4; i++)
        {
            if (padded[i] && !padded[i + 1] && padded[i + 2] && padded[i + 3] && padded[i + 4] && !padded[i + 5] && padded[i + 6])
            {
                var lightBefore = !padded[i - 1] && !padded[i - 2] && !padded[i - 3] && !padded[i - 4];
                var lightAfter = i + 10 >= padded.Length || (!padded[i + 7] && !padded[i + 8] && !padded[i + 9] && !padded[i + 10]);
                if (lightBefore || lightAfter)
                {
                    penalty += FinderLikePenalty;
                }
            }
        }

        return penalty;
    }
}
