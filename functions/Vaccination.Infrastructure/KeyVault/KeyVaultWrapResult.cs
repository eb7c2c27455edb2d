namespace Vaccination.Infrastructure.KeyVault;

/// <summary>The result of a Key Vault wrapKey operation.</summary>
/// <param name="KeyId">The id (with version) of the key that wrapped; store it with the ciphertext.</param>
/// <param name="Algorithm">The wrapping algorithm, e.g. <c>RSA-OAEP-256</c>.</param>
/// <param name="EncryptedKey">The wrapped key bytes.</param>
public sealed record KeyVaultWrapResult(string KeyId, string Algorithm, byte[] EncryptedKey);
