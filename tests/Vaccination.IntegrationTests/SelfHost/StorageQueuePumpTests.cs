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

        // "after" is deleted once handled; "time out" stays on the queue (invisible until its next try).
        await WaitUntilAsync(async () => (await queues.Get(QueueName).GetPropertiesAsync()).Value.ApproximateMessagesCount == 1);

        Assert.False(pump.ExecuteTask!.IsCompleted);
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

    private const string NotThereInTime = "The pump did not get there in time.";

    private static Task WaitUntilAsync(Func<bool> condition) => Poll.UntilAsync(condition, NotThereInTime, TimeSpan.FromSeconds(20));

    private static Task WaitUntilAsync(Func<Task<bool>> condition) => Poll.UntilAsync(condition, NotThereInTime, TimeSpan.FromSeconds(20));

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
