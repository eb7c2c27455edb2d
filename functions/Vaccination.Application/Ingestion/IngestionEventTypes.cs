using System.Collections.Frozen;

namespace Vaccination.Application.Ingestion;

/// <summary>The wire names of the event types, one place for their spelling.</summary>
public static class IngestionEventTypes
{
    private static readonly FrozenDictionary<string, IngestionEventType> ByName = new Dictionary<string, IngestionEventType>
    {
        ["subject.registered"] = IngestionEventType.SubjectRegistered,
        ["subject.updated"] = IngestionEventType.SubjectUpdated,
        ["ticket.issued"] = IngestionEventType.TicketIssued,
        ["ticket.reissued"] = IngestionEventType.TicketReissued,
        ["dose.recorded"] = IngestionEventType.DoseRecorded,
        ["dose.corrected"] = IngestionEventType.DoseCorrected,
        ["dose.cancelled"] = IngestionEventType.DoseCancelled,
        ["subject.moved_out"] = IngestionEventType.MovedOut,
        ["subject.deceased"] = IngestionEventType.Deceased,
        ["resident.changed"] = IngestionEventType.ResidentChanged,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<IngestionEventType, string> ByType = ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

    public static IEnumerable<string> Names => ByName.Keys.Order(StringComparer.Ordinal);

    public static bool TryParse(string? name, out IngestionEventType type) => ByName.TryGetValue(name ?? string.Empty, out type);

    public static string ToName(IngestionEventType type) => ByType[type];
}
