namespace Vaccination.Application.Ingestion;

/// <summary>How the work of events accepted with "Prefer: respond-async" reaches the applier.</summary>
public enum QueuedEventDelivery
{
    /// <summary>Handed to workers of the accepting process right after the answer (self-host default).</summary>
    InProcess,

    /// <summary>Sent to the ingestion Storage queue (the Functions app's only mode).</summary>
    StorageQueue,
}
