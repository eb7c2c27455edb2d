namespace Vaccination.Infrastructure.KeyVault;

/// <summary>The result of a Key Vault sign operation.</summary>
/// <param name="KeyId">The id (with version) of the key that signed.</param>
/// <param name="Algorithm">The signature algorithm, e.g. <c>ES256</c>.</param>
/// <param name="Signature">The signature; for ES256 the IEEE P1363 form r||s, 64 bytes.</param>
public sealed record KeyVaultSignResult(string KeyId, string Algorithm, byte[] Signature);
