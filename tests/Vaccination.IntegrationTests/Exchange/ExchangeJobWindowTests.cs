using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Vaccination.Application.Callers;
using Vaccination.Application.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;
using static Vaccination.IntegrationTests.Exchange.ExchangeApi;

namespace Vaccination.IntegrationTests.Exchange;

/// <summary>A bulk job keeps at most Exchange:JobWindow lines in flight and sends the next line when one ends.</summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class ExchangeJobWindowTests(IntegrationEnvironment environment)
{
    [Fact]
    public async Task BulkInquiry_WindowOfOne_SendsTheNextLineOnlyWhenOneEnds()
    {
        using var exchange = await InProcessExchange.CreateAsync(environment, new Dictionary<string, string?> { ["Exchange:JobWindow"] = "1" });
        using var client = new ApiClient(exchange.Host);
        var api = new ExchangeApi(client);
        var movers = new[] { Unique("A-"), Unique("A-"), Unique("A-") };
        foreach (var mover in movers)
        {
            await api.RegisterAsync(Sapporo, mover, null);
        }

        var csv = BulkInquiryCsv.Header + "\n" + string.Concat(movers.Select(m =>
            $"{m},{TestData.MyNumberFor(Random.Shared.Next(10_000_000, 99_999_999))},{Asahikawa},mynumber-act-19-8-t2-16-3,\n"));
        var caller = new Caller("tester", CallerRole.MunicipalAdministrator, MunicipalityCode.Parse(Sapporo));
        var inquiries = exchange.Services.GetRequiredService<InquiryService>();
        var delivery = exchange.Services.GetRequiredService<ExchangeDelivery>();

        var accepted = await inquiries.CreateBulkAsync(caller, Sapporo, csv, default);
        var jobId = accepted.Value.Id;
        var afterAccept = await inquiries.GetJobAsync(caller, Sapporo, jobId, default);
        var waitingAfterAccept = await WaitingAsync(exchange.CapturedQueue);
        for (var line = 0; line < movers.Length; line++)
        {
            await delivery.DeliverAsync(await exchange.TakeCapturedAsync(), 1, default);
            await delivery.DeliverAsync(await exchange.TakeCapturedAsync(), 1, default);
        }

        var finished = await inquiries.GetJobAsync(caller, Sapporo, jobId, default);

        Assert.Equal(1, afterAccept.Value.Awaiting);
        Assert.Equal(2, afterAccept.Value.Queued);
        Assert.False(afterAccept.Value.Finished);
        Assert.Equal(1, waitingAfterAccept);
        Assert.True(finished.Value.Finished);
        Assert.Equal(3, finished.Value.NotFound);
        Assert.Equal(0, await WaitingAsync(exchange.CapturedQueue));
    }

    private static async Task<int> WaitingAsync(QueueClient queue) => (await queue.PeekMessagesAsync(32)).Value.Length;
}
