namespace Vaccination.Application.Certificates.Qr;

/// <summary>
/// Encodes segments into the smallest QR symbol that holds them at a fixed error correction level, keeping every
/// segment exactly as given (no re-segmentation), which is what SMART Health Cards need.
/// </summary>
public static class QrEncoder
{
    /// <summary>Returns the symbol, or null when the segments do not fit version <paramref name="maxVersion"/> at this level.</summary>
    public static QrCode? Encode(IReadOnlyList<QrSegment> segments, QrErrorCorrectionLevel level, int maxVersion = QrTables.MaxVersion)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (maxVersion is < QrTables.MinVersion or > QrTables.MaxVersion)
        {
            throw new ArgumentOutOfRangeException(nameof(maxVersion));
        }

        for (var version = QrTables.MinVersion; version <= maxVersion; version++)
        {
            var capacityBits = QrTables.DataCodewords(level, version) * 8;
            var usedBits = UsedBits(segments, version);
            if (usedBits is { } used && used <= capacityBits)
            {
                return new QrCode(version, level, DataCodewords(segments, version, capacityBits));
            }
        }

        return null;
    }

    private static int? UsedBits(IReadOnlyList<QrSegment> segments, int version)
    {
        var total = 0;
        foreach (var segment in segments)
        {
            if (segment.TotalBits(version) is not { } bits)
            {
                return null;
            }

            total += bits;
        }

        return total;
    }

    private static byte[] DataCodewords(IReadOnlyList<QrSegment> segments, int version, int capacityBits)
    {
        var buffer = new QrBitBuffer(capacityBits);
        foreach (var segment in segments)
        {
            buffer.Append((int)segment.Mode, 4);
            buffer.Append(segment.CharacterCount, segment.CountBits(version));
            buffer.Append(segment.Data);
        }

        buffer.Append(0, Math.Min(4, capacityBits - buffer.Length));
        buffer.Append(0, (8 - buffer.Length % 8) % 8);
        for (var pad = 0xEC; buffer.Length < capacityBits; pad ^= 0xEC ^ 0x11)
        {
            buffer.Append(pad, 8);
        }

        return buffer.ToBytes();
    }
}
