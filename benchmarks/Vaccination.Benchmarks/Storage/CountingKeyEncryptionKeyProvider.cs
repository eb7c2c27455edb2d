using Vaccination.Application.Keys;

namespace Vaccination.Benchmarks.Storage;

/// <summary>Counts calls that reach the key-encryption key; each is one Key Vault operation in Azure.</summary>
internal sealed class CountingKeyEncryptionKeyProvider(IKeyEncryptionKeyProvider inner) : IKeyEncryptionKeyProvider
{
    private int _calls;

    public int Calls => _calls;

    public string Name => inner.Name;

    public Task<WrappedKey> WrapKeyAsync(ReadOnlyMemory<byte> plaintextKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return inner.WrapKeyAsync(plaintextKey, cancellationToken);
    }

    public Task<byte[]> UnwrapKeyAsync(WrappedKey wrappedKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return inner.UnwrapKeyAsync(wrappedKey, cancellationToken);
    }

    public Task<KeyProviderStatus> CheckAsync(CancellationToken cancellationToken = default) => inner.CheckAsync(cancellationToken);
}
