using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;
using static Vaccination.IntegrationTests.Exchange.ExchangeApi;

namespace Vaccination.IntegrationTests.Exchange;

/// <summary>Bulk inquiry on the self-host: a CSV of movers, a job id, progress and a result file without My Numbers.</summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class ExchangeBulkTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private ApiClient _client = null!;
    private ExchangeApi _api = null!;

    public async Task InitializeAsync()
    {
        _client = new ApiClient(await environment.GetSelfHostAsync());
        _api = new ExchangeApi(_client);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BulkInquiry_ThreeMovers_FinishesWithResultFileWithoutMyNumbers()
    {
        var known = TestData.MyNumberFor(Random.Shared.Next(10_000_000, 99_999_999));
        var unknown = TestData.MyNumberFor(Random.Shared.Next(10_000_000, 99_999_999));
        var atB = Unique("B-");
        var movers = new[] { Unique("A-"), Unique("A-"), Unique("A-") };
        await _api.RegisterAsync(Asahikawa, atB, known);
        await _api.RecordDosesAsync(Asahikawa, atB, 2);
        foreach (var mover in movers)
        {
            await _api.RegisterAsync(Sapporo, mover, null);
        }

        var csv = "subjectId,myNumber,formerMunicipality,legalBasis,consentReference\n"
            + $"{movers[0]},{known},{Asahikawa},mynumber-act-19-16,C-1\n"
            + $"{movers[1]},{unknown},{Asahikawa},mynumber-act-19-8-t2-16-3,\n"
            + $"{movers[2]},{known},{Asahikawa},mynumber-act-19-8-t2-16-3,\n";
        var (status, accepted) = await PostCsvAsync(csv);
        var jobPath = accepted.GetProperty("location").GetString()!.TrimStart('/');
        var progress = await WaitForJobAsync(jobPath);
        var token = await _client.TokenAsync(StaffRole, Sapporo);
        using var http = new HttpClient { BaseAddress = (await environment.GetSelfHostAsync()).BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, jobPath + "/result");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var result = await response.Content.ReadAsStringAsync();

        Assert.Equal(202, status);
        Assert.Equal(3, accepted.GetProperty("total").GetInt32());
        Assert.True(progress.GetProperty("finished").GetBoolean());
        Assert.Equal(2, progress.GetProperty("provided").GetInt32());
        Assert.Equal(1, progress.GetProperty("notFound").GetInt32());
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = result.Trim().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"2,{movers[1]},", lines[2], StringComparison.Ordinal);
        Assert.Contains(",not-found,0,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",provided,2,", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain(known, result, StringComparison.Ordinal);
        Assert.DoesNotContain(unknown, result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkInquiry_BadLines_RefusesTheWholeFileWithEveryLineError()
    {
        var mover = Unique("A-");
        await _api.RegisterAsync(Sapporo, mover, null);
        var csv = "subjectId,myNumber,formerMunicipality,legalBasis,consentReference\n"
            + $"{mover},123456789018,{Asahikawa},mynumber-act-19-8-t2-16-3,\n"
            + $"{mover},123456789019,{Asahikawa},tax-investigation,\n";

        var (status, body) = await PostCsvAsync(csv);

        Assert.Equal(400, status);
        var fields = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("line[2].myNumber", fields);
        Assert.Contains("line[2].legalBasis", fields);
        Assert.DoesNotContain(fields, f => f!.StartsWith("line[1]", StringComparison.Ordinal));
    }

    private async Task<(int Status, JsonElement Body)> PostCsvAsync(string csv)
    {
        var token = await _client.TokenAsync(StaffRole, Sapporo);
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        return await _client.SendAsync(HttpMethod.Post, $"api/municipalities/{Sapporo}/inquiry-jobs", token, content);
    }

    private async Task<JsonElement> WaitForJobAsync(string jobPath)
    {
        var token = await _client.TokenAsync(StaffRole, Sapporo);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (_, body) = await _client.SendAsync(HttpMethod.Get, jobPath, token);
            if (body.GetProperty("finished").GetBoolean() || DateTime.UtcNow > deadline)
            {
                return body;
            }

            await Task.Delay(100);
        }
    }
}
