using Vaccination.Application.Exchange;
using Vaccination.Domain.Exchange;

namespace Vaccination.UnitTests.Exchange;

public sealed class ExchangeValuesTests
{
    [Theory]
    [InlineData("mynumber-act-19-16", true)]
    [InlineData("mynumber-act-19-8-t2-16-2", false)]
    [InlineData("mynumber-act-19-8-t2-16-3", false)]
    public void LegalBasesTryCreate_AllowListedBasis_ReturnsItWithItsConsentRule(string code, bool requiresConsent)
    {
        var basis = LegalBases.TryCreate(code);

        Assert.True(basis.IsSuccess);
        Assert.Equal(requiresConsent, basis.Value.RequiresConsent);
    }

    [Theory]
    [InlineData("tax-investigation")]
    [InlineData("MYNUMBER-ACT-19-16")]
    [InlineData("")]
    [InlineData(null)]
    public void LegalBasesTryCreate_AnythingElse_IsRefused(string? code)
    {
        var basis = LegalBases.TryCreate(code);

        Assert.Equal("legal_basis.not_allowed", Assert.Single(basis.Errors).Code);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789abcdef0123456789abcdef-00042", true)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", false)]
    [InlineData("0123456789abcdef0123456789abcde", false)]
    [InlineData("0123456789abcdef0123456789abcdef-0004x", false)]
    public void InquiryIdTryCreate_Format_IsChecked(string value, bool valid)
    {
        Assert.Equal(valid, InquiryId.TryCreate(value).IsSuccess);
    }

    [Fact]
    public void CodecParse_SerializedMessage_RoundTrips()
    {
        var message = ExchangeFixture.Inquiry() with { FailureReason = "x", RetryHint = "retry" };

        var parsed = ExchangeMessageCodec.Parse(ExchangeMessageCodec.Serialize(message));

        Assert.Equal(message, parsed.Value);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"messageId\":\"0123456789abcdef0123456789abcdef\",\"inquiryId\":\"0123456789abcdef0123456789abcdef\",\"sender\":\"011002\",\"recipient\":\"012041\",\"legalBasis\":\"b\"}")]
    [InlineData("{\"messageId\":\"0123456789abcdef0123456789abcdef\",\"inquiryId\":\"0123456789abcdef0123456789abcdef\",\"sender\":\"011003\",\"recipient\":\"012041\",\"type\":\"inquiry\",\"legalBasis\":\"b\"}")]
    [InlineData("{\"messageId\":\"m\",\"inquiryId\":\"0123456789abcdef0123456789abcdef\",\"sender\":\"011002\",\"recipient\":\"012041\",\"type\":\"inquiry\",\"legalBasis\":\"b\"}")]
    public void CodecParse_NotAWellFormedEnvelope_IsRefused(string body)
    {
        Assert.Equal("exchange.malformed_message", Assert.Single(ExchangeMessageCodec.Parse(body).Errors).Code);
    }

    [Fact]
    public void BulkCsvParse_HeaderAndLines_ReadsEveryLine()
    {
        var csv = BulkInquiryCsv.Header + "\r\nA-1,123456789018,012041,mynumber-act-19-16,C-1\r\nA-2,123456789018,012041,mynumber-act-19-8-t2-16-3,\r\n";

        var lines = BulkInquiryCsv.Parse(csv);

        Assert.Equal(2, lines.Value.Count);
        Assert.Equal("A-2", lines.Value[1].SubjectId);
        Assert.Equal(string.Empty, lines.Value[1].ConsentReference);
    }

    [Theory]
    [InlineData("subjectId,myNumber\nA-1,1")]
    [InlineData("subjectId,myNumber,formerMunicipality,legalBasis,consentReference\n")]
    [InlineData("subjectId,myNumber,formerMunicipality,legalBasis,consentReference\nA-1,\"1\",012041,b,c")]
    [InlineData("subjectId,myNumber,formerMunicipality,legalBasis,consentReference\nA-1,1,012041")]
    public void BulkCsvParse_BadFile_IsRefused(string csv)
    {
        Assert.False(BulkInquiryCsv.Parse(csv).IsSuccess);
    }
}
