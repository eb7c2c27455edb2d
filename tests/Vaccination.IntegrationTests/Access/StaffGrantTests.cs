using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;
using static Vaccination.IntegrationTests.Environment.TestData;

namespace Vaccination.IntegrationTests.Access;

/// <summary>
/// Staff grants through the shared self-host: a municipal-staff token reaches personal data only while an
/// administrator of its own municipality has granted its actor the role; grants and revocations are recorded.
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class StaffGrantTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private ApiClient _api = null!;
    private string _admin = null!;

    public async Task InitializeAsync()
    {
        _api = new ApiClient(await environment.GetSelfHostAsync());
        _admin = await _api.UngrantedTokenAsync("municipal-admin", "012041", "grant-admin");
        var (status, _) = await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/GRANT-1", await _api.TokenAsync("municipal-staff", "012041"), Registration());
        Assert.True(status is 200 or 409, $"registration answered {status}");
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task GetSubject_StaffWithoutGrant_IsForbiddenWithoutData()
    {
        var token = await _api.UngrantedTokenAsync("municipal-staff", "012041", "never-granted");

        var (status, body) = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/GRANT-1", token);

        Assert.Equal(403, status);
        Assert.Equal("forbidden", body.GetProperty("code").GetString());
        Assert.DoesNotContain(Name, body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrantThenRevoke_StaffGainsThenLosesAccessAtOnce_AndBothAreRecorded()
    {
        var token = await _api.UngrantedTokenAsync("municipal-staff", "012041", "grant-cycle");

        var before = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/GRANT-1", token);
        var (grantStatus, grant) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/staff-grants/grant-cycle", _admin);
        var granted = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/GRANT-1", token);
        var (revokeStatus, revoked) = await _api.SendAsync(HttpMethod.Delete, "api/municipalities/012041/staff-grants/grant-cycle", _admin);
        var after = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/GRANT-1", token);
        var (_, list) = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/staff-grants", _admin);

        Assert.Equal(403, before.Status);
        Assert.Equal(200, grantStatus);
        Assert.True(grant.GetProperty("active").GetBoolean());
        Assert.Equal("grant-admin", grant.GetProperty("grantedBy").GetString());
        Assert.Equal(200, granted.Status);
        Assert.Equal(200, revokeStatus);
        Assert.Equal("grant-admin", revoked.GetProperty("revokedBy").GetString());
        Assert.Equal(403, after.Status);
        var listed = list.EnumerateArray().Single(g => g.GetProperty("actorId").GetString() == "grant-cycle");
        Assert.False(listed.GetProperty("active").GetBoolean());
        Assert.Equal("municipal-staff", listed.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Grant_ByOtherTenantsAdmin_IsNotFound_AndGrantsNothing()
    {
        var otherAdmin = await _api.UngrantedTokenAsync("municipal-admin", "011002", "other-admin");
        var token = await _api.UngrantedTokenAsync("municipal-staff", "012041", "cross-granted");

        var (status, _) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/staff-grants/cross-granted", otherAdmin);
        var read = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/GRANT-1", token);

        Assert.Equal(404, status);
        Assert.Equal(403, read.Status);
    }

    [Fact]
    public async Task Grant_InOwnTenant_DoesNotReachAnotherTenant()
    {
        await _api.GrantStaffAsync("011002", "sapporo-only");
        var token = await _api.UngrantedTokenAsync("municipal-staff", "012041", "sapporo-only");

        var (status, _) = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/GRANT-1", token);

        Assert.Equal(403, status);
    }

    [Theory]
    [InlineData("municipal-staff")]
    [InlineData("vaccination-site")]
    [InlineData("vrs")]
    public async Task Grant_ByNonAdministrator_IsForbidden(string role)
    {
        var token = await _api.TokenAsync(role, "012041");

        var (status, _) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/staff-grants/self-granted", token);

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task Grant_InvalidActorId_IsValidationProblem()
    {
        var (status, body) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/staff-grants/bad%23actor", _admin);

        Assert.Equal(400, status);
        Assert.Equal("actor_id.format", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Revoke_NoActiveGrant_IsNotFound()
    {
        var (status, _) = await _api.SendAsync(HttpMethod.Delete, "api/municipalities/012041/staff-grants/nobody-granted", _admin);

        Assert.Equal(404, status);
    }

    private static object Registration() => new
    {
        myNumber = MyNumberFor(7001),
        name = Name,
        birthDate = "1975-03-14",
        sex = "Female",
        tickets = new[] { "0123456789" },
    };
}
