using System.Collections.Concurrent;
using System.Text.Json;
using Vaccination.Benchmarks;
using Vaccination.Benchmarks.Soak;
using Vaccination.ReliabilityTests.Environment;
using Xunit.Abstractions;

namespace Vaccination.ReliabilityTests.Faults;

/// <summary>
/// Storage (tables and the exchange queue) goes down in the middle of a burst of inquiries from Sapporo to Asahikawa and
/// comes back. Staff send again an inquiry that was not accepted (5xx or no answer). Afterwards every accepted inquiry
/// is answered (or failed with a reason and a retry hint), none is lost, and none is answered twice: one provision and
/// one "provided" record at Asahikawa, one "sent" and one answer record at Sapporo, per accepted inquiry.
/// </summary>
[Collection(ReliabilityTestGroup.Name)]
public sealed class InquiryOutageTests(ReliabilityEnvironment environment, ITestOutputHelper output)
{
    private const int Persons = 30;
    private static readonly string[] PersonalTexts = ["照会 次郎", "照会", "次郎", "1966-02-17", "19660217", "1966/02/17", "INQLOT", "Inquiry Clinic Rumoi"];

    [Fact]
    public async Task Inquiries_StorageStoppedAndRestartedMidBurst_EveryAcceptedInquiryAnsweredOnce()
    {
        var host = await environment.StartHostAsync();
        using var client = new SoakClient(host.CreateClient());
        var vrs = await client.TokenAsync("vrs", SoakClient.Asahikawa);
        var secret = await client.WebhookSecretAsync(SoakClient.Asahikawa);
        var sapporo = await client.TokenAsync("municipal-admin", SoakClient.Sapporo);
        var asahikawa = await client.TokenAsync("municipal-admin", SoakClient.Asahikawa);
        var people = new List<(string AtSapporo, string MyNumber)>();
        for (var i = 0; i < Persons; i++)
        {
            var myNumber = MyNumbers.For(800_000_000 + Random.Shared.Next(1_000_000) * 64L + i);
            var atAsahikawa = $"IB-{Guid.NewGuid().ToString("N")[..10]}";
            var ticket = $"8{Random.Shared.Next(100_000_000, 999_999_999)}";
            await ExpectAsync(client.PostEventAsync(vrs, secret, SoakClient.Asahikawa,
                SoakClient.Registered(NewEventId(), atAsahikawa, ticket, myNumber, "照会 次郎", "1966-02-17")), 200);
            for (var dose = 1; dose <= 2; dose++)
            {
                await ExpectAsync(client.PostEventAsync(vrs, secret, SoakClient.Asahikawa,
                    SoakClient.Dose(NewEventId(), atAsahikawa, dose, "INQLOT", "Inquiry Clinic Rumoi")), 200);
            }

            var atSapporo = $"IA-{Guid.NewGuid().ToString("N")[..10]}";
            await ExpectAsync(client.SendJsonAsync(HttpMethod.Put, $"api/municipalities/{SoakClient.Sapporo}/subjects/{atSapporo}", sapporo,
                new { myNumber = (string?)null, name = "照会 次郎", birthDate = "1966-02-17", sex = "Male", tickets = new[] { ticket } }), 200);
            people.Add((atSapporo, myNumber));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var accepted = new ConcurrentDictionary<string, string>();
        var statuses = new ConcurrentBag<int>();
        var outage = Task.Run(async () =>
        {
            while (accepted.Count < Persons / 3)
            {
                await Task.Delay(10);
            }

            await environment.StopStorageAsync();

            // Longer than the storage client's own retries (about 6 s), so the outage reaches the callers; and, as the
            // senders' timing varies from run to run, until one of them has met it (at most 30 s).
            var down = System.Diagnostics.Stopwatch.StartNew();
            while (down.Elapsed < TimeSpan.FromSeconds(8) || (!statuses.Any(s => s is 0 or >= 500) && down.Elapsed < TimeSpan.FromSeconds(30)))
            {
                await Task.Delay(100);
            }

            await environment.StartStorageAsync();
            return accepted.Count;
        });
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (person, cancellationToken) =>
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var (status, body) = await client.SendJsonAsync(HttpMethod.Post, $"api/municipalities/{SoakClient.Sapporo}/inquiries", sapporo, new
                {
                    subjectId = person.AtSapporo,
                    myNumber = person.MyNumber,
                    formerMunicipality = SoakClient.Asahikawa,
                    legalBasis = "mynumber-act-19-16",
                    consentReference = "CONSENT-OUTAGE",
                }, cancellationToken);
                statuses.Add(status);
                if (status == 202)
                {
                    accepted[JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!] = person.AtSapporo;
                    return;
                }

                Assert.True(status is 0 or >= 500, $"{status}: {body}");
                await Task.Delay(250, cancellationToken);
            }
        });
        var acceptedWhenStopped = await outage;

        var final = new Dictionary<string, JsonElement>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        foreach (var id in accepted.Keys)
        {
            while (true)
            {
                var (status, body) = await client.SendJsonAsync(HttpMethod.Get, $"api/municipalities/{SoakClient.Sapporo}/inquiries/{id}", sapporo, null);
                var view = status == 200 ? JsonDocument.Parse(body).RootElement.Clone() : default;
                if ((status == 200 && view.GetProperty("status").GetString() != "awaiting") || DateTime.UtcNow > deadline)
                {
                    final[id] = view;
                    break;
                }

                await Task.Delay(200);
            }
        }

        var inquiryRows = await RawRows.ReadAsync(environment.ConnectionString, host.TablePrefix, "Inquiries");
        output.WriteLine($"{Persons} inquiries in {clock.Elapsed.TotalSeconds:F1} s until all answered; storage down for at least 8 s, {acceptedWhenStopped} accepted when it came back; {statuses.Count} POSTs: "
            + string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} x {(g.Key == 0 ? "no answer" : g.Key)}"))
            + "; final: " + string.Join(", ", final.Values.GroupBy(v => v.ValueKind == JsonValueKind.Object ? v.GetProperty("status").GetString() : "unreadable").Select(g => $"{g.Count()} {g.Key}"))
            + $"; inquiry rows stored: {inquiryRows.Count} (not accepted, never sent: {inquiryRows.Count(r => !accepted.ContainsKey(r.RowKey))})");
        Assert.True(acceptedWhenStopped < Persons, "The outage began after the burst had ended; it tested nothing.");
        Assert.True(statuses.Any(s => s is 0 or >= 500), "No inquiry met the outage.");
        Assert.Equal(Persons, accepted.Count);
        foreach (var (id, view) in final)
        {
            Assert.True(view.ValueKind == JsonValueKind.Object, $"Inquiry {id} could not be read.");
            var status = view.GetProperty("status").GetString();
            Assert.True(status == "provided" || (status == "failed" && view.GetProperty("failureReason").GetString() is { Length: > 0 }
                && view.GetProperty("retryHint").GetString() is { Length: > 0 }), $"Inquiry {id}: {view}");
        }

        var provisions = await RawRows.ReadAsync(environment.ConnectionString, host.TablePrefix, "Provisions");
        foreach (var (id, view) in final.Where(f => f.Value.GetProperty("status").GetString() == "provided"))
        {
            Assert.Single(provisions, p => p.GetString("InquiryId") == id);
            Assert.Equal(2, view.GetProperty("doses").GetArrayLength());
            Assert.Equal(["provided"], await RecordEventsAsync(client, SoakClient.Asahikawa, asahikawa, id));
            Assert.Equal(["sent", "provided"], await RecordEventsAsync(client, SoakClient.Sapporo, sapporo, id));
        }

        await Scans.AssertNothingInClearAsync(environment, host, PersonalTexts, people.Select(p => p.MyNumber));
    }

    private static async Task<string[]> RecordEventsAsync(SoakClient client, string municipality, string token, string inquiryId)
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Get, $"api/municipalities/{municipality}/exchange-records?inquiryId={inquiryId}", token, null);
        Assert.True(status == 200, body);
        return JsonDocument.Parse(body).RootElement.EnumerateArray().Select(r => r.GetProperty("event").GetString()!).ToArray();
    }

    private static string NewEventId() => "evt-" + Guid.NewGuid().ToString("N");

    private static async Task ExpectAsync(Task<(int Status, string Body)> call, int expected)
    {
        var (status, body) = await call;
        Assert.True(status == expected, $"{status}: {body}");
    }
}
