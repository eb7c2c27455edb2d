namespace Vaccination.Application.Ingestion;

/// <summary>
/// A manufacturer of the code list (D9) with the names senders use for it (the VRS CSV presets among them) and its
/// products; the first product is the default when a sender (the VRS CSV export) names only the manufacturer.
/// </summary>
public sealed record VaccineManufacturer(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<VaccineProduct> Products);
