using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vaccination.Application.Ingestion;
using Vaccination.IntegrationTests.Environment;

namespace Vaccination.IntegrationTests.Ingestion;

/// <summary>Sends signed VRS webhook calls to the self-host, as VRS or a vaccination-site tablet would.</summary>
public sealed class WebhookClient(SelfHostProcess host) : IDisposable
{
    private readonly HttpClient _http = host.CreateClient();

    /// <summary>A development token; a municipal-staff actor is first granted the role by the municipality's administrator, through the API.</summary>
    public async Task<string> TokenAsync(string role, string municipality = "012041")
    {
        if (role == "municipal-staff")
        {
            using var grant = new HttpRequestMessage(HttpMethod.Post, $"api/municipalities/{municipality}/staff-grants/vrs-tester");
            grant.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await IssueAsync("municipal-admin", municipality));
            using var granted = await _http.SendAsync(grant);
            granted.EnsureSuccessStatusCode();
        }

        return await IssueAsync(role, municipality);
    }

    private async Task<string> IssueAsync(string role, string municipality)
    {
        using var response = await _http.PostAsJsonAsync("api/dev/tokens", new { role, municipality, actor = "vrs-tester" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task<byte[]> SecretAsync(string municipality = "012041")
    {
        using var response = await _http.PostAsJsonAsync("api/dev/webhook-secrets", new { municipality });
        response.EnsureSuccessStatusCode();
        return Convert.FromBase64String((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!);
    }

    /// <summary>Posts a body signed with <paramref name="secret"/> at <paramref name="signedAt"/> (now by default).</summary>
    public async Task<(int Status, JsonElement Body)> PostAsync(
        string path, string? token, string json, byte[]? secret, DateTimeOffset? signedAt = null, string? signatureOverride = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (secret is not null)
        {
            var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
            request.Headers.Add(WebhookSignature.SignatureHeader, signatureOverride ?? WebhookSignature.Sign(secret, timestamp, body));
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Sends one signed event with "Prefer: respond-async"; returns the Location and Preference-Applied headers too.</summary>
    public async Task<(int Status, JsonElement Body, string? Location, string? PreferenceApplied)> SendQueuedEventAsync(
        string token, byte[] secret, object evt, string municipality = "012041")
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(evt);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/municipalities/{municipality}/vrs/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Prefer", "respond-async, wait=10");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(),
            response.Headers.Location?.OriginalString, response.Headers.TryGetValues("Preference-Applied", out var applied) ? applied.Single() : null);
    }

    /// <summary>Reads an event's recorded answer until it is no longer "queued" (or <paramref name="timeout"/> passes).</summary>
    public async Task<(int Status, JsonElement Body)> AwaitOutcomeAsync(string path, string token, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var answer = await GetAsync(path.TrimStart('/'), token);
            if (answer.Status != 200 || answer.Body.GetProperty("result").GetString() != "queued" || DateTimeOffset.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(200);
        }
    }

    public Task<(int Status, JsonElement Body)> SendEventAsync(string token, byte[] secret, object evt, string municipality = "012041") =>
        PostAsync($"api/municipalities/{municipality}/vrs/events", token, JsonSerializer.Serialize(evt), secret);

    public async Task<(int Status, JsonElement Body)> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(request);
    }

    public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(request);
    }

    public void Dispose() => _http.Dispose();

    private async Task<(int Status, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
