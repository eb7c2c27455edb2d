namespace Vaccination.Application.Certificates.Qr;

/// <summary>
/// A finished QR symbol: version, error correction level, mask and the dark/light modules (no quiet zone).
/// Made by <see cref="QrEncoder"/>.
/// </summary>
public sealed class QrCode
{
    private readonly bool[] _modules;
    private readonly bool[] _isFunction;

    internal QrCode(int version, QrErrorCorrectionLevel level, byte[] dataCodewords)
    {
        Version = version;
        ErrorCorrectionLevel = level;
        Size = version * 4 + 17;
        _modules = new bool[Size * Size];
        _isFunction = new bool[Size * Size];

        DrawFunctionPatterns();
        DrawCodewords(AddErrorCorrectionAndInterleave(dataCodewords));
        Mask = ChooseMask();
        ApplyMask(Mask);
        DrawFormatBits(Mask);
    }

    public int Version { get; }

    public int Size { get; }

    public QrErrorCorrectionLevel ErrorCorrectionLevel { get; }

    public int Mask { get; }

    /// <summary>Whether the module at column <paramref name="x"/>, row <paramref name="y"/> is dark; outside the symbol is light.</summary>
    public bool IsDark(int x, int y) => x >= 0 && x < Size && y >= 0 && y < Size && _modules[y * Size + x];

    private void Set(int x, int y, bool dark) => _modules[y * Size + x] = dark;

    private void SetFunction(int x, int y, bool dark)
    {
        _modules[y * Size + x] = dark;
        _isFunction[y * Size + x] = true;
    }

    private void DrawFunctionPatterns()
    {
        for (var i = 0; i < Size; i++)
        {
            SetFunction(6, i, i % 2 == 0);
            SetFunction(i, 6, i % 2 == 0);
        }

        DrawFinder(3, 3);
        DrawFinder(Size - 4, 3);
        DrawFinder(3, Size - 4);

        var positions = QrTables.AlignmentPositions(Version);
        var last = positions.Length - 1;
        for (var i = 0; i < positions.Length; i++)
        {
            for (var j = 0; j < positions.Length; j++)
            {
                var overlapsFinder = (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0);
                if (!overlapsFinder)
                {
                    DrawAlignment(positions[i], positions[j]);
                }
            }
        }

        DrawFormatBits(0);
        DrawVersion();
    }

    private void DrawFinder(int centerX, int centerY)
    {
        for (var dy = -4; dy <= 4; dy++)
        {
            for (var dx = -4; dx <= 4; dx++)
            {
                var distance = Math.Max(Math.Abs(dx), Math.Abs(dy));
                int x = centerX + dx, y = centerY + dy;
                if (x >= 0 && x < Size && y >= 0 && y < Size)
                {
                    SetFunction(x, y, distance != 2 && distance != 4);
                }
            }
        }
    }

    private void DrawAlignment(int centerX, int centerY)
    {
        for (var dy = -2; dy <= 2; dy++)
        {
            for (var dx = -2; dx <= 2; dx++)
            {
                SetFunction(centerX + dx, centerY + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
            }
        }
    }

    /// <summary>Format information: level and mask, BCH(15,5) protected and XOR-ed with 0x5412, drawn twice.</summary>
    private void DrawFormatBits(int mask)
    {
        var data = (QrTables.FormatBits(ErrorCorrectionLevel) << 3) | mask;
        var remainder = data;
        for (var i = 0; i < 10; i++)
        {
            remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
        }

        var bits = ((data << 10) | remainder) ^ 0x5412;

        for (var i = 0; i <= 5; i++)
        {
            SetFunction(8, i, Bit(bits, i));
        }

        SetFunction(8, 7, Bit(bits, 6));
        SetFunction(8, 8, Bit(bits, 7));
        SetFunction(7, 8, Bit(bits, 8));
        for (var i = 9; i < 15; i++)
        {
            SetFunction(14 - i, 8, Bit(bits, i));
        }

        for (var i = 0; i < 8; i++)
        {
            SetFunction(Size - 1 - i, 8, Bit(bits, i));
        }

        for (var i = 8; i < 15; i++)
        {
            SetFunction(8, Size - 15 + i, Bit(bits, i));
        }

        SetFunction(8, Size - 8, true);
    }

    /// <summary>Version information for versions 7 and up: BCH(18,6), drawn in two 6x3 blocks.</summary>
    private void DrawVersion()
    {
        if (Version < 7)
        {
            return;
        }

        var remainder = Version;
        for (var i = 0; i < 12; i++)
        {
            remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1F25);
        }

        var bits = (Version << 12) | remainder;
        for (var i = 0; i < 18; i++)
        {
            var dark = Bit(bits, i);
            int a = Size - 11 + i % 3, b = i / 3;
            SetFunction(a, b, dark);
            SetFunction(b, a, dark);
        }
    }

