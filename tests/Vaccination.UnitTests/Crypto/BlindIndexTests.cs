using System.Security.Cryptography;
using Vaccination.Domain.Identifiers;
using Vaccination.Infrastructure.Crypto;

namespace Vaccination.UnitTests.Crypto;

public class BlindIndexTests
{
    private static readonly MyNumber Number = MyNumber.TryCreate("123456789018").Value;

    [Fact]
    public void ForMyNumber_SameKey_IsDeterministic()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        Assert.Equal(BlindIndex.ForMyNumber(key, Number), BlindIndex.ForMyNumber(key, Number));
    }

    [Fact]
    public void ForMyNumber_TenantsWithDifferentKeys_GetUnrelatedValues()
    {
        Assert.NotEqual(
            BlindIndex.ForMyNumber(RandomNumberGenerator.GetBytes(32), Number),
            BlindIndex.ForMyNumber(RandomNumberGenerator.GetBytes(32), Number));
    }

    [Fact]
    public void ForMyNumber_IsHmacSha256Hex_AndDoesNotContainTheNumber()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        var value = BlindIndex.ForMyNumber(key, Number);

        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(key, "my-number|123456789018"u8)), value);
        Assert.DoesNotContain("123456789018", value, StringComparison.Ordinal);
    }
}
