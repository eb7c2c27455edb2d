namespace Vaccination.Api.Endpoints;

/// <summary>A tenant's webhook secret (base64) and how to sign with it. Development only.</summary>
public sealed record DevelopmentWebhookSecretResponse(string Municipality, string Secret, string Algorithm, string TimestampHeader, string SignatureHeader, string SignedContent);
