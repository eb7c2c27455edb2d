using System.Text.Json;
using Vaccination.Application.Ingestion;

namespace Vaccination.UnitTests.Ingestion;

public class SiteContentScreenTests
{
    [Theory]
    [InlineData("{\"myNumber\":null}")]
    [InlineData("{\"dose\":{\"my_number\":\"x\"}}")]
    [InlineData("{\"個人番号\":\"x\"}")]
    [InlineData("{\"siteName\":\"clinic 123456789018\"}")]
    [InlineData("{\"siteName\":\"1234-5678-9018\"}")]
    [InlineData("{\"notes\":[\"a\",\"1234 5678 9018\"]}")]
    [InlineData("{\"n\":123456789018}")]
    public void ContainsMyNumber_NamedOrValidNumber_True(string json) =>
        Assert.True(SiteContentScreen.ContainsMyNumber(JsonDocument.Parse(json).RootElement));

    [Theory]
    [InlineData("{\"ticketNumber\":\"0123456789\",\"dose\":{\"date\":\"2021-06-01\",\"lotNumber\":\"FA5765\"}}")]
    [InlineData("{\"siteName\":\"123456789019\"}")]
    [InlineData("{\"eventId\":\"evt-1234567890180\"}")]
    [InlineData("{\"n\":1234567890}")]
    public void ContainsMyNumber_NoMyNumber_False(string json) =>
        Assert.False(SiteContentScreen.ContainsMyNumber(JsonDocument.Parse(json).RootElement));
}
