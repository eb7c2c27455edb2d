using System.Buffers.Text;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Vaccination.Application.Certificates.SmartHealthCards;
using Vaccination.Application.Certificates.VdsNc;
using Vaccination.Application.Keys;
using Vaccination.Domain.DataQuality;
using Vaccination.Domain.Identifiers;
using Vaccination.Infrastructure.Keys;
using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;
using Vaccination.UnitTests.Certificates;
using static Vaccination.IntegrationTests.Environment.TestData;

namespace Vaccination.IntegrationTests.Certificates;

/// <summary>Certificate applications against the real self-host over loopback HTTP, with a test card issuer as trust anchor.</summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class CertificateIssuanceTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private const string Address = "北海道旭川市証明町1丁目2番3号";
    private const string CertificatesPath = "api/municipalities/012041/certificates";
    private SelfHostProcess _host = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _host = await environment.GetSelfHostAsync();
        _api = new ApiClient(_host);
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AppRequest_ValidCard_IssuesShcThatVerifiesWithServedJwksAndQrWithTwoSegments()
    {
        var myNumber = await RegisterAsync("CERT-OK", 9001, doses: 2);

        var (status, body) = await ApplyAsync(CertificatesPath, "012041", "app", "domestic", Card(myNumber));

        Assert.Equal(200, status);
        var card = body.GetProperty("smartHealthCard");
        var jws = card.GetProperty("jws").GetString()!;
        Assert.Equal(jws, card.GetProperty("file").GetProperty("verifiableCredential")[0].GetString());
        var payload = JsonDocument.Parse(RawDeflate.Decompress(Base64Url.DecodeFromChars(jws.Split('.')[1]))).RootElement;
        var issuer = payload.GetProperty("iss").GetString()!;
        Assert.Equal(new Uri(_host.BaseAddress, "api").ToString(), issuer);

        using var http = new HttpClient();
        using var jwksResponse = await http.GetAsync(new Uri(issuer + "/.well-known/jwks.json"));
        var jwksText = await jwksResponse.Content.ReadAsStringAsync();
        var keys = JsonDocument.Parse(jwksText).RootElement.GetProperty("keys");
        Assert.Equal("*", jwksResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.All(keys.EnumerateArray(), key =>
        {
            Assert.Equal(("EC", "P-256", "sig", "ES256"), (Text(key, "kty"), Text(key, "crv"), Text(key, "use"), Text(key, "alg")));
            Assert.False(key.TryGetProperty("d", out _));
            Assert.Equal(Text(key, "kid"), JwkThumbprint.ComputeForEcP256(Base64Url.DecodeFromChars(Text(key, "x")), Base64Url.DecodeFromChars(Text(key, "y"))));
        });
        var published = keys.EnumerateArray().Select(k => new EcPublicKey(Text(k, "kid"), Base64Url.DecodeFromChars(Text(k, "x")), Base64Url.DecodeFromChars(Text(k, "y")))).ToList();
        Assert.NotNull(CompactJws.Verify(jws, published));

        var qr = DecodedQr.FromPng(Convert.FromBase64String(card.GetProperty("qrPng").GetString()!));
        Assert.Equal(card.GetProperty("qrNumeric").GetString(), qr.Text);
        Assert.Equal(SmartHealthCardNumeric.Encode(jws), qr.Text);
        Assert.Equal(2, qr.Segments.Count);
        Assert.Equal(("byte", "shc:/"), (qr.Segments[0].Mode, qr.Segments[0].Content));
        Assert.Equal("numeric", qr.Segments[1].Mode);
        Assert.InRange(qr.Version, 1, 22);

        var entries = payload.GetProperty("vc").GetProperty("credentialSubject").GetProperty("fhirBundle").GetProperty("entry");
        Assert.Equal(3, entries.GetArrayLength());
        Assert.Equal("旭川", entries[0].GetProperty("resource").GetProperty("name")[0].GetProperty("family").GetString());
        Assert.Equal("208", entries[1].GetProperty("resource").GetProperty("vaccineCode").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal("resource:0", entries[2].GetProperty("resource").GetProperty("patient").GetProperty("reference").GetString());
        Assert.DoesNotContain("\"id\"", payload.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"meta\"", payload.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ForgedCardSignature_IsRefusedWithSignatureInvalid()
    {
        var genuine = await RegisterAsync("CERT-FORGE-A", 9011);
        var victim = await RegisterAsync("CERT-FORGE-B", 9012);

        var forged = TestCardIssuer.Shared.ForgedCard(genuine, victim, Name, Address, "1975-03-14");
        var (status, body) = await ApplyAsync(CertificatesPath, "012041", "app", "domestic", forged);

        Assert.Equal(400, status);
        Assert.Equal("card.signature_invalid", body.GetProperty("code").GetString());
        Assert.False(body.TryGetProperty("smartHealthCard", out _));
    }

    [Fact]
    public async Task Request_CardSignedByUntrustedIssuer_IsRefusedWithCertificateUntrusted()
    {
        var myNumber = await RegisterAsync("CERT-UNTRUST", 9013);
        using var untrusted = TestCardIssuer.Untrusted();

        var (status, body) = await ApplyAsync(CertificatesPath, "012041", "app", "domestic", untrusted.Card(myNumber, Name, Address, "1975-03-14"));

        Assert.Equal(400, status);
        Assert.Equal("card.certificate_untrusted", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task KioskRequest_TenantWithoutKioskIssuance_IsRefusedWithKioskNotOffered()
    {
        var (status, body) = await ApplyAsync(
            "api/municipalities/131016/certificates", "131016", "kiosk", "domestic", Card(MyNumberFor(9021)));

        Assert.Equal(403, status);
        Assert.Equal("certificate.kiosk_not_offered", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task CredentialOfOneChannel_ApplyingAsTheOther_IsRefused_SoAKioskCannotPassForTheApp()
    {
        var kiosk = await _api.UngrantedTokenAsync("certificate-channel", "131016", channel: "kiosk");
        var app = await _api.UngrantedTokenAsync("certificate-channel", "012041", channel: "app");

        var (kioskAsApp, kioskAsAppBody) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/131016/certificates", kiosk,
            new { channel = "app", kind = "domestic", card = Card(MyNumberFor(9022)) });
        var (appAsKiosk, appAsKioskBody) = await _api.SendAsync(HttpMethod.Post, CertificatesPath, app,
            new { channel = "kiosk", kind = "domestic", card = Card(MyNumberFor(9022)) });

        Assert.Equal((403, 403), (kioskAsApp, appAsKiosk));
        Assert.Equal("certificate.channel_mismatch", kioskAsAppBody.GetProperty("code").GetString());
        Assert.Equal("certificate.channel_mismatch", appAsKioskBody.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Request_ProtectedPerson_IsRefusedCounterOnly()
    {
        var myNumber = await RegisterAsync("CERT-PROT", 9031);
        await SetFlagAsync("CERT-PROT", "auto-response-hold");

        var (status, body) = await ApplyAsync(CertificatesPath, "012041", "app", "domestic", Card(myNumber));

        Assert.Equal(403, status);
        Assert.Equal("certificate.counter_only", body.GetProperty("code").GetString());
        Assert.Equal("contact-support", body.GetProperty("retry").GetString());
    }

    [Fact]
    public async Task Request_SuspendedPerson_IsRefusedSuspended()
    {
        var myNumber = await RegisterAsync("CERT-SUSP", 9032);
        await SetFlagAsync("CERT-SUSP", "suspension");

        var (status, body) = await ApplyAsync(CertificatesPath, "012041", "app", "domestic", Card(myNumber));

        Assert.Equal(403, status);
        Assert.Equal("certificate.suspended", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Request_PersonWithUnresolvedDataQualityError_IsRefusedDataErrors()
    {
        var myNumber = await RegisterAsync("CERT-DQ", 9041);
        using var store = new SelfHostStore(environment, _host);
        var flag = new DataQualityFlag(
            SubjectId.TryCreate("CERT-DQ").Value, "dose.after_death", DataQualitySeverity.Error, DoseNumber.TryCreate(1).Value, "test flag", null, DateTimeOffset.UtcNow);
        await store.DataQuality.SaveAsync(Asahikawa, [flag]);

        var (status, body) = await ApplyAsync(CertificatesPath, "012041", "app", "domestic", Card(myNumber));

        Assert.Equal(403, status);
        Assert.Equal("certificate.data_errors", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Request_PersonWithoutDoses_IsRefusedNoDoses()
    {
        var myNumber = await RegisterAsync("CERT-NODOSE", 9051, doses: 0);

        var (status, body) = await ApplyAsync(CertificatesPath, "012041", "app", "domestic", Card(myNumber));

        Assert.Equal(403, status);
        Assert.Equal("certificate.no_doses", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task OverseasIssuance_RawStorageAndLogs_HoldOnlyTheKeptItems()
    {
        const string passportNumber = "TZ9876543";
        const string romanized = "SHOMEIKEEP";
        var myNumber = await RegisterAsync("CERT-KEEP", 9061);
        var passport = new { surname = romanized, givenNames = "HANAKO", passportNumber, nationality = "JPN" };

        var (status, body) = await ApplyAsync(CertificatesPath, "012041", "app", "overseas", Card(myNumber), passport);

        Assert.Equal(200, status);
        var certificateId = body.GetProperty("certificateId").GetString()!;
        VerifyVdsNc(body.GetProperty("vdsNc"), certificateId, passportNumber);

        var rows = await RawTableScanner.ReadAllAsync(environment.Azurite.ConnectionString, _host.TablePrefix);
        var kept = rows.Where(r => ((string)r["__table"]).EndsWith("IssuedCertificates", StringComparison.Ordinal) && r.RowKey.StartsWith("CERT-KEEP_", StringComparison.Ordinal)).ToList();
        var row = Assert.Single(kept);
        Assert.Equal(
            ["CertificateId", "IssuedOn", "Kind", "Passport"],
            row.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" or "__table")).Order(StringComparer.Ordinal));
        Assert.Equal(certificateId, row.GetString("CertificateId"));
        Assert.Equal("Overseas", row.GetString("Kind"));
        Assert.StartsWith("e1.p.", row.GetString("Passport"), StringComparison.Ordinal);

        var storedText = string.Join('\n', RawTableScanner.Texts(rows));
        var logs = _host.CapturedLogs;
        Assert.Contains(certificateId, logs, StringComparison.Ordinal);
        var jws = body.GetProperty("smartHealthCard").GetProperty("jws").GetString()!;
        string[] neverKept = [myNumber, Address, "旭川市", passportNumber, romanized, Name, "花子", "1975-03-14", jws[..40], jws[^40..]];
        foreach (var value in neverKept)
        {
            Assert.DoesNotContain(value, storedText, StringComparison.Ordinal);
            Assert.DoesNotContain(value, logs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KioskOverseasRequest_ReusesPassportRegisteredThroughTheApp_AndRefusesAnUnknownPassport()
    {
        var myNumber = await RegisterAsync("CERT-KIOSK", 9071);
        var passport = new { surname = "KIOSKA", givenNames = "HANAKO", passportNumber = "TK1112223", nationality = "JPN" };
        var (appStatus, _) = await ApplyAsync(CertificatesPath, "012041", "app", "overseas", Card(myNumber), passport);

        var (kioskStatus, kioskBody) = await ApplyAsync(CertificatesPath, "012041", "kiosk", "overseas", Card(myNumber), new { passportNumber = "TK1112223" });
        var (unknownStatus, unknownBody) = await ApplyAsync(CertificatesPath, "012041", "kiosk", "overseas", Card(myNumber), new { passportNumber = "TK0000000" });

        Assert.Equal(200, appStatus);
        Assert.Equal(200, kioskStatus);
        Assert.Equal("TK1112223", kioskBody.GetProperty("vdsNc").GetProperty("data").GetProperty("msg").GetProperty("pid").GetProperty("i").GetString());
        Assert.Equal(403, unknownStatus);
        Assert.Equal("certificate.passport_not_registered", unknownBody.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Request_StaffRole_IsForbidden()
    {
        var token = await _api.TokenAsync("municipal-staff", "012041");

        var (status, _) = await _api.SendAsync(HttpMethod.Post, CertificatesPath, token, new { channel = "app", kind = "domestic", card = Card(MyNumberFor(9081)) });

        Assert.Equal(403, status);
    }

    private static void VerifyVdsNc(JsonElement seal, string certificateId, string passportNumber)
    {
        var data = seal.GetProperty("data");
        Assert.Equal("icao.vacc", data.GetProperty("hdr").GetProperty("t").GetString());
        Assert.Equal(certificateId, data.GetProperty("msg").GetProperty("uvci").GetString());
        Assert.Equal(passportNumber, data.GetProperty("msg").GetProperty("pid").GetProperty("i").GetString());
        var signature = seal.GetProperty("sig");
        using var signer = X509CertificateLoader.LoadCertificate(Base64Url.DecodeFromChars(signature.GetProperty("cer").GetString()));
        using var key = signer.GetECDsaPublicKey()!;
        var canonical = JsonCanonicalizer.Canonicalize(data);
        Assert.True(key.VerifyData(canonical, Base64Url.DecodeFromChars(signature.GetProperty("sigvl").GetString()), HashAlgorithmName.SHA256));
        Assert.Equal(Encoding.UTF8.GetString(canonical), data.GetRawText());
    }

    private static object Card(string myNumber) => TestCardIssuer.Shared.Card(myNumber, Name, Address, "1975-03-14");

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private async Task<string> RegisterAsync(string subjectId, int index, int doses = 1)
    {
        var myNumber = MyNumberFor(index);
        var staff = await _api.TokenAsync("municipal-staff", "012041");
        var (status, _) = await _api.SendAsync(HttpMethod.Put, $"api/municipalities/012041/subjects/{subjectId}", staff, new
        {
            myNumber,
            name = Name,
            birthDate = "1975-03-14",
            sex = "Female",
            tickets = new[] { "0123456789" },
        });
        Assert.Equal(200, status);
        for (var dose = 1; dose <= doses; dose++)
        {
            var (doseStatus, _) = await _api.SendAsync(HttpMethod.Post, $"api/municipalities/012041/subjects/{subjectId}/doses", staff, new
            {
                doseNumber = dose,
                date = new DateOnly(2021, 6, 1).AddDays(21 * (dose - 1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                manufacturer = "Pfizer",
                product = "Comirnaty",
                vaccineType = "mRNA",
                lotNumber = "FA5765",
                siteName = "Asahikawa Central Clinic",
            });
            Assert.Equal(200, doseStatus);
        }

        return myNumber;
    }

    /// <summary>Asahikawa's staff set a subject flag through its route (PUT .../subjects/{id}/{flag}).</summary>
    private async Task SetFlagAsync(string subjectId, string flag)
    {
        var staff = await _api.TokenAsync("municipal-staff", "012041");
        var (status, _) = await _api.SendAsync(HttpMethod.Put, $"api/municipalities/012041/subjects/{subjectId}/{flag}", staff);
        Assert.Equal(200, status);
    }

    private async Task<(int Status, JsonElement Body)> ApplyAsync(string path, string municipality, string channel, string kind, object card, object? passport = null)
    {
        var token = await _api.UngrantedTokenAsync("certificate-channel", municipality, channel: channel);
        return await _api.SendAsync(HttpMethod.Post, path, token, new { channel, kind, card, passport });
    }
}
