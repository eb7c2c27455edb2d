using System.Buffers.Text;
using Vaccination.Application.Keys;

namespace Vaccination.Api.Endpoints;

/// <summary>A JWKS document: <c>{"keys":[...]}</c>.</summary>
public sealed record JsonWebKeySet(IReadOnlyList<PublicJsonWebKey> Keys)
{
    public static JsonWebKeySet From(IEnumerable<EcPublicKey> keys) =>
        new(keys.Select(k => new PublicJsonWebKey("EC", k.KeyId, "sig", "ES256", "P-256", Base64Url.EncodeToString(k.X), Base64Url.EncodeToString(k.Y))).ToList());
}

/// <summary>
/// One public signing key as SMART Health Cards publish it: kty EC, kid (RFC 7638 thumbprint), use sig, alg ES256,
/// crv P-256, x and y. The type has no member for a private part, so none can be published.
/// </summary>
public sealed record PublicJsonWebKey(string Kty, string Kid, string Use, string Alg, string Crv, string X, string Y);
