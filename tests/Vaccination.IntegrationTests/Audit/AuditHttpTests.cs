using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;
using static Vaccination.IntegrationTests.Environment.TestData;

namespace Vaccination.IntegrationTests.Audit;

/// <summary>
/// The audit trail through the self-host, on its own process and tables (the tamper test breaks the chain on
/// purpose): every authenticated request naming a municipality is recorded with actor, role, action, person and
/// outcome; administrators query it; editing raw storage is found by the verification endpoint.
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class AuditHttpTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private SelfHostProcess _host = null!;
    private ApiClient _api = null!;
    private string _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await SelfHostProcess.StartAsync(environment.Azurite.ConnectionString, IntegrationEnvironment.UniquePrefix());
        _api = new ApiClient(_host);
        _admin = await _api.UngrantedTokenAsync("municipal-admin", "012041", "audit-admin");
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Requests_AreRecordedWithActorRolePersonAndOutcome_AndQueryableByPersonAndActor()
    {
        var staff = await _api.TokenAsync("municipal-staff", "012041", "audit-staff");
        var prober = await _api.UngrantedTokenAsync("municipal-admin", "011002", "probing-admin");
        var start = DateTimeOffset.UtcNow.AddSeconds(-5);
        await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/AUD-1", staff, Registration(MyNumberFor(5101)));
        await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/AUD-1", staff);
        await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/AUD-1", prober);
        await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/AUD-2", staff);

        var (status, byPerson) = await _api.SendAsync(HttpMethod.Get, $"api/municipalities/012041/audit-entries?subjectId=AUD-1&from={Iso(start)}", _admin);
        var (_, byActor) = await _api.SendAsync(HttpMethod.Get, $"api/municipalities/012041/audit-entries?actor=probing-admin&from={Iso(start)}", _admin);
        var (_, outOfRange) = await _api.SendAsync(HttpMethod.Get, $"api/municipalities/012041/audit-entries?subjectId=AUD-1&to={Iso(start)}", _admin);

        Assert.Equal(200, status);
        var entries = byPerson.EnumerateArray().ToList();
        Assert.Equal(
            [
                ("PUT municipalities/{municipalityCode}/subjects/{subjectId}", "audit-staff", "municipal-staff", "succeeded"),
                ("GET municipalities/{municipalityCode}/subjects/{subjectId}", "audit-staff", "municipal-staff", "succeeded"),
                ("GET municipalities/{municipalityCode}/subjects/{subjectId}", "probing-admin", "municipal-admin", "not-found"),
            ],
            entries.Select(e => (Text(e, "action"), Text(e, "actorId"), Text(e, "role"), Text(e, "outcome"))));
        Assert.All(entries, e => Assert.Equal("AUD-1", Text(e, "subjectId")));
        Assert.Equal("011002", Text(entries[2], "actorMunicipality"));
        Assert.Single(byActor.EnumerateArray());
        Assert.Empty(outOfRange.EnumerateArray());
        Assert.DoesNotContain(MyNumberFor(5101), byPerson.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Name, byPerson.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditEntries_StaffForbidden_OtherTenantsAdminNotFound()
    {
        var staff = await _api.TokenAsync("municipal-staff", "012041");
        var otherAdmin = await _api.UngrantedTokenAsync("municipal-admin", "011002", "other-admin");

        var asStaff = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/audit-entries", staff);
        var asOther = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/audit-entries", otherAdmin);
        var verifyAsOther = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/audit-verification", otherAdmin);

        Assert.Equal(403, asStaff.Status);
        Assert.Equal(404, asOther.Status);
        Assert.Equal(404, verifyAsOther.Status);
    }

    [Fact]
    public async Task Verification_AfterRawStorageEdit_NamesTheFirstBadEntry()
    {
        var staff = await _api.TokenAsync("municipal-staff", "131016", "tamper-staff");
        var admin = await _api.UngrantedTokenAsync("municipal-admin", "131016", "tamper-admin");
        for (var i = 0; i < 5; i++)
        {
            await _api.SendAsync(HttpMethod.Get, $"api/municipalities/131016/subjects/T-{i}", staff);
        }

        var (_, intact) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/131016/audit-verification", admin);
        var rows = await AuditRowsAsync("131016");
        var third = rows.Single(r => r.GetString("SubjectId") == "T-2");
        third["ActorId"] = "someone-else";
        await Table().UpdateEntityAsync(third, ETag.All, TableUpdateMode.Replace);
        var (_, tampered) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/131016/audit-verification", admin);

        Assert.True(intact.GetProperty("intact").GetBoolean());
        Assert.False(tampered.GetProperty("intact").GetBoolean());
        var firstBad = tampered.GetProperty("firstBad");
        Assert.Equal(third.GetInt64("Sequence"), firstBad.GetProperty("sequence").GetInt64());
        Assert.Equal("entry-altered", Text(firstBad, "reason"));
    }

    [Fact]
    public async Task AuditRows_InRawStorage_HoldNoPersonalValue()
    {
        var staff = await _api.TokenAsync("municipal-staff", "012041");
        await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/AUD-RAW", staff, Registration(MyNumberDigits));
        await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/AUD-RAW", staff);

        var texts = RawTableScanner.Texts(await AuditRowsAsync("012041")).ToList();

        Assert.Contains(texts, t => t.Contains("AUD-RAW", StringComparison.Ordinal));
        foreach (var value in PersonalValues)
        {
            Assert.DoesNotContain(texts, t => t.Contains(value, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task CapturedLogs_AfterAuditedReadsWritesAndExports_ContainNoPersonalValue()
    {
        var staff = await _api.TokenAsync("municipal-staff", "012041", "log-staff");
        var myNumber = MyNumberFor(5301);
        var (_, registered) = await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/AUD-LOG", staff, Registration(myNumber));
        await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/AUD-LOG/disclosure", staff);
        await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/subjects/AUD-LOG/correction", staff,
            new { name = "訂正 花子", version = registered.GetProperty("version").GetString() });
        await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/AUD-LOG/suspension", staff);
        using var http = _host.CreateClient();
        using var export = new HttpRequestMessage(HttpMethod.Get, "api/municipalities/012041/vaccination-records.csv");
        export.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", staff);
        using var exported = await http.SendAsync(export);
        await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/audit-entries?subjectId=AUD-LOG", _admin);

        var logs = _host.CapturedLogs;

        Assert.Equal(200, (int)exported.StatusCode);
        Assert.Contains("/api/municipalities/012041/subjects/AUD-LOG", logs, StringComparison.Ordinal);
        foreach (var value in PersonalValues.Append(myNumber).Append("訂正 花子"))
        {
            Assert.DoesNotContain(value, logs, StringComparison.Ordinal);
        }
    }

    private TableClient Table() => new TableServiceClient(environment.Azurite.ConnectionString).GetTableClient(_host.TablePrefix + "AuditEntries");

    private async Task<List<TableEntity>> AuditRowsAsync(string tenant)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table().QueryAsync<TableEntity>(r => r.RowKey.CompareTo("e") >= 0 && r.RowKey.CompareTo("f") < 0))
        {
            if (row.PartitionKey.StartsWith(tenant + "-", StringComparison.Ordinal))
            {
                row["__table"] = "AuditEntries";
                rows.Add(row);
            }
        }

        return rows;
    }

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O", CultureInfo.InvariantCulture));

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static object Registration(string myNumber) => new
    {
        myNumber,
        name = Name,
        birthDate = "1975-03-14",
        sex = "Female",
        tickets = new[] { "0123456789" },
    };
}
