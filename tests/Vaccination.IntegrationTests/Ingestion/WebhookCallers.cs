using System.Text.Json;
using Vaccination.IntegrationTests.Environment;

namespace Vaccination.IntegrationTests.Ingestion;

/// <summary>The shared self-host's webhook client, a token for each caller the ingestion tests act as, and the tenant's webhook secret.</summary>
public sealed class WebhookCallers : IDisposable
{
    private WebhookCallers(WebhookClient client, string vrs, string site, string staff, byte[] secret) =>
        (Client, Vrs, Site, Staff, Secret) = (client, vrs, site, staff, secret);

    public WebhookClient Client { get; }

    public string Vrs { get; }

    public string Site { get; }

    public string Staff { get; }

    public IReadOnlyList<byte> Secret { get; }

    public byte[] SecretBytes => [.. Secret];

    public static async Task<WebhookCallers> CreateAsync(IntegrationEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return await CreateAsync(await environment.GetSelfHostAsync());
    }

    /// <summary>The same callers of a self-host the test started itself.</summary>
    public static async Task<WebhookCallers> CreateAsync(SelfHostProcess host)
    {
        var client = new WebhookClient(host);
        return new WebhookCallers(
            client, await client.TokenAsync("vrs"), await client.TokenAsync("vaccination-site"), await client.TokenAsync("municipal-staff"), await client.SecretAsync());
    }

    /// <summary>The subject as staff read it (asserting 200).</summary>
    public async Task<JsonElement> SubjectAsync(string id)
    {
        var (status, body) = await Client.GetAsync($"api/municipalities/012041/subjects/{id}", Staff);
        Xunit.Assert.Equal(200, status);
        return body;
    }

    public void Dispose() => Client.Dispose();
}
