using System.Security.Cryptography;
using Vaccination.Infrastructure.Crypto;

namespace Vaccination.UnitTests.Crypto;

public class FieldCipherTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly FieldContext Context = new("012041", "Subjects", "012041-003", "A-1", "Name");

    [Fact]
    public void Encrypt_ThenDecrypt_RoundTrips()
    {
        var stored = FieldCipher.Encrypt(Key, "p", "旭川 太郎", Context);

        Assert.Equal("旭川 太郎", FieldCipher.Decrypt(Key, stored, Context));
        Assert.StartsWith("e1.p.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("旭川", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypt_SameValueTwice_GivesDifferentCiphertexts()
    {
        Assert.NotEqual(FieldCipher.Encrypt(Key, "p", "x", Context), FieldCipher.Encrypt(Key, "p", "x", Context));
    }

    [Theory]
    [InlineData("011002", "Subjects", "012041-003", "A-1", "Name")]
    [InlineData("012041", "Doses", "012041-003", "A-1", "Name")]
    [InlineData("012041", "Subjects", "012041-004", "A-1", "Name")]
    [InlineData("012041", "Subjects", "012041-003", "A-2", "Name")]
    [InlineData("012041", "Subjects", "012041-003", "A-1", "BirthDate")]
    public void Decrypt_InAnotherTenantTableRowOrField_Fails(string tenant, string table, string partition, string row, string field)
    {
        var stored = FieldCipher.Encrypt(Key, "p", "secret", Context);

        Assert.ThrowsAny<CryptographicException>(() => FieldCipher.Decrypt(Key, stored, new FieldContext(tenant, table, partition, row, field)));
    }

    [Fact]
    public void Decrypt_WithAnotherKey_Fails()
    {
        var stored = FieldCipher.Encrypt(Key, "p", "secret", Context);

        Assert.ThrowsAny<CryptographicException>(() => FieldCipher.Decrypt(RandomNumberGenerator.GetBytes(32), stored, Context));
    }

    [Fact]
    public void Decrypt_KeyReferenceChanged_Fails()
    {
        var stored = FieldCipher.Encrypt(Key, "p", "secret", Context);

        Assert.ThrowsAny<CryptographicException>(() => FieldCipher.Decrypt(Key, "e1.t1." + stored.Split('.', 3)[2], Context));
    }

    [Fact]
    public void Decrypt_OneBitFlipped_Fails()
    {
        var stored = FieldCipher.Encrypt(Key, "p", "secret", Context);
        var bytes = Convert.FromBase64String(stored.Split('.', 3)[2]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => FieldCipher.Decrypt(Key, "e1.p." + Convert.ToBase64String(bytes), Context));
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("e2.p.AAAA")]
    [InlineData("e1.p.AAAA")]
    public void Decrypt_NotAnEncryptedValue_Fails(string stored)
    {
        Assert.ThrowsAny<CryptographicException>(() => FieldCipher.Decrypt(Key, stored, Context));
    }
}
