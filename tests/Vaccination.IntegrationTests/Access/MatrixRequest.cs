namespace Vaccination.IntegrationTests.Access;

/// <summary>What one matrix cell sends: the concrete path, an optional body and headers, and work to do just before (such as re-creating a grant a DELETE removes).</summary>
public sealed record MatrixRequest(string Path, object? Body = null, IReadOnlyDictionary<string, string>? Headers = null, string? RawBody = null, string ContentType = "application/json")
{
    public Func<MatrixContext, Task>? Prepare { get; init; }
}
