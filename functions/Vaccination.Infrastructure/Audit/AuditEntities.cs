using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Vaccination.Domain.Audit;
using Vaccination.Domain.Identifiers;

namespace Vaccination.Infrastructure.Audit;

/// <summary>
/// Rows of the AuditEntries table. In a day partition, entries are "e{sequence:D19}" (so they sort in chain order)
/// and the day's head is "head"; the tenant's chain pointer (first and latest day) is "chain" in the tenant partition.
/// Every value is an id, a code or a time: nothing personal is stored here.
/// </summary>
internal static class AuditEntities
{
    public const string HeadRow = "head";
    public const string PointerRow = "chain";
    public const string EntryPrefix = "e";
    private static readonly string[] HashedNames = ["At", "ActorId", "Role", "ActorMunicipality", "Action", "SubjectId", "Resource", "Outcome", "Status"];

    public static string EntryRow(long sequence) => string.Create(CultureInfo.InvariantCulture, $"{EntryPrefix}{sequence:D19}");

    public static bool TryParseEntryRow(string rowKey, out long sequence)
    {
        sequence = 0;
        return rowKey.StartsWith(EntryPrefix, StringComparison.Ordinal)
            && long.TryParse(rowKey.AsSpan(EntryPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }

    public static TableEntity ToEntity(string partition, long sequence, AuditEvent e, string previousHash, string hash) =>
        new(partition, EntryRow(sequence))
        {
            ["Sequence"] = sequence,
            ["At"] = AuditChainHasher.FormatTime(e.At),
            ["ActorId"] = e.ActorId,
            ["Role"] = e.Role,
            ["ActorMunicipality"] = e.ActorMunicipality,
            ["Action"] = e.Action,
            ["SubjectId"] = e.Subject?.Value,
            ["Resource"] = e.Resource,
            ["Outcome"] = e.Outcome,
            ["Status"] = e.Status,
            ["PreviousHash"] = previousHash,
            ["Hash"] = hash,
        };

    /// <summary>The event as stored. A value that no longer parses (edited storage) is kept as text so the hash check names it.</summary>
    public static AuditEvent ToEvent(TableEntity row)
    {
        var subject = row.GetString("SubjectId");
        var at = DateTimeOffset.TryParse(row.GetString("At"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : DateTimeOffset.MinValue;
        return new AuditEvent(
            at,
            row.GetString("ActorId") ?? string.Empty,
            row.GetString("Role") ?? string.Empty,
            row.GetString("ActorMunicipality"),
            row.GetString("Action") ?? string.Empty,
            subject is not null && SubjectId.TryCreate(subject) is { IsSuccess: true } id ? id.Value : null,
            row.GetString("Resource"),
            row.GetString("Outcome") ?? string.Empty,
            row.TryGetValue("Status", out var status) && status is int code ? code : 0);
    }

    /// <summary>The fields an entry's hash covers, as they are written.</summary>
    public static IReadOnlyList<string?> HashedFields(AuditEvent e) =>
    [
        AuditChainHasher.FormatTime(e.At), e.ActorId, e.Role, e.ActorMunicipality, e.Action, e.Subject?.Value, e.Resource, e.Outcome,
        e.Status.ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>The fields an entry's hash covers, exactly as they are stored (so any edit, even to an unparsable value, changes the hash).</summary>
    public static IReadOnlyList<string?> HashedFields(TableEntity row) =>
        HashedNames
            .Select(name => row.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null)
            .ToList();

    public static AuditEntry ToEntry(TableEntity row) =>
        new(TryParseEntryRow(row.RowKey, out var sequence) ? sequence : 0, row.PartitionKey, ToEvent(row), row.GetString("Hash") ?? string.Empty);

    public static TableEntity HeadEntity(string partition, DateOnly day, long sequence, string hash, bool closed, DateOnly? nextDay, DateOnly? previousDay) =>
        new(partition, HeadRow)
        {
            ["Day"] = AuditDays.Format(day),
            ["Sequence"] = sequence,
            ["Hash"] = hash,
            ["Closed"] = closed,
            ["NextDay"] = nextDay is { } next ? AuditDays.Format(next) : null,
            ["PreviousDay"] = previousDay is { } previous ? AuditDays.Format(previous) : null,
        };

    public static AuditChainHead ToHead(DateOnly day, TableEntity row) => new(
        day,
        row.GetInt64("Sequence") ?? -1,
        row.GetString("Hash") ?? string.Empty,
        row.GetBoolean("Closed") ?? false,
        row.GetString("NextDay") is { } next ? AuditDays.Parse(next) : null,
        row.ETag);

    public static ETag EtagOf(Response response) => response.Headers.ETag ?? default;
}
