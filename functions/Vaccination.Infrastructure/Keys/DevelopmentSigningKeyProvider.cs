using System.Security.Cryptography;
using Vaccination.Application.Keys;

namespace Vaccination.Infrastructure.Keys;

/// <summary>ES256 signing with the development key file's P-256 key. Local use only.</summary>
public sealed class DevelopmentSigningKeyProvider : ISigningKeyProvider, IDisposable
{
    private readonly ECDsa _key;
    private readonly EcPublicKey _publicKey;

    public DevelopmentSigningKeyProvider(DevelopmentKeyFile keyFile)
    {
        ArgumentNullException.ThrowIfNull(keyFile);
        _key = keyFile.CreateSigningKey();
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        _publicKey = new EcPublicKey(JwkThumbprint.ComputeForEcP256(parameters.Q.X, parameters.Q.Y), parameters.Q.X!, parameters.Q.Y!);
    }

    public Task<SignatureResult> SignDigestAsync(ReadOnlyMemory<byte> sha256Digest, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SignatureResult(_publicKey.KeyId, _key.SignHash(sha256Digest.Span, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)));

    public Task<IReadOnlyList<EcPublicKey>> GetPublicKeysAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EcPublicKey>>([_publicKey]);

    public void Dispose() => _key.Dispose();
}
