using System.Text.Json;
using Azure.Storage.Queues;
using Vaccination.Application.Callers;
using Vaccination.Application.Exchange;
using Vaccination.Benchmarks;
using Vaccination.Benchmarks.Soak;
using Vaccination.Domain.Identifiers;
using Vaccination.Infrastructure.Storage;
using Vaccination.ReliabilityTests.Environment;

namespace Vaccination.ReliabilityTests.Duplicates;

/// <summary>
/// Every exchange message delivered twice and handled by two consumers (two instances of the app) at the same moment:
/// the inquiry at the former municipality, then each response it sent at the new one. One effect each: one provision
/// and one "provided" record at Asahikawa, the inquiry provided once with its doses and "sent" + "provided" at Sapporo.
/// </summary>
[Collection(ReliabilityTestGroup.Name)]
public sealed class ExchangeConcurrentDeliveryTests(ReliabilityEnvironment environment)
{
    private const int Inquiries = 8;
    private static readonly string[] PersonalTexts = ["重複 三郎", "重複", "三郎", "1971-08-08", "19710808", "1971/08/08", "DUPLOT", "Duplicate Clinic Wakkanai"];

    [Fact]
    public async Task ExchangeMessages_EachDeliveredTwiceToTwoConsumersAtOnce_OneEffectEach()
    {
        var host = await environment.StartHostAsync();
        var queueName = "captured" + Guid.NewGuid().ToString("N")[..8];
        var captured = new QueueClient(environment.ConnectionString, (host.TablePrefix + queueName).ToLowerInvariant(), StorageQueues.ClientOptions());
        await captured.CreateIfNotExistsAsync();
        using var first = new ServiceStack(environment.ConnectionString, host, queueName);
        using var second = new ServiceStack(environment.ConnectionString, host, queueName);
        using var client = new SoakClient(host.CreateClient());
        var people = await SeedAsync(client);
        var staff = new Caller("tester", CallerRole.MunicipalAdministrator, MunicipalityCode.Parse(SoakClient.Sapporo));

        var inquiryIds = new List<string>();
        foreach (var (atSapporo, myNumber) in people)
        {
            var accepted = await first.Get<InquiryService>().CreateAsync(staff, SoakClient.Sapporo,
                new InquiryRequest(atSapporo, myNumber, SoakClient.Asahikawa, "mynumber-act-19-16", "CONSENT-DUP"), default);
            Assert.True(accepted.IsSuccess, string.Join(", ", accepted.Errors.Select(e => e.Code)));
            inquiryIds.Add(accepted.Value.Id);
        }

        var inquiryMessages = await TakeAsync(captured, Inquiries);
        await DeliverTwiceAtOnceAsync(first, second, inquiryMessages);
        var responses = await TakeAsync(captured, Inquiries);
        await DeliverTwiceAtOnceAsync(first, second, responses);

        var provisions = await RawRows.ReadAsync(environment.ConnectionString, host.TablePrefix, "Provisions");
        var sapporo = await client.TokenAsync("municipal-admin", SoakClient.Sapporo);
        var asahikawa = await client.TokenAsync("municipal-admin", SoakClient.Asahikawa);
        foreach (var id in inquiryIds)
        {
            var (status, body) = await client.SendJsonAsync(HttpMethod.Get, $"api/municipalities/{SoakClient.Sapporo}/inquiries/{id}", sapporo, null);
            var view = JsonDocument.Parse(body).RootElement;
            Assert.True(status == 200 && view.GetProperty("status").GetString() == "provided", body);
            Assert.Equal(2, view.GetProperty("doses").GetArrayLength());
            Assert.Single(provisions, p => p.GetString("InquiryId") == id);
            Assert.Equal(["provided"], await RecordEventsAsync(client, SoakClient.Asahikawa, asahikawa, id));
            Assert.Equal(["sent", "provided"], await RecordEventsAsync(client, SoakClient.Sapporo, sapporo, id));
        }

        Assert.Empty(await TakeAsync(captured, 0, TimeSpan.FromSeconds(1)));
        await Scans.AssertNothingInClearAsync(environment, host, PersonalTexts, people.Select(p => p.MyNumber));
    }

    /// <summary>Each message handed to both stacks at the same moment (all messages in parallel); both must take it without error.</summary>
    private static async Task DeliverTwiceAtOnceAsync(ServiceStack first, ServiceStack second, IReadOnlyList<string> messages)
    {
        var deliveries = messages.SelectMany(m => new[] { first, second }.Select(stack => Task.Run(() => stack.Get<ExchangeDelivery>().DeliverAsync(m, 1, default))));
        var results = await Task.WhenAll(deliveries);
        Assert.All(results, r => Assert.False(r.Poisoned, r.Reason));
    }

    private static async Task<List<(string AtSapporo, string MyNumber)>> SeedAsync(SoakClient client)
    {
        var vrs = await client.TokenAsync("vrs", SoakClient.Asahikawa);
        var secret = await client.WebhookSecretAsync(SoakClient.Asahikawa);
        var sapporo = await client.TokenAsync("municipal-admin", SoakClient.Sapporo);
        var people = new List<(string, string)>();
        for (var i = 0; i < Inquiries; i++)
        {
            var myNumber = MyNumbers.For(600_000_000 + Random.Shared.Next(1_000_000) * 64L + i);
            var atAsahikawa = $"DB-{Guid.NewGuid().ToString("N")[..10]}";
            var ticket = $"2{Random.Shared.Next(100_000_000, 999_999_999)}";
            Assert.Equal(200, (await client.PostEventAsync(vrs, secret, SoakClient.Asahikawa,
                SoakClient.Registered("evt-" + Guid.NewGuid().ToString("N"), atAsahikawa, ticket, myNumber, "重複 三郎", "1971-08-08"))).Status);
            for (var dose = 1; dose <= 2; dose++)
            {
                Assert.Equal(200, (await client.PostEventAsync(vrs, secret, SoakClient.Asahikawa,
                    SoakClient.Dose("evt-" + Guid.NewGuid().ToString("N"), atAsahikawa, dose, "DUPLOT", "Duplicate Clinic Wakkanai"))).Status);
            }

            var atSapporo = $"DA-{Guid.NewGuid().ToString("N")[..10]}";
            Assert.Equal(200, (await client.SendJsonAsync(HttpMethod.Put, $"api/municipalities/{SoakClient.Sapporo}/subjects/{atSapporo}", sapporo,
                new { myNumber = (string?)null, name = "重複 三郎", birthDate = "1971-08-08", sex = "Male", tickets = new[] { ticket } })).Status);
            people.Add((atSapporo, myNumber));
        }

        return people;
    }

    /// <summary>Takes (receives and deletes) messages until <paramref name="count"/> arrived or the wait is over.</summary>
    private static async Task<List<string>> TakeAsync(QueueClient queue, int count, TimeSpan? wait = null)
    {
        var taken = new List<string>();
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline && (count == 0 || taken.Count < count))
        {
            var received = (await queue.ReceiveMessagesAsync(32)).Value;
            foreach (var message in received)
            {
                taken.Add(message.Body.ToString());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }

            if (received.Length == 0)
            {
                await Task.Delay(100);
            }
        }

        return taken;
    }

    private static async Task<string[]> RecordEventsAsync(SoakClient client, string municipality, string token, string inquiryId)
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Get, $"api/municipalities/{municipality}/exchange-records?inquiryId={inquiryId}", token, null);
        Assert.True(status == 200, body);
        return JsonDocument.Parse(body).RootElement.EnumerateArray().Select(r => r.GetProperty("event").GetString()!).ToArray();
    }
}
