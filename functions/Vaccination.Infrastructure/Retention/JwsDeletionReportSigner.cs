using System.Text.Json;
using Vaccination.Application.Keys;
using Vaccination.Application.Retention;
using Vaccination.Infrastructure.Keys;

namespace Vaccination.Infrastructure.Retention;

/// <summary>Signs certificates of deletion as compact ES256 JWS over JSON, and verifies them with the published keys.</summary>
public sealed class JwsDeletionReportSigner(ISigningKeyProvider keys) : IDeletionReportSigner
{
    private const string ReportType = "deletion-certificate+jwt";
    private const string PageType = "deletion-certificate-keys+jwt";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly CompactJws _jws = new(keys);

    public Task<string> SignAsync(DeletionReport report, CancellationToken cancellationToken) => SignAsync(report, ReportType, cancellationToken);

    public Task<string> SignAsync(DestroyedKeyPage page, CancellationToken cancellationToken) => SignAsync(page, PageType, cancellationToken);

    public Task<DeletionReport?> VerifyReportAsync(string jws, CancellationToken cancellationToken) => VerifyAsync<DeletionReport>(jws, cancellationToken);

    public Task<DestroyedKeyPage?> VerifyPageAsync(string jws, CancellationToken cancellationToken) => VerifyAsync<DestroyedKeyPage>(jws, cancellationToken);

    private Task<string> SignAsync<T>(T content, string type, CancellationToken cancellationToken) =>
        _jws.SignAsync(JsonSerializer.SerializeToUtf8Bytes(content, Json), new Dictionary<string, string> { ["typ"] = type }, cancellationToken);

    private async Task<T?> VerifyAsync<T>(string jws, CancellationToken cancellationToken)
        where T : class
    {
        var payload = CompactJws.Verify(jws, await keys.GetPublicKeysAsync(cancellationToken));
        return payload is null ? null : JsonSerializer.Deserialize<T>(payload, Json);
    }
}
