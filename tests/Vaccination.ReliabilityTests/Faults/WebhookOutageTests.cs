using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using Vaccination.Benchmarks;
using Vaccination.Benchmarks.Soak;
using Vaccination.ReliabilityTests.Environment;
using Xunit.Abstractions;

namespace Vaccination.ReliabilityTests.Faults;

/// <summary>
/// Storage goes down in the middle of a sustained VRS webhook load and comes back. The sender behaves as VRS does: an
/// event not acknowledged (503, or no answer) is sent again, same bytes, freshly signed, until it is. Afterwards every
/// event is acknowledged as applied and stored exactly once: one subject row per person, one dose row per dose, one
/// idempotency record per event, one key row per person, and every person reads back whole.
/// </summary>
[Collection(ReliabilityTestGroup.Name)]
public sealed class WebhookOutageTests(ReliabilityEnvironment environment, ITestOutputHelper output)
{
    private const int Persons = 60;
    private const int Senders = 6;
    /// <summary>Longer than the storage client's own retries (3 retries, 0.8 s doubling: about 6 s), so the outage reaches the callers.</summary>
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(8);
    private static readonly string[] PersonalTexts = ["障害 一郎", "障害", "一郎", "1961-11-23", "19611123", "1961/11/23", "FAULTLOT", "Fault Clinic Nayoro"];

    [Fact]
    public async Task Webhooks_StorageStoppedAndRestartedMidLoad_EveryAcknowledgedEventStoredExactlyOnce()
    {
        var host = await environment.StartHostAsync();
        using var client = new SoakClient(host.CreateClient());
        var vrs = await client.TokenAsync("vrs", SoakClient.Asahikawa);
        var secret = await client.WebhookSecretAsync(SoakClient.Asahikawa);
        var admin = await client.TokenAsync("municipal-admin", SoakClient.Asahikawa);
        var people = Enumerable.Range(0, Persons).Select(i => new Person(
            $"F-{Guid.NewGuid().ToString("N")[..10]}", MyNumbers.For(700_000_000 + Random.Shared.Next(1_000_000) * 64L + i),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"6{Random.Shared.Next(100_000_000, 999_999_999)}"))).ToList();
        var events = people.Select(p => Enumerable.Range(0, 3).Select(n =>
        {
            var eventId = "evt-" + Guid.NewGuid().ToString("N");
            return (EventId: eventId, Body: n == 0
                ? SoakClient.Registered(eventId, p.SubjectId, p.Ticket, p.MyNumber, "障害 一郎", "1961-11-23")
                : SoakClient.Dose(eventId, p.SubjectId, n, "FAULTLOT", "Fault Clinic Nayoro"));
        }).ToList()).ToList();
        var statuses = new ConcurrentBag<int>();
        var finals = new ConcurrentDictionary<string, (int Status, string Body)>();
        var acknowledged = 0;
        var total = Persons * 3;

        var outage = Task.Run(async () =>
        {
            while (Volatile.Read(ref acknowledged) < total / 3)
            {
                await Task.Delay(20);
            }

            await environment.StopStorageAsync();
            await Task.Delay(Downtime);
            await environment.StartStorageAsync();
            return Volatile.Read(ref acknowledged);
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var queue = new ConcurrentQueue<List<(string EventId, byte[] Body)>>(events);
        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var personEvents))
            {
                foreach (var (eventId, body) in personEvents)
                {
                    var answer = await SendUntilAcknowledgedAsync(client, vrs, secret, body, statuses);
                    finals[eventId] = answer;
                    Interlocked.Increment(ref acknowledged);
                    if (answer.Status != 200)
                    {
                        break;
                    }
                }
            }
        })).ToList();
        await Task.WhenAll(senders).WaitAsync(TimeSpan.FromMinutes(3));
        var acknowledgedWhenStopped = await outage;
        output.WriteLine($"{total} events by {Senders} senders in {clock.Elapsed.TotalSeconds:F1} s; storage stopped after {acknowledgedWhenStopped} acknowledgements for {Downtime.TotalSeconds} s; "
            + $"{statuses.Count} requests: " + string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} x {(g.Key == 0 ? "no answer" : g.Key)}")));

        Assert.True(acknowledgedWhenStopped < total, "The outage began after the load had ended; it tested nothing.");
        Assert.True(statuses.Any(s => s is 0 or >= 500), "No request met the outage.");
        Assert.True(statuses.All(s => s is 0 or 200 or >= 500),
            "Answers other than 200, a server failure or none: " + string.Join(", ", statuses.Where(s => s is not (0 or 200 or >= 500)))
            + "\nself-host log: " + SaveLog(host));
        Assert.Equal(total, finals.Count);
        Assert.All(finals, f => Assert.True(f.Value.Status == 200 && Result(f.Value.Body) == "applied", $"{f.Key}: {f.Value.Status} {f.Value.Body}"));

        var subjectIds = people.Select(p => p.SubjectId).ToHashSet();
        var subjects = await RawRows.ReadAsync(environment.ConnectionString, host.TablePrefix, "Subjects");
        var doses = await RawRows.ReadAsync(environment.ConnectionString, host.TablePrefix, "Doses");
        var records = await RawRows.ReadAsync(environment.ConnectionString, host.TablePrefix, "IngestionEvents");
        var keys = await RawRows.ReadAsync(environment.ConnectionString, host.TablePrefix, "PersonKeys");
        Assert.Equal(subjectIds.Order(), subjects.Select(r => r.RowKey).Order());
        Assert.Equal(Persons * 2, doses.Count);
        Assert.Equal(subjectIds.SelectMany(id => new[] { id + "|1", id + "|2" }).Order(),
            doses.Select(r => $"{r.GetString("SubjectId")}|{DoseNumber(r)}").Order());
        Assert.Equal(events.SelectMany(e => e).Select(e => e.EventId).Order(), records.Select(r => r.RowKey).Order());
        Assert.Equal(Persons, keys.Count);
        foreach (var person in people)
        {
            var (status, body) = await client.SendJsonAsync(HttpMethod.Get, $"api/municipalities/{SoakClient.Asahikawa}/subjects/{person.SubjectId}", admin, null);
            Assert.True(status == 200, body);
            Assert.Equal(2, JsonDocument.Parse(body).RootElement.GetProperty("doses").GetArrayLength());
        }

        await Scans.AssertNothingInClearAsync(environment, host, PersonalTexts, people.Select(p => p.MyNumber));
    }

    /// <summary>Sends until the answer is not a server failure (5xx or no answer); the same bytes, signed again each time.</summary>
    private static async Task<(int Status, string Body)> SendUntilAcknowledgedAsync(
        SoakClient client, string token, byte[] secret, byte[] body, ConcurrentBag<int> statuses)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, text) = await client.PostEventAsync(token, secret, SoakClient.Asahikawa, body);
            statuses.Add(status);
            if (status is not (0 or >= 500) || attempt > 200)
            {
                return (status, text);
            }

            await Task.Delay(250);
        }
    }

    private static string SaveLog(SoakHost host)
    {
        var path = Path.Combine(Path.GetTempPath(), $"reliability-{host.TablePrefix}.log");
        File.WriteAllLines(path, host.Logs);
        return path;
    }

    private static string? Result(string body) =>
        JsonDocument.Parse(body).RootElement.TryGetProperty("result", out var result) ? result.GetString() : null;

    private static int DoseNumber(TableEntity row) => row.GetInt32("DoseNumber")!.Value;

    private sealed record Person(string SubjectId, string MyNumber, string Ticket);
}
