namespace Vaccination.Domain.Audit;

/// <summary>The first entry of a tenant's audit chain that does not verify: its day partition, sequence number and why.</summary>
public sealed record AuditFault(string Day, long Sequence, string Reason)
{
    public const string EntryAltered = "entry-altered";
    public const string EntryMissing = "entry-missing";
    public const string UnexpectedEntry = "unexpected-entry";
    public const string SequenceAltered = "sequence-altered";
    public const string PreviousHashMismatch = "previous-hash-mismatch";
    public const string HeadMismatch = "head-mismatch";
    public const string DayMissing = "day-missing";
}
