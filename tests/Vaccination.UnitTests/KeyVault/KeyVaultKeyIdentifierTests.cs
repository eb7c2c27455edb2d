using Vaccination.Infrastructure.KeyVault;

namespace Vaccination.UnitTests.KeyVault;

public sealed class KeyVaultKeyIdentifierTests
{
    [Fact]
    public void Parse_VersionedKid_ReturnsVaultNameAndVersion()
    {
        var id = KeyVaultKeyIdentifier.Parse("https://myvault.vault.azure.net/keys/tenant-kek/0123456789abcdef0123456789abcdef");

        Assert.Equal(new Uri("https://myvault.vault.azure.net/"), id.VaultUri);
        Assert.Equal("tenant-kek", id.Name);
        Assert.Equal("0123456789abcdef0123456789abcdef", id.Version);
    }

    [Fact]
    public void Parse_VersionlessKid_HasNullVersion()
    {
        var id = KeyVaultKeyIdentifier.Parse("https://myvault.vault.azure.net/keys/tenant-kek");

        Assert.Equal("tenant-kek", id.Name);
        Assert.Null(id.Version);
    }

    [Fact]
    public void Parse_KidWithDefaultPort_IsInSameVault()
    {
        var id = KeyVaultKeyIdentifier.Parse("https://MyVault.vault.azure.net:443/keys/kek/abc123");

        Assert.True(id.IsInVault(new Uri("https://myvault.vault.azure.net/")));
        Assert.False(id.IsInVault(new Uri("https://othervault.vault.azure.net/")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a uri")]
    [InlineData("http://myvault.vault.azure.net/keys/kek/abc123")]
    [InlineData("https://myvault.vault.azure.net/secrets/kek/abc123")]
    [InlineData("https://myvault.vault.azure.net/keys/")]
    [InlineData("https://myvault.vault.azure.net/keys/kek/abc123/wrapkey")]
    [InlineData("https://myvault.vault.azure.net/keys/kek/abc123?api-version=7.5")]
    [InlineData("https://myvault.vault.azure.net/keys/k%2Fek/abc123")]
    [InlineData("https://myvault.vault.azure.net/keys/kek/abc-123")]
    public void TryParse_NotAKeyVaultKeyId_ReturnsFalse(string? value)
    {
        var parsed = KeyVaultKeyIdentifier.TryParse(value, out var id);

        Assert.False(parsed);
        Assert.Null(id);
    }

    [Fact]
    public void Parse_NotAKeyVaultKeyId_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => KeyVaultKeyIdentifier.Parse("https://myvault.vault.azure.net/secrets/kek"));
    }
}
