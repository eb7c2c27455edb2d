namespace Vaccination.Infrastructure.Crypto;

/// <summary>Encrypts and decrypts the personal fields of one stored row under the person's key.</summary>
public readonly struct PersonFieldProtector(byte[] personKey, string tenant, string table, string partitionKey, string rowKey)
{
    /// <summary>The key reference written into every value protected by a person key.</summary>
    public const string KeyReference = "p";

    public string Protect(string field, string plaintext) =>
        FieldCipher.Encrypt(personKey, KeyReference, plaintext, Context(field));

    public string? ProtectOptional(string field, string? plaintext) =>
        plaintext is null ? null : Protect(field, plaintext);

    public string Unprotect(string field, string stored) =>
        FieldCipher.Decrypt(personKey, stored, Context(field));

    public string? UnprotectOptional(string field, string? stored) =>
        stored is null ? null : Unprotect(field, stored);

    private FieldContext Context(string field) => new(tenant, table, partitionKey, rowKey, field);
}
