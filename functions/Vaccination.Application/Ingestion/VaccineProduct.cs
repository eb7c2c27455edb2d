namespace Vaccination.Application.Ingestion;

/// <summary>
/// One product of the code list: canonical name, vaccine type (D11), the names senders use for it, and the shortest
/// interval to the previous dose that is still plausible (shorter intervals are stored but flagged).
/// </summary>
public sealed record VaccineProduct(string Name, string VaccineType, int MinimumIntervalDays, IReadOnlyList<string> Aliases);
