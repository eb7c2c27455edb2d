using System.Buffers;
using System.Text.Json;

namespace Vaccination.Application.Certificates.SmartHealthCards;

/// <summary>
/// The JWS payload of a SMART Health Card, minified:
/// <c>{"iss","nbf","vc":{"type":[...],"credentialSubject":{"fhirVersion":"4.0.1","fhirBundle":{...}}}}</c>.
/// </summary>
public static class SmartHealthCardPayload
{
    public const string FhirVersion = "4.0.1";

    /// <summary>#health-card is required; #immunization and #covid19 are what Japan's cards carried (verifiers ignore unknown types).</summary>
    public static IReadOnlyList<string> CredentialTypes { get; } =
    [
        "https://smarthealth.cards#health-card",
        "https://smarthealth.cards#immunization",
        "https://smarthealth.cards#covid19",
    ];

    public static byte[] Create(string issuer, DateTimeOffset notBefore, SmartHealthCardContent content, string performer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(content);
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, ShcJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", issuer);
            writer.WriteNumber("nbf", notBefore.ToUnixTimeSeconds());
            writer.WriteStartObject("vc");
            writer.WriteStartArray("type");
            foreach (var type in CredentialTypes)
            {
                writer.WriteStringValue(type);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("credentialSubject");
            writer.WriteString("fhirVersion", FhirVersion);
            writer.WritePropertyName("fhirBundle");
            FhirBundleWriter.Write(writer, content, performer);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
