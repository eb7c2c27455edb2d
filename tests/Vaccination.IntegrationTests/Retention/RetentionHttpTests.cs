using System.Text.Json;
using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;

namespace Vaccination.IntegrationTests.Retention;

/// <summary>
/// Retention through the self-host over HTTP, on its own self-host process and tables: the sweep proposes, only the
/// tenant's administrator decides, the queue consumer erases, and the certificate can be fetched and verified.
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class RetentionHttpTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private SelfHostProcess _host = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _host = await SelfHostProcess.StartAsync(environment.Azurite.ConnectionString, IntegrationEnvironment.UniquePrefix());
        _api = new ApiClient(_host);
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SweepProposalApprovalErasureAndCertificate_ThroughHttp()
    {
        // Sapporo keeps records 5 years: a dose on 2021-06-01 expired on 2026-06-01.
        var staff = await _api.TokenAsync("municipal-staff", "011002");
        var admin = await _api.TokenAsync("municipal-admin", "011002");
        var otherAdmin = await _api.TokenAsync("municipal-admin", "012041");
        var registered = await _api.SendAsync(HttpMethod.Put, "api/municipalities/011002/subjects/RET-1", staff, Registration());
        var dosed = await _api.SendAsync(HttpMethod.Post, "api/municipalities/011002/subjects/RET-1/doses", staff, Dose());
        Assert.Equal((200, 200), (registered.Status, dosed.Status));

        var staffSweep = await _api.SendAsync(HttpMethod.Post, "api/municipalities/011002/retention-sweeps", staff);
        var (sweepStatus, sweep) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/011002/retention-sweeps", admin);
        var runId = sweep.GetProperty("runId").GetString()!;
        var proposal = await WaitForAsync($"api/municipalities/011002/erasure-proposals/{runId}", admin, p => p.GetProperty("proposal").GetProperty("status").GetString() == "Pending");

        var asOtherTenant = await _api.SendAsync(HttpMethod.Post, $"api/municipalities/012041/erasure-proposals/{runId}/decision", otherAdmin, new { approve = true });
        var viaOwnersRoute = await _api.SendAsync(HttpMethod.Post, $"api/municipalities/011002/erasure-proposals/{runId}/decision", otherAdmin, new { approve = true });
        var asStaff = await _api.SendAsync(HttpMethod.Post, $"api/municipalities/011002/erasure-proposals/{runId}/decision", staff, new { approve = true });
        var stillThere = await _api.SendAsync(HttpMethod.Get, "api/municipalities/011002/subjects/RET-1", staff);
        var (decisionStatus, _) = await _api.SendAsync(HttpMethod.Post, $"api/municipalities/011002/erasure-proposals/{runId}/decision", admin, new { approve = true, reason = "retention ended" });
        var executed = await WaitForAsync($"api/municipalities/011002/erasure-proposals/{runId}", admin, p => p.GetProperty("proposal").GetProperty("status").GetString() == "Executed");
        var certificateId = executed.GetProperty("proposal").GetProperty("certificateId").GetString();
        var (certificateStatus, certificate) = await _api.SendAsync(HttpMethod.Get, $"api/municipalities/011002/erasure-certificates/{certificateId}", staff);
        var (otherCertificateStatus, _) = await _api.SendAsync(HttpMethod.Get, $"api/municipalities/012041/erasure-certificates/{certificateId}", otherAdmin);
        var (goneStatus, _) = await _api.SendAsync(HttpMethod.Get, "api/municipalities/011002/subjects/RET-1", staff);

        Assert.Equal(403, staffSweep.Status);
        Assert.Equal(202, sweepStatus);
        Assert.Contains("RET-1", proposal.GetProperty("subjectIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(404, asOtherTenant.Status);
        Assert.Equal(404, viaOwnersRoute.Status);
        Assert.Equal(403, asStaff.Status);
        Assert.Equal(200, stillThere.Status);
        Assert.Equal(200, decisionStatus);
        Assert.Equal(200, certificateStatus);
        Assert.True(certificate.GetProperty("signatureValid").GetBoolean());
        Assert.Equal(1, certificate.GetProperty("report").GetProperty("persons").GetInt32());
        Assert.Equal("011002", certificate.GetProperty("report").GetProperty("tenant").GetString());
        Assert.Equal(404, otherCertificateStatus);
        Assert.Equal(404, goneStatus);
    }

    private async Task<JsonElement> WaitForAsync(string path, string token, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, body) = await _api.SendAsync(HttpMethod.Get, path, token);
            if (status == 200 && done(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {path}: {status} {body}");
            await Task.Delay(200);
        }
    }

    private static object Registration() => new
    {
        myNumber = TestData.MyNumberFor(9001),
        name = TestData.Name,
        birthDate = "1975-03-14",
        sex = "Female",
        tickets = new[] { "0123456789" },
    };

    private static object Dose() => new
    {
        doseNumber = 1,
        date = "2021-06-01",
        manufacturer = "Pfizer",
        product = "Comirnaty",
        vaccineType = "mRNA",
        lotNumber = "FA5765",
        siteName = "Sapporo Clinic",
    };
}
