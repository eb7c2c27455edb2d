namespace Vaccination.Application.Ingestion;

/// <summary>The reasons an event may give for recording dose n while dose n-1 is not on record.</summary>
public static class PreviousDoseMissingReasons
{
    public static IReadOnlyList<string> All { get; } = ["administered_abroad", "administered_before_move_in", "record_pending", "other"];

    public static bool IsKnown(string? reason) => reason is not null && All.Contains(reason, StringComparer.Ordinal);
}
