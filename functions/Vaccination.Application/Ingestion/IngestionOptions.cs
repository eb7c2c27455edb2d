namespace Vaccination.Application.Ingestion;

/// <summary>Settings of the VRS ingestion (section "Ingestion").</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>How long the answer to an event id is kept for replays (app setting Ingestion__IdempotencyRetention).</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a queued event may stay unapplied before the re-drive sweep sends its work again (a lost work item,
    /// a crashed instance, a poisoned message). Longer than the applier's own waiting (about 30 s) and than a normal
    /// backlog (app setting Ingestion__QueuedEventRedriveAfter).
    /// </summary>
    public TimeSpan QueuedEventRedriveAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Where the self-host applies queued events: "InProcess" (default; right after the answer, by workers of the
    /// same process, the outbox sweep covering a crash) or "StorageQueue" (the ingestion queue, as the Functions app
    /// always does). App setting Ingestion__QueuedEventDelivery.
    /// </summary>
    public QueuedEventDelivery QueuedEventDelivery { get; set; } = QueuedEventDelivery.InProcess;

    /// <summary>How many queued events the self-host applies at once in process (Ingestion__InProcessWorkers).</summary>
    public int InProcessWorkers { get; set; } = 2;

    /// <summary>How often the self-host runs the re-drive sweep (Ingestion__QueuedEventSweepInterval); the Functions timer runs every 5 minutes.</summary>
    public TimeSpan QueuedEventSweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
