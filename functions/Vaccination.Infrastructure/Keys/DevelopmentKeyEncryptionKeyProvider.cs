using System.Text;
using Vaccination.Application.Keys;
using Vaccination.Infrastructure.Crypto;

namespace Vaccination.Infrastructure.Keys;

/// <summary>Wraps data keys with AES-256-GCM under the development key file's KEK. Local use only.</summary>
public sealed class DevelopmentKeyEncryptionKeyProvider(DevelopmentKeyFile keyFile) : IKeyEncryptionKeyProvider
{
    public const string KeyId = "development/kek/1";
    public const string Algorithm = "A256GCM";
    private static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes("kek-wrap|" + KeyId);

    public string Name => "DevelopmentKeyFile";

    public Task<WrappedKey> WrapKeyAsync(ReadOnlyMemory<byte> plaintextKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(new WrappedKey(KeyId, Algorithm, FieldCipher.Seal(keyFile.KeyEncryptionKey, plaintextKey.Span, AssociatedData)));

    public Task<byte[]> UnwrapKeyAsync(WrappedKey wrappedKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wrappedKey);
        if (wrappedKey.KeyEncryptionKeyId != KeyId || wrappedKey.Algorithm != Algorithm)
        {
            throw new InvalidOperationException($"Key {wrappedKey.KeyEncryptionKeyId} was not wrapped by the development key file.");
        }

        return Task.FromResult(FieldCipher.Open(keyFile.KeyEncryptionKey, wrappedKey.Ciphertext, AssociatedData));
    }

    public Task<KeyProviderStatus> CheckAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new KeyProviderStatus(true, Name, "development key file loaded"));
}
