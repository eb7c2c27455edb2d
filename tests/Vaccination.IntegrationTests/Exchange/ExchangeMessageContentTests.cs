using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Vaccination.Application.Exchange;
using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;
using static Vaccination.IntegrationTests.Exchange.ExchangeApi;

namespace Vaccination.IntegrationTests.Exchange;

/// <summary>
/// What the bus and its operators see: the raw Storage queue messages of an inquiry and of its answer, read before any
/// consumer handles them, hold ids, codes and ciphertext only.
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class ExchangeMessageContentTests(IntegrationEnvironment environment)
{
    [Fact]
    public async Task RawQueueMessages_InquiryAndAnswer_HoldNoMyNumberNameBirthDateOrRecords()
    {
        using var stack = await InProcessExchange.CreateAsync(environment);
        using var client = new ApiClient(stack.Host);
        var api = new ExchangeApi(client);
        var myNumber = TestData.MyNumberFor(Random.Shared.Next(10_000_000, 99_999_999));
        var atB = Unique("B-");
        var atA = Unique("A-");
        await api.RegisterAsync(Asahikawa, atB, myNumber);
        await api.RecordDosesAsync(Asahikawa, atB, 3);
        await api.RegisterAsync(Sapporo, atA, myNumber);
        var rawQueue = new QueueClient(stack.ConnectionString, stack.CapturedQueue.Name);
        var delivery = stack.Services.GetRequiredService<ExchangeDelivery>();

        var inquiryId = await stack.InquireAsync(atA, myNumber);
        var rawInquiry = (await rawQueue.PeekMessageAsync()).Value.Body.ToString();
        var inquiry = await stack.TakeCapturedAsync();
        var handledAtB = await delivery.DeliverAsync(inquiry, 1, default);
        var rawAnswer = (await rawQueue.PeekMessageAsync()).Value.Body.ToString();
        var answer = await stack.TakeCapturedAsync();
        var handledAtA = await delivery.DeliverAsync(answer, 1, default);
        var result = await api.GetInquiryAsync(inquiryId);

        Assert.Equal(inquiry, Encoding.UTF8.GetString(Convert.FromBase64String(rawInquiry)));
        Assert.Equal(answer, Encoding.UTF8.GetString(Convert.FromBase64String(rawAnswer)));
        Assert.Contains(inquiryId, inquiry, StringComparison.Ordinal);
        Assert.Contains("\"payload\":\"x1.", inquiry, StringComparison.Ordinal);
        Assert.Contains("\"payload\":\"x1.", answer, StringComparison.Ordinal);
        foreach (var value in TestData.PersonalValues.Append(myNumber).Append("Dr. Sato").Append("2021-06-01"))
        {
            Assert.DoesNotContain(value, inquiry, StringComparison.Ordinal);
            Assert.DoesNotContain(value, answer, StringComparison.Ordinal);
            Assert.DoesNotContain(value, rawInquiry, StringComparison.Ordinal);
            Assert.DoesNotContain(value, rawAnswer, StringComparison.Ordinal);
        }

        Assert.False(handledAtB.Poisoned);
        Assert.False(handledAtA.Poisoned);
        Assert.Equal("provided", result.GetProperty("status").GetString());
    }

    [Fact]
    public async Task InquiryRow_AtA_HoldsTheMyNumberOnlyEncrypted()
    {
        using var stack = await InProcessExchange.CreateAsync(environment);
        using var client = new ApiClient(stack.Host);
        var api = new ExchangeApi(client);
        var myNumber = TestData.MyNumberFor(Random.Shared.Next(10_000_000, 99_999_999));
        var atA = Unique("A-");
        await api.RegisterAsync(Sapporo, atA, null);

        var inquiryId = await stack.InquireAsync(atA, myNumber);
        var rows = (await RawTableScanner.ReadAllAsync(stack.ConnectionString, stack.Host.TablePrefix + "Inquiries"))
            .Where(r => r.RowKey == inquiryId).ToList();

        var row = Assert.Single(rows);
        Assert.StartsWith("e1.t", row.GetString("MyNumber"), StringComparison.Ordinal);
        Assert.StartsWith("e1.t", row.GetString("ConsentReference"), StringComparison.Ordinal);
        Assert.DoesNotContain(RawTableScanner.Texts(rows), text => text.Contains(myNumber, StringComparison.Ordinal) || text.Contains("CONSENT-2026", StringComparison.Ordinal));
    }
}
