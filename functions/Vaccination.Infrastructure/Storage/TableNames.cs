namespace Vaccination.Infrastructure.Storage;

/// <summary>
/// The application's tables. Logical names are used in associated data; physical names carry an optional prefix
/// (tests give each run its own).
/// </summary>
public sealed record TableNames(string Prefix = "")
{
    public const string Subjects = nameof(Subjects);
    public const string Doses = nameof(Doses);
    public const string PersonKeys = nameof(PersonKeys);
    public const string TenantKeys = nameof(TenantKeys);
    public const string TicketIndex = nameof(TicketIndex);
    public const string IssuedCertificates = nameof(IssuedCertificates);
    public const string IngestionEvents = nameof(IngestionEvents);
    public const string DataQualityFlags = nameof(DataQualityFlags);
    public const string ReviewItems = nameof(ReviewItems);
    public const string SweepCheckpoints = nameof(SweepCheckpoints);
    public const string ErasureProposals = nameof(ErasureProposals);
    public const string ErasureProposalItems = nameof(ErasureProposalItems);
    public const string ErasureCertificates = nameof(ErasureCertificates);
    public const string Inquiries = nameof(Inquiries);
    public const string Provisions = nameof(Provisions);
    public const string ExchangeRecords = nameof(ExchangeRecords);
    public const string AuditEntries = nameof(AuditEntries);
    public const string StaffGrants = nameof(StaffGrants);
    public const string DoseStatistics = nameof(DoseStatistics);

    public static IReadOnlyList<string> All { get; } = [Subjects, Doses, PersonKeys, TenantKeys, SweepCheckpoints, ErasureProposals, ErasureProposalItems, ErasureCertificates, TicketIndex, IngestionEvents, DataQualityFlags, ReviewItems, IssuedCertificates, Inquiries, Provisions, ExchangeRecords, AuditEntries, StaffGrants, DoseStatistics];

    public string Physical(string logicalName) => Prefix + logicalName;
}
