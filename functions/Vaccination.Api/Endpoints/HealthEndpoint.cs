using Azure;
using Microsoft.AspNetCore.Http;
using Vaccination.Application.Keys;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Api.Endpoints;

/// <summary>GET /api/health: anonymous, reports storage and key-provider status; 200 when both are healthy, else 503.</summary>
public sealed class HealthEndpoint(StorageTables tables, IKeyEncryptionKeyProvider keys)
{
    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
    {
        var storage = await CheckStorageAsync(cancellationToken);
        var keyStatus = await keys.CheckAsync(cancellationToken);
        var healthy = storage.Healthy && keyStatus.Healthy;
        var report = new HealthReport(
            healthy ? "Healthy" : "Unhealthy",
            storage,
            new ComponentHealth(keyStatus.Healthy, $"{keyStatus.Provider}: {keyStatus.Detail}"));
        return Results.Json(report, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<ComponentHealth> CheckStorageAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tables.Get(TableNames.TenantKeys).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "probe", cancellationToken: cancellationToken);
            return new ComponentHealth(true, "tables reachable");
        }
        catch (RequestFailedException e)
        {
            return new ComponentHealth(false, $"tables unavailable ({e.Status})");
        }
        catch (HttpRequestException)
        {
            return new ComponentHealth(false, "tables unreachable");
        }
    }
}
