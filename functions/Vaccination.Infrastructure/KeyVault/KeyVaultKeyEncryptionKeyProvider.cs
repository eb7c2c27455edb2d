using System.Security.Cryptography;
using Azure;
using Vaccination.Application.Keys;

namespace Vaccination.Infrastructure.KeyVault;

/// <summary>
/// The key-encryption key in Azure Key Vault (an RSA key; the private part never leaves the vault). New data keys
/// are wrapped with RSA-OAEP-256 under the key's current version, found with one GET per cache period. Unwrapping
/// uses the name and version in the stored kid, so data keys wrapped before a rotation still unwrap after it.
/// </summary>
public sealed class KeyVaultKeyEncryptionKeyProvider : IKeyEncryptionKeyProvider
{
    /// <summary>The wrapping algorithm recorded in <see cref="WrappedKey.Algorithm"/>.</summary>
    public const string Algorithm = KeyVaultKeysClient.WrapAlgorithm;

    /// <summary>How long the current key version is remembered unless configured otherwise: 10 minutes.</summary>
    public static readonly TimeSpan DefaultCurrentVersionCacheDuration = TimeSpan.FromMinutes(10);

    private const string ProviderName = "KeyVault";

    private readonly KeyVaultKeysClient _client;
    private readonly CurrentKeyCache _currentKey;

    /// <summary>Uses the key <paramref name="keyName"/>, caching its current version for 10 minutes.</summary>
    public KeyVaultKeyEncryptionKeyProvider(KeyVaultKeysClient client, string keyName)
        : this(client, keyName, DefaultCurrentVersionCacheDuration, TimeProvider.System)
    {
    }

    /// <summary>Uses the key <paramref name="keyName"/>, caching its current version for <paramref name="currentVersionCacheDuration"/>.</summary>
    public KeyVaultKeyEncryptionKeyProvider(KeyVaultKeysClient client, string keyName, TimeSpan currentVersionCacheDuration, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _currentKey = new CurrentKeyCache(client, keyName, currentVersionCacheDuration, timeProvider);
    }

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public async Task<WrappedKey> WrapKeyAsync(ReadOnlyMemory<byte> plaintextKey, CancellationToken cancellationToken = default)
    {
        if (plaintextKey.IsEmpty)
        {
            throw new ArgumentException("The key to wrap is empty.", nameof(plaintextKey));
        }

        var (_, version) = await _currentKey.GetAsync(cancellationToken);
        var copy = plaintextKey.ToArray();
        try
        {
            var result = (await _client.WrapKeyAsync(_currentKey.KeyName, version, copy, cancellationToken)).Value;
            return new WrappedKey(result.KeyId, Algorithm, result.EncryptedKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The kid may name any key of the configured vault (a renamed KEK still unwraps old rows) but must carry a
    /// version; a kid from another vault is refused before any request is sent.
    /// </remarks>
    public async Task<byte[]> UnwrapKeyAsync(WrappedKey wrappedKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wrappedKey);
        if (!string.Equals(wrappedKey.Algorithm, Algorithm, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Only {Algorithm} wrapped keys can be unwrapped by Key Vault here.", nameof(wrappedKey));
        }

        if (!KeyVaultKeyIdentifier.TryParse(wrappedKey.KeyEncryptionKeyId, out var kid) || kid.Version is null)
        {
            throw new ArgumentException("The wrapped key's KEK id is not a versioned Key Vault key id.", nameof(wrappedKey));
        }

        if (!kid.IsInVault(_client.VaultUri))
        {
            throw new ArgumentException("The wrapped key's KEK lives in another vault than the one configured.", nameof(wrappedKey));
        }

        return (await _client.UnwrapKeyAsync(kid.Name, kid.Version, wrappedKey.Ciphertext, cancellationToken)).Value;
    }

    /// <inheritdoc />
    /// <remarks>Always reads the key from Key Vault (no cache). Never throws, except when <paramref name="cancellationToken"/> is cancelled.</remarks>
    public async Task<KeyProviderStatus> CheckAsync(CancellationToken cancellationToken = default)
    {
        var keyName = _currentKey.KeyName;
        try
        {
            var key = (await _client.GetKeyAsync(keyName, version: null, cancellationToken)).Value;
            if (key.Enabled == false)
            {
                return Unhealthy($"Key '{keyName}' is disabled.");
            }

            if (key.KeyType is not ("RSA" or "RSA-HSM"))
            {
                return Unhealthy($"Key '{keyName}' has type {key.KeyType}; wrapping needs an RSA key.");
            }

            return new KeyProviderStatus(true, ProviderName, $"Key '{keyName}' is reachable.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (RequestFailedException ex)
        {
            return Unhealthy($"Key Vault answered {ex.Status} ({ex.ErrorCode ?? "no error code"}) for key '{keyName}'.");
        }
        catch (Exception ex)
        {
            // A health check reports every failure (credential, network, timeout) instead of throwing.
            return Unhealthy($"Key Vault could not be reached for key '{keyName}' ({ex.GetType().Name}).");
        }
    }

    private static KeyProviderStatus Unhealthy(string detail) => new(false, ProviderName, detail);
}
