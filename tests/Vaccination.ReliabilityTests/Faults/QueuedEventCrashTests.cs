using System.Collections.Concurrent;
using System.Text.Json;
using Vaccination.Benchmarks;
using Vaccination.Benchmarks.Soak;
using Vaccination.ReliabilityTests.Environment;
using Xunit.Abstractions;

namespace Vaccination.ReliabilityTests.Faults;

/// <summary>
/// The self-host accepts VRS events with "Prefer: respond-async" (202) and applies them in process after answering.
/// It is killed (SIGKILL) right after the last acknowledgement, with events still waiting, and a new instance starts
/// on the same storage. Every acknowledged event is applied all the same, and stored once (one dose row each, no
/// marker or stored event left): the new instance's re-drive sweep finds the outbox markers the dead one left and
/// sends their work again. (An event the dead instance was applying when killed is applied again; every write sets a
/// state, so the copy stays one.)
/// </summary>
[Collection(ReliabilityTestGroup.Name)]
public sealed class QueuedEventCrashTests(ReliabilityEnvironment environment, ITestOutputHelper output)
{
    private const int Persons = 100;
    private static readonly string[] PersonalTexts = ["墜落 花子", "墜落", "1970-05-05", "19700505", "1970/05/05"];

    [Fact]
    public async Task QueuedEvents_InstanceKilledRightAfterAcknowledging_NextInstanceAppliesEveryOne_OneCopyEach()
    {
        var first = await environment.StartHostAsync();
        using var firstClient = new SoakClient(first.CreateClient());
        var vrs = await firstClient.TokenAsync("vrs", SoakClient.Asahikawa);
        var secret = await firstClient.WebhookSecretAsync(SoakClient.Asahikawa);
        var people = Enumerable.Range(0, Persons).Select(i => $"QC-{Guid.NewGuid().ToString("N")[..10]}").ToList();
        var myNumbers = people.Select((_, i) => MyNumbers.For(600_000_000 + Random.Shared.Next(1_000_000) * 128L + i)).ToList();
        foreach (var (subjectId, i) in people.Select((id, i) => (id, i)))
        {
            var (status, body) = await firstClient.PostEventAsync(vrs, secret, SoakClient.Asahikawa, SoakClient.Registered(
                "reg-" + Guid.NewGuid().ToString("N"), subjectId, $"7{Random.Shared.Next(100_000_000, 999_999_999)}", myNumbers[i], "墜落 花子", "1970-05-05"));
            Assert.True(status == 200, body);
        }

        var doses = people.SelectMany(id => new[] { (SubjectId: id, Dose: 1), (SubjectId: id, Dose: 2) })
            .Select(d => (d.SubjectId, d.Dose, EventId: $"qc-{d.SubjectId}-{d.Dose}")).ToList();
        var answers = new ConcurrentBag<int>();
        await Parallel.ForEachAsync(doses, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (d, ct) =>
        {
            var (status, _) = await firstClient.PostEventAsync(vrs, secret, SoakClient.Asahikawa, SoakClient.Dose(d.EventId, d.SubjectId, d.Dose), respondAsync: true, ct);
            answers.Add(status);
        });
        first.Crash();

        Assert.All(answers, status => Assert.Equal(202, status));
        var waitingAtTheCrash = (await RawRows.ReadAsync(environment.ConnectionString, first.TablePrefix, "IngestionEvents"))
            .Count(r => r.RowKey.StartsWith("~queued|", StringComparison.Ordinal));
        output.WriteLine($"{doses.Count} events acknowledged; {waitingAtTheCrash} still queued when the instance was killed");
        Assert.True(waitingAtTheCrash > 0, "Every event was applied before the crash; the crash tested nothing.");

        var second = await environment.StartSuccessorAsync(first, new Dictionary<string, string>
        {
            ["Ingestion__QueuedEventRedriveAfter"] = "00:00:02",
            ["Ingestion__QueuedEventSweepInterval"] = "00:00:01",
        });
        using var secondClient = new SoakClient(second.CreateClient());
        var vrsAgain = await secondClient.TokenAsync("vrs", SoakClient.Asahikawa);
        var results = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(doses, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (d, ct) =>
            results[d.EventId] = await AwaitOutcomeAsync(secondClient, vrsAgain, d.EventId, ct));

        Assert.All(results, r => Assert.Equal("applied", r.Value));
        var rows = await RawRows.ReadAsync(environment.ConnectionString, first.TablePrefix, "Doses");
        var stored = rows.Where(r => people.Contains(r.GetString("SubjectId"))).ToList();
        Assert.Equal(doses.Count, stored.Count);
        Assert.Equal(doses.Count, stored.Select(r => r.RowKey).Distinct().Count());
        var events = await RawRows.ReadAsync(environment.ConnectionString, first.TablePrefix, "IngestionEvents");
        Assert.DoesNotContain(events, r => r.RowKey.StartsWith("~queued|", StringComparison.Ordinal));
        Assert.DoesNotContain(events, r => r.ContainsKey("Event"));
        await Scans.AssertNothingInClearAsync(environment, first, PersonalTexts, myNumbers);
        await Scans.AssertNothingInClearAsync(environment, second, PersonalTexts, myNumbers);
    }

    /// <summary>Reads the event's status URL until it is no longer "queued" (within a minute).</summary>
    private static async Task<string> AwaitOutcomeAsync(SoakClient client, string token, string eventId, CancellationToken cancellationToken)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(1); ; await Task.Delay(250, cancellationToken))
        {
            var (status, body) = await client.SendJsonAsync(HttpMethod.Get, $"api/municipalities/{SoakClient.Asahikawa}/vrs/events/{eventId}", token, null, cancellationToken);
            var result = status == 200 ? JsonDocument.Parse(body).RootElement.GetProperty("result").GetString()! : $"{status} {body}";
            if (result != "queued" || DateTime.UtcNow > deadline)
            {
                return result;
            }
        }
    }
}
