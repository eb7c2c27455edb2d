using System.Globalization;
using System.Text.Json;
using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;
using static Vaccination.IntegrationTests.Environment.TestData;

namespace Vaccination.IntegrationTests.Statistics;

/// <summary>
/// Statistics (F9) on their own self-host, so the counts are exactly this test's: the batch job counts doses by
/// number, date and age band; prefectural callers see their prefecture, national all; cells under 10 are suppressed.
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class DoseStatisticsTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private const string Query = "api/statistics/doses?from=2021-06-01&to=2021-06-30";
    private SelfHostProcess _host = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _host = await SelfHostProcess.StartAsync(environment.Azurite.ConnectionString, IntegrationEnvironment.UniquePrefix());
        _api = new ApiClient(_host);
        var staff = await _api.TokenAsync("municipal-staff", "012041");
        for (var i = 0; i < 15; i++)
        {
            await RegisterAsync(staff, $"ST-{i}", 4000 + i, i < 12 ? "1975-03-14" : "2000-01-01");
        }

        var admin = await _api.UngrantedTokenAsync("municipal-admin", "012041", "stats-admin");
        var (status, refreshed) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/statistics/refresh", admin);
        Assert.Equal(200, status);
        Assert.Equal(15, refreshed.GetProperty("doses").GetInt64());
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task National_SeesCountsByDoseDateAndAgeBand_WithSmallCellsSuppressed()
    {
        var token = await _api.UngrantedTokenAsync("national", null, "mhlw");

        var (status, body) = await _api.SendAsync(HttpMethod.Get, Query, token);

        Assert.Equal(200, status);
        var rows = Rows(body, "012041");
        Assert.Equal(2, rows.Count);
        var forties = rows.Single(r => r.GetProperty("ageBand").GetString() == "40-49");
        Assert.Equal(12, forties.GetProperty("count").GetInt32());
        Assert.False(forties.GetProperty("suppressed").GetBoolean());
        Assert.Equal(1, forties.GetProperty("doseNumber").GetInt32());
        Assert.Equal("2021-06-01", forties.GetProperty("date").GetString());
        var twenties = rows.Single(r => r.GetProperty("ageBand").GetString() == "20-29");
        Assert.Equal(JsonValueKind.Null, twenties.GetProperty("count").ValueKind);
        Assert.True(twenties.GetProperty("suppressed").GetBoolean());
        Assert.Equal(10, body.GetProperty("minimumPublishedCount").GetInt32());
        Assert.Contains(body.GetProperty("municipalities").EnumerateArray(), m => m.GetProperty("municipality").GetString() == "131016");
        Assert.DoesNotContain("ST-", body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Name, body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prefecture_SeesOnlyItsOwnPrefecture_ByNameOrNumber_AndAnotherPrefecturesMunicipalityIsNotFound()
    {
        var byName = await _api.UngrantedTokenAsync("prefecture", null, "pref", "Hokkaido");
        var byNumber = await _api.UngrantedTokenAsync("prefecture", null, "pref", "01");
        var tokyo = await _api.UngrantedTokenAsync("prefecture", null, "pref-tokyo", "Tokyo");

        var (nameStatus, named) = await _api.SendAsync(HttpMethod.Get, Query, byName);
        var (numberStatus, numbered) = await _api.SendAsync(HttpMethod.Get, Query, byNumber);
        var (tokyoStatus, tokyoOwn) = await _api.SendAsync(HttpMethod.Get, Query, tokyo);
        var (otherStatus, other) = await _api.SendAsync(HttpMethod.Get, Query + "&municipality=012041", tokyo);

        Assert.Equal((200, 200, 200), (nameStatus, numberStatus, tokyoStatus));
        Assert.Equal(2, Rows(named, "012041").Count);
        Assert.Equal(2, Rows(numbered, "012041").Count);
        Assert.Equal(["011002", "012041"], named.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("municipality").GetString()));
        Assert.Equal(["131016"], tokyoOwn.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("municipality").GetString()));
        Assert.Empty(Rows(tokyoOwn, "012041"));
        Assert.Equal(404, otherStatus);
        Assert.False(other.TryGetProperty("rows", out _));
    }

    private static List<JsonElement> Rows(JsonElement body, string municipality) =>
        body.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("municipality").GetString() == municipality).ToList();

    private async Task RegisterAsync(string staff, string subjectId, int index, string birthDate)
    {
        var path = $"api/municipalities/012041/subjects/{subjectId}";
        var ticket = index.ToString("D10", CultureInfo.InvariantCulture);
        var (status, _) = await _api.SendAsync(HttpMethod.Put, path, staff, new
        {
            myNumber = MyNumberFor(index),
            name = Name,
            birthDate,
            sex = "Female",
            tickets = new[] { ticket },
        });
        var (doseStatus, _) = await _api.SendAsync(HttpMethod.Post, path + "/doses", staff, new
        {
            doseNumber = 1,
            date = "2021-06-01",
            manufacturer = "Pfizer",
            product = "Comirnaty",
            vaccineType = "mRNA",
            lotNumber = "FA5765",
            siteName = "Asahikawa Central Clinic",
        });
        Assert.Equal((200, 200), (status, doseStatus));
    }
}
