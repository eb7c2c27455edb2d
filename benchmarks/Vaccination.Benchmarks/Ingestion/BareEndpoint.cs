using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vaccination.Benchmarks.Ingestion;

/// <summary>
/// The baseline: a tiny in-process Kestrel app whose one route parses the JSON body and writes one entity per call
/// to the same Azurite, with no authentication, signature, validation, encryption or idempotency.
/// </summary>
internal sealed class BareEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareEndpoint(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<BareEndpoint> StartAsync(TableClient table)
    {
        var port = IngestionSelfHost.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/bare/events", async (HttpRequest request, CancellationToken ct) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            var root = body.RootElement;
            var dose = root.GetProperty("dose");
            var subjectId = root.GetProperty("subjectId").GetString()!;
            await table.UpsertEntityAsync(
                new TableEntity("p" + subjectId[^2..], subjectId + "_" + dose.GetProperty("doseNumber").GetInt32())
                {
                    ["EventId"] = root.GetProperty("eventId").GetString(),
                    ["Date"] = dose.GetProperty("date").GetString(),
                    ["Manufacturer"] = dose.GetProperty("manufacturer").GetString(),
                    ["LotNumber"] = dose.GetProperty("lotNumber").GetString(),
                    ["SiteName"] = dose.GetProperty("siteName").GetString(),
                },
                TableUpdateMode.Replace,
                ct);
            return Results.Json(new { eventId = root.GetProperty("eventId").GetString(), result = "applied" });
        });
        await app.StartAsync();
        return new BareEndpoint(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
