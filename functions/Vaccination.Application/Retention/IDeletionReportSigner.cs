namespace Vaccination.Application.Retention;

/// <summary>Signs certificates of deletion (summary and key pages) and checks them later (ES256 JWS with the system's signing key).</summary>
public interface IDeletionReportSigner
{
    Task<string> SignAsync(DeletionReport report, CancellationToken cancellationToken);

    Task<string> SignAsync(DestroyedKeyPage page, CancellationToken cancellationToken);

    /// <summary>The summary inside a JWS if its signature verifies with a published key; otherwise null.</summary>
    Task<DeletionReport?> VerifyReportAsync(string jws, CancellationToken cancellationToken);

    /// <summary>The key page inside a JWS if its signature verifies with a published key; otherwise null.</summary>
    Task<DestroyedKeyPage?> VerifyPageAsync(string jws, CancellationToken cancellationToken);
}
