using Vaccination.Application.Keys;

namespace Vaccination.IntegrationTests.Environment;

/// <summary>Counts the calls that reach the key-encryption key (each would be a Key Vault operation in Azure).</summary>
public sealed class CountingKeyEncryptionKeyProvider(IKeyEncryptionKeyProvider inner) : IKeyEncryptionKeyProvider
{
    private int _wraps;
    private int _unwraps;

    public int Wraps => _wraps;

    public int Unwraps => _unwraps;

    public string Name => inner.Name;

    public Task<WrappedKey> WrapKeyAsync(ReadOnlyMemory<byte> plaintextKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _wraps);
        return inner.WrapKeyAsync(plaintextKey, cancellationToken);
    }

    public Task<byte[]> UnwrapKeyAsync(WrappedKey wrappedKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _unwraps);
        return inner.UnwrapKeyAsync(wrappedKey, cancellationToken);
    }

    public Task<KeyProviderStatus> CheckAsync(CancellationToken cancellationToken = default) => inner.CheckAsync(cancellationToken);
}
