namespace Vaccination.Application.Certificates.SmartHealthCards;

/// <summary>
/// How one vaccine product is coded on certificates: CDC CVX (SMART Health Card vaccineCode), ICD-11 extension code
/// (ICAO VDS-NC "ve.des") and the brand name (VDS-NC "ve.nam").
/// </summary>
public sealed record VaccineProductCode(string Cvx, string Icd11, string Brand);
