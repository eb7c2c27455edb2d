using System.Text.Json.Nodes;

namespace Vaccination.Infra.Tests.Arm;

/// <summary>
/// Walks a compiled template as Azure Resource Manager would for given parameters: loops are expanded,
/// conditions decided, nested module deployments entered with their evaluated parameters, and
/// <c>reference('module').outputs</c> answered from the module's own evaluated outputs. Nothing is deployed.
/// </summary>
internal sealed class DeploymentSimulator
{
    private const string DeploymentType = "Microsoft.Resources/deployments";

    private readonly string _path;
    private readonly ArmTemplateScope _scope;
    private readonly Dictionary<string, JsonObject> _resourcesBySymbol;
    private readonly Dictionary<string, DeploymentSimulator> _modules = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SimulatedResource> _resources = [];
    private Dictionary<string, object?>? _outputs;
    private bool _ran;

    private DeploymentSimulator(string path, JsonObject template, IReadOnlyDictionary<string, object?> parameters, string? resourceGroup)
    {
        _path = path;
        _scope = new ArmTemplateScope(template, parameters, resourceGroup, ResolveSymbolicReference);
        _resourcesBySymbol = ReadResources(template);
    }

    /// <summary>Simulates a deployment of <paramref name="template"/> with the given parameter values.</summary>
    public static SimulatedDeployment Simulate(JsonObject template, IReadOnlyDictionary<string, object?> parameters, string? resourceGroup = null)
    {
        var simulator = new DeploymentSimulator("main", template, parameters, resourceGroup);
        simulator.Run();
        return new SimulatedDeployment(simulator._resources, simulator.Outputs);
    }

    /// <summary>Reads the "parameters" of a compiled .bicepparam (parameters JSON file) into values.</summary>
    public static Dictionary<string, object?> ReadParameterFile(JsonObject parametersFile) =>
        parametersFile["parameters"]!.AsObject().ToDictionary(
            p => p.Key,
            p => ArmValues.FromJson(p.Value!["value"]),
            StringComparer.OrdinalIgnoreCase);

    private Dictionary<string, object?> Outputs => _outputs ??= EvaluateOutputs();

