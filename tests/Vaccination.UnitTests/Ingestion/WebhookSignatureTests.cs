using System.Text;
using Vaccination.Application.Ingestion;

namespace Vaccination.UnitTests.Ingestion;

public class WebhookSignatureTests
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"eventId\":\"e-1\"}");
    private static readonly DateTimeOffset Now = new(2024, 11, 30, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_SignedNow_Succeeds()
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = WebhookSignature.Verify(Secret, new WebhookDelivery(timestamp, WebhookSignature.Sign(Secret, timestamp, Body), Body), Now);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Verify_OneOfSeveralSignaturesMatches_Succeeds()
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var header = "v1=" + new string('a', 64) + ", " + WebhookSignature.Sign(Secret, timestamp, Body);

        Assert.True(WebhookSignature.Verify(Secret, new WebhookDelivery(timestamp, header, Body), Now).IsSuccess);
    }

    [Theory]
    [InlineData(-301, "webhook.timestamp_out_of_range")]
    [InlineData(301, "webhook.timestamp_out_of_range")]
    [InlineData(-299, null)]
    [InlineData(299, null)]
    public void Verify_TimestampOffset_RefusedBeyondFiveMinutes(int offsetSeconds, string? code)
    {
        var timestamp = Now.AddSeconds(offsetSeconds).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = WebhookSignature.Verify(Secret, new WebhookDelivery(timestamp, WebhookSignature.Sign(Secret, timestamp, Body), Body), Now);

        Assert.Equal(code, result.IsSuccess ? null : result.Errors[0].Code);
    }

    [Theory]
    [InlineData(null, "v1=00", "webhook.signature_missing")]
    [InlineData("1732935600", null, "webhook.signature_missing")]
    [InlineData("yesterday", "v1=00", "webhook.timestamp_invalid")]
    [InlineData("1732935600", "v1=zz", "webhook.signature_invalid")]
    [InlineData("1732935600", "sha256=00", "webhook.signature_invalid")]
    public void Verify_MalformedHeaders_Refused(string? timestamp, string? signature, string code)
    {
        var result = WebhookSignature.Verify(Secret, new WebhookDelivery(timestamp, signature, Body), Now);

        Assert.Equal(code, Assert.Single(result.Errors).Code);
        Assert.Equal(Vaccination.Domain.Results.ErrorKind.Unauthorized, result.Errors[0].Kind);
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_Refused()
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = WebhookSignature.Sign(Secret, timestamp, Body);
        var tampered = Encoding.UTF8.GetBytes("{\"eventId\":\"e-2\"}");

        var result = WebhookSignature.Verify(Secret, new WebhookDelivery(timestamp, signature, tampered), Now);

        Assert.Equal("webhook.signature_invalid", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Verify_OtherSecret_Refused()
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = WebhookSignature.Sign(Encoding.ASCII.GetBytes("another secret of thirty-two b.."), timestamp, Body);

        Assert.False(WebhookSignature.Verify(Secret, new WebhookDelivery(timestamp, signature, Body), Now).IsSuccess);
    }
}
