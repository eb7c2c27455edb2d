using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Vaccination.Infra.Tests.Arm;
using Vaccination.Infra.Tests.Bicep;

namespace Vaccination.Infra.Tests;

/// <summary>No keys, connection strings or secrets in any parameter, output or app setting: every connection is an identity.</summary>
[Collection(CompiledInfrastructureDefinition.Name)]
public sealed partial class SecretTests(CompiledInfrastructure infrastructure)
{
    /// <summary>Application Insights' connection string identifies the component; with local auth off it grants nothing.</summary>
    private const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static TheoryData<string> ParameterFiles => ParameterFileTheory.Names();

    [Fact]
    public void Parameters_EveryTemplate_AreNeitherSecureNorSecretNamed()
    {
        var parameters = infrastructure.AllTemplates()
            .SelectMany(t => (t.Template["parameters"] as JsonObject ?? []).Select(p => (t.Path, Name: p.Key, Type: p.Value!["type"]?.GetValue<string>())))
            .ToList();

        Assert.NotEmpty(parameters);
        Assert.All(parameters, p =>
        {
            Assert.False(p.Type is "securestring" or "secureObject", $"{p.Path} parameter {p.Name} is {p.Type}.");
            Assert.False(SecretName().IsMatch(p.Name), $"{p.Path} parameter {p.Name} is named like a secret.");
        });
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void ParameterFile_Values_HoldNoSecretOrKeyVaultReference(string parameterFile)
    {
        var parameters = infrastructure.ParameterFiles[parameterFile]["parameters"]!.AsObject();

        Assert.All(parameters, p =>
        {
            Assert.Null(p.Value!["reference"]);
            Assert.False(SecretValue().IsMatch(p.Value.ToJsonString()), $"{parameterFile} parameter {p.Key} looks like a secret.");
        });
    }

    [Fact]
    public void Outputs_EveryTemplate_HoldNoSecret()
    {
        var outputs = infrastructure.AllTemplates()
            .SelectMany(t => (t.Template["outputs"] as JsonObject ?? []).Select(o => (t.Path, Name: o.Key, Definition: o.Value!.AsObject())))
            .ToList();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, o =>
        {
            var value = o.Definition.ToJsonString();
            Assert.False(SecretName().IsMatch(o.Name), $"{o.Path} output {o.Name} is named like a secret.");
            Assert.False(o.Definition["type"]?.GetValue<string>() is "securestring" or "secureObject", $"{o.Path} output {o.Name} is secure.");
            Assert.False(SecretSource().IsMatch(value), $"{o.Path} output {o.Name} reads a secret: {value}");
        });
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void AppSettings_ParameterFile_HoldNoSecret(string parameterFile)
    {
        var settings = Deployments.AppSettings(infrastructure.Simulate(parameterFile));

        var applicationInsights = Assert.IsType<ArmUnknown>(settings[ApplicationInsightsConnectionString]);
        Assert.Equal("reference(Microsoft.Insights/components 'applicationInsights').ConnectionString", applicationInsights.Origin);

        Assert.All(settings.Where(s => !string.Equals(s.Key, ApplicationInsightsConnectionString, StringComparison.OrdinalIgnoreCase)), setting =>
        {
            var value = setting.Value is ArmUnknown unknown ? unknown.Origin : ArmValues.ToArmString(setting.Value);
            Assert.False(SecretName().IsMatch(setting.Key), $"App setting {setting.Key} is named like a secret.");
            Assert.False(SecretValue().IsMatch(value), $"App setting {setting.Key} holds a secret: {value}");
            Assert.False(SecretSource().IsMatch(value), $"App setting {setting.Key} reads a secret: {value}");
        });
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void AppSettings_HostStorage_IsIdentityBasedNotAConnectionString(string parameterFile)
    {
        var settings = Deployments.AppSettings(infrastructure.Simulate(parameterFile));

        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage would be a connection string.");
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.True(Deployments.IsAppIdentity(settings["AzureWebJobsStorage__clientId"], "clientId"), $"{settings["AzureWebJobsStorage__clientId"]}");
        Assert.True(Deployments.IsAppIdentity(settings["AZURE_CLIENT_ID"], "clientId"), $"{settings["AZURE_CLIENT_ID"]}");
        Assert.DoesNotContain(settings.Keys, name => name.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void AppSettings_ApplicationInsights_AuthenticatesWithTheAppIdentity(string parameterFile)
    {
        var settings = Deployments.AppSettings(infrastructure.Simulate(parameterFile));

        var authentication = Assert.IsType<ArmUnknown>(settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);

        Assert.StartsWith("Authorization=AAD;ClientId={", authentication.Origin, StringComparison.Ordinal);
        Assert.Contains(Deployments.UserAssignedIdentity, authentication.Origin, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(".clientId}", authentication.Origin, StringComparison.Ordinal);
    }

    [GeneratedRegex("password|secret|connectionstring|accountkey|sharedaccess|sastoken|instrumentationkey|credentials", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"AccountKey=|SharedAccessKey=|SharedAccessSignature=|[?&]sig=|-----BEGIN|Password=|InstrumentationKey=", RegexOptions.IgnoreCase)]
    private static partial Regex SecretValue();

    [GeneratedRegex(@"\blist[A-Za-z]*\(|\.ConnectionString\b|\.primaryKey\b|\.secondaryKey\b|InstrumentationKey|secrets/", RegexOptions.IgnoreCase)]
    private static partial Regex SecretSource();
}
