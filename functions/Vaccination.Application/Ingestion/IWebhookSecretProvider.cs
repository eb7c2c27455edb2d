using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The per-tenant secret that webhook calls are signed with (HMAC-SHA-256). Stored wrapped by the key-encryption key;
/// never logged and never returned by any API outside Development.
/// </summary>
public interface IWebhookSecretProvider
{
    Task<byte[]> GetSecretAsync(Tenant tenant, CancellationToken cancellationToken = default);
}
