using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vaccination.IntegrationTests.Environment;

namespace Vaccination.IntegrationTests.SelfHost;

/// <summary>
/// Calls the self-host over loopback HTTP with development tokens. A municipal-staff token reaches data only with an
/// administrator's grant, so <see cref="TokenAsync"/> first grants its actor the staff role through the API, as the
/// municipality's administrator would; <see cref="UngrantedTokenAsync"/> gives a token without that step.
/// </summary>
public sealed class ApiClient(SelfHostProcess host) : IDisposable
{
    public const string Actor = "tester";
    private readonly HttpClient _http = host.CreateClient();

    public async Task<string> TokenAsync(string role, string? municipality, string actor = Actor)
    {
        if (role == "municipal-staff" && municipality is not null)
        {
            await GrantStaffAsync(municipality, actor);
        }

        return await UngrantedTokenAsync(role, municipality, actor);
    }

    public async Task<string> UngrantedTokenAsync(string role, string? municipality, string actor = Actor, string? prefecture = null, string? channel = null)
    {
        using var response = await _http.PostAsJsonAsync("api/dev/tokens", new { role, municipality, actor, prefecture, channel });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Grants <paramref name="actor"/> the staff role in <paramref name="municipality"/> as its administrator.</summary>
    public async Task GrantStaffAsync(string municipality, string actor)
    {
        var admin = await UngrantedTokenAsync("municipal-admin", municipality, "tester-admin");
        var (status, body) = await SendAsync(HttpMethod.Post, $"api/municipalities/{municipality}/staff-grants/{actor}", admin);
        if (status != 200)
        {
            throw new InvalidOperationException($"Granting the staff role failed: {status} {body}");
        }
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
