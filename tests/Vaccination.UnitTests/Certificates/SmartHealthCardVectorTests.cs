using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Vaccination.Application.Certificates.SmartHealthCards;
using Vaccination.Application.Keys;
using Vaccination.Infrastructure.Keys;

namespace Vaccination.UnitTests.Certificates;

/// <summary>The SMART Health Card specification's own example vectors, reproduced.</summary>
public sealed class SmartHealthCardVectorTests
{
    [Fact]
    public void Encode_Example00Jws_EqualsExample00NumericQrContent()
    {
        var numeric = SmartHealthCardNumeric.Encode(TestVectors.Text("example-00-d-jws.txt"));

        Assert.Equal(TestVectors.Text("example-00-f-qr-code-numeric-value-0.txt"), numeric);
    }

    [Fact]
    public void Decode_Example00NumericQrContent_GivesBackTheJws()
    {
        var jws = SmartHealthCardNumeric.Decode(TestVectors.Text("example-00-f-qr-code-numeric-value-0.txt"));

        Assert.Equal(TestVectors.Text("example-00-d-jws.txt"), jws);
    }

    [Fact]
    public void Decompress_Example00JwsPayload_EqualsExample00MinifiedPayload()
    {
        var payload = TestVectors.Text("example-00-d-jws.txt").Split('.')[1];

        var inflated = RawDeflate.Decompress(Base64Url.DecodeFromChars(payload));

        Assert.Equal(TestVectors.Text("example-00-c-jws-payload-minified.json"), Encoding.UTF8.GetString(inflated));
    }

    [Fact]
    public void ComputeForEcP256_ExampleIssuerKey_EqualsItsKidAndTheExample00Header()
    {
        var key = ExampleKeys()[0];
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(TestVectors.Text("example-00-d-jws.txt").Split('.')[0])).RootElement;

        Assert.Equal("3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s", JwkThumbprint.ComputeForEcP256(key.X, key.Y));
        Assert.Equal(key.KeyId, header.GetProperty("kid").GetString());
        Assert.Equal("DEF", header.GetProperty("zip").GetString());
    }

    [Fact]
    public void Verify_Example00Jws_WithExampleJwks_Succeeds_AndFailsWhenTampered()
    {
        var jws = TestVectors.Text("example-00-d-jws.txt");
        var parts = jws.Split('.');
        var tampered = $"{parts[0]}.{parts[1][..^2]}AA.{parts[2]}";

        Assert.NotNull(CompactJws.Verify(jws, ExampleKeys()));
        Assert.Null(CompactJws.Verify(tampered, ExampleKeys()));
    }

    private static List<EcPublicKey> ExampleKeys()
    {
        using var jwks = JsonDocument.Parse(TestVectors.Bytes("example-issuer-jwks.json"));
        return jwks.RootElement.GetProperty("keys").EnumerateArray()
            .Where(k => k.GetProperty("kty").GetString() == "EC")
            .Select(k => new EcPublicKey(
                k.GetProperty("kid").GetString()!,
                Base64Url.DecodeFromChars(k.GetProperty("x").GetString()),
                Base64Url.DecodeFromChars(k.GetProperty("y").GetString())))
            .ToList();
    }
}
