namespace Vaccination.Application.Keys;

/// <summary>Health of a key provider as shown by GET /api/health; never contains key material.</summary>
public sealed record KeyProviderStatus(bool Healthy, string Provider, string Detail);
