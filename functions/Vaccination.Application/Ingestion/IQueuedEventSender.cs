namespace Vaccination.Application.Ingestion;

/// <summary>Puts queued events' work on the ingestion queue (a Storage queue, consumed by a queue trigger).</summary>
public interface IQueuedEventSender
{
    /// <summary>Sends the work item, to become visible after <paramref name="delay"/>.</summary>
    Task EnqueueAsync(QueuedEventWork work, TimeSpan delay, CancellationToken cancellationToken);
}
