namespace Vaccination.Infrastructure.KeyVault;

/// <summary>
/// The public part of a Key Vault key as returned by GET <c>/keys/{name}/{version}</c>. Coordinates and
/// modulus are the base64url-decoded bytes; members that do not apply to the key type are null.
/// </summary>
/// <param name="Id">The key id (kid), <c>https://{vault}/keys/{name}/{version}</c>.</param>
/// <param name="KeyType">The JWK key type: <c>EC</c>, <c>EC-HSM</c>, <c>RSA</c> or <c>RSA-HSM</c>.</param>
/// <param name="Enabled">Whether the key version is enabled (<c>attributes.enabled</c>), when the vault says.</param>
/// <param name="CurveName">The EC curve, e.g. <c>P-256</c>.</param>
/// <param name="X">The EC public x coordinate.</param>
/// <param name="Y">The EC public y coordinate.</param>
/// <param name="N">The RSA modulus.</param>
/// <param name="E">The RSA public exponent.</param>
public sealed record KeyVaultKey(
    string Id,
    string KeyType,
    bool? Enabled,
    string? CurveName,
    byte[]? X,
    byte[]? Y,
    byte[]? N,
    byte[]? E)
{
    /// <summary>The key name and version parsed from <see cref="Id"/>.</summary>
    public KeyVaultKeyIdentifier Identifier => KeyVaultKeyIdentifier.Parse(Id);
}
