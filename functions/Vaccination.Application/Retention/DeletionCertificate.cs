namespace Vaccination.Application.Retention;

/// <summary>A signed certificate of deletion's summary, its compact JWS (ES256), and whether the signature verifies now.</summary>
public sealed record DeletionCertificate(DeletionReport Report, string Jws, bool SignatureValid);
