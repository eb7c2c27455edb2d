using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Vaccination.Infra.Tests.Bicep;

namespace Vaccination.Infra.Tests;

/// <summary>The CI contract: bicep build, lint and build-params of everything in infra/, with no diagnostics at all.</summary>
[Collection(CompiledInfrastructureDefinition.Name)]
public sealed partial class BicepToolingTests(CompiledInfrastructure infrastructure)
{
    /// <summary>The linter rules that guard secrets, endpoints and resource identity: a finding is an error.</summary>
    public static TheoryData<string> SecurityRules => new()
    {
        "adminusername-should-not-be-literal",
        "no-hardcoded-env-urls",
        "outputs-should-not-contain-secrets",
        "protect-commandtoexecute-secrets",
        "secure-parameter-default",
        "secure-params-in-nested-deploy",
        "secure-secrets-in-params",
        "use-secure-value-for-secure-inputs",
        "use-resource-id-functions",
        "use-stable-resource-identifiers",
    };

    [Fact]
    public void Build_MainTemplate_SucceedsWithoutDiagnostics()
    {
        AssertClean(infrastructure.TemplateBuild);
        Assert.NotEmpty(infrastructure.Template["resources"]!.AsObject());
    }

    [Fact]
    public void Lint_EveryTemplateAndParameterFile_ReportsNothing()
    {
        Assert.Equal(1 + infrastructure.ParameterFileNames.Count, infrastructure.Lints.Count);
        Assert.All(infrastructure.Lints, AssertClean);
    }

    [Fact]
    public void BuildParams_EveryParameterFile_CompilesWithoutDiagnostics()
    {
        Assert.Contains("dev", infrastructure.ParameterFileNames);
        Assert.Contains("prod", infrastructure.ParameterFileNames);
        Assert.All(infrastructure.ParameterFileNames, name =>
        {
            AssertClean(infrastructure.ParameterBuilds[name]);
            Assert.True(infrastructure.ParameterFiles.ContainsKey(name), $"{name}.bicepparam produced no parameters JSON.");
        });
    }

    [Theory]
    [MemberData(nameof(SecurityRules))]
    public void BicepConfig_SecurityRule_IsAnError(string rule)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.InfraFolder, "bicepconfig.json")))!;

        var level = config["analyzers"]?["core"]?["rules"]?[rule]?["level"]?.GetValue<string>();

        Assert.Equal("error", level);
    }

    private static void AssertClean(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(Diagnostic().IsMatch(result.Output), $"Bicep reported diagnostics:\n{result}");
    }

    [GeneratedRegex(@"\b(Warning|Error|Info)\b\s+[A-Za-z0-9-]+:", RegexOptions.IgnoreCase)]
    private static partial Regex Diagnostic();
}
