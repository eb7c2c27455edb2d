using Azure;

namespace Vaccination.Infrastructure.Audit;

/// <summary>
/// The head row of one day partition: the last sequence number and hash written there, whether the day is closed
/// (the chain moved on) and to which day. Only the newest day's head is open; appends update it with its ETag.
/// </summary>
internal sealed record AuditChainHead(DateOnly Day, long Sequence, string Hash, bool Closed, DateOnly? NextDay, ETag ETag);
