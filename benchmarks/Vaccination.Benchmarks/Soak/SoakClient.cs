using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vaccination.Application.Ingestion;

namespace Vaccination.Benchmarks.Soak;

/// <summary>
/// Calls the self-host as its callers do: development tokens, the tenant's webhook secret, signed VRS webhooks, staff
/// inquiries and certificate applications. Every call answers (status, body text); a transport failure is status 0.
/// </summary>
internal sealed class SoakClient(HttpClient http) : IDisposable
{
    public const string Asahikawa = "012041";
    public const string Sapporo = "011002";

    public HttpClient Http => http;

    public async Task<string> TokenAsync(string role, string? municipality, string actor = "soak")
    {
        using var response = await http.PostAsJsonAsync("api/dev/tokens", new { role, municipality, actor });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task<byte[]> WebhookSecretAsync(string municipality)
    {
        using var response = await http.PostAsJsonAsync("api/dev/webhook-secrets", new { municipality });
        response.EnsureSuccessStatusCode();
        return Convert.FromBase64String((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!);
    }

    /// <summary>
    /// Posts one event, signed now (a retry signs the same bytes again with a fresh timestamp, as a sender would); with
    /// <paramref name="respondAsync"/> it asks for the asynchronous answer ("Prefer: respond-async").
    /// </summary>
    public Task<(int Status, string Body)> PostEventAsync(
        string token, byte[] secret, string municipality, byte[] body, CancellationToken cancellationToken = default) =>
        PostEventAsync(token, secret, municipality, body, respondAsync: false, cancellationToken);

    /// <inheritdoc cref="PostEventAsync(string, byte[], string, byte[], CancellationToken)"/>
    public Task<(int Status, string Body)> PostEventAsync(
        string token, byte[] secret, string municipality, byte[] body, bool respondAsync, CancellationToken cancellationToken = default)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/municipalities/{municipality}/vrs/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        if (respondAsync)
        {
            request.Headers.Add("Prefer", "respond-async");
        }

        return SendAsync(request, cancellationToken);
    }

    public Task<(int Status, string Body)> SendJsonAsync(HttpMethod method, string path, string token, object? body, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        return SendAsync(request, cancellationToken);
    }

    public async Task<(int Status, string Body)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            }
            catch (HttpRequestException e)
            {
                return (0, e.Message);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                return (0, "timeout: " + e.Message);
            }
        }
    }

    public void Dispose() => http.Dispose();

    /// <summary>A subject.registered event body (UTF-8 JSON).</summary>
    public static byte[] Registered(string eventId, string subjectId, string ticket, string myNumber, string name, string birthDate) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            eventId,
            type = "subject.registered",
            municipalityCode = Asahikawa,
            subjectId,
            subject = new { myNumber, name, birthDate, sex = "Female", tickets = new[] { ticket } },
        });

    /// <summary>A dose.recorded event body (UTF-8 JSON): Pfizer, 21 days apart from 2021-06-01.</summary>
    public static byte[] Dose(string eventId, string subjectId, int doseNumber, string lot = "FA5765", string site = "Asahikawa Central Clinic") =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            eventId,
            type = "dose.recorded",
            subjectId,
            dose = new
            {
                doseNumber,
                date = new DateOnly(2021, 6, 1).AddDays(21 * (doseNumber - 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                manufacturer = "ファイザー",
                product = "Comirnaty",
                vaccineType = "mRNA",
                lotNumber = lot,
                siteName = site,
                physicianName = "Dr. Sato",
            },
        });

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
