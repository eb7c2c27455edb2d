using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Vaccination.Benchmarks.Soak;

/// <summary>
/// Mixed load on a running self-host for a fixed time: VRS webhooks (a new person registered, then two doses),
/// inquiries from Sapporo to Asahikawa followed to their answer, and certificate applications with signed card data.
/// Every answer other than the expected one is an error. The self-host's memory, handles and threads are sampled
/// throughout; at the end the tables, queues and logs are scanned for the personal values the load sent.
/// </summary>
internal static class SoakScenario
{
    private const string Name = "耐久 花子";
    private const string BirthDate = "1958-07-19";

    /// <summary>Every rendering of the soak's fixed personal values that must never be found in clear (My Numbers are checked apart).</summary>
    public static IReadOnlyList<string> PersonalTexts { get; } = [Name, "耐久", "花子", BirthDate, "19580719", "1958/07/19", "Soak Clinic Kitami", "SOAKLOT"];

    public static async Task<SoakReport> RunAsync(
        SoakHost host, string connectionString, Func<string, object> card, SoakOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var myNumbers = new HashSet<string>(StringComparer.Ordinal);
        var counter = Random.Shared.Next(100_000, 900_000) * 1000L;
        string NextMyNumber()
        {
            var value = MyNumbers.For(Interlocked.Increment(ref counter));
            lock (myNumbers)
            {
                myNumbers.Add(value);
            }

            return value;
        }

        using var client = new SoakClient(host.CreateClient());
        var vrs = await client.TokenAsync("vrs", SoakClient.Asahikawa);
        var secret = await client.WebhookSecretAsync(SoakClient.Asahikawa);
        var sapporoStaff = await client.TokenAsync("municipal-admin", SoakClient.Sapporo);
        var channel = await client.TokenAsync("certificate-channel", SoakClient.Asahikawa);

        // Persons known to both municipalities: two doses at Asahikawa (by webhook), registered without a number at Sapporo.
        var seeded = new List<(string AtSapporo, string MyNumber, string CardBody)>();
        for (var i = 0; i < options.SeedPersons; i++)
        {
            var myNumber = NextMyNumber();
            var subject = $"SK{run}-S{i}";
            await ExpectAsync(client.PostEventAsync(vrs, secret, SoakClient.Asahikawa,
                SoakClient.Registered(NewEventId(), subject, Ticket(run, i, 1), myNumber, Name, BirthDate), cancellationToken), 200);
            await ExpectAsync(client.PostEventAsync(vrs, secret, SoakClient.Asahikawa, Dose(subject, 1), cancellationToken), 200);
            await ExpectAsync(client.PostEventAsync(vrs, secret, SoakClient.Asahikawa, Dose(subject, 2), cancellationToken), 200);
            var atSapporo = $"SK{run}-A{i}";
            await ExpectAsync(client.SendJsonAsync(HttpMethod.Put, $"api/municipalities/{SoakClient.Sapporo}/subjects/{atSapporo}", sapporoStaff,
                new { myNumber = (string?)null, name = Name, birthDate = BirthDate, sex = "Female", tickets = new[] { Ticket(run, i, 2) } }, cancellationToken), 200);
            seeded.Add((atSapporo, myNumber, JsonSerializer.Serialize(new { channel = "app", kind = "domestic", card = card(myNumber) })));
        }

        var webhooks = new LatencyRecorder("webhook event");
        var inquiries = new LatencyRecorder("inquiry accepted");
        var answers = new LatencyRecorder("inquiry answered (end to end)");
        var certificates = new LatencyRecorder("certificate issued");
        await progress.WriteLineAsync($"soak {run}: {options.SeedPersons} persons seeded; load for {options.Duration.TotalSeconds:F0} s");

        using var sampler = new ProcessSampler(host.ProcessId, options.SampleInterval);
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(options.Duration);
        var workers = new List<Task>();
        var personIndex = 0;
        for (var w = 0; w < options.WebhookWorkers; w++)
        {
            workers.Add(LoopAsync(options.ThinkTime, async () =>
            {
                var i = Interlocked.Increment(ref personIndex);
                var subject = $"SK{run}-W{i}";
                byte[][] events =
                [
                    SoakClient.Registered(NewEventId(), subject, Ticket(run, i, 3), NextMyNumber(), Name, BirthDate),
                    Dose(subject, 1),
                    Dose(subject, 2),
                ];
                foreach (var body in events)
                {
                    await TimeAsync(webhooks, 200, () => client.PostEventAsync(vrs, secret, SoakClient.Asahikawa, body, CancellationToken.None));
                }
            }, stop.Token));
        }

        for (var w = 0; w < options.InquiryWorkers; w++)
        {
            workers.Add(LoopAsync(options.ThinkTime, async () =>
            {
                var person = seeded[Random.Shared.Next(seeded.Count)];
                var started = Stopwatch.StartNew();
                var (status, body) = await TimeAsync(inquiries, 202, () => client.SendJsonAsync(HttpMethod.Post,
                    $"api/municipalities/{SoakClient.Sapporo}/inquiries", sapporoStaff,
                    new { subjectId = person.AtSapporo, myNumber = person.MyNumber, formerMunicipality = SoakClient.Asahikawa, legalBasis = "mynumber-act-19-16", consentReference = "SOAK-CONSENT" },
                    CancellationToken.None));
                if (status != 202)
                {
                    return;
                }

                var path = JsonDocument.Parse(body).RootElement.GetProperty("location").GetString()!.TrimStart('/');
                while (true)
                {
                    await Task.Delay(100, CancellationToken.None);
                    var (pollStatus, poll) = await client.SendJsonAsync(HttpMethod.Get, path, sapporoStaff, null, CancellationToken.None);
                    var state = pollStatus == 200 ? JsonDocument.Parse(poll).RootElement.GetProperty("status").GetString() : null;
                    if (state == "provided")
                    {
                        answers.Record(started.Elapsed);
                        return;
                    }

                    if (state != "awaiting" || started.Elapsed > options.InquiryDeadline)
                    {
                        answers.Fail(started.Elapsed, $"{pollStatus} {state}: {Shorten(poll)}");
                        return;
                    }
                }
            }, stop.Token));
        }

        for (var w = 0; w < options.CertificateWorkers; w++)
        {
            workers.Add(LoopAsync(options.ThinkTime, async () =>
            {
                var person = seeded[Random.Shared.Next(seeded.Count)];
                await TimeAsync(certificates, 200, () => client.SendJsonAsync(HttpMethod.Post,
                    $"api/municipalities/{SoakClient.Asahikawa}/certificates", channel,
                    new StringContent(person.CardBody, System.Text.Encoding.UTF8, "application/json"), CancellationToken.None));
            }, stop.Token));
        }

        var reported = TimeSpan.Zero;
        while (workers.Any(t => !t.IsCompleted))
        {
            await Task.WhenAny(Task.WhenAll(workers), Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
            if (clock.Elapsed - reported >= TimeSpan.FromMinutes(1))
            {
                reported = clock.Elapsed;
                var now = ProcessSampler.Read(host.ProcessId, clock.Elapsed);
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {clock.Elapsed.TotalMinutes:F0} min: {webhooks.Count + inquiries.Count + certificates.Count:N0} requests, {webhooks.Errors + inquiries.Errors + answers.Errors + certificates.Errors} errors, RSS {now?.ResidentMiB:F0} MiB, fds {now?.Handles}"));
            }
        }

        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        sampler.Dispose();
        await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
        HashSet<string> numbers;
        lock (myNumbers)
        {
            numbers = [.. myNumbers];
        }

        var scan = await ClearTextScan.RunAsync(connectionString, host.TablePrefix, host.Logs, PersonalTexts, numbers);
        return new SoakReport(elapsed, [webhooks, inquiries, answers, certificates], sampler.Samples, scan);
    }

    private static byte[] Dose(string subject, int number) => SoakClient.Dose(NewEventId(), subject, number, "SOAKLOT" + number, "Soak Clinic Kitami");

    private static string NewEventId() => "soak-" + Guid.NewGuid().ToString("N");

    /// <summary>A ticket number unique to the run, the person and the use (10 digits).</summary>
    private static string Ticket(string run, int person, int use) =>
        string.Create(CultureInfo.InvariantCulture, $"{use}{(uint)run.GetHashCode(StringComparison.Ordinal) % 1000:D3}{person % 1_000_000:D6}");

    private static async Task LoopAsync(TimeSpan think, Func<Task> iteration, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await iteration();
            try
            {
                await Task.Delay(think, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<(int Status, string Body)> TimeAsync(LatencyRecorder recorder, int expected, Func<Task<(int Status, string Body)>> call)
    {
        var stopwatch = Stopwatch.StartNew();
        var (status, body) = await call();
        if (status == expected)
        {
            recorder.Record(stopwatch.Elapsed);
        }
        else
        {
            recorder.Fail(stopwatch.Elapsed, $"{status}: {Shorten(body)}");
        }

        return (status, body);
    }

    private static async Task ExpectAsync(Task<(int Status, string Body)> call, int expected)
    {
        var (status, body) = await call;
        if (status != expected)
        {
            throw new InvalidOperationException($"Seeding failed with {status}: {Shorten(body)}");
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] : text;
}
