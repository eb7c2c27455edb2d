using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;
using Vaccination.Application.Callers;
using Vaccination.Application.Certificates;
using Vaccination.Application.Certificates.Qr;
using Vaccination.Application.Certificates.SmartHealthCards;
using Vaccination.Application.Exchange;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Ingestion.Import;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Ingestion;

namespace Vaccination.ReliabilityTests.Fuzzing;

/// <summary>
/// Every parser that takes outside input, fed mutated corpus inputs by FsCheck: it answers (a value or validation errors)
/// within a time bound and never throws anything but its documented exception. A failing case is shrunk and printed as
/// Base64; kept under Corpora/{parser}/regressions/ it is replayed by every later run.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly Tenant Asahikawa = new(MunicipalityCode.Parse("012041"), "Asahikawa", "Hokkaido", 20, true, 16);
    private static readonly Tenant Sapporo = new(MunicipalityCode.Parse("011002"), "Sapporo", "Hokkaido", 5, true, 16);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
    private static readonly WebhookEventValidator Validator = new(Clock, new TenantRegistry([Asahikawa, Sapporo]), new SubjectRequestValidator(Clock));
    private static readonly JsonDocumentOptions WebhookDocument = new() { MaxDepth = 16 };

    [Fact]
    public void WebhookBody_MutatedEvents_ParseToEventsOrValidationErrors()
    {
        var vrs = new Caller("vrs", CallerRole.Vrs, Asahikawa.Code);
        var site = new Caller("site", CallerRole.VaccinationSite, Asahikawa.Code);
        Corpus.Check("webhook", body => Corpus.WithinTimeBound(() =>
        {
            // What WebhookIngestionService and EventProcessor do with a verified body, short of storage.
            if (!System.Text.Unicode.Utf8.IsValid(body))
            {
                return;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body, WebhookDocument);
            }
            catch (JsonException)
            {
                return;
            }

            using (document)
            {
                var root = document.RootElement;
                if (!Decodable(root))
                {
                    return;
                }

                var events = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("events", out var batch) && batch.ValueKind == JsonValueKind.Array
                    ? batch.EnumerateArray().ToList()
                    : [root];
                foreach (var element in events)
                {
                    _ = SiteContentScreen.ContainsMyNumber(element);
                    WebhookEvent? received;
                    try
                    {
                        received = element.Deserialize<WebhookEvent>(IngestionJson.Options);
                    }
                    catch (JsonException)
                    {
                        continue;
                    }

                    if (received is not null)
                    {
                        AssertAnswered(Validator.Validate(vrs, Asahikawa, received));
                        AssertAnswered(Validator.Validate(site, Asahikawa, received));
                    }
                }
            }
        }));
    }

    [Fact]
    public void BulkInquiryFile_MutatedFiles_ParseToRequestsOrLineErrors()
    {
        Corpus.Check("bulk-inquiry", bytes => Corpus.WithinTimeBound(() =>
        {
            var parsed = BulkInquiryCsv.Parse(Encoding.UTF8.GetString(bytes));
            if (parsed.IsSuccess)
            {
                Assert.InRange(parsed.Value.Count, 1, BulkInquiryCsv.MaxLines);
                Assert.All(parsed.Value, r => Assert.DoesNotContain(",", r.SubjectId + r.MyNumber + r.FormerMunicipality + r.LegalBasis + r.ConsentReference, StringComparison.Ordinal));
            }
            else
            {
                Assert.All(parsed.Errors, e => Assert.Equal(ErrorKind.Validation, e.Kind));
            }
        }));
    }

    [Fact]
    public void ExchangeMessage_MutatedEnvelopesAndPayloads_ParseOrAreRefusedWhole()
    {
        Corpus.Check("exchange", bytes => Corpus.WithinTimeBound(() =>
        {
            var parsed = ExchangeMessageCodec.Parse(Encoding.UTF8.GetString(bytes));
            if (parsed.IsSuccess)
            {
                var again = ExchangeMessageCodec.Parse(ExchangeMessageCodec.Serialize(parsed.Value));
                Assert.True(again.IsSuccess);
                Assert.Equal(parsed.Value.MessageId, again.Value.MessageId);
                Assert.Equal(parsed.Value.Type, again.Value.Type);
                Assert.Equal(parsed.Value.Recipient, again.Value.Recipient);
            }
            else
            {
                Assert.Equal("exchange.malformed_message", Assert.Single(parsed.Errors).Code);
            }

            _ = ExchangeMessageCodec.FromPayloadBytes<InquiryPayload>(bytes);
            _ = ExchangeMessageCodec.FromPayloadBytes<ResponsePayload>(bytes);
        }));
    }

    [Fact]
    public void CardData_MutatedSignedData_ParsesOrIsRefusedWithCardCodes()
    {
        using var issuer = new FuzzCardIssuer();
        var verifier = new CardDataVerifier(issuer.Anchors, TimeProvider.System);
        Corpus.Check("card", data => Corpus.WithinTimeBound(() =>
        {
            var signed = issuer.Sign(data);
            var verified = verifier.Verify(signed);
            if (!verified.IsSuccess)
            {
                Assert.All(verified.Errors, e => Assert.True(e.Kind == ErrorKind.Validation && e.Field!.StartsWith("card", StringComparison.Ordinal), e.Code));
            }

            // The same bytes as an unsigned envelope, and as a certificate: refused, never thrown.
            var text = Encoding.UTF8.GetString(data);
            AssertAnswered(verifier.Verify(new SignedCardData(text, text, [text])));
            AssertAnswered(verifier.Verify(new SignedCardData(signed.Data, signed.Signature, [Convert.ToBase64String(data)])));
        }));
    }

    [Fact]
    public void VrsExportCsv_MutatedFiles_ReadToRowsAndRowErrors()
    {
        var reader = new VrsExportCsvReader();
        Corpus.Check("vrs-export", bytes => Corpus.WithinTimeBound(() =>
        {
            var rows = reader.ReadAsync(new StringReader(Encoding.UTF8.GetString(bytes))).ToBlockingEnumerable().ToList();
            foreach (var row in rows)
            {
                if (row == rows[0])
                {
                    _ = VrsExportFormat.CheckHeader(row.Fields);
                }
                else
                {
                    AssertAnswered(VrsExportFormat.Parse(row, Asahikawa, Validator));
                }
            }
        }));
    }

    [Fact]
    public void SmartHealthCardNumeric_MutatedQrContent_DecodesExactlyOrThrowsFormatException()
    {
        Corpus.Check("shc", bytes => Corpus.WithinTimeBound(() =>
        {
            var numeric = Encoding.UTF8.GetString(bytes);
            string jws;
            try
            {
                jws = SmartHealthCardNumeric.Decode(numeric);
            }
            catch (FormatException)
            {
                return;
            }

            Assert.Equal(numeric, SmartHealthCardNumeric.Encode(jws));
        }));
    }

    [Fact]
    public void QrPngReader_MutatedImages_DecodesOrFailsWithoutHanging()
    {
        var png = QrPng.Render(SmartHealthCardIssuer.Render("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUifQ.c2ln")!);
        var images = Gen.Choose(0, int.MaxValue).Select(salt =>
        {
            var random = new Random(salt);
            var copy = (byte[])png.Clone();
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                copy[random.Next(8, copy.Length)] ^= (byte)(1 << random.Next(8));
            }

            return random.Next(4) == 0 ? copy[..random.Next(8, copy.Length)] : copy;
        }).ToArbitrary();
        Check.One(Corpus.Config.WithMaxTest(Math.Max(20, Corpus.Runs / 10)), Prop.ForAll(images, image => Corpus.WithinTimeBound(() =>
        {
            try
            {
                var decoded = Vaccination.UnitTests.Certificates.DecodedQr.FromPng(image);
                Assert.StartsWith(SmartHealthCardNumeric.Prefix, decoded.Text, StringComparison.Ordinal);
            }
            catch (Exception e) when (e is not OutOfMemoryException and not TimeoutException)
            {
                // A damaged image is refused by a test assertion or a decoder exception: both are answers.
            }
        })));
    }

    /// <summary>The service's check that every name and string reads as text (it refuses the body otherwise).</summary>
    private static bool Decodable(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Object => element.EnumerateObject().All(p => p.Name is not null && Decodable(p.Value)),
                JsonValueKind.Array => element.EnumerateArray().All(Decodable),
                JsonValueKind.String => element.GetString() is not null,
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void AssertAnswered<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess || result.Errors.Count > 0);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.Code)));
    }
}
