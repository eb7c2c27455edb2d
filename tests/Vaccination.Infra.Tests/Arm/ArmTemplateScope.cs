using System.Text.Json.Nodes;

namespace Vaccination.Infra.Tests.Arm;

/// <summary>
/// One template being evaluated: its parameter values (given or default), its variables (evaluated on first use,
/// copy variables included), the resource group it deploys to, and how <c>reference('symbol')</c> is answered.
/// </summary>
internal sealed class ArmTemplateScope
{
    private readonly JsonObject _template;
    private readonly Dictionary<string, object?> _givenParameters;
    private readonly Dictionary<string, object?> _parameters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, object?> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _evaluating = new(StringComparer.OrdinalIgnoreCase);

    public ArmTemplateScope(
        JsonObject template,
        IReadOnlyDictionary<string, object?> givenParameters,
        string? resourceGroupName,
        Func<string, object?>? resolveSymbolicReference = null)
    {
        _template = template;
        _givenParameters = new Dictionary<string, object?>(givenParameters, StringComparer.OrdinalIgnoreCase);
        ResourceGroupName = resourceGroupName;
        ResolveSymbolicReference = resolveSymbolicReference ?? (symbol => new ArmUnknown($"reference('{symbol}')"));
    }

    /// <summary>The resource group the template deploys to; null for a subscription-scope template.</summary>
    public string? ResourceGroupName { get; }

    /// <summary>Answers <c>reference('symbol')</c> for a symbolic name (languageVersion 2.0 templates).</summary>
    public Func<string, object?> ResolveSymbolicReference { get; set; }

    public JsonObject Template => _template;

    public ArmEvaluator CreateEvaluator() => new(this);

    public object? GetParameter(string name)
    {
        if (_parameters.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (_givenParameters.TryGetValue(name, out var given))
        {
            return _parameters[name] = given;
        }

        var definition = _template["parameters"]?[name]?.AsObject()
            ?? throw new KeyNotFoundException($"The template has no parameter '{name}'.");
        if (!definition.TryGetPropertyValue("defaultValue", out var defaultValue))
        {
            if (definition["nullable"]?.GetValue<bool>() == true)
            {
                return _parameters[name] = null;
            }

            throw new KeyNotFoundException($"Parameter '{name}' has no value and no default.");
        }

        return _parameters[name] = Guarded("parameter " + name, () => CreateEvaluator().EvaluateValue(defaultValue));
    }

    public object? GetVariable(string name)
    {
        if (_variables.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var variables = _template["variables"]?.AsObject()
            ?? throw new KeyNotFoundException($"The template has no variables (looking for '{name}').");

        var copyDefinition = variables["copy"]?.AsArray()
            .Select(c => c!.AsObject())
            .FirstOrDefault(c => string.Equals(c["name"]?.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase));
        if (copyDefinition is not null)
        {
            return _variables[name] = Guarded("variable " + name, () => EvaluateCopy(copyDefinition, name));
        }

        if (!variables.TryGetPropertyValue(name, out var definition))
        {
            throw new KeyNotFoundException($"The template has no variable '{name}'.");
        }

        return _variables[name] = Guarded("variable " + name, () => CreateEvaluator().EvaluateValue(definition));
    }

    /// <summary>Evaluates a <c>copy</c> block ({ name, count, input }) of a variable or an output into a list.</summary>
    public List<object?> EvaluateCopy(JsonObject copyDefinition, string copyName)
    {
        var evaluator = CreateEvaluator();
        var count = evaluator.EvaluateValue(copyDefinition["count"]) switch
        {
            long n => (int)n,
            var other => throw new InvalidOperationException($"Copy count of '{copyName}' is not known: {other}"),
        };

        return Enumerable.Range(0, count)
            .Select(i => evaluator.WithCopyIndex(copyName, i).EvaluateValue(copyDefinition["input"]))
            .ToList();
    }

    private T Guarded<T>(string what, Func<T> evaluate)
    {
        if (!_evaluating.Add(what))
        {
            throw new InvalidOperationException($"Circular evaluation of {what}.");
        }

        try
        {
            return evaluate();
        }
        finally
        {
            _evaluating.Remove(what);
        }
    }
}
