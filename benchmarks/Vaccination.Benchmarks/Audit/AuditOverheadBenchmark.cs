using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vaccination.Application.Audit;
using Vaccination.Application.Callers;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.SelfHost.Local;

namespace Vaccination.Benchmarks.Audit;

/// <summary>
/// The audit append's cost on the two write paths, in one process and one run: the VRS webhook
/// (<see cref="WebhookIngestionService"/>: signature, validation, encryption, idempotency record) and the staff
/// registration (<see cref="SubjectService"/>), each with and without the append that <c>RequestAudit</c> makes per
/// request (one hash-chained entry naming the person). The work is split into rounds that alternate in an ABBA order
/// (without, with, with, without, ...) on fresh subjects, so that Azurite's growth and the machine's other work fall on
/// both sides alike; each side's time is the sum over its rounds.
/// </summary>
internal static class AuditOverheadBenchmark
{
    private const string WebhookAction = "POST municipalities/{municipalityCode}/vrs/events";
    private const string StaffAction = "PUT municipalities/{municipalityCode}/subjects/{subjectId}";

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var rounds = arguments.Number("rounds", 8);
        var total = arguments.Number("events", 4_000);
        var perRound = total / rounds;
        var parallelism = arguments.Number("parallelism", 16);
        using var azurite = await AzuriteProcess.StartAsync();
        using var services = await InProcessServices.StartAsync(azurite.ConnectionString, "Bench");
        var tenant = services.Get<TenantRegistry>().Find("012041")!;
        var webhook = services.Get<WebhookIngestionService>();
        var subjects = services.Get<SubjectService>();
        var trail = services.Get<AuditTrail>();
        var secret = await services.Get<IWebhookSecretProvider>().GetSecretAsync(tenant);
        var vrs = new Caller("bench-vrs", CallerRole.Vrs, tenant.Code);
        var staff = new Caller("bench-staff", CallerRole.MunicipalStaff, tenant.Code) { HasStaffGrant = true };
        Console.WriteLine($"audit overhead benchmark: {perRound * rounds:N0} operations per path and mode in {rounds} alternating rounds, parallelism {parallelism}, Azurite in memory");

        async Task Webhook(int i, bool audited)
        {
            var id = Id("W", i);
            var outcome = await webhook.ReceiveAsync(vrs, tenant.Code.Value, Delivery(secret, id, i), respondAsync: false, default);
            Expect(outcome.IsSuccess && outcome.Value.IsApplied, id);
            if (audited)
            {
                await trail.RecordAsync(tenant, vrs, WebhookAction, [SubjectId.TryCreate(id).Value], null, 200);
            }
        }

        async Task Staff(int i, bool audited)
        {
            var id = Id("S", i);
            var saved = await subjects.RegisterAsync(staff, tenant.Code.Value, id, Registration(i), default);
            Expect(saved.IsSuccess, id);
            if (audited)
            {
                await trail.RecordAsync(tenant, staff, StaffAction, [SubjectId.TryCreate(id).Value], null, 200);
            }
        }

        // Warm-up: JIT, tenant keys, the audit chain head.
        await RunAsync(Webhook, 10_000_000, 200, parallelism, audited: true);
        await RunAsync(Staff, 10_000_000, 200, parallelism, audited: true);

        var results = new Dictionary<(string, bool), TimeSpan>();
        var next = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var audited in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                Add(results, ("webhook", audited), await RunAsync(Webhook, next, perRound, parallelism, audited));
                Add(results, ("staff", audited), await RunAsync(Staff, next, perRound, parallelism, audited));
                next += perRound;
            }
        }

        var sequential = new Dictionary<(string, bool), TimeSpan>();
        for (var round = 0; round < 4; round++)
        {
            foreach (var audited in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                Add(sequential, ("webhook", audited), await RunAsync(Webhook, next, 100, 1, audited));
                Add(sequential, ("staff", audited), await RunAsync(Staff, next, 100, 1, audited));
                next += 100;
            }
        }

        Report("parallel", results, perRound * rounds, parallelism);
        Report("sequential", sequential, 400, 1);
        var verification = await services.Get<IAuditLog>().VerifyAsync(tenant);
        Console.WriteLine($"audit chain after the run: {verification.EntriesVerified:N0} entries, intact: {verification.Intact}");
        return verification.Intact ? 0 : 1;
    }

    private static void Report(string mode, Dictionary<(string, bool), TimeSpan> results, int count, int parallelism)
    {
        foreach (var path in new[] { "webhook", "staff" })
        {
            var without = count / results[(path, false)].TotalSeconds;
            var with = count / results[(path, true)].TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path,-8} {mode,-10} p={parallelism,-3} without audit {without,8:N0}/s   with audit {with,8:N0}/s   ratio {with / without:F2}"));
        }
    }

    private static void Add(Dictionary<(string, bool), TimeSpan> results, (string, bool) key, TimeSpan elapsed) =>
        results[key] = results.GetValueOrDefault(key) + elapsed;

    private static async Task<TimeSpan> RunAsync(Func<int, bool, Task> operation, int first, int count, int parallelism, bool audited)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) => await operation(i, audited));
        return watch.Elapsed;
    }

    private static string Id(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D8}");

    private static WebhookDelivery Delivery(byte[] secret, string id, int i)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            eventId = "reg-" + id,
            type = "subject.registered",
            subjectId = id,
            subject = new
            {
                myNumber = MyNumbers.For(i),
                name = "ベンチ 太郎",
                birthDate = "1970-01-01",
                sex = "Male",
                tickets = new[] { string.Create(CultureInfo.InvariantCulture, $"1{i:D9}") },
            },
        });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new WebhookDelivery(timestamp, WebhookSignature.Sign(secret, timestamp, body), body);
    }

    private static SubjectRegistrationRequest Registration(int i) => new(
        MyNumbers.For(50_000_000 + i), "ベンチ 花子", new DateOnly(1980, 1, 1), "Female", [string.Create(CultureInfo.InvariantCulture, $"2{i:D9}")]);

    private static void Expect(bool success, string id)
    {
        if (!success)
        {
            throw new InvalidOperationException($"Operation on {id} failed.");
        }
    }
}
