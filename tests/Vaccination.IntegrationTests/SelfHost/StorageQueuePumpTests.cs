using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Vaccination.Infrastructure.Storage;
using Vaccination.IntegrationTests.Environment;
using Vaccination.SelfHost.Hosting;

namespace Vaccination.IntegrationTests.SelfHost;

/// <summary>The self-host's queue trigger on Azurite: no failure of a handler or of storage ends it (that would stop the self-host).</summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class StorageQueuePumpTests(IntegrationEnvironment environment)
{
    private const string QueueName = "pumped";

    [Fact]
    public async Task HandlerTimingOut_KeepsItsMessageForAnotherTry_AndThePumpGoesOnWithTheNextMessages()
    {
        var queues = await QueuesAsync(create: true);
        using var pump = new RecordingPump(queues);
        await pump.StartAsync(default);

        await queues.Get(QueueName).SendMessageAsync("time out");
        await WaitUntilAsync(() => pump.Handled.Contains("time out"));
        await queues.Get(QueueName).SendMessageAsync("after");
        await WaitUntilAsync(() => pump.Handled.Contains("after"));

        Assert.False(pump.ExecuteTask!.IsCompleted);
        Assert.Equal(1, (await queues.Get(QueueName).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        await pump.StopAsync(default);
    }

    [Fact]
    public async Task QueueMissing_ThePumpRetries_AndServesTheQueueOnceItExists()
    {
        var queues = await QueuesAsync(create: false);
        using var pump = new RecordingPump(queues);
        await pump.StartAsync(default);
        await Task.Delay(1500);

        await queues.EnsureCreatedAsync([QueueName]);
        await queues.Get(QueueName).SendMessageAsync("first");
        await WaitUntilAsync(() => pump.Handled.Contains("first"));

        Assert.False(pump.ExecuteTask!.IsCompleted);
        await pump.StopAsync(default);
        Assert.True(pump.ExecuteTask.IsCompletedSuccessfully);
    }

    private async Task<StorageQueues> QueuesAsync(bool create)
    {
        var queues = new StorageQueues(
            new QueueServiceClient(environment.Azurite.ConnectionString, StorageQueues.ClientOptions()), IntegrationEnvironment.UniquePrefix().ToLowerInvariant());
        if (create)
        {
            await queues.EnsureCreatedAsync([QueueName]);
        }

        return queues;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The pump did not handle the message in time.");
            await Task.Delay(50);
        }
    }

    /// <summary>Records every message it is given; "time out" fails as an SDK call past its network timeout does.</summary>
    private sealed class RecordingPump(StorageQueues queues) : StorageQueuePump(queues, QueueName, NullLogger.Instance)
    {
        public ConcurrentBag<string> Handled { get; } = [];

        protected override Task HandleAsync(string message, CancellationToken cancellationToken)
        {
            Handled.Add(message);
            return message == "time out" ? Task.FromException(new TaskCanceledException("network timeout")) : Task.CompletedTask;
        }
    }
}
