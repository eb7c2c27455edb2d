namespace Vaccination.Application.Certificates;

/// <summary>
/// Certificate issuance settings (section "Certificates"). <see cref="Issuer"/> is the SMART Health Card "iss": the
/// public URL of this API's "/api" prefix, under which "/.well-known/jwks.json" is served. The card trust anchors are
/// the My Number card issuer's root certificates (base64 DER or PEM). The barcode-signer certificate is the X.509
/// certificate of the signing key for ICAO VDS-NC seals (base64 DER); in Development it is made from the key file.
/// </summary>
public sealed class CertificateOptions
{
    public const string Section = "Certificates";

    public string? Issuer { get; set; }

    public IList<string> CardTrustAnchors { get; } = [];

    public string? BarcodeSignerCertificate { get; set; }

    /// <summary>Who the SMART Health Card names as performer of every dose, as Japan's certificates did.</summary>
    public string PerformerDisplay { get; set; } = "MHLW_Gov_of_JAPAN";

    /// <summary>The ICAO three-letter code of the issuing state, for VDS-NC "hdr.is" and "ve.vd.ctr".</summary>
    public string IssuingState { get; set; } = "JPN";
}
