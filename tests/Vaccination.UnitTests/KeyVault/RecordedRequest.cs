using System.Text.Json;
using Azure.Core;

namespace Vaccination.UnitTests.KeyVault;

/// <summary>A request as the fake transport saw it: method, URI, headers and body bytes, copied at send time.</summary>
public sealed record RecordedRequest(RequestMethod Method, Uri Uri, IReadOnlyList<HttpHeader> Headers, byte[]? Body)
{
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string BodyText => Body is null ? string.Empty : System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>The body parsed as JSON (a clone, safe to keep).</summary>
    public JsonElement BodyJson()
    {
        using var document = JsonDocument.Parse(Body ?? throw new InvalidOperationException("The request has no body."));
        return document.RootElement.Clone();
    }
}
