using System.Text;
using ZXing;
using ZXing.QrCode.Internal;

namespace Vaccination.UnitTests.Certificates;

/// <summary>
/// A QR image read back by an independent decoder (ZXing.Net): the text, the version, how many codewords needed
/// correcting, and the segments parsed from the corrected data codewords (mode, character count, content).
/// </summary>
internal sealed record DecodedQr(string Text, int Version, int ErrorsCorrected, IReadOnlyList<(string Mode, int Count, string Content)> Segments)
{
    public static DecodedQr FromPng(byte[] png)
    {
        var image = PngImage.Read(png);
        var source = new RGBLuminanceSource(image.Grey, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var bits = new BinaryBitmap(new ZXing.Common.HybridBinarizer(source)).BlackMatrix;
        var detected = new Detector(bits).detect() ?? throw new InvalidOperationException("No QR code was found in the image.");
        var decoded = new ZXing.QrCode.Internal.Decoder().decode(detected.Bits, null) ?? throw new InvalidOperationException("The QR code did not decode.");
        var version = (detected.Bits.Width - 17) / 4;
        return new DecodedQr(decoded.Text, version, decoded.ErrorsCorrected, ParseSegments(decoded.RawBytes, version));
    }

    /// <summary>ISO/IEC 18004 bit stream: 4-bit mode, a count of 8-16 bits by mode and version, then the data; mode 0 ends it.</summary>
    private static List<(string, int, string)> ParseSegments(byte[] data, int version)
    {
        var segments = new List<(string, int, string)>();
        var position = 0;
        int Read(int count)
        {
            var value = 0;
            for (var i = 0; i < count; i++, position++)
            {
                value = (value << 1) | ((data[position >> 3] >> (7 - (position & 7))) & 1);
            }

            return value;
        }

        while (position + 4 <= data.Length * 8)
        {
            var mode = Read(4);
            if (mode == 0)
            {
                break;
            }

            if (mode == 0x1)
            {
                var count = Read(version <= 9 ? 10 : version <= 26 ? 12 : 14);
                var digits = new StringBuilder();
                for (var left = count; left > 0; left -= 3)
                {
                    var group = Math.Min(3, left);
                    digits.Append(Read(group * 3 + 1).ToString("D" + group, System.Globalization.CultureInfo.InvariantCulture));
                }

                segments.Add(("numeric", count, digits.ToString()));
            }
            else if (mode == 0x4)
            {
                var count = Read(version <= 9 ? 8 : 16);
                var bytes = new byte[count];
                for (var i = 0; i < count; i++)
                {
                    bytes[i] = (byte)Read(8);
                }

                segments.Add(("byte", count, Encoding.UTF8.GetString(bytes)));
            }
            else
            {
                segments.Add(($"mode-{mode}", 0, string.Empty));
                break;
            }
        }

        return segments;
    }
}
