using Microsoft.Azure.Functions.Worker;
using Vaccination.Application.Ingestion;

namespace Vaccination.Functions.Ingestion;

/// <summary>Every 5 minutes: sends again the work of queued VRS events left unapplied (lost or poisoned work items). The schedule is fixed, not a setting.</summary>
public sealed class QueuedEventRedriveFunction(QueuedEventRedrive redrive)
{
    [Function(nameof(QueuedEventRedriveTimer))]
    public Task QueuedEventRedriveTimer([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        redrive.RunAsync(cancellationToken);
}
