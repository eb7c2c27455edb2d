namespace Vaccination.Application.Retention;

/// <summary>Signs certificates of deletion and checks them later (ES256 JWS with the system's signing key).</summary>
public interface IDeletionReportSigner
{
    Task<string> SignAsync(DeletionReport report, CancellationToken cancellationToken);

    /// <summary>The report inside a JWS if its signature verifies with a published key; otherwise null.</summary>
    Task<DeletionReport?> VerifyAsync(string jws, CancellationToken cancellationToken);
}
