using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Vaccination.Application.Keys;

namespace Vaccination.Application.Certificates.SmartHealthCards;

/// <summary>
/// Signs SMART Health Card payloads as a compact JWS (the application-layer counterpart of Infrastructure's CompactJws,
/// which deletion certificates use; this one deflates the payload and re-signs across a key rotation): header <c>{"zip":"DEF","alg":"ES256","kid":...}</c>, the payload
/// raw-DEFLATEd, ES256 over <c>ASCII(b64u(header) "." b64u(deflated))</c> with the signature in r||s form. The key
/// provider signs the SHA-256 digest (in Azure inside Key Vault). The kid must be in the signed header before the
/// signature names its key, so the last kid is remembered; if the key was rotated meanwhile the JWS is signed again.
/// </summary>
public sealed class SmartHealthCardSigner(ISigningKeyProvider signer)
{
    private volatile string? _keyId;

    public async Task<string> SignAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        var encodedPayload = Base64Url.EncodeToString(RawDeflate.Compress(payload.Span));
        var keyId = _keyId ?? await CurrentKeyIdAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var signingInput = EncodeHeader(keyId) + "." + encodedPayload;
            var digest = SHA256.HashData(Encoding.ASCII.GetBytes(signingInput));
            var signature = await signer.SignDigestAsync(digest, cancellationToken);
            if (signature.KeyId == keyId)
            {
                _keyId = keyId;
                return signingInput + "." + Base64Url.EncodeToString(signature.Signature);
            }

            if (attempt > 0)
            {
                throw new InvalidOperationException("The signing key changed twice while one certificate was signed.");
            }

            keyId = signature.KeyId;
        }
    }

    public static string EncodeHeader(string keyId) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes("{\"zip\":\"DEF\",\"alg\":\"ES256\",\"kid\":\"" + keyId + "\"}"));

    private async Task<string> CurrentKeyIdAsync(CancellationToken cancellationToken)
    {
        var keys = await signer.GetPublicKeysAsync(cancellationToken);
        return keys.Count > 0 ? keys[0].KeyId : throw new InvalidOperationException("The signing key provider publishes no key.");
    }
}
