using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Vaccination.Api.Http;
using Vaccination.Functions.Http;
using Vaccination.Functions.Subjects;

namespace Vaccination.UnitTests.Functions;

public class FunctionsMetadataTests
{
    [Fact]
    public void FunctionsMetadata_ListsEveryHttpFunctionWithTheSharedRoutes()
    {
        var functions = ReadMetadata();

        var routes = functions
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "httpTrigger"))
            .ToDictionary(
                f => f.GetProperty("name").GetString()!,
                f => f.GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("type").GetString() == "httpTrigger").GetProperty("route").GetString());
        Assert.Equal(ApiRoutes.Health, routes["GetHealth"]);
        Assert.Equal(ApiRoutes.Subject, routes[nameof(SubjectFunctions.GetSubject)]);
        Assert.Equal(ApiRoutes.Subject, routes[nameof(SubjectFunctions.PutSubject)]);
        Assert.Equal(ApiRoutes.SubjectDoses, routes[nameof(SubjectFunctions.PostDose)]);
    }

    [Fact]
    public void FunctionsMetadata_QueueTriggersReadTheirQueueNamesFromAppSettings()
    {
        var triggers = ReadMetadata()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "queueTrigger")
            .Select(b => b.GetProperty("queueName").GetString()!)
            .ToList();

        Assert.NotEmpty(triggers);
        Assert.All(triggers, value => Assert.Matches("^%[A-Za-z]+%(-poison)?$", value));
    }

    [Fact]
    public async Task ResultActionResult_ExecutesTheSharedResult()
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        };
        var action = new ResultActionResult(Results.StatusCode(StatusCodes.Status418ImATeapot));

        await action.ExecuteResultAsync(new Microsoft.AspNetCore.Mvc.ActionContext { HttpContext = context });

        Assert.Equal(418, context.Response.StatusCode);
    }

    internal static List<JsonElement> ReadMetadata()
    {
        var configuration = typeof(FunctionsMetadataTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var root = RepositoryRoot();
        var path = Path.Combine(root, "functions", "Vaccination.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}; build the Functions project.");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray().ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vaccination.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}
