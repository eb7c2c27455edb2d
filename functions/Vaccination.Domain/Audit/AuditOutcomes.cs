namespace Vaccination.Domain.Audit;

/// <summary>The outcome words of audit entries, derived from the HTTP status a caller received.</summary>
public static class AuditOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Rejected = "rejected";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string Failed = "failed";

    public static string FromStatus(int status) => status switch
    {
        < 400 => Succeeded,
        403 => Forbidden,
        404 => NotFound,
        < 500 => Rejected,
        _ => Failed,
    };
}
