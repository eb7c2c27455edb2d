using Vaccination.Domain.Tenants;
using EventId = Vaccination.Domain.Ingestion.EventId;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The queue message for an event accepted with "Prefer: respond-async": which tenant and event id, and how many
/// times applying it was tried. The event itself stays in the idempotency store, encrypted; the message holds no
/// personal data.
/// </summary>
public sealed record QueuedEventWork(string MunicipalityCode, string EventId, int Attempt)
{
    /// <summary>The first try of an event's work: what acceptance, a redelivery and the re-drive sweep all send.</summary>
    public static QueuedEventWork FirstTry(Tenant tenant, EventId eventId)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return new(tenant.Code.Value, eventId.Value, 1);
    }
}
