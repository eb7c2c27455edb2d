using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Vaccination.Application.Callers;
using Vaccination.Application.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;
using static Vaccination.IntegrationTests.Exchange.ExchangeApi;

namespace Vaccination.IntegrationTests.Exchange;

/// <summary>S19: inquiry results are deleted a set time after the inquiry completed or was aborted.</summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class ExchangeCleanupTests(IntegrationEnvironment environment)
{
    private static readonly Caller StaffOfA = new("tester", CallerRole.MunicipalAdministrator, MunicipalityCode.Parse(Sapporo));

    [Fact]
    public async Task Sweep_CompletedInquiryPastRetention_IsGoneOnReadAndDeletedFromStorage()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var exchange = await InProcessExchange.CreateAsync(environment, new Dictionary<string, string?> { ["Exchange:ResultRetention"] = "01:00:00" }, clock);
        using var client = new ApiClient(exchange.Host);
        var api = new ExchangeApi(client);
        var atA = Unique("A-");
        await api.RegisterAsync(Sapporo, atA, null);
        var delivery = exchange.Services.GetRequiredService<ExchangeDelivery>();
        var inquiries = exchange.Services.GetRequiredService<InquiryService>();
        var inquiryId = await exchange.InquireAsync(atA, TestData.MyNumberFor(Random.Shared.Next(10_000_000, 99_999_999)));
        await delivery.DeliverAsync(await exchange.TakeCapturedAsync(), 1, default);
        await delivery.DeliverAsync(await exchange.TakeCapturedAsync(), 1, default);

        var beforeExpiry = await inquiries.GetAsync(StaffOfA, Sapporo, inquiryId, default);
        clock.Advance(TimeSpan.FromMinutes(61));
        var afterExpiry = await inquiries.GetAsync(StaffOfA, Sapporo, inquiryId, default);
        var rowBeforeSweep = await RowAsync(exchange, inquiryId);
        await exchange.Services.GetRequiredService<InquiryCleanup>().SweepAsync(exchange.Tenant(Sapporo), default);
        var rowAfterSweep = await RowAsync(exchange, inquiryId);

        Assert.Equal("not-found", beforeExpiry.Value.Status);
        Assert.Equal(ErrorKind.NotFound, Assert.Single(afterExpiry.Errors).Kind);
        Assert.NotNull(rowBeforeSweep);
        Assert.Null(rowAfterSweep);
    }

    [Fact]
    public async Task Sweep_UnansweredInquiryPastAbortTime_IsAbortedAsFailedWithRetryHint()
    {
        using var exchange = await InProcessExchange.CreateAsync(environment, new Dictionary<string, string?> { ["Exchange:AbortAfter"] = "00:00:01" });
        using var client = new ApiClient(exchange.Host);
        var api = new ExchangeApi(client);
        var atA = Unique("A-");
        await api.RegisterAsync(Sapporo, atA, null);
        var inquiryId = await exchange.InquireAsync(atA, TestData.MyNumberFor(Random.Shared.Next(10_000_000, 99_999_999)));
        await exchange.TakeCapturedAsync();

        await Task.Delay(1500);
        await exchange.Services.GetRequiredService<InquiryCleanup>().SweepAsync(exchange.Tenant(Sapporo), default);
        var aborted = await exchange.Services.GetRequiredService<InquiryService>().GetAsync(StaffOfA, Sapporo, inquiryId, default);
        var records = await api.RecordsAsync(Sapporo, inquiryId);

        Assert.Equal("failed", aborted.Value.Status);
        Assert.Equal("no-response", aborted.Value.FailureReason);
        Assert.Equal("retry", aborted.Value.Retry);
        Assert.Equal("failed", records[records.GetArrayLength() - 1].GetProperty("event").GetString());
    }

    private static async Task<TableEntity?> RowAsync(InProcessExchange exchange, string inquiryId)
    {
        var table = new TableClient(exchange.ConnectionString, exchange.Host.TablePrefix + "Inquiries");
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {inquiryId}")))
        {
            return row;
        }

        return null;
    }
}
