namespace Vaccination.Application.Certificates;

/// <summary>
/// A certificate application from the app or a kiosk, as received (unvalidated): the channel ("app" or "kiosk"), the
/// kind ("domestic" or "overseas"), the signed My Number card data and, for the overseas kind, the passport data
/// (a kiosk sends only the passport number of passport data registered earlier).
/// </summary>
public sealed record CertificateRequest(string? Channel, string? Kind, SignedCardData? Card, PassportRequest? Passport);

/// <summary>
/// The card's text-input-assist data as the card gives it, with its issuer's signature: <c>data</c> is base64url of the
/// UTF-8 JSON <c>{"name","address","birthDate","sex","myNumber"}</c>; <c>signature</c> is base64url of the issuer's
/// signature over exactly those bytes (RSASSA-PKCS1-v1_5 with SHA-256 for an RSA signer, ECDSA P-256 SHA-256 in r||s form
/// for an EC signer); <c>certificates</c> is the signer's chain, leaf first, each base64 DER, ending below a trust anchor.
/// </summary>
public sealed record SignedCardData(string? Data, string? Signature, IReadOnlyList<string>? Certificates);

/// <summary>Passport data as received (D13): romanized surname and given names, passport number, nationality (alpha-3).</summary>
public sealed record PassportRequest(string? Surname, string? GivenNames, string? PassportNumber, string? Nationality);