    private byte[] AddErrorCorrectionAndInterleave(byte[] data)
    {
        var blockCount = QrTables.Blocks(ErrorCorrectionLevel, Version);
        var eccLength = QrTables.EccPerBlock(ErrorCorrectionLevel, Version);
        var rawCodewords = QrTables.RawDataModules(Version) / 8;
        var shortBlocks = blockCount - rawCodewords % blockCount;
        var shortBlockLength = rawCodewords / blockCount;

        var divisor = QrReedSolomon.Divisor(eccLength);
        var blocks = new byte[blockCount][];
        for (int i = 0, offset = 0; i < blockCount; i++)
        {
            var dataLength = shortBlockLength - eccLength + (i < shortBlocks ? 0 : 1);
            var block = new byte[shortBlockLength + 1];
            var blockData = data.AsSpan(offset, dataLength);
            offset += dataLength;
            var ecc = QrReedSolomon.Remainder(blockData, divisor);
            blockData.CopyTo(block);
            ecc.CopyTo(block, shortBlockLength + 1 - eccLength);
            blocks[i] = block;
        }

        var result = new byte[rawCodewords];
        var k = 0;
        for (var i = 0; i < shortBlockLength + 1; i++)
        {
            for (var j = 0; j < blockCount; j++)
            {
                // Short blocks have no codeword at the position where long blocks hold their extra data codeword.
                if (i != shortBlockLength - eccLength || j >= shortBlocks)
                {
                    result[k++] = blocks[j][i];
                }
            }
        }

        return result;
    }

    /// <summary>Places the codewords in the zigzag of two-module columns, right to left, alternating up and down.</summary>
    private void DrawCodewords(byte[] codewords)
    {
        var bitIndex = 0;
        var totalBits = codewords.Length * 8;
        for (var right = Size - 1; right >= 1; right -= 2)
        {
            if (right == 6)
            {
                right = 5;
            }

            for (var vertical = 0; vertical < Size; vertical++)
            {
                for (var j = 0; j < 2; j++)
                {
                    var x = right - j;
                    var upward = ((right + 1) & 2) == 0;
                    var y = upward ? Size - 1 - vertical : vertical;
                    if (!_isFunction[y * Size + x] && bitIndex < totalBits)
                    {
                        Set(x, y, Bit(codewords[bitIndex >>> 3], 7 - (bitIndex & 7)));
                        bitIndex++;
                    }
                }
            }
        }
    }

    private void ApplyMask(int mask)
    {
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (!_isFunction[y * Size + x] && MaskInverts(mask, x, y))
                {
                    _modules[y * Size + x] = !_modules[y * Size + x];
                }
            }
        }
    }

    private static bool MaskInverts(int mask, int x, int y) => mask switch
    {
        0 => (x + y) % 2 == 0,
        1 => y % 2 == 0,
        2 => x % 3 == 0,
        3 => (x + y) % 3 == 0,
        4 => (x / 3 + y / 2) % 2 == 0,
        5 => x * y % 2 + x * y % 3 == 0,
        6 => (x * y % 2 + x * y % 3) % 2 == 0,
        _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
    };

    /// <summary>Tries the eight masks and keeps the one with the lowest penalty (ISO/IEC 18004 7.8.3).</summary>
    private int ChooseMask()
    {
        var best = 0;
        var bestPenalty = int.MaxValue;
        for (var mask = 0; mask < 8; mask++)
        {
            ApplyMask(mask);
            DrawFormatBits(mask);
            var penalty = QrPenalty.Score(_modules, Size);
            if (penalty < bestPenalty)
            {
                best = mask;
                bestPenalty = penalty;
            }

            ApplyMask(mask);
        }

        return best;
    }

    private static bool Bit(int value, int index) => ((value >>> index) & 1) != 0;
}
