using System.Buffers.Text;
using Vaccination.Infrastructure.Keys;

namespace Vaccination.UnitTests.Keys;

public sealed class JwkThumbprintTests
{
    // The SMART Health Cards specification's example issuer keys (spec examples' .well-known/jwks.json). Their kids
    // are the ones in the JWS headers of example-00-d-jws.txt ({"zip":"DEF","alg":"ES256","kid":"3Kfdg-..."}) and
    // example-01-d-jws.txt (kid "EBKOr72..."), and SMART Health Cards require kid = RFC 7638 thumbprint.
    [Theory]
    [InlineData("11XvRWy1I2S0EyJlyf_bWfw_TQ5CJJNLw78bHXNxcgw", "eZXwxvO1hvCY0KucrPfKo7yAyMT6Ajc3N7OkAB6VYy8", "3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s")]
    [InlineData("PQHApUWm94mflvswQgAnfHlETMwJFqjUVSs7WU6LQy4", "7mj8IO-8V5VZjDbRVsJINC_Rq5ai5CDhFX18ceRsLWQ", "EBKOr72QQDcTBUuVzAzkfBTGew0ZA16GuWty64nS-sw")]
    public void ComputeForEcP256_ShcExampleIssuerKey_EqualsKidInExampleJwsHeader(string x, string y, string expectedKid)
    {
        var kid = JwkThumbprint.ComputeForEcP256(Base64Url.DecodeFromChars(x), Base64Url.DecodeFromChars(y));

        Assert.Equal(expectedKid, kid);
    }

    [Theory]
    [InlineData(31, 32)]
    [InlineData(32, 33)]
    [InlineData(0, 0)]
    public void ComputeForEcP256_CoordinateNot32Bytes_Throws(int xLength, int yLength)
    {
        Assert.Throws<ArgumentException>(() => JwkThumbprint.ComputeForEcP256(new byte[xLength], new byte[yLength]));
    }
}
