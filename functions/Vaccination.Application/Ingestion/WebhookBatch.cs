namespace Vaccination.Application.Ingestion;

/// <summary>The batch form: up to <see cref="MaxEvents"/> events, each processed (and answered) on its own.</summary>
public sealed record WebhookBatch(IReadOnlyList<WebhookEvent>? Events)
{
    public const int MaxEvents = 500;
}
