namespace Vaccination.Application.Ingestion;

/// <summary>
/// The maintained list of COVID-19 vaccines accepted in Japan (manufacturer D9, product D12, vaccine type D11).
/// Change it only by adding a version: bump <see cref="Version"/>, add entries, never remove a name that stored
/// records use. The minimum intervals are the shortest plausible gaps to the previous dose (a dose closer than that is
/// stored with a data-quality warning, not refused); review them against the current MHLW guidance when updating.
/// </summary>
public static class VaccineCodeList
{
    public const string Version = "2024-10.1";

    public static IReadOnlyList<VaccineManufacturer> Manufacturers { get; } =
    [
        new("Pfizer", ["ファイザー", "BioNTech/Pfizer", "ファイザー社"],
        [
            new("Comirnaty", "mRNA", 18, ["コミナティ", "BNT162b2"]),
            new("Comirnaty Bivalent", "mRNA", 90, ["comirnaty-bivalent", "コミナティ2価"]),
        ]),
        new("Moderna", ["武田/モデルナ", "モデルナ", "Takeda/Moderna", "武田／モデルナ"],
        [
            new("Spikevax", "mRNA", 24, ["スパイクバックス", "mRNA-1273"]),
            new("Spikevax Bivalent", "mRNA", 90, ["spikevax-bivalent", "スパイクバックス2価"]),
        ]),
        new("AstraZeneca", ["アストラゼネカ"],
        [
            new("Vaxzevria", "viral vector", 28, ["バキスゼブリア", "ChAdOx1"]),
        ]),
        new("Takeda", ["武田", "武田/ノババックス", "Novavax"],
        [
            new("Nuvaxovid", "protein subunit", 18, ["ヌバキソビッド", "NVX-CoV2373"]),
        ]),
        new("Daiichi Sankyo", ["daiichi-sankyo", "第一三共"],
        [
            new("Daichirona", "mRNA", 90, ["ダイチロナ"]),
        ]),
        new("Meiji Seika Pharma", ["meiji-seika", "Meiji Seika ファルマ", "Meiji Seikaファルマ"],
        [
            new("Kostaive", "self-amplifying mRNA", 90, ["コスタイベ"]),
        ]),
    ];

    public static VaccineManufacturer? FindManufacturer(string? name) =>
        name is null ? null : Manufacturers.FirstOrDefault(m => Matches(m.Name, m.Aliases, name));

    /// <summary>The manufacturer's product by name or alias; with no name, its default (first) product.</summary>
    public static VaccineProduct? FindProduct(VaccineManufacturer manufacturer, string? name)
    {
        ArgumentNullException.ThrowIfNull(manufacturer);
        return name is null ? manufacturer.Products[0] : manufacturer.Products.FirstOrDefault(p => Matches(p.Name, p.Aliases, name));
    }

    /// <summary>The product stored under this canonical name (reading stored doses back).</summary>
    public static VaccineProduct? FindStoredProduct(string? productName) =>
        Manufacturers.SelectMany(m => m.Products).FirstOrDefault(p => string.Equals(p.Name, productName, StringComparison.Ordinal));

    private static bool Matches(string canonical, IReadOnlyList<string> aliases, string candidate)
    {
        var trimmed = candidate.Trim();
        return string.Equals(canonical, trimmed, StringComparison.OrdinalIgnoreCase)
            || aliases.Any(alias => string.Equals(alias, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
