using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Ingestion;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;
using static Vaccination.Application.Validation.FieldChecks;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The one check of a dose's own fields, wherever a dose comes from (a webhook event, a row of the VRS export, staff):
/// number, date within the programme, manufacturer and product from the code list (and the vaccine type, when sent,
/// matching the product), lot format, site, physician, place of vaccination and the reason a previous dose is missing.
/// Checks against the person's other doses are <see cref="DoseRules"/>.
/// </summary>
public sealed class DoseValidator(TimeProvider clock)
{
    /// <summary>The COVID-19 vaccination programme in Japan began on 2021-02-17; no dose is older.</summary>
    public static readonly DateOnly ProgrammeStart = new(2021, 2, 17);

    /// <summary>Checks a dose's own fields, adding every error to <paramref name="errors"/>; null when any is wrong.</summary>
    public DoseDetails? Validate(DosePayload payload, Tenant tenant, List<Error> errors, string prefix = "dose.")
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var number = payload.DoseNumber is { } n
            ? Collect(DoseNumber.TryCreate(n, prefix + "doseNumber"), errors)
            : Missing<DoseNumber>("dose_number", prefix + "doseNumber", errors);
        var date = payload.Date is { } d
            ? Collect(PastDate.TryCreate(d, clock, prefix + "date", ProgrammeStart), errors)
            : Missing<DateOnly>("date", prefix + "date", errors);
        var (manufacturer, product) = ToProduct(payload, prefix, errors);
        var lot = Collect(LotNumber.TryCreate(payload.LotNumber, prefix + "lotNumber"), errors);
        var site = Text(payload.SiteName, "site_name", prefix + "siteName", required: true, errors);
        var physician = Text(payload.PhysicianName, "physician_name", prefix + "physicianName", required: false, errors);
        var administeredBy = payload.AdministeredBy is null
            ? tenant.Code
            : Collect(MunicipalityCode.TryCreate(payload.AdministeredBy, prefix + "administeredBy"), errors);
        if (payload.PreviousDoseMissingReason is { } reason && !PreviousDoseMissingReasons.IsKnown(reason))
        {
            errors.Add(Error.Validation("previous_dose_missing_reason.unknown",
                $"previousDoseMissingReason is one of: {string.Join(", ", PreviousDoseMissingReasons.All)}.", prefix + "previousDoseMissingReason"));
        }

        return errors.Count > before
            ? null
            : new DoseDetails(number, date, manufacturer!, product!, lot, site!, physician, administeredBy, payload.PreviousDoseMissingReason);
    }

    private static (VaccineManufacturer?, VaccineProduct?) ToProduct(DosePayload payload, string prefix, List<Error> errors)
    {
        var manufacturer = VaccineCodeList.FindManufacturer(payload.Manufacturer);
        if (manufacturer is null)
        {
            errors.Add(payload.Manufacturer is null
                ? Error.Validation("manufacturer.required", "manufacturer is required.", prefix + "manufacturer")
                : Error.Validation("manufacturer.unknown", $"The manufacturer is not in vaccine code list {VaccineCodeList.Version}.", prefix + "manufacturer"));
            return (null, null);
        }

        var product = VaccineCodeList.FindProduct(manufacturer, payload.Product);
        if (product is null)
        {
            errors.Add(Error.Validation("product.unknown", $"The product is not one of {manufacturer.Name}'s in vaccine code list {VaccineCodeList.Version}.", prefix + "product"));
            return (manufacturer, null);
        }

        if (payload.VaccineType is { } vaccineType && !string.Equals(vaccineType.Trim(), product.VaccineType, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error.Validation("vaccine_type.mismatch", $"{product.Name} is of vaccine type {product.VaccineType}.", prefix + "vaccineType"));
        }

        return (manufacturer, product);
    }
}
