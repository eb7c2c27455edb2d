using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Vaccination.Application.Callers;

namespace Vaccination.Api.Authentication;

/// <summary>
/// Issues tokens for any tenant and role, signed with the development token key. It exists only where the
/// development key file exists, which is never in Production.
/// </summary>
public sealed class DevelopmentTokenIssuer(IOptions<AuthOptions> options, DevelopmentSigningKeySource keySource, TimeProvider clock)
{
    public string Issue(string actor, CallerRole role, string? municipalityCode, string? prefecture = null, TimeSpan? lifetime = null, string? channel = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [CallerClaims.Subject] = actor,
            [CallerClaims.Role] = CallerRoles.ToClaimValue(role),
        };
        if (municipalityCode is not null)
        {
            claims[CallerClaims.Municipality] = municipalityCode;
        }

        if (prefecture is not null)
        {
            claims[CallerClaims.Prefecture] = prefecture;
        }

        if (channel is not null)
        {
            claims[CallerClaims.Channel] = channel;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(keySource.Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
