namespace Vaccination.Application.Ingestion;

/// <summary>Settings of the VRS ingestion (section "Ingestion").</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>How long the answer to an event id is kept for replays (app setting Ingestion__IdempotencyRetention).</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromDays(30);
}
