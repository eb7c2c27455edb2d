using System.Text.Json.Nodes;
using Vaccination.Infra.Tests.Arm;

namespace Vaccination.Infra.Tests;

/// <summary>The evaluator the infrastructure tests rely on reads templates the way Resource Manager does.</summary>
public sealed class ArmEvaluatorTests
{
    private const string Template = """
        {
          "parameters": {
            "isolated": { "type": "bool" },
            "names": { "type": "array", "defaultValue": [ "a", "b" ] },
            "suffix": { "type": "string", "defaultValue": "[format('{0}-x', parameters('names')[1])]" }
          },
          "variables": {
            "copy": [ { "name": "settings", "count": "[length(parameters('names'))]", "input": "[createObject('name', format('N__{0}', copyIndex('settings')), 'value', parameters('names')[copyIndex('settings')])]" } ],
            "access": "[if(parameters('isolated'), 'Disabled', 'Enabled')]"
          },
          "resources": {
            "account": { "type": "Microsoft.Storage/storageAccounts", "name": "[format('st{0}', parameters('suffix'))]", "properties": { "publicNetworkAccess": "[variables('access')]", "settings": "[variables('settings')]" } },
            "endpoint": { "condition": "[parameters('isolated')]", "type": "Microsoft.Network/privateEndpoints", "name": "pe", "properties": { "target": "[resourceId('Microsoft.Storage/storageAccounts', format('st{0}', parameters('suffix')))]" } },
            "queues": { "copy": { "name": "queues", "count": "[length(parameters('names'))]" }, "type": "Microsoft.Storage/storageAccounts/queueServices/queues", "name": "[format('st/default/{0}', parameters('names')[copyIndex()])]" }
          },
          "outputs": { "id": { "type": "string", "value": "[reference('account').primaryEndpoints.blob]" } }
        }
        """;

    [Theory]
    [InlineData("[format('{0}-{1}', 'a', 1)]", "a-1")]
    [InlineData("[if(equals(1, 1), 'yes', variables('missing'))]", "yes")]
    [InlineData("[concat(createArray(1), createArray(2))]", "[1,2]")]
    [InlineData("[replace(environment().suffixes.keyvaultDns, '.vault.', 'privatelink.vaultcore.')]", "privatelink.vaultcore.azure.net")]
    [InlineData("[coalesce(tryGet(createObject('a', 1), 'b'), 'fallback')]", "fallback")]
    [InlineData("[flatten(map(range(0, 2), lambda('i', createArray(lambdaVariables('i'), 9))))]", "[0,9,1,9]")]
    [InlineData("'[[literal'", "'[literal'")]
    public void EvaluateValue_Expression_GivesResourceManagerResult(string expression, string expected)
    {
        var evaluator = Scope(new Dictionary<string, object?> { ["isolated"] = false }).CreateEvaluator();

        var value = evaluator.EvaluateValue(JsonValue.Create(expression.Trim('\'')));

        var text = value is string s ? (expression.StartsWith('\'') ? $"'{s}'" : s) : System.Text.Json.JsonSerializer.Serialize(ArmValues.ToJsonCompatible(value));
        Assert.Equal(expected, text);
    }

    [Fact]
    public void EvaluateValue_RuntimeProperty_IsUnknownRememberingItsOrigin()
    {
        var evaluator = Scope(new Dictionary<string, object?> { ["isolated"] = false }).CreateEvaluator();

        var value = evaluator.EvaluateValue(JsonValue.Create("[format('x={0}', reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id')).clientId)]"));

        var unknown = Assert.IsType<ArmUnknown>(value);
        Assert.StartsWith("x={reference('/subscriptions/", unknown.Origin, StringComparison.Ordinal);
        Assert.EndsWith("userAssignedIdentities/id').clientId}", unknown.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateValue_UnimplementedFunction_Throws()
    {
        var evaluator = Scope(new Dictionary<string, object?> { ["isolated"] = false }).CreateEvaluator();

        Assert.Throws<NotSupportedException>(() => evaluator.EvaluateValue(JsonValue.Create("[utcNow()]")));
    }

    [Theory]
    [InlineData(true, "Disabled", 4)]
    [InlineData(false, "Enabled", 3)]
    public void Simulate_Condition_DecidesWhichResourcesDeploy(bool isolated, string access, int resourceCount)
    {
        var deployment = DeploymentSimulator.Simulate(
            JsonNode.Parse(Template)!.AsObject(),
            new Dictionary<string, object?> { ["isolated"] = isolated },
            "rg");

        Assert.Equal(resourceCount, deployment.Resources.Count);
        var account = deployment.Single("Microsoft.Storage/storageAccounts");
        Assert.Equal("stb-x", account.Name);
        Assert.Equal(access, account.Properties["publicNetworkAccess"]);
        Assert.Equal(["st/default/a", "st/default/b"], deployment.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => q.Name));
        var settings = ((List<object?>)account.Properties["settings"]!).Cast<Dictionary<string, object?>>().Select(s => $"{s["name"]}={s["value"]}");
        Assert.Equal(["N__0=a", "N__1=b"], settings);
        if (isolated)
        {
            Assert.Equal(account.ResourceId, deployment.Single("Microsoft.Network/privateEndpoints").Properties["target"]);
        }
    }

    private static ArmTemplateScope Scope(Dictionary<string, object?> parameters) =>
        new(JsonNode.Parse(Template)!.AsObject(), parameters, "rg");
}
