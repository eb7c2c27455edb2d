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
        bool At(int i) => i >= 0 && i < size && (horizontal ? modules[line * size + i] : modules[i * size + line]);

        var penalty = 0;
        var run = 1;
        for (var i = 1; i <= size; i++)
        {
            if (i < size && At(i) == At(i - 1))
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
        for (var i = -4; i < size; i++)
        {
            if (At(i) && !At(i + 1) && At(i + 2) && At(i + 3) && At(i + 4) && !At(i + 5) && At(i + 6))
            {
                var lightBefore = !At(i - 1) && !At(i - 2) && !At(i - 3) && !At(i - 4);
                var lightAfter = !At(i + 7) && !At(i + 8) && !At(i + 9) && !At(i + 10);
                if (lightBefore || lightAfter)
                {
                    penalty += FinderLikePenalty;
                }
            }
        }

        return penalty;
    }
}
