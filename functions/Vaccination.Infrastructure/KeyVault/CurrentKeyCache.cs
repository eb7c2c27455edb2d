namespace Vaccination.Infrastructure.KeyVault;

/// <summary>
/// Remembers the current version of one Key Vault key for a while, so that wrapping and signing cost one GET per
/// period instead of one per operation. After Key Vault rotates the key, the new version is picked up when the
/// cached entry expires; older versions stay usable because callers address them by their stored kid.
/// </summary>
/// <remarks>
/// Thread-safe without a lock: concurrent callers that find the entry expired may each fetch the key once, and the
/// last fetch wins. That costs at most a few extra GETs per period, which Key Vault's limits absorb easily.
/// </remarks>
internal sealed class CurrentKeyCache
{
    private readonly KeyVaultKeysClient _client;
    private readonly string _keyName;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _timeProvider;
    private volatile Entry? _entry;

    public CurrentKeyCache(KeyVaultKeysClient client, string keyName, TimeSpan duration, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!KeyVaultKeyIdentifier.IsValidName(keyName))
        {
            throw new ArgumentException("A Key Vault key name has 1-127 letters, digits and hyphens.", nameof(keyName));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        _client = client;
        _keyName = keyName;
        _duration = duration;
        _timeProvider = timeProvider;
    }

    public string KeyName => _keyName;

    /// <summary>The current version of the key, from the cache while it is fresh.</summary>
    public async Task<(KeyVaultKey Key, string Version)> GetAsync(CancellationToken cancellationToken)
    {
        var entry = _entry;
        if (entry is not null && _timeProvider.GetUtcNow() < entry.ExpiresAt)
        {
            return (entry.Key, entry.Version);
        }

        var key = (await _client.GetKeyAsync(_keyName, version: null, cancellationToken)).Value;
        if (!KeyVaultKeyIdentifier.TryParse(key.Id, out var identifier) || identifier.Version is null)
        {
            throw new InvalidOperationException($"Key Vault returned a key id without a version for key '{_keyName}'.");
        }

        _entry = new Entry(key, identifier.Version, _timeProvider.GetUtcNow() + _duration);
        return (key, identifier.Version);
    }

    private sealed record Entry(KeyVaultKey Key, string Version, DateTimeOffset ExpiresAt);
}
