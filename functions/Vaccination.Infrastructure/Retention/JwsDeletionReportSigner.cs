using System.Text.Json;
using Vaccination.Application.Keys;
using Vaccination.Application.Retention;
using Vaccination.Infrastructure.Keys;

namespace Vaccination.Infrastructure.Retention;

/// <summary>Signs certificates of deletion as compact ES256 JWS over the report's JSON, and verifies them with the published keys.</summary>
public sealed class JwsDeletionReportSigner(ISigningKeyProvider keys) : IDeletionReportSigner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly CompactJws _jws = new(keys);

    public Task<string> SignAsync(DeletionReport report, CancellationToken cancellationToken) =>
        _jws.SignAsync(JsonSerializer.SerializeToUtf8Bytes(report, Json), new Dictionary<string, string> { ["typ"] = "deletion-certificate+jwt" }, cancellationToken);

    public async Task<DeletionReport?> VerifyAsync(string jws, CancellationToken cancellationToken)
    {
        var payload = CompactJws.Verify(jws, await keys.GetPublicKeysAsync(cancellationToken));
        return payload is null ? null : JsonSerializer.Deserialize<DeletionReport>(payload, Json);
    }
}
