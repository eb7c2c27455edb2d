using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Moq;
using Vaccination.Api.Audit;
using Vaccination.Api.Authentication;
using Vaccination.Application.Access;
using Vaccination.Application.Audit;
using Vaccination.Application.Callers;
using Vaccination.Domain.Access;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Keys;

namespace Vaccination.UnitTests.Authentication;

public sealed class CallerAuthenticatorTests : IDisposable
{
    private readonly string _keyFolder = Directory.CreateTempSubdirectory("auth-tests").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
    private readonly IOptions<AuthOptions> _options = Options.Create(new AuthOptions());
    private readonly DevelopmentSigningKeySource _keys;
    private readonly CallerAuthenticator _authenticator;
    private readonly DevelopmentTokenIssuer _issuer;
    private readonly Mock<IStaffGrantStore> _grants = new();
    private readonly AccessPolicy _policy;

    public CallerAuthenticatorTests()
    {
        _keys = new DevelopmentSigningKeySource(DevelopmentKeyFile.LoadOrCreate(Path.Combine(_keyFolder, "keys.json")));
        var tenants = new TenantRegistry([new Tenant(MunicipalityCode.Parse("012041"), "Asahikawa", "Hokkaido", 20, true, 16)]);
        _policy = new AccessPolicy(_grants.Object, tenants);
        var audit = new RequestAudit(new AuditTrail(Mock.Of<IAuditLog>(), _clock), tenants, NullLogger<RequestAudit>.Instance);
        _authenticator = new CallerAuthenticator(_options, _keys, _clock, _policy, audit);
        _issuer = new DevelopmentTokenIssuer(_options, _keys, _clock);
    }

    [Fact]
    public async Task AuthenticateAsync_ValidStaffToken_ReturnsCallerWithTenant()
    {
        var caller = await _authenticator.AuthenticateAsync(Request(_issuer.Issue("alice", CallerRole.MunicipalStaff, "012041")), default);

        Assert.True(caller.IsSuccess);
        Assert.Equal(new Caller("alice", CallerRole.MunicipalStaff, MunicipalityCode.Parse("012041")), caller.Value);
    }

    [Fact]
    public async Task AuthenticateAsync_StaffWithActiveGrant_CarriesTheGrant()
    {
        _grants.Setup(g => g.GetAsync(It.IsAny<Tenant>(), "carol", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StaffGrant("carol", "admin", _clock.GetUtcNow()));

        var caller = await _authenticator.AuthenticateAsync(Request(_issuer.Issue("carol", CallerRole.MunicipalStaff, "012041")), default);

        Assert.True(caller.Value.HasStaffGrant);
        Assert.True(AccessPolicy.Permits(caller.Value, [CallerRole.MunicipalStaff]));
    }

    [Fact]
    public async Task AuthenticateAsync_StaffWithRevokedGrant_IsNotPermittedAsStaff()
    {
        _grants.Setup(g => g.GetAsync(It.IsAny<Tenant>(), "dave", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StaffGrant("dave", "admin", _clock.GetUtcNow(), "admin", _clock.GetUtcNow()));

        var caller = await _authenticator.AuthenticateAsync(Request(_issuer.Issue("dave", CallerRole.MunicipalStaff, "012041")), default);

        Assert.False(caller.Value.HasStaffGrant);
        Assert.False(AccessPolicy.Permits(caller.Value, [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator]));
    }

    [Fact]
    public async Task AuthenticateAsync_Administrator_IsPermittedByTokenRoleAlone()
    {
        var caller = await _authenticator.AuthenticateAsync(Request(_issuer.Issue("erin", CallerRole.MunicipalAdministrator, "012041")), default);

        Assert.True(AccessPolicy.Permits(caller.Value, [CallerRole.MunicipalAdministrator]));
        _grants.Verify(g => g.GetAsync(It.IsAny<Tenant>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AuthenticateAsync_CertificateChannel_CarriesTheChannelOfItsToken_AndNoneWithoutTheClaim()
    {
        var kiosk = await _authenticator.AuthenticateAsync(Request(_issuer.Issue("kiosk-1", CallerRole.CertificateChannel, "012041", channel: "kiosk")), default);
        var unbound = await _authenticator.AuthenticateAsync(Request(_issuer.Issue("app-1", CallerRole.CertificateChannel, "012041")), default);

        Assert.Equal("kiosk", kiosk.Value.Channel);
        Assert.Null(unbound.Value.Channel);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredToken_IsRefused()
    {
        var token = _issuer.Issue("alice", CallerRole.MunicipalStaff, "012041", lifetime: TimeSpan.FromMinutes(5));
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal("auth.invalid_token", Assert.Single((await _authenticator.AuthenticateAsync(Request(token), default)).Errors).Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_IsRefused()
    {
        var other = new DevelopmentTokenIssuer(Options.Create(new AuthOptions { Audience = "api://other" }), _keys, _clock);

        Assert.False((await _authenticator.AuthenticateAsync(Request(other.Issue("a", CallerRole.MunicipalStaff, "012041")), default)).IsSuccess);
    }

    [Fact]
    public async Task AuthenticateAsync_SignedWithAnotherKey_IsRefused()
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Value.Issuer,
            Audience = _options.Value.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "mallory", ["role"] = "municipal-admin", ["municipality"] = "012041" },
            Expires = _clock.GetUtcNow().UtcDateTime.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256),
        });

        Assert.False((await _authenticator.AuthenticateAsync(Request(token), default)).IsSuccess);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Basic abc")]
    [InlineData("Bearer not-a-jwt")]
    public async Task AuthenticateAsync_MissingOrMalformedHeader_IsRefused(string header)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.Authorization = header;

        Assert.False((await _authenticator.AuthenticateAsync(request, default)).IsSuccess);
    }

    [Fact]
    public async Task AuthenticateAsync_MunicipalRoleWithoutMunicipality_IsRefused()
    {
        var token = _issuer.Issue("bob", CallerRole.MunicipalStaff, municipalityCode: null);

        Assert.False((await _authenticator.AuthenticateAsync(Request(token), default)).IsSuccess);
    }

    [Fact]
    public async Task AuthenticateAsync_NationalRole_HasNoTenant()
    {
        var caller = await _authenticator.AuthenticateAsync(Request(_issuer.Issue("mhlw", CallerRole.National, "012041")), default);

        Assert.Null(caller.Value.Tenant);
    }

    public void Dispose()
    {
        _policy.Dispose();
        Directory.Delete(_keyFolder, recursive: true);
    }

    private static HttpRequest Request(string token)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.Authorization = "Bearer " + token;
        return request;
    }
}
