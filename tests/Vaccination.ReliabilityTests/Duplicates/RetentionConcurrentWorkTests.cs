using System.Buffers.Text;
using System.Text.Json;
using Vaccination.Application.Retention;
using Vaccination.Benchmarks;
using Vaccination.Benchmarks.Soak;
using Vaccination.ReliabilityTests.Environment;

namespace Vaccination.ReliabilityTests.Duplicates;

/// <summary>
/// A retention work item (the erasure of an approved proposal) delivered twice and handled by two consumers (two
/// instances of the app) at the same moment; a consumer that fails is given the message again, as the queue would.
/// One effect: every expired person erased once, the proposal executed once, and one certificate of deletion that
/// counts every person, row and destroyed key exactly once.
/// </summary>
[Collection(ReliabilityTestGroup.Name)]
public sealed class RetentionConcurrentWorkTests(ReliabilityEnvironment environment)
{
    private const int Persons = 32;
    private static readonly string[] PersonalTexts = ["消去 四郎", "消去", "四郎", "1950-12-24", "19501224", "1950/12/24", "ERASELOT", "Erasure Clinic Abashiri"];

    [Fact]
    public async Task EraseWorkItem_DeliveredTwiceToTwoConsumersAtOnce_EveryPersonErasedOnceAndProposalExecutedOnce()
    {
        var run = await EraseTwiceAtOnceAsync();

        Assert.Equal(ErasureProposalStatus.Executed, run.Proposal.Status);
        Assert.Equal(Persons, run.Summary.GetProperty("persons").GetInt32());
        Assert.Equal(Persons, run.Summary.GetProperty("destroyedKeys").GetInt32());
        Assert.Equal(RetentionSweepService.HashOf(run.Subjects), run.Summary.GetProperty("erasedIdsSha256").GetString());
        Assert.Empty((await RawRows.ReadAsync(environment.ConnectionString, run.Host.TablePrefix, "Subjects")).Select(r => r.RowKey).Intersect(run.Subjects));
        Assert.DoesNotContain(await RawRows.ReadAsync(environment.ConnectionString, run.Host.TablePrefix, "Doses"), r => run.Subjects.Contains(r.GetString("SubjectId")));
        await Scans.AssertNothingInClearAsync(environment, run.Host, PersonalTexts, run.MyNumbers);
    }

    [Fact]
    public async Task EraseWorkItem_DeliveredTwiceToTwoConsumersAtOnce_CertificateCountsEveryRowOnce()
    {
        var run = await EraseTwiceAtOnceAsync();

        // Per person: the subject row, its key row, one dose and its ticket's index row.
        Assert.True(run.Summary.GetProperty("rows").GetInt32() == Persons * 4, $"{run.Summary} (redeliveries: {string.Join(", ", run.Redeliveries)})");
    }

    /// <summary>Seeds expired persons, sweeps, approves, then hands the erase work item to two stacks at once.</summary>
    private async Task<ErasureRun> EraseTwiceAtOnceAsync()
    {
        var host = await environment.StartHostAsync();
        using var first = new ServiceStack(environment.ConnectionString, host, "unused");
        using var second = new ServiceStack(environment.ConnectionString, host, "unused");
        using var client = new SoakClient(host.CreateClient());
        var (subjects, myNumbers) = await SeedExpiredAsync(client);
        var tenant = first.Tenant(SoakClient.Sapporo);
        var store = first.Get<IRetentionStore>();
        var proposal = await first.Get<RetentionSweepService>().SweepAsync(tenant, "dup" + Guid.NewGuid().ToString("N")[..12], default);
        Assert.NotNull(proposal);
        Assert.Equal(Persons, proposal.Persons);
        var approved = await store.UpdateProposalAsync(tenant,
            proposal with { Status = ErasureProposalStatus.Approved, DecidedBy = "admin-tester", DecidedAt = DateTimeOffset.UtcNow }, default);
        Assert.True(approved.IsSuccess);
        var item = new RetentionWorkItem(RetentionWorkItem.Erase, SoakClient.Sapporo, proposal.Id);

        var redeliveries = await Task.WhenAll(new[] { first, second }.Select(stack => Task.Run(() => HandleUntilDoneAsync(stack, item))));

        var executed = (await store.GetProposalAsync(tenant, proposal.Id, default))!;
        var summary = Payload((await store.GetCertificateAsync(tenant, executed.CertificateId!, 0, default))!);
        return new ErasureRun(host, executed, summary, subjects, myNumbers, redeliveries);
    }

    /// <summary>Handles the item; a failure is followed by redelivery (at most four more), as the retention queue does. Returns the redeliveries.</summary>
    private static async Task<int> HandleUntilDoneAsync(ServiceStack stack, RetentionWorkItem item)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await stack.Get<RetentionSweepService>().HandleAsync(item, default);
                return attempt;
            }
            catch (InvalidOperationException) when (attempt < 4)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task<(List<string> Subjects, List<string> MyNumbers)> SeedExpiredAsync(SoakClient client)
    {
        var admin = await client.TokenAsync("municipal-admin", SoakClient.Sapporo);
        var subjects = new List<string>();
        var myNumbers = new List<string>();
        for (var i = 0; i < Persons; i++)
        {
            var subject = $"RE-{Guid.NewGuid().ToString("N")[..10]}";
            var myNumber = MyNumbers.For(500_000_000 + Random.Shared.Next(1_000_000) * 64L + i);
            var ticket = $"1{Random.Shared.Next(100_000_000, 999_999_999)}";
            var registered = await client.SendJsonAsync(HttpMethod.Put, $"api/municipalities/{SoakClient.Sapporo}/subjects/{subject}", admin,
                new { myNumber, name = "消去 四郎", birthDate = "1950-12-24", sex = "Male", tickets = new[] { ticket } });
            Assert.True(registered.Status == 200, registered.Body);

            // Sapporo keeps records five years after the last dose: a dose on 2021-03-01 expired on 2026-03-01.
            var dose = await client.SendJsonAsync(HttpMethod.Post, $"api/municipalities/{SoakClient.Sapporo}/subjects/{subject}/doses", admin, new
            {
                doseNumber = 1, date = "2021-03-01", manufacturer = "Pfizer", product = "Comirnaty", vaccineType = "mRNA",
                lotNumber = "ERASELOT", siteName = "Erasure Clinic Abashiri", ticketNumber = ticket,
            });
            Assert.True(dose.Status == 200, dose.Body);
            subjects.Add(subject);
            myNumbers.Add(myNumber);
        }

        return (subjects, myNumbers);
    }

    private sealed record ErasureRun(SoakHost Host, ErasureProposal Proposal, JsonElement Summary, List<string> Subjects, List<string> MyNumbers, int[] Redeliveries);

    private static JsonElement Payload(string jws) => JsonDocument.Parse(Base64Url.DecodeFromChars(jws.Split('.')[1])).RootElement.Clone();
}
