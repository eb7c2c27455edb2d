using System.Text.Json;
using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.Exchange;
using Vaccination.IntegrationTests.SelfHost;
using static Vaccination.IntegrationTests.Environment.TestData;

namespace Vaccination.IntegrationTests.Individuals;

/// <summary>
/// Individuals' requests (S21) through the shared self-host: disclosure of everything held, an audited correction,
/// and suspension of use, which certificate issuance obeys until it is lifted.
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class IndividualRequestTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private const string Address = "北海道旭川市開示町1丁目2番3号";
    private ApiClient _api = null!;
    private string _staff = null!;

    public async Task InitializeAsync()
    {
        _api = new ApiClient(await environment.GetSelfHostAsync());
        _staff = await _api.TokenAsync("municipal-staff", "012041", "s21-staff");
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Disclosure_ReturnsRecordDosesFlagsAndAccessLog_WithoutMyNumber()
    {
        await RegisterAsync("S21-D", 8101);
        await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/S21-D", _staff);

        var (status, body) = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/S21-D/disclosure", _staff);

        Assert.Equal(200, status);
        var subject = body.GetProperty("subject");
        Assert.Equal(Name, subject.GetProperty("name").GetString());
        Assert.True(subject.GetProperty("hasMyNumber").GetBoolean());
        Assert.Equal("FA5765", subject.GetProperty("doses")[0].GetProperty("lotNumber").GetString());
        var sections = body.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Contains("provisionRecords", sections.Keys);
        var accessLog = sections["accessLog"].GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(accessLog, e => e.GetProperty("action").GetString() == "GET municipalities/{municipalityCode}/subjects/{subjectId}"
            && e.GetProperty("actorId").GetString() == "s21-staff");
        Assert.DoesNotContain(MyNumberFor(8101), body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disclosure_ListsTheIssuedCertificatesAndTheDataQualityFindings()
    {
        await RegisterAsync("S21-K", 8109);
        await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/subjects/S21-K/doses", _staff, new
        {
            doseNumber = 2, date = "2021-06-05", manufacturer = "Pfizer", product = "Comirnaty", lotNumber = "FA5765", siteName = "Asahikawa Central Clinic",
        });
        var channel = await _api.TokenAsync("certificate-channel", "012041");
        var (issuedStatus, issued) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/certificates", channel,
            new { channel = "app", kind = "domestic", card = TestCardIssuer.Shared.Card(MyNumberFor(8109), Name, Address, "1975-03-14") });

        var (status, body) = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/S21-K/disclosure", _staff);

        Assert.Equal((200, 200), (issuedStatus, status));
        var sections = body.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("items"));
        var certificate = Assert.Single(sections["issuedCertificates"].EnumerateArray());
        Assert.Equal(issued.GetProperty("certificateId").GetString(), certificate.GetProperty("certificateId").GetString());
        Assert.Equal("domestic", certificate.GetProperty("kind").GetString());
        var finding = Assert.Single(sections["dataQuality"].EnumerateArray());
        Assert.Equal(("dose.interval_short", 2), (finding.GetProperty("code").GetString(), finding.GetProperty("doseNumber").GetInt32()));
        Assert.DoesNotContain(MyNumberFor(8109), body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disclosure_OtherTenantsStaff_IsNotFoundLikeNothingHeld()
    {
        await RegisterAsync("S21-X", 8102);
        var other = await _api.TokenAsync("municipal-staff", "011002", "s21-other");

        var existing = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/S21-X/disclosure", other);
        var missing = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/S21-NONE/disclosure", other);

        Assert.Equal(404, existing.Status);
        Assert.Equal(WithoutTraceId(missing.Body), WithoutTraceId(existing.Body));
    }

    [Fact]
    public async Task Correction_ChangesTheRecord_AndIsInTheAuditTrail()
    {
        var version = await RegisterAsync("S21-C", 8103);
        var admin = await _api.UngrantedTokenAsync("municipal-admin", "012041", "s21-admin");

        var (status, body) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/subjects/S21-C/correction", _staff,
            new { name = "旭川 訂正子", birthDate = "1975-03-15", version });
        var (_, audit) = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/audit-entries?subjectId=S21-C", admin);

        Assert.Equal(200, status);
        Assert.Equal("旭川 訂正子", body.GetProperty("name").GetString());
        Assert.Equal("1975-03-15", body.GetProperty("birthDate").GetString());
        Assert.True(body.GetProperty("hasMyNumber").GetBoolean());
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "POST municipalities/{municipalityCode}/subjects/{subjectId}/correction"
            && e.GetProperty("outcome").GetString() == "succeeded" && e.GetProperty("actorId").GetString() == "s21-staff");
    }

    [Fact]
    public async Task Correction_CarryingAMyNumber_IsRefusedAndChangesNothing()
    {
        var version = await RegisterAsync("S21-M", 8104);

        var (status, body) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/subjects/S21-M/correction", _staff,
            new { name = "別名", myNumber = MyNumberFor(8199), version });
        var (_, after) = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/S21-M", _staff);

        Assert.Equal(400, status);
        Assert.Equal("request.malformed_json", body.GetProperty("code").GetString());
        Assert.Equal(Name, after.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Correction_StaleVersion_IsConflict()
    {
        var version = await RegisterAsync("S21-V", 8105);
        await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/subjects/S21-V/correction", _staff, new { name = "一回目", version });

        var (status, _) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/subjects/S21-V/correction", _staff, new { name = "二回目", version });

        Assert.Equal(409, status);
    }

    [Fact]
    public async Task Suspension_BlocksCertificatesUntilLifted()
    {
        await RegisterAsync("S21-S", 8106);
        var channel = await _api.TokenAsync("certificate-channel", "012041");
        var application = new { channel = "app", kind = "domestic", card = TestCardIssuer.Shared.Card(MyNumberFor(8106), Name, Address, "1975-03-14") };

        var (suspendStatus, suspended) = await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/S21-S/suspension", _staff);
        var (refusedStatus, refused) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/certificates", channel, application);
        var (liftStatus, lifted) = await _api.SendAsync(HttpMethod.Delete, "api/municipalities/012041/subjects/S21-S/suspension", _staff);
        var (issuedStatus, _) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/certificates", channel, application);

        Assert.Equal(200, suspendStatus);
        Assert.True(suspended.GetProperty("flags").GetProperty("suspended").GetBoolean());
        Assert.Equal(403, refusedStatus);
        Assert.Equal("certificate.suspended", refused.GetProperty("code").GetString());
        Assert.Equal(200, liftStatus);
        Assert.False(lifted.GetProperty("flags").GetProperty("suspended").GetBoolean());
        Assert.Equal(200, issuedStatus);
    }

    [Fact]
    public async Task Suspension_RefusesProvisionToANewMunicipalityUntilLifted()
    {
        var exchange = new ExchangeApi(_api);
        var myNumber = MyNumberFor(8108);
        await RegisterAsync("S21-P", 8108);
        await exchange.RegisterAsync(ExchangeApi.Sapporo, "S21-P-NEW", null);
        await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/S21-P/suspension", _staff);

        var (suspendedStatus, suspended) = await exchange.InquireAsync("S21-P-NEW", myNumber);
        var whileSuspended = await exchange.WaitForInquiryAsync(suspended.GetProperty("id").GetString()!);
        await _api.SendAsync(HttpMethod.Delete, "api/municipalities/012041/subjects/S21-P/suspension", _staff);
        var (_, lifted) = await exchange.InquireAsync("S21-P-NEW", myNumber);
        var afterLifting = await exchange.WaitForInquiryAsync(lifted.GetProperty("id").GetString()!);

        Assert.Equal(202, suspendedStatus);
        Assert.Equal("refused", whileSuspended.GetProperty("status").GetString());
        Assert.Equal("provided", afterLifting.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Suspension_VaccinationSiteRole_IsForbidden()
    {
        await RegisterAsync("S21-R", 8107);
        var site = await _api.TokenAsync("vaccination-site", "012041");

        var (status, _) = await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/S21-R/suspension", site);

        Assert.Equal(403, status);
    }

    private static string WithoutTraceId(JsonElement problem) =>
        JsonSerializer.Serialize(problem.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value));

    /// <summary>Registers the person with one dose (or finds them from an earlier run of the shared host); returns the version.</summary>
    private async Task<string> RegisterAsync(string subjectId, int index)
    {
        var path = $"api/municipalities/012041/subjects/{subjectId}";
        await _api.SendAsync(HttpMethod.Put, path, _staff, new
        {
            myNumber = MyNumberFor(index),
            name = Name,
            birthDate = "1975-03-14",
            sex = "Female",
            tickets = new[] { index.ToString("D10", System.Globalization.CultureInfo.InvariantCulture) },
        });
        var (_, body) = await _api.SendAsync(HttpMethod.Post, path + "/doses", _staff, new
        {
            doseNumber = 1,
            date = "2021-06-01",
            manufacturer = "Pfizer",
            product = "Comirnaty",
            vaccineType = "mRNA",
            lotNumber = "FA5765",
            siteName = "Asahikawa Central Clinic",
        });
        return body.GetProperty("version").GetString()!;
    }
}
