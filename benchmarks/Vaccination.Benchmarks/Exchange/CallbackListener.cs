using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Vaccination.Benchmarks.Exchange;

/// <summary>
/// Receives the self-host's "inquiry ended" callbacks on a loopback port and remembers when each inquiry id arrived
/// (<see cref="Stopwatch"/> timestamps), so a round trip ends when the result is pushed, with no polling.
/// </summary>
internal sealed class CallbackListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new();
    private readonly Task _loop;
    private int _count;

    public CallbackListener()
    {
        var port = ExchangeSelfHost.FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/callback/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Address { get; }

    public int Count => Volatile.Read(ref _count);

    /// <summary>Completes with the timestamp at which the callback for <paramref name="inquiryId"/> arrived.</summary>
    public Task<long> WhenEndedAsync(string inquiryId) =>
        _waiting.GetOrAdd(inquiryId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Dispose()
    {
        _listener.Close();
        _ = _loop;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var at = Stopwatch.GetTimestamp();
            using (var document = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                var id = document.RootElement.GetProperty("inquiryId").GetString()!;
                _waiting.GetOrAdd(id, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(at);
            }

            Interlocked.Increment(ref _count);
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }
}
