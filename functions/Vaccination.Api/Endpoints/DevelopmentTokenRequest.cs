namespace Vaccination.Api.Endpoints;

/// <summary>
/// The body of POST /api/dev/tokens (Development only): a role claim value and, for municipal roles, a municipality;
/// for the certificate-channel role, the channel ("app", the default, or "kiosk").
/// </summary>
public sealed record DevelopmentTokenRequest(string? Role, string? Municipality, string? Prefecture, string? Actor, string? Channel = null);

/// <summary>An issued development token.</summary>
public sealed record DevelopmentTokenResponse(string AccessToken, string TokenType);
