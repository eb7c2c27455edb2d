using System.Text.Json;
using Vaccination.Benchmarks.Soak;
using Vaccination.ReliabilityTests.Environment;

namespace Vaccination.ReliabilityTests.Faults;

/// <summary>
/// While storage is down, a request that needs it is answered 503 with code "dependency.unavailable" and retry hint
/// "retry", so a caller knows to send it again, never a 500 that says "contact support".
/// </summary>
[Collection(ReliabilityTestGroup.Name)]
public sealed class OutageAnswerTests(ReliabilityEnvironment environment)
{
    [Fact]
    public async Task WebhookEvent_StorageDown_Answers503WithRetryHint()
    {
        var host = await environment.StartHostAsync();
        using var client = new SoakClient(host.CreateClient());
        var vrs = await client.TokenAsync("vrs", SoakClient.Asahikawa);
        var secret = await client.WebhookSecretAsync(SoakClient.Asahikawa);
        var body = SoakClient.Registered("evt-" + Guid.NewGuid().ToString("N"), "O-" + Guid.NewGuid().ToString("N")[..8], "5123456789",
            Vaccination.Benchmarks.MyNumbers.For(555_000_123), "停止 花子", "1970-01-02");

        (int Status, string Body) answer;
        await environment.StopStorageAsync();
        try
        {
            answer = await client.PostEventAsync(vrs, secret, SoakClient.Asahikawa, body);
        }
        finally
        {
            await environment.StartStorageAsync();
        }

        Assert.True(answer.Status == 503, $"{answer.Status}: {answer.Body}\n" + string.Join('\n', host.Logs.Where(l => l.Contains("failed with", StringComparison.Ordinal))));
        var problem = JsonDocument.Parse(answer.Body).RootElement;
        Assert.Equal("dependency.unavailable", problem.GetProperty("code").GetString());
        Assert.Equal("retry", problem.GetProperty("retry").GetString());
    }
}
