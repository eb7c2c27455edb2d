using System.Text;

namespace Vaccination.Application.Certificates.Qr;

/// <summary>
/// One segment of QR data: a mode, a character count and its data bits. SMART Health Cards need exactly two:
/// the bytes "shc:/" and then the numeric digits.
/// </summary>
public sealed class QrSegment
{
    private QrSegment(QrSegmentMode mode, int characterCount, QrBitBuffer data)
    {
        Mode = mode;
        CharacterCount = characterCount;
        Data = data;
    }

    public QrSegmentMode Mode { get; }

    public int CharacterCount { get; }

    internal QrBitBuffer Data { get; }

    public static QrSegment Bytes(ReadOnlySpan<byte> bytes)
    {
        var data = new QrBitBuffer(bytes.Length * 8);
        foreach (var b in bytes)
        {
            data.Append(b, 8);
        }

        return new QrSegment(QrSegmentMode.Byte, bytes.Length, data);
    }

    public static QrSegment Bytes(string text) => Bytes(Encoding.UTF8.GetBytes(text ?? throw new ArgumentNullException(nameof(text))));

    /// <summary>Digits in groups of three (10 bits), a final pair in 7 bits or a single digit in 4.</summary>
    public static QrSegment Numeric(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (!digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A numeric segment holds only the digits 0-9.", nameof(digits));
        }

        var data = new QrBitBuffer(digits.Length * 10 / 3 + 4);
        for (var i = 0; i < digits.Length; i += 3)
        {
            var length = Math.Min(3, digits.Length - i);
            var value = 0;
            for (var j = 0; j < length; j++)
            {
                value = value * 10 + (digits[i + j] - '0');
            }

            data.Append(value, length * 3 + 1);
        }

        return new QrSegment(QrSegmentMode.Numeric, digits.Length, data);
    }

    /// <summary>The width of the character count field, which grows with the version (ISO/IEC 18004 table 3).</summary>
    internal int CountBits(int version) => (Mode, version) switch
    {
        (QrSegmentMode.Numeric, <= 9) => 10,
        (QrSegmentMode.Numeric, <= 26) => 12,
        (QrSegmentMode.Numeric, _) => 14,
        (QrSegmentMode.Byte, <= 9) => 8,
        (QrSegmentMode.Byte, _) => 16,
        _ => throw new InvalidOperationException($"Unknown mode {Mode}."),
    };

    /// <summary>Bits this segment takes at a version, or null when its count does not fit the count field.</summary>
    internal int? TotalBits(int version)
    {
        var countBits = CountBits(version);
        return CharacterCount >= 1 << countBits ? null : 4 + countBits + Data.Length;
    }
}
