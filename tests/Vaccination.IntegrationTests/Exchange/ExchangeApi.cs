using System.Text.Json;
using Vaccination.IntegrationTests.SelfHost;

namespace Vaccination.IntegrationTests.Exchange;

/// <summary>Exchange calls on the self-host: register people, record doses, inquire and wait for results.</summary>
public sealed class ExchangeApi(ApiClient api)
{
    public const string Sapporo = "011002";
    public const string Asahikawa = "012041";

    /// <summary>Staff of a municipality act with the administrator role here: it needs no separate staff grant (S5).</summary>
    public const string StaffRole = "municipal-admin";

    public ApiClient Client => api;

    public async Task RegisterAsync(string municipality, string subjectId, string? myNumber, string name = Environment.TestData.Name)
    {
        var token = await api.TokenAsync(StaffRole, municipality);
        var (status, body) = await api.SendAsync(HttpMethod.Put, $"api/municipalities/{municipality}/subjects/{subjectId}", token,
            new { myNumber, name, birthDate = "1975-03-14", sex = "Female", tickets = new[] { "0123456789" } });
        Assert.True(status == 200, body.ToString());
    }

    public async Task RecordDosesAsync(string municipality, string subjectId, int count)
    {
        var token = await api.TokenAsync(StaffRole, municipality);
        for (var dose = 1; dose <= count; dose++)
        {
            var (status, body) = await api.SendAsync(HttpMethod.Post, $"api/municipalities/{municipality}/subjects/{subjectId}/doses", token, new
            {
                doseNumber = dose,
                date = new DateOnly(2021, 6, 1).AddDays(28 * (dose - 1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                manufacturer = "Pfizer",
                product = "Comirnaty",
                vaccineType = "mRNA",
                lotNumber = "FA5765",
                siteName = "Asahikawa Central Clinic",
                physicianName = "Dr. Sato",
                ticketNumber = "0123456789",
            });
            Assert.True(status == 200, body.ToString());
        }
    }

    public async Task<(int Status, JsonElement Body)> InquireAsync(
        string subjectId, string myNumber, string legalBasis = "mynumber-act-19-16", string? consentReference = "CONSENT-2026-001")
    {
        var token = await api.TokenAsync(StaffRole, Sapporo);
        return await api.SendAsync(HttpMethod.Post, $"api/municipalities/{Sapporo}/inquiries", token,
            new { subjectId, myNumber, formerMunicipality = Asahikawa, legalBasis, consentReference });
    }

    public async Task<JsonElement> GetInquiryAsync(string inquiryId)
    {
        var token = await api.TokenAsync(StaffRole, Sapporo);
        var (status, body) = await api.SendAsync(HttpMethod.Get, $"api/municipalities/{Sapporo}/inquiries/{inquiryId}", token);
        Assert.True(status == 200, body.ToString());
        return body;
    }

    /// <summary>Polls the inquiry until its status is not "awaiting" (or <paramref name="until"/> holds).</summary>
    public async Task<JsonElement> WaitForInquiryAsync(string inquiryId, Func<JsonElement, bool>? until = null, int seconds = 20)
    {
        until ??= body => body.GetProperty("status").GetString() != "awaiting";
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var body = await GetInquiryAsync(inquiryId);
            if (until(body) || DateTime.UtcNow > deadline)
            {
                return body;
            }

            await Task.Delay(100);
        }
    }

    public async Task<JsonElement> RecordsAsync(string municipality, string inquiryId)
    {
        var token = await api.TokenAsync(StaffRole, municipality);
        var (status, body) = await api.SendAsync(HttpMethod.Get, $"api/municipalities/{municipality}/exchange-records?inquiryId={inquiryId}", token);
        Assert.True(status == 200, body.ToString());
        return body;
    }

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
}
