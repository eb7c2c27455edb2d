using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vaccination.IntegrationTests.Environment;

namespace Vaccination.IntegrationTests.SelfHost;

/// <summary>Calls the self-host over loopback HTTP with development tokens.</summary>
public sealed class ApiClient(SelfHostProcess host) : IDisposable
{
    private readonly HttpClient _http = host.CreateClient();

    public async Task<string> TokenAsync(string role, string? municipality)
    {
        using var response = await _http.PostAsJsonAsync("api/dev/tokens", new { role, municipality, actor = "tester" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public void Dispose() => _http.Dispose();
}
