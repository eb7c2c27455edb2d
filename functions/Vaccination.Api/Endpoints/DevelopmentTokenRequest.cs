namespace Vaccination.Api.Endpoints;

/// <summary>The body of POST /api/dev/tokens (Development only): a role claim value and, for municipal roles, a municipality.</summary>
public sealed record DevelopmentTokenRequest(string? Role, string? Municipality, string? Prefecture, string? Actor);

/// <summary>An issued development token.</summary>
public sealed record DevelopmentTokenResponse(string AccessToken, string TokenType);
