namespace Vaccination.Application.Keys;

/// <summary>
/// The seam to the key-encryption key (KEK): Azure Key Vault in Azure, a development key file locally.
/// It wraps and unwraps tenant data keys; the KEK itself never leaves the provider.
/// </summary>
public interface IKeyEncryptionKeyProvider
{
    /// <summary>A short name for health output, e.g. "KeyVault" or "DevelopmentKeyFile".</summary>
    string Name { get; }

    Task<WrappedKey> WrapKeyAsync(ReadOnlyMemory<byte> plaintextKey, CancellationToken cancellationToken = default);

    Task<byte[]> UnwrapKeyAsync(WrappedKey wrappedKey, CancellationToken cancellationToken = default);

    /// <summary>Checks that the KEK is reachable (a metadata read, no cryptographic operation).</summary>
    Task<KeyProviderStatus> CheckAsync(CancellationToken cancellationToken = default);
}
