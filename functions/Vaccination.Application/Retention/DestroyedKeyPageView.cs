namespace Vaccination.Application.Retention;

/// <summary>A signed page of destroyed key ids, its JWS, and whether the signature verifies now.</summary>
public sealed record DestroyedKeyPageView(DestroyedKeyPage Page, string Jws, bool SignatureValid);
