namespace Vaccination.Api.Endpoints;

/// <summary>The body of POST /api/dev/webhook-secrets (Development only): the served municipality whose secret to reveal.</summary>
public sealed record DevelopmentWebhookSecretRequest(string? Municipality);
