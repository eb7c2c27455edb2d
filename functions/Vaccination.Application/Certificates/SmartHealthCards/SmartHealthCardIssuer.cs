using Microsoft.Extensions.Options;
using Vaccination.Application.Certificates.Qr;
using Vaccination.Domain.Results;

namespace Vaccination.Application.Certificates.SmartHealthCards;

/// <summary>
/// Makes a SMART Health Card in every delivery form: payload, compact JWS, .smart-health-card file, "shc:/" numeric
/// content and a QR image with exactly two segments (bytes "shc:/", then numeric) at error correction level L and
/// version 22 or lower, the limit of the specification.
/// </summary>
public sealed class SmartHealthCardIssuer(SmartHealthCardSigner jws, IOptions<CertificateOptions> options)
{
    /// <summary>The longest JWS that fits one version-22 QR at level L.</summary>
    public const int MaxJwsLength = 1195;

    public const int MaxQrVersion = 22;

    public bool IsConfigured => options.Value.Issuer is not null;

    public async Task<Result<SmartHealthCardView>> IssueAsync(SmartHealthCardContent content, DateTimeOffset issuedAt, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var issuer = settings.Issuer ?? throw new InvalidOperationException("Certificates:Issuer is not configured.");
        var payload = SmartHealthCardPayload.Create(issuer, issuedAt, content, settings.PerformerDisplay);
        var token = await jws.SignAsync(payload, cancellationToken);
        var qr = token.Length <= MaxJwsLength ? Render(token) : null;
        if (qr is null)
        {
            return new Error(
                "certificate.too_large", "The records do not fit one SMART Health Card QR code; the municipality issues this certificate at the counter.", ErrorKind.Forbidden);
        }

        return new SmartHealthCardView(token, new SmartHealthCardFile([token]), SmartHealthCardNumeric.Encode(token), Convert.ToBase64String(QrPng.Render(qr)));
    }

    /// <summary>The QR code of a JWS with exactly the two segments the specification asks for, or null when it does not fit.</summary>
    public static QrCode? Render(string jws) =>
        QrEncoder.Encode(
            [QrSegment.Bytes(SmartHealthCardNumeric.Prefix), QrSegment.Numeric(SmartHealthCardNumeric.Digits(jws))],
            QrErrorCorrectionLevel.Low,
            MaxQrVersion);
}
