using Vaccination.Infrastructure.Certificates;

namespace Vaccination.UnitTests.Certificates;

public sealed class CertificateIssuerUrlTests
{
    [Theory]
    [InlineData("https://vaccination.example.jp/api", true)]
    [InlineData("http://127.0.0.1:7071/api", false)]
    [InlineData("https://vaccination.example.jp/tenants/api", true)]
    public void Problem_IssuerThatIsTheJwksPrefix_IsAccepted(string issuer, bool production)
    {
        Assert.Null(CertificateIssuerUrl.Problem(issuer, production));
    }

    [Theory]
    [InlineData("https://vaccination.example.jp/api/", false)]
    [InlineData("https://vaccination.example.jp", false)]
    [InlineData("https://vaccination.example.jp/api?x=1", false)]
    [InlineData("http://vaccination.example.jp/api", false)]
    [InlineData("http://127.0.0.1:7071/api", true)]
    [InlineData("api", false)]
    public void Problem_IssuerThatCannotBeTheJwksPrefix_IsRefused(string issuer, bool production)
    {
        Assert.NotNull(CertificateIssuerUrl.Problem(issuer, production));
    }
}
