using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Vaccination.Infrastructure.Keys;

namespace Vaccination.ReliabilityTests.Hostile;

/// <summary>Makes tokens the self-host must refuse: signed with its own development key but expired or for another audience, or signed with another key.</summary>
internal static class TokenForge
{
    public const string Issuer = "https://vaccination.local/dev-issuer";
    public const string Audience = "api://vaccination-records";

    public static string Create(string keyFile, string role, string municipality, DateTime expires, string audience = Audience, byte[]? otherKey = null)
    {
        var key = otherKey ?? DevelopmentKeyFile.LoadOrCreate(keyFile).TokenSigningKey;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = "hostile", ["role"] = role, ["municipality"] = municipality },
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key) { KeyId = "development-token-key" }, SecurityAlgorithms.HmacSha256),
        });
    }
}
