namespace Vaccination.IntegrationTests.Access;

/// <summary>
/// What the rows' requests can use: the seeded subject, an inquiry and a bulk inquiry job of the own tenant, its
/// webhook secret, and a way to re-create the grant a revocation removes.
/// </summary>
public sealed record MatrixContext(string SubjectId, string InquiryId, string JobId, byte[] WebhookSecret, Func<Task> EnsureTargetGrantAsync)
{
    public const string Own = "012041";
    public const string Other = "011002";
    public const string GrantTarget = "matrix-target";
}
