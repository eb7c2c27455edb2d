using System.Globalization;
using System.Net.Http.Headers;
using FsCheck;
using FsCheck.Fluent;
using Vaccination.Application.Ingestion;
using Vaccination.Benchmarks.Soak;
using Vaccination.ReliabilityTests.Environment;
using Xunit.Abstractions;

namespace Vaccination.ReliabilityTests.Fuzzing;

/// <summary>
/// Mutated webhook bodies, correctly signed, sent to the real self-host by VRS and by a vaccination site: never a 5xx,
/// and a refused body (4xx) changes no table (the audit trail, which records every request, aside).
/// </summary>
[Collection(ReliabilityTestGroup.Name)]
public sealed class WebhookHttpFuzzTests(ReliabilityEnvironment environment, ITestOutputHelper output)
{
    [Fact]
    public async Task SignedWebhook_MutatedBodies_AnsweredWithout5xxAndRefusalsWriteNothing()
    {
        var host = await environment.SharedHostAsync("fuzz");
        using var client = new SoakClient(host.CreateClient());
        var tokens = new[] { await client.TokenAsync("vrs", SoakClient.Asahikawa), await client.TokenAsync("vaccination-site", SoakClient.Asahikawa) };
        var secret = await client.WebhookSecretAsync(SoakClient.Asahikawa);
        await WarmUpAsync(client, tokens[0], secret);
        var cases = Corpus.Mutations("webhook").Generator.Zip(Gen.Elements(0, 1), (body, caller) => (Body: body, Caller: caller)).ToArbitrary();
        var answers = new Dictionary<int, int>();

        Check.One(Corpus.Config.WithMaxTest(Math.Max(30, Corpus.Runs / 3)), Prop.ForAll(cases, item =>
        {
            var before = Counts(host);
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var path = item.Body.AsSpan().IndexOf("\"events\""u8) >= 0 ? "vrs/events/batch" : "vrs/events";
            var request = new HttpRequestMessage(HttpMethod.Post, $"api/municipalities/{SoakClient.Asahikawa}/{path}") { Content = new ByteArrayContent(item.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[item.Caller]);
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, item.Body));
            var (status, body) = client.SendAsync(request).GetAwaiter().GetResult();
            answers[status] = answers.GetValueOrDefault(status) + 1;

            Assert.True(status is >= 200 and < 500, $"{status}: {body}\ninput (Base64): {Corpus.Show(item.Body)}");
            if (status >= 400)
            {
                Assert.Equal(before, Counts(host));
            }
        }));

        output.WriteLine("answers: " + string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Value} x {a.Key}")));
        Assert.True(answers.Keys.Any(s => s >= 400), "No mutated body was refused: the fuzzing reached nothing.");
    }

    /// <summary>One person registered with a dose first, so the tenant keys made on first use are not counted as a fuzz write.</summary>
    private static async Task WarmUpAsync(SoakClient client, string token, byte[] secret)
    {
        var subject = "FZ-WARM-" + Guid.NewGuid().ToString("N")[..6];
        var registered = await client.PostEventAsync(token, secret, SoakClient.Asahikawa,
            SoakClient.Registered("evt-" + Guid.NewGuid().ToString("N"), subject, "3999999999", Vaccination.Benchmarks.MyNumbers.For(31337), "旭川 花子", "1975-03-14"));
        var dose = await client.PostEventAsync(token, secret, SoakClient.Asahikawa, SoakClient.Dose("evt-" + Guid.NewGuid().ToString("N"), subject, 1));
        Assert.True(registered.Status == 200 && dose.Status == 200, registered.Body + dose.Body);
    }

    private string Counts(SoakHost host) => RawRows.CallerVisibleCountsAsync(environment.ConnectionString, host.TablePrefix).GetAwaiter().GetResult();
}
