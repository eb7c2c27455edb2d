namespace Vaccination.Application.Certificates.Qr;

/// <summary>QR error correction levels (ISO/IEC 18004), recovering about 7, 15, 25 and 30 % of codewords.</summary>
public enum QrErrorCorrectionLevel
{
    Low,
    Medium,
    Quartile,
    High,
}
