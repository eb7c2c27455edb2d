using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Exchange;

/// <summary>The former municipality's received inquiries (idempotency and review queue). Every member takes the tenant first.</summary>
public interface IProvisionStore
{
    /// <summary>Stores the provision unless one exists for the same message id; returns its version, or null when it already existed.</summary>
    Task<string?> TryCreateAsync(Tenant tenant, StoredProvision provision, CancellationToken cancellationToken = default);

    Task<StoredProvision?> GetAsync(Tenant tenant, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the provision if its version still matches; false when someone else changed it first.</summary>
    Task<bool> UpdateAsync(Tenant tenant, StoredProvision provision, CancellationToken cancellationToken = default);

    /// <summary>The review queue: provisions held because the person's auto-response is disabled.</summary>
    IAsyncEnumerable<StoredProvision> ListHeldForReviewAsync(Tenant tenant, CancellationToken cancellationToken = default);

    /// <summary>Deletes provisions that were answered and expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(Tenant tenant, DateTimeOffset now, CancellationToken cancellationToken = default);
}
