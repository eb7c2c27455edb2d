namespace Vaccination.Infrastructure.Crypto;

/// <summary>
/// A person's data key and its public id. The id is random, says nothing about the person, and names the key in
/// certificates of deletion.
/// </summary>
public sealed record PersonKey(byte[] Key, string KeyId);
