using Microsoft.Azure.Functions.Worker;
using Vaccination.Application.Ingestion;

namespace Vaccination.Functions.Ingestion;

/// <summary>Hourly (minute 17): deletes expired idempotency records of every tenant. The schedule is fixed, not a setting.</summary>
public sealed class IdempotencyPurgeFunction(IdempotencyPurge purge)
{
    [Function(nameof(IdempotencyPurgeTimer))]
    public Task IdempotencyPurgeTimer([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        purge.RunAsync(cancellationToken);
}
