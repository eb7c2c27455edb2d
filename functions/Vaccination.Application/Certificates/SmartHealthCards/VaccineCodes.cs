using Vaccination.Domain.Subjects;

namespace Vaccination.Application.Certificates.SmartHealthCards;

/// <summary>
/// Maps a dose's manufacturer (D9) and product (D12) to certificate codes. Products Japan used: CVX 208 Pfizer
/// Comirnaty, 207 Moderna Spikevax, 210 AstraZeneca Vaxzevria, 211 Novavax Nuvaxovid, 212 Janssen; 300 and 229 for the
/// bivalent Comirnaty and Spikevax. ICD-11: XM0GQ8 mRNA, XM9QW8 non-replicating viral vector, XM5JC5 protein subunit.
/// A product without a known code (later formulations, Japan-only products) is not certified: a wrong code would
/// misstate the vaccine, so the request is refused and the code table extended instead.
/// </summary>
public static class VaccineCodes
{
    private static readonly VaccineProductCode Comirnaty = new("208", "XM0GQ8", "Comirnaty");
    private static readonly VaccineProductCode ComirnatyBivalent = new("300", "XM0GQ8", "Comirnaty Bivalent");
    private static readonly VaccineProductCode Spikevax = new("207", "XM0GQ8", "Spikevax");
    private static readonly VaccineProductCode SpikevaxBivalent = new("229", "XM0GQ8", "Spikevax Bivalent");
    private static readonly VaccineProductCode Vaxzevria = new("210", "XM9QW8", "Vaxzevria");
    private static readonly VaccineProductCode Nuvaxovid = new("211", "XM5JC5", "Nuvaxovid");
    private static readonly VaccineProductCode Janssen = new("212", "XM9QW8", "Jcovden");

    private static readonly (string[] Names, VaccineProductCode Code)[] Products =
    [
        (["comirnaty bivalent", "comirnaty-bivalent", "コミナティ2価"], ComirnatyBivalent),
        (["spikevax bivalent", "spikevax-bivalent", "スパイクバックス2価"], SpikevaxBivalent),
        (["comirnaty", "コミナティ", "bnt162b2"], Comirnaty),
        (["spikevax", "スパイクバックス", "mrna-1273"], Spikevax),
        (["vaxzevria", "バキスゼブリア", "chadox1"], Vaxzevria),
        (["nuvaxovid", "ヌバキソビッド", "nvx-cov2373"], Nuvaxovid),
        (["jcovden", "janssen", "ヤンセン", "ad26.cov2.s"], Janssen),
    ];

    /// <summary>A manufacturer alone identifies the original product when the product field is not a known name.</summary>
    private static readonly (string[] Names, VaccineProductCode Code)[] Manufacturers =
    [
        (["pfizer", "ファイザー", "ファイザー社", "biontech/pfizer"], Comirnaty),
        (["moderna", "モデルナ", "武田/モデルナ", "武田／モデルナ", "takeda/moderna"], Spikevax),
        (["astrazeneca", "アストラゼネカ"], Vaxzevria),
        (["novavax", "ノババックス", "武田/ノババックス"], Nuvaxovid),
        (["janssen", "ヤンセン"], Janssen),
    ];

    public static VaccineProductCode? Find(DoseRecord dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return Match(Products, dose.Product) ?? (IsGeneric(dose.Product) ? Match(Manufacturers, dose.Manufacturer) : null);
    }

    private static VaccineProductCode? Match((string[] Names, VaccineProductCode Code)[] table, string? value)
    {
        var name = value?.Trim();
        return string.IsNullOrEmpty(name)
            ? null
            : table.FirstOrDefault(entry => entry.Names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))).Code;
    }

    /// <summary>A product field that names no product (blank or the manufacturer again), as the VRS CSV export sends.</summary>
    private static bool IsGeneric(string? product) =>
        string.IsNullOrWhiteSpace(product) || Match(Manufacturers, product) is not null;
}
