namespace Vaccination.Application.Certificates.Qr;

/// <summary>The QR segment modes this encoder writes: numeric (digits, 10 bits per 3) and byte (8 bits per byte).</summary>
public enum QrSegmentMode
{
    Numeric = 0x1,
    Byte = 0x4,
}
