using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Vaccination.Api.Audit;
using Vaccination.Application.Access;
using Vaccination.Application.Callers;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Authentication;

/// <summary>
/// Turns the request's bearer token into a <see cref="Caller"/>: signature, issuer, audience and lifetime checked;
/// role and municipality read from claims; a staff caller's grant looked up (<see cref="AccessPolicy"/>); and the
/// request's audit entry begun (<see cref="RequestAudit"/>). Both hosts call this before any handler, so every
/// authenticated endpoint is audited.
/// </summary>
public sealed class CallerAuthenticator(
    IOptions<AuthOptions> options, ISigningKeySource signingKeys, TimeProvider clock, AccessPolicy access, RequestAudit audit)
{
    private static readonly Error Unauthenticated = new("auth.invalid_token", "A valid bearer token is required.", ErrorKind.Unauthorized);
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<Result<Caller>> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Unauthenticated;
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = options.Value.Issuer,
            ValidAudience = options.Value.Audience,
            IssuerSigningKeys = await signingKeys.GetKeysAsync(cancellationToken),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromMinutes(1),
            LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires),
        };
        var result = await _handler.ValidateTokenAsync(header["Bearer ".Length..].Trim(), parameters);
        var caller = result.IsValid ? ToCaller(result.ClaimsIdentity.Claims.ToLookup(c => c.Type, c => c.Value)) : Unauthenticated;
        if (!caller.IsSuccess)
        {
            return caller;
        }

        var authorized = await access.WithGrantAsync(caller.Value, cancellationToken);
        audit.Begin(request, authorized);
        return authorized;
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var skew = TimeSpan.FromMinutes(1);
        return expires is { } end && now <= end + skew && (notBefore is not { } start || now >= start - skew);
    }

    private static Result<Caller> ToCaller(ILookup<string, string> claims)
    {
        var actor = claims[CallerClaims.Subject].FirstOrDefault();
        if (string.IsNullOrEmpty(actor) || !CallerRoles.TryParse(claims[CallerClaims.Role].FirstOrDefault(), out var role))
        {
            return Unauthenticated;
        }

        MunicipalityCode? tenant = null;
        if (CallerRoles.IsMunicipal(role))
        {
            if (!MunicipalityCode.TryParse(claims[CallerClaims.Municipality].FirstOrDefault(), out var code))
            {
                return Unauthenticated;
            }

            tenant = code;
        }

        return new Caller(actor, role, tenant, claims[CallerClaims.Prefecture].FirstOrDefault()) { Channel = claims[CallerClaims.Channel].FirstOrDefault() };
    }
}
