namespace Vaccination.Application.Keys;

/// <summary>A data key wrapped by a key-encryption key: which KEK (id including version), which algorithm, the bytes.</summary>
public sealed record WrappedKey(string KeyEncryptionKeyId, string Algorithm, byte[] Ciphertext);