    private static Dictionary<string, JsonObject> ReadResources(JsonObject template) => template["resources"] switch
    {
        JsonObject symbolic => symbolic.ToDictionary(p => p.Key, p => p.Value!.AsObject(), StringComparer.OrdinalIgnoreCase),
        JsonArray array => array.Select((r, i) => (Key: i.ToString(System.Globalization.CultureInfo.InvariantCulture), Value: r!.AsObject()))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase),
        _ => new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase),
    };

    private void Run()
    {
        if (_ran)
        {
            return;
        }

        _ran = true;
        foreach (var (symbol, declaration) in _resourcesBySymbol)
        {
            if (declaration["existing"]?.GetValue<bool>() == true)
            {
                continue;
            }

            foreach (var (instanceSymbol, evaluator) in Instances(symbol, declaration))
            {
                var condition = declaration.TryGetPropertyValue("condition", out var conditionNode)
                    ? evaluator.EvaluateValue(conditionNode)
                    : true;
                switch (condition)
                {
                    case false:
                        continue;
                    case true:
                        break;
                    default:
                        throw new InvalidOperationException($"The condition of {_path}/{instanceSymbol} cannot be decided before deployment: {condition}.");
                }

                Add(instanceSymbol, declaration, evaluator);
            }
        }
    }

    private IEnumerable<(string Symbol, ArmEvaluator Evaluator)> Instances(string symbol, JsonObject declaration)
    {
        var evaluator = _scope.CreateEvaluator();
        if (declaration["copy"] is not JsonObject copy)
        {
            yield return (symbol, evaluator);
            yield break;
        }

        var copyName = copy["name"]?.GetValue<string>() ?? symbol;
        var count = evaluator.EvaluateValue(copy["count"]) as long?
            ?? throw new InvalidOperationException($"The loop count of {_path}/{symbol} is not known before deployment.");
        for (var i = 0; i < count; i++)
        {
            yield return ($"{symbol}[{i}]", evaluator.WithCopyIndex(copyName, i));
        }
    }

    private void Add(string symbol, JsonObject declaration, ArmEvaluator evaluator)
    {
        var type = declaration["type"]!.GetValue<string>();
        var body = declaration.DeepClone().AsObject();
        foreach (var ignored in new[] { "copy", "condition", "dependsOn", "existing" })
        {
            body.Remove(ignored);
        }

        var isModule = string.Equals(type, DeploymentType, StringComparison.OrdinalIgnoreCase)
            && declaration["properties"]?["template"] is JsonObject;
        if (isModule)
        {
            var properties = body["properties"]!.AsObject();
            properties.Remove("template");
            properties.Remove("parameters");
        }

        var evaluated = (Dictionary<string, object?>)evaluator.EvaluateValue(body)!;
        var name = evaluated.GetValueOrDefault("name")?.ToString() ?? symbol;
        var resourceGroup = evaluated.GetValueOrDefault("resourceGroup") as string ?? _scope.ResourceGroupName;
        if (string.Equals(type, "Microsoft.Resources/resourceGroups", StringComparison.OrdinalIgnoreCase))
        {
            resourceGroup = null;
        }

        _resources.Add(new SimulatedResource(_path, symbol, type, name, resourceGroup, evaluated));

        if (isModule)
        {
            var module = Module(symbol, declaration, evaluator, name, resourceGroup);
            module.Run();
            _resources.AddRange(module._resources);
        }
    }

    private DeploymentSimulator Module(string symbol, JsonObject declaration, ArmEvaluator evaluator, string name, string? resourceGroup)
    {
        if (_modules.TryGetValue(symbol, out var existing))
        {
            return existing;
        }

        var scope = declaration["properties"]?["expressionEvaluationOptions"]?["scope"]?.GetValue<string>();
        if (!string.Equals(scope, "inner", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"Module {symbol} is not evaluated in inner scope.");
        }

        var parameters = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (declaration["properties"]?["parameters"] is JsonObject given)
        {
            foreach (var (parameterName, valueNode) in given)
            {
                parameters[parameterName] = evaluator.EvaluateValue(valueNode) switch
                {
                    Dictionary<string, object?> wrapper when wrapper.TryGetValue("value", out var value) => value,
                    var other => throw new InvalidOperationException($"Module {symbol} parameter {parameterName} is not {{ value }}: {other}"),
                };
            }
        }

        var module = new DeploymentSimulator($"{_path}/{name}", declaration["properties"]!["template"]!.AsObject(), parameters, resourceGroup);
        _modules[symbol] = module;
        return module;
    }

    private object? ResolveSymbolicReference(string symbol)
    {
        if (!_resourcesBySymbol.TryGetValue(symbol, out var declaration))
        {
            throw new KeyNotFoundException($"reference('{symbol}'): no such resource in {_path}.");
        }

        var type = declaration["type"]!.GetValue<string>();
        var isModule = string.Equals(type, DeploymentType, StringComparison.OrdinalIgnoreCase) && declaration["copy"] is null;
        if (!isModule)
        {
            return new ArmUnknown($"reference({type} '{symbol}')");
        }

        if (!_modules.TryGetValue(symbol, out var module))
        {
            var evaluator = _scope.CreateEvaluator();
            var body = (Dictionary<string, object?>)evaluator.EvaluateValue(new JsonObject
            {
                ["name"] = declaration["name"]?.DeepClone(),
                ["resourceGroup"] = declaration["resourceGroup"]?.DeepClone(),
            })!;
            module = Module(
                symbol,
                declaration,
                evaluator,
                body.GetValueOrDefault("name")?.ToString() ?? symbol,
                body.GetValueOrDefault("resourceGroup") as string ?? _scope.ResourceGroupName);
        }

        var outputs = ArmValues.NewObject();
        foreach (var (outputName, value) in module.Outputs)
        {
            var wrapper = ArmValues.NewObject();
            wrapper["value"] = value;
            outputs[outputName] = wrapper;
        }

        var reference = ArmValues.NewObject();
        reference["outputs"] = outputs;
        return reference;
    }

    private Dictionary<string, object?> EvaluateOutputs()
    {
        var outputs = ArmValues.NewObject();
        if (_scope.Template["outputs"] is not JsonObject definitions)
        {
            return outputs;
        }

        foreach (var (name, definition) in definitions)
        {
            outputs[name] = definition!["copy"] is JsonObject copy
                ? _scope.EvaluateCopy(copy, name)
                : _scope.CreateEvaluator().EvaluateValue(definition["value"]);
        }

        return outputs;
    }
}
