using System.Globalization;
using System.Text.Json;

namespace Vaccination.Application.Certificates.SmartHealthCards;

/// <summary>
/// Writes the FHIR R4 Bundle of a SMART Health Card: type "collection"; a Patient (name, birthDate) as "resource:0" and
/// one Immunization per dose (status completed, CVX vaccineCode, patient "resource:0", occurrenceDateTime, performer
/// display, lotNumber) as "resource:1".."resource:n". No ids, meta, text or display, as the SHC profile asks.
/// </summary>
internal static class FhirBundleWriter
{
    public const string CvxSystem = "http://hl7.org/fhir/sid/cvx";

    public static void Write(Utf8JsonWriter writer, SmartHealthCardContent content, string performer)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceType", "Bundle");
        writer.WriteString("type", "collection");
        writer.WriteStartArray("entry");

        writer.WriteStartObject();
        writer.WriteString("fullUrl", "resource:0");
        writer.WriteStartObject("resource");
        writer.WriteString("resourceType", "Patient");
        writer.WriteStartArray("name");
        writer.WriteStartObject();
        writer.WriteString("family", content.FamilyName);
        if (content.GivenNames.Count > 0)
        {
            writer.WriteStartArray("given");
            foreach (var given in content.GivenNames)
            {
                writer.WriteStringValue(given);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteString("birthDate", Iso(content.BirthDate));
        writer.WriteEndObject();
        writer.WriteEndObject();

        for (var i = 0; i < content.Doses.Count; i++)
        {
            var (dose, code) = content.Doses[i];
            writer.WriteStartObject();
            writer.WriteString("fullUrl", string.Create(CultureInfo.InvariantCulture, $"resource:{i + 1}"));
            writer.WriteStartObject("resource");
            writer.WriteString("resourceType", "Immunization");
            writer.WriteString("status", "completed");
            writer.WriteStartObject("vaccineCode");
            writer.WriteStartArray("coding");
            writer.WriteStartObject();
            writer.WriteString("system", CvxSystem);
            writer.WriteString("code", code.Cvx);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("patient");
            writer.WriteString("reference", "resource:0");
            writer.WriteEndObject();
            writer.WriteString("occurrenceDateTime", Iso(dose.Date));
            writer.WriteStartArray("performer");
            writer.WriteStartObject();
            writer.WriteStartObject("actor");
            writer.WriteString("display", performer);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("lotNumber", dose.LotNumber);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
