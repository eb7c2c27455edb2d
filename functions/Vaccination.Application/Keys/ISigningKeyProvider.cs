namespace Vaccination.Application.Keys;

/// <summary>
/// The seam to ES256 signing keys (certificates, deletion reports). In Azure the private key stays in Key Vault.
/// </summary>
public interface ISigningKeyProvider
{
    /// <summary>Signs a SHA-256 digest with ES256; returns the signature in IEEE P1363 (r||s) form, 64 bytes.</summary>
    Task<SignatureResult> SignDigestAsync(ReadOnlyMemory<byte> sha256Digest, CancellationToken cancellationToken = default);

    /// <summary>The public parts of the current and previous signing keys (for JWKS publication).</summary>
    Task<IReadOnlyList<EcPublicKey>> GetPublicKeysAsync(CancellationToken cancellationToken = default);
}

/// <summary>A signature and the id of the key that made it.</summary>
public sealed record SignatureResult(string KeyId, byte[] Signature);

/// <summary>The public part of an EC P-256 key: base64url-free raw coordinates.</summary>
public sealed record EcPublicKey(string KeyId, byte[] X, byte[] Y);
