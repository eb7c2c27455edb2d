namespace Vaccination.Application.Certificates.Qr;

/// <summary>Reed-Solomon error correction codewords over GF(2^8) with the QR field polynomial x^8+x^4+x^3+x^2+1 (0x11D).</summary>
internal static class QrReedSolomon
{
    /// <summary>The generator polynomial of the given degree, highest coefficient (always 1) dropped.</summary>
    public static byte[] Divisor(int degree)
    {
        var result = new byte[degree];
        result[degree - 1] = 1;
        byte root = 1;
        for (var i = 0; i < degree; i++)
        {
            for (var j = 0; j < degree; j++)
            {
                result[j] = Multiply(result[j], root);
                if (j + 1 < degree)
                {
                    result[j] ^= result[j + 1];
                }
            }

            root = Multiply(root, 0x02);
        }

        return result;
    }

    /// <summary>The remainder of data(x)·x^n divided by the generator: the error correction codewords.</summary>
    public static byte[] Remainder(ReadOnlySpan<byte> data, byte[] divisor)
    {
        var result = new byte[divisor.Length];
        foreach (var b in data)
        {
            var factor = (byte)(b ^ result[0]);
            Array.Copy(result, 1, result, 0, result.Length - 1);
            result[^1] = 0;
            for (var i = 0; i < result.Length; i++)
            {
                result[i] ^= Multiply(divisor[i], factor);
            }
        }

        return result;
    }

    public static byte Multiply(byte x, byte y) =>
        x == 0 || y == 0 ? (byte)0 : Exp[Log[x] + Log[y]];

    private static readonly byte[] Exp = BuildExp();

    private static readonly int[] Log = BuildLog();

    /// <summary>Powers of the generator 2, twice over so that Log[x] + Log[y] indexes without a modulo.</summary>
    private static byte[] BuildExp()
    {
        var exp = new byte[512];
        var value = 1;
        for (var i = 0; i < 512; i++)
        {
            exp[i] = (byte)value;
            value <<= 1;
            if (value > 0xFF)
            {
                value ^= 0x11D;
            }
        }

        return exp;
    }

    private static int[] BuildLog()
    {
        var log = new int[256];
        var exp = BuildExp();
        for (var i = 0; i < 255; i++)
        {
            log[exp[i]] = i;
        }

        return log;
    }
}
