namespace Vaccination.Domain.Certificates;

/// <summary>Which certificate is issued: for use in Japan (SMART Health Card) or overseas (also ICAO VDS-NC, with passport data).</summary>
public enum CertificateKind
{
    Domestic,
    Overseas,
}
