namespace Vaccination.Domain.Certificates;

/// <summary>Where a certificate application comes from (F6, F7): the certificate smartphone app or a convenience-store kiosk.</summary>
public enum CertificateChannel
{
    App,
    Kiosk,
}
