using Vaccination.Application.Keys;
using Vaccination.Infrastructure.Keys;

namespace Vaccination.Infrastructure.KeyVault;

/// <summary>
/// ES256 signing with a P-256 key in Azure Key Vault (the private key never leaves the vault). Signs with the
/// key's current version, found with one GET per cache period. The key id given to verifiers is the RFC 7638 JWK
/// thumbprint of the public key, the same id <see cref="GetPublicKeysAsync"/> publishes.
/// </summary>
public sealed class KeyVaultSigningKeyProvider : ISigningKeyProvider
{
    /// <summary>How long the current key version is remembered unless configured otherwise: 10 minutes.</summary>
    public static readonly TimeSpan DefaultCurrentVersionCacheDuration = TimeSpan.FromMinutes(10);

    private const int Sha256DigestLength = 32;
    private const int P256SignatureLength = 64;
    private const int P256CoordinateLength = 32;

    private readonly KeyVaultKeysClient _client;
    private readonly CurrentKeyCache _currentKey;

    /// <summary>Uses the key <paramref name="keyName"/>, caching its current version for 10 minutes.</summary>
    public KeyVaultSigningKeyProvider(KeyVaultKeysClient client, string keyName)
        : this(client, keyName, DefaultCurrentVersionCacheDuration, TimeProvider.System)
    {
    }

    /// <summary>Uses the key <paramref name="keyName"/>, caching its current version for <paramref name="currentVersionCacheDuration"/>.</summary>
    public KeyVaultSigningKeyProvider(KeyVaultKeysClient client, string keyName, TimeSpan currentVersionCacheDuration, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _currentKey = new CurrentKeyCache(client, keyName, currentVersionCacheDuration, timeProvider);
    }

    /// <inheritdoc />
    public async Task<SignatureResult> SignDigestAsync(ReadOnlyMemory<byte> sha256Digest, CancellationToken cancellationToken = default)
    {
        if (sha256Digest.Length != Sha256DigestLength)
        {
            throw new ArgumentException("An ES256 signature is made over a 32-byte SHA-256 digest.", nameof(sha256Digest));
        }

        var (key, version) = await _currentKey.GetAsync(cancellationToken);
        var publicKey = ToPublicKey(key);
        var result = (await _client.SignAsync(_currentKey.KeyName, version, sha256Digest.ToArray(), cancellationToken)).Value;
        if (result.Signature.Length != P256SignatureLength)
        {
            throw new InvalidOperationException($"Key Vault returned a {result.Signature.Length}-byte ES256 signature; expected {P256SignatureLength}.");
        }

        return new SignatureResult(publicKey.KeyId, result.Signature);
    }

    /// <inheritdoc />
    /// <remarks>Publishes the current key version only.</remarks>
    public async Task<IReadOnlyList<EcPublicKey>> GetPublicKeysAsync(CancellationToken cancellationToken = default)
    {
        var (key, _) = await _currentKey.GetAsync(cancellationToken);
        return [ToPublicKey(key)];
    }

    private EcPublicKey ToPublicKey(KeyVaultKey key)
    {
        if (key.KeyType is not ("EC" or "EC-HSM")
            || key.CurveName != "P-256"
            || key.X is not { Length: P256CoordinateLength } x
            || key.Y is not { Length: P256CoordinateLength } y)
        {
            throw new InvalidOperationException($"Key '{_currentKey.KeyName}' is not an EC P-256 key; ES256 needs one.");
        }

        // Copies, so a caller cannot change the cached coordinates.
        return new EcPublicKey(JwkThumbprint.ComputeForEcP256(x, y), x.ToArray(), y.ToArray());
    }
}
