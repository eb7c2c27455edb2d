using System.Text.Json;

namespace Vaccination.Application.Certificates;

/// <summary>An issued certificate as returned to the app or kiosk: its id, date and kind, the SMART Health Card and, overseas, the VDS-NC seal.</summary>
public sealed record CertificateResponse(
    string CertificateId,
    DateOnly IssuedOn,
    string Kind,
    SmartHealthCardView SmartHealthCard,
    JsonElement? VdsNc);

/// <summary>
/// A SMART Health Card in its delivery forms: the compact JWS, the <c>.smart-health-card</c> file content (MIME
/// application/smart-health-card), the <c>shc:/</c> numeric QR content and the QR image (PNG, base64).
/// </summary>
public sealed record SmartHealthCardView(string Jws, SmartHealthCardFile File, string QrNumeric, string QrPng);

/// <summary>The JSON of a <c>.smart-health-card</c> file.</summary>
public sealed record SmartHealthCardFile(IReadOnlyList<string> VerifiableCredential);
