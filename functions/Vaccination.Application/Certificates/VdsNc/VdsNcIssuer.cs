using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Vaccination.Application.Certificates.SmartHealthCards;
using Vaccination.Application.Keys;
using Vaccination.Domain.Certificates;

namespace Vaccination.Application.Certificates.VdsNc;

/// <summary>
/// Makes the ICAO VDS-NC proof of vaccination ("icao.vacc", version 1) of an overseas certificate:
/// <c>{"data":{"hdr":{"t","v","is"},"msg":{"uvci","pid":{"n","dob","i"},"ve":[{"des","nam","dis","vd":[{"dvc","seq","ctr","lot"}]}]}},
/// "sig":{"alg":"ES256","cer","sigvl"}}</c>, signed ES256 over the RFC 8785 canonical bytes of "data". The certificate
/// id is the UVCI; the passport name and number identify the holder; doses are grouped by product.
/// </summary>
public sealed class VdsNcIssuer(ISigningKeyProvider signer, IOptions<CertificateOptions> options, BarcodeSignerCertificate? signerCertificate = null)
{
    public const string CovidDisease = "RA01.0";

    public bool IsConfigured => signerCertificate is not null;

    public async Task<JsonElement> IssueAsync(
        CertificateId certificateId, PassportData passport, DateOnly birthDate, SmartHealthCardContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passport);
        ArgumentNullException.ThrowIfNull(content);
        var certificate = signerCertificate ?? throw new InvalidOperationException("No barcode-signer certificate is configured.");
        var data = JsonCanonicalizer.Canonicalize(WriteData(certificateId, passport, birthDate, content, options.Value.IssuingState));
        var signature = await signer.SignDigestAsync(SHA256.HashData(data), cancellationToken);
        if (signature.KeyId != certificate.KeyId)
        {
            throw new InvalidOperationException("The VDS-NC signing key does not match the configured barcode-signer certificate.");
        }

        var buffer = new ArrayBufferWriter<byte>(data.Length + 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            JsonCanonicalizer.WriteRaw(writer, data);
            writer.WriteStartObject("sig");
            writer.WriteString("alg", "ES256");
            writer.WriteString("cer", Base64Url.EncodeToString(certificate.Der));
            writer.WriteString("sigvl", Base64Url.EncodeToString(signature.Signature));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static byte[] WriteData(CertificateId certificateId, PassportData passport, DateOnly birthDate, SmartHealthCardContent content, string state)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("hdr");
            writer.WriteString("t", "icao.vacc");
            writer.WriteNumber("v", 1);
            writer.WriteString("is", state);
            writer.WriteEndObject();
            writer.WriteStartObject("msg");
            writer.WriteString("uvci", certificateId.Value);
            writer.WriteStartObject("pid");
            writer.WriteString("n", passport.FullName);
            writer.WriteString("dob", Iso(birthDate));
            writer.WriteString("i", passport.PassportNumber);
            writer.WriteEndObject();
            writer.WriteStartArray("ve");
            foreach (var product in content.Doses.GroupBy(d => d.Code.Cvx))
            {
                var code = product.First().Code;
                writer.WriteStartObject();
                writer.WriteString("des", code.Icd11);
                writer.WriteString("nam", code.Brand);
                writer.WriteString("dis", CovidDisease);
                writer.WriteStartArray("vd");
                foreach (var (dose, _) in product)
                {
                    writer.WriteStartObject();
                    writer.WriteString("dvc", Iso(dose.Date));
                    writer.WriteNumber("seq", dose.Number.Value);
                    writer.WriteString("ctr", state);
                    writer.WriteString("lot", dose.LotNumber);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
