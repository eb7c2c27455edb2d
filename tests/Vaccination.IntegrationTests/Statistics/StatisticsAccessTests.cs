using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;

namespace Vaccination.IntegrationTests.Statistics;

/// <summary>Who may read and recompute statistics, on the shared self-host (no data is needed to be refused).</summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class StatisticsAccessTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private const string Query = "api/statistics/doses?from=2021-06-01&to=2021-06-30";
    private ApiClient _api = null!;

    public async Task InitializeAsync() => _api = new ApiClient(await environment.GetSelfHostAsync());

    public Task DisposeAsync()
    {
        _api.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("municipal-staff")]
    [InlineData("municipal-admin")]
    [InlineData("vaccination-site")]
    [InlineData("certificate-channel")]
    [InlineData("vrs")]
    public async Task MunicipalRoles_CannotReadStatistics(string role)
    {
        var token = await _api.TokenAsync(role, "012041");

        var (status, _) = await _api.SendAsync(HttpMethod.Get, Query, token);

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task Refresh_ByStaff_IsForbidden_ByOtherTenantsAdmin_IsNotFound()
    {
        var staff = await _api.TokenAsync("municipal-staff", "012041");
        var otherAdmin = await _api.UngrantedTokenAsync("municipal-admin", "011002", "other-admin");

        var asStaff = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/statistics/refresh", staff);
        var asOther = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/statistics/refresh", otherAdmin);

        Assert.Equal(403, asStaff.Status);
        Assert.Equal(404, asOther.Status);
    }

    [Fact]
    public async Task Query_PrefectureTokenWithoutPrefecture_IsForbidden()
    {
        var token = await _api.UngrantedTokenAsync("prefecture", null, "pref-nameless");

        var (status, body) = await _api.SendAsync(HttpMethod.Get, Query, token);

        Assert.Equal(403, status);
        Assert.Equal("prefecture.claim_required", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Query_RangeLongerThanAYear_IsValidationProblem()
    {
        var token = await _api.UngrantedTokenAsync("national", null, "mhlw");

        var (status, body) = await _api.SendAsync(HttpMethod.Get, "api/statistics/doses?from=2021-01-01&to=2022-06-30", token);

        Assert.Equal(400, status);
        Assert.Equal("range.invalid", body.GetProperty("code").GetString());
    }
}
