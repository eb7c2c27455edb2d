using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Vaccination.UnitTests.KeyVault;

/// <summary>
/// A fake <see cref="HttpPipelineTransport"/>: nothing leaves the process. It records every request (after the
/// pipeline has added authentication and retries) and answers with queued responses, in order.
/// </summary>
public sealed class RecordingTransport : HttpPipelineTransport
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Queue<Func<RecordedRequest, StubResponse>> _responders = new();

    /// <summary>The requests sent so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Queues a fixed response.</summary>
    public RecordingTransport Enqueue(int status, string? body = null, params (string Name, string Value)[] headers) =>
        Enqueue(_ => new StubResponse(status, body, headers));

    /// <summary>Queues a response computed from the request (it may also throw, as a failing network would).</summary>
    public RecordingTransport Enqueue(Func<RecordedRequest, StubResponse> responder)
    {
        lock (_gate)
        {
            _responders.Enqueue(responder);
        }

        return this;
    }

    public override Request CreateRequest() => new FakeRequest();

    public override void Process(HttpMessage message) => Respond(message);

    public override ValueTask ProcessAsync(HttpMessage message)
    {
        Respond(message);
        return ValueTask.CompletedTask;
    }

    private void Respond(HttpMessage message)
    {
        // A real transport fails a cancelled request before anything goes out; so does this one.
        message.CancellationToken.ThrowIfCancellationRequested();
        var recorded = Record(message.Request);
        Func<RecordedRequest, StubResponse> responder;
        lock (_gate)
        {
            _requests.Add(recorded);
            if (!_responders.TryDequeue(out responder!))
            {
                throw new InvalidOperationException($"No response queued for {recorded.Method} {recorded.Uri}.");
            }
        }

        var stub = responder(recorded);
        message.Response = new FakeResponse(stub, message.Request.ClientRequestId);
    }

    private static RecordedRequest Record(Request request)
    {
        byte[]? body = null;
        if (request.Content is not null)
        {
            using var stream = new MemoryStream();
            request.Content.WriteTo(stream, CancellationToken.None);
            body = stream.ToArray();
        }

        return new RecordedRequest(request.Method, request.Uri.ToUri(), [.. request.Headers], body);
    }

    private sealed class FakeRequest : Request
    {
        private readonly List<HttpHeader> _headers = [];

        public override string ClientRequestId { get; set; } = Guid.NewGuid().ToString();

        public override void Dispose() => Content?.Dispose();

        protected override void AddHeader(string name, string value) => _headers.Add(new HttpHeader(name, value));

        protected override bool ContainsHeader(string name) => _headers.Exists(h => Is(h, name));

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers;

        protected override bool RemoveHeader(string name) => _headers.RemoveAll(h => Is(h, name)) > 0;

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = _headers.Where(h => Is(h, name)).Select(h => h.Value).FirstOrDefault();
            return value is not null;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            var found = _headers.Where(h => Is(h, name)).Select(h => h.Value).ToList();
            values = found.Count > 0 ? found : null;
            return values is not null;
        }
    }

    private sealed class FakeResponse : Response
    {
        private readonly StubResponse _stub;

        public FakeResponse(StubResponse stub, string clientRequestId)
        {
            _stub = stub;
            ClientRequestId = clientRequestId;
            ContentStream = stub.Body is null ? null : new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stub.Body));
        }

        public override int Status => _stub.Status;

        public override string ReasonPhrase => _stub.Status switch
        {
            200 => "OK",
            403 => "Forbidden",
            404 => "Not Found",
            429 => "Too Many Requests",
            _ => "Status " + _stub.Status,
        };

        public override Stream? ContentStream { get; set; }

        public override string ClientRequestId { get; set; }

        public override void Dispose() => ContentStream?.Dispose();

        protected override bool ContainsHeader(string name) => AllHeaders().Any(h => Is(h, name));

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => AllHeaders();

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = AllHeaders().Where(h => Is(h, name)).Select(h => h.Value).FirstOrDefault();
            return value is not null;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            var found = AllHeaders().Where(h => Is(h, name)).Select(h => h.Value).ToList();
            values = found.Count > 0 ? found : null;
            return values is not null;
        }

        private IEnumerable<HttpHeader> AllHeaders()
        {
            if (_stub.Body is not null)
            {
                yield return new HttpHeader("Content-Type", "application/json; charset=utf-8");
            }

            foreach (var (name, value) in _stub.Headers)
            {
                yield return new HttpHeader(name, value);
            }
        }
    }

    private static bool Is(HttpHeader header, string name) => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase);
}
