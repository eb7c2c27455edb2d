using Vaccination.Application.Ingestion;

namespace Vaccination.UnitTests.Ingestion;

public class VaccineCodeListTests
{
    [Theory]
    [InlineData("ファイザー", "Pfizer", "Comirnaty")]
    [InlineData("武田/モデルナ", "Moderna", "Spikevax")]
    [InlineData("アストラゼネカ", "AstraZeneca", "Vaxzevria")]
    [InlineData("pfizer", "Pfizer", "Comirnaty")]
    public void FindManufacturer_VrsPresetOrCode_ResolvesWithDefaultProduct(string name, string manufacturer, string product)
    {
        var found = VaccineCodeList.FindManufacturer(name);

        Assert.Equal(manufacturer, found!.Name);
        Assert.Equal(product, VaccineCodeList.FindProduct(found, null)!.Name);
    }

    [Fact]
    public void FindProduct_OtherManufacturersProduct_IsNull() =>
        Assert.Null(VaccineCodeList.FindProduct(VaccineCodeList.FindManufacturer("Pfizer")!, "Spikevax"));

    [Fact]
    public void Manufacturers_NamesAndAliases_AreUnique()
    {
        var names = VaccineCodeList.Manufacturers.SelectMany(m => m.Aliases.Append(m.Name)).Select(n => n.ToUpperInvariant()).ToList();

        var products = VaccineCodeList.Manufacturers.SelectMany(m => m.Products).SelectMany(p => p.Aliases.Append(p.Name)).Select(n => n.ToUpperInvariant()).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(products.Count, products.Distinct().Count());
        Assert.All(VaccineCodeList.Manufacturers.SelectMany(m => m.Products), p => Assert.InRange(p.MinimumIntervalDays, 1, 365));
    }
}
