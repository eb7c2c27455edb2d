using System.Text.Json;
using Vaccination.IntegrationTests.Environment;

namespace Vaccination.IntegrationTests.SelfHost;

/// <summary>
/// The flags staff set and release on a subject, each on its own route (PUT sets, DELETE releases): the
/// confirmed-record lock, suspension of use (S21) and 自動応答不可 (S19). What each flag does is tested with its
/// feature (webhook lock, certificates, exchange); here, that the routes set exactly their flag and are safe to repeat.
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class SubjectFlagTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private const string Subjects = "api/municipalities/012041/subjects";
    private static readonly string[] FlagNames = ["confirmed", "suspended", "autoResponseDisabled"];
    private ApiClient _api = null!;
    private string _staff = null!;

    public async Task InitializeAsync()
    {
        _api = new ApiClient(await environment.GetSelfHostAsync());
        _staff = await _api.TokenAsync("municipal-staff", "012041");
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("confirmation", "confirmed")]
    [InlineData("suspension", "suspended")]
    [InlineData("auto-response-hold", "autoResponseDisabled")]
    public async Task Flag_IsSetByPut_TheSecondPutChangesNothing_AndDeleteReleasesIt(string route, string flag)
    {
        var id = await RegisterAsync();

        var (setStatus, set) = await _api.SendAsync(HttpMethod.Put, $"{Subjects}/{id}/{route}", _staff);
        var (againStatus, again) = await _api.SendAsync(HttpMethod.Put, $"{Subjects}/{id}/{route}", _staff);
        var (releaseStatus, released) = await _api.SendAsync(HttpMethod.Delete, $"{Subjects}/{id}/{route}", _staff);
        var (_, read) = await _api.SendAsync(HttpMethod.Get, $"{Subjects}/{id}", _staff);

        Assert.Equal((200, 200, 200), (setStatus, againStatus, releaseStatus));
        Assert.Equal(FlagNames.Select(name => name == flag), Flags(set));
        Assert.Equal(set.GetProperty("version").GetString(), again.GetProperty("version").GetString());
        Assert.All(Flags(released), Assert.False);
        Assert.All(Flags(read), Assert.False);
    }

    [Fact]
    public async Task AutoResponseHold_UnknownSubject_Is404_AndABadIdIs400()
    {
        var (unknown, unknownBody) = await _api.SendAsync(HttpMethod.Put, $"{Subjects}/NO-SUCH-SUBJECT/auto-response-hold", _staff);
        var (bad, _) = await _api.SendAsync(HttpMethod.Put, $"{Subjects}/{new string('x', 80)}/auto-response-hold", _staff);

        Assert.Equal(404, unknown);
        Assert.Equal("not_found", unknownBody.GetProperty("code").GetString());
        Assert.Equal(400, bad);
    }

    private async Task<string> RegisterAsync()
    {
        var id = "FLAG-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var (status, _) = await _api.SendAsync(HttpMethod.Put, $"{Subjects}/{id}", _staff,
            new { name = "旗 花子", birthDate = "1980-02-03", sex = "Female", tickets = Array.Empty<string>() });
        Assert.Equal(200, status);
        return id;
    }

    private static IEnumerable<bool> Flags(JsonElement subject) =>
        FlagNames.Select(name => subject.GetProperty("flags").GetProperty(name).GetBoolean());
}
