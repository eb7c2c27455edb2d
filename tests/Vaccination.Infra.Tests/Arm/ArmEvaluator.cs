using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vaccination.Infra.Tests.Arm;

/// <summary>
/// Evaluates ARM template expressions the way Azure Resource Manager would before a deployment, for the functions
/// Bicep emits. What only Azure knows (resource runtime properties) evaluates to <see cref="ArmUnknown"/>;
/// a function it does not implement throws, so a test never passes on something it could not read.
/// </summary>
internal sealed class ArmEvaluator
{
    /// <summary>The subscription every evaluation pretends to deploy to.</summary>
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000aa";

    /// <summary>The Entra tenant of that subscription.</summary>
    public const string TenantId = "00000000-0000-0000-0000-0000000000bb";

    private const string DefaultCopy = "";

    private readonly ArmTemplateScope _scope;
    private readonly ImmutableDictionary<string, int> _copyIndexes;
    private readonly ImmutableDictionary<string, object?> _lambdaVariables;

    public ArmEvaluator(ArmTemplateScope scope)
        : this(scope, ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase), ImmutableDictionary<string, object?>.Empty)
    {
    }

    private ArmEvaluator(ArmTemplateScope scope, ImmutableDictionary<string, int> copyIndexes, ImmutableDictionary<string, object?> lambdaVariables)
    {
        _scope = scope;
        _copyIndexes = copyIndexes;
        _lambdaVariables = lambdaVariables;
    }

    public ArmEvaluator WithCopyIndex(string copyName, int index) =>
        new(_scope, _copyIndexes.SetItem(copyName, index).SetItem(DefaultCopy, index), _lambdaVariables);

    /// <summary>Evaluates a template JSON value: expression strings are evaluated, objects and arrays recursively.</summary>
    public object? EvaluateValue(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = ArmValues.NewObject();
                foreach (var (key, value) in obj)
                {
                    // Property loops: "copy": [ { "name": "p", "count": n, "input": ... } ] makes property p a list.
                    if (key == "copy" && value is JsonArray propertyLoops)
                    {
                        foreach (var loop in propertyLoops.Select(l => l!.AsObject()))
                        {
                            var loopName = loop["name"]!.GetValue<string>();
                            var count = EvaluateValue(loop["count"]) as long?
                                ?? throw new InvalidOperationException($"The count of property loop '{loopName}' is not known.");
                            result[loopName] = Enumerable.Range(0, (int)count).Select(i => WithCopyIndex(loopName, i).EvaluateValue(loop["input"])).ToList();
                        }

                        continue;
                    }

                    var evaluatedKey = ArmExpressionParser.IsExpression(key) ? Evaluate(ArmExpressionParser.ParseTemplateString(key)) : Unescape(key);
                    result[evaluatedKey is string s ? s : evaluatedKey?.ToString() ?? string.Empty] = EvaluateValue(value);
                }

                return result;
            case JsonArray array:
                return array.Select(EvaluateValue).ToList();
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                return ArmExpressionParser.IsExpression(text) ? Evaluate(ArmExpressionParser.ParseTemplateString(text)) : Unescape(text);
            default:
                return ArmValues.FromJson(node);
        }
    }

    public object? Evaluate(ArmExpression expression) => expression switch
    {
        ArmLiteral literal => literal.Value,
        ArmPropertyAccess access => GetProperty(Evaluate(access.Target), access.Property),
        ArmIndexAccess access => GetIndex(Evaluate(access.Target), Evaluate(access.Index)),
        ArmCall call => Call(call),
        _ => throw new NotSupportedException(expression.GetType().Name),
    };

    private static string Unescape(string text) => text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text;

    private static object? GetProperty(object? target, string property) => target switch
    {
        ArmUnknown unknown => unknown.Then("." + property),
        Dictionary<string, object?> obj => obj.TryGetValue(property, out var value)
            ? value
            : throw new KeyNotFoundException($"No property '{property}' in {{{string.Join(", ", obj.Keys)}}}."),
        _ => throw new InvalidOperationException($"Cannot read '{property}' of {target ?? "null"}."),
    };

    private static object? GetIndex(object? target, object? index) => (target, index) switch
    {
        (ArmUnknown unknown, _) => unknown.Then($"[{index}]"),
        (_, ArmUnknown unknown) => unknown.Then("(as index)"),
        (List<object?> list, long i) => list[(int)i],
        (Dictionary<string, object?> obj, string key) => GetProperty(obj, key),
        _ => throw new InvalidOperationException($"Cannot index {target ?? "null"} with {index ?? "null"}."),
    };

    private object? Call(ArmCall call)
    {
        var name = call.Name.ToLowerInvariant();
        switch (name)
        {
            // Lazy functions evaluate only the arguments they need.
            case "if":
                return Evaluate(call.Arguments[0]) switch
                {
                    bool condition => Evaluate(call.Arguments[condition ? 1 : 2]),
                    ArmUnknown unknown => unknown.Then(" (as if condition)"),
                    var other => throw new InvalidOperationException($"if() condition is {other}."),
                };
            case "and":
                return call.Arguments.All(a => Evaluate(a) is true);
            case "or":
                return call.Arguments.Any(a => Evaluate(a) is true);
            case "coalesce":
                foreach (var argument in call.Arguments)
                {
                    var value = Evaluate(argument);
                    if (value is not null)
                    {
                        return value;
                    }
                }

                return null;
            case "lambda":
                var names = call.Arguments.Take(call.Arguments.Count - 1).Select(a => (string)Evaluate(a)!).ToList();
                return new ArmLambda(names, call.Arguments[^1], _lambdaVariables);
        }

        var args = call.Arguments.Select(Evaluate).ToList();
        return name switch
        {
            "parameters" => _scope.GetParameter(Text(args[0])),
            "variables" => _scope.GetVariable(Text(args[0])),
            "lambdavariables" => _lambdaVariables.TryGetValue(Text(args[0]), out var lambdaValue)
                ? lambdaValue
                : throw new KeyNotFoundException($"No lambda variable '{args[0]}'."),
            "copyindex" => CopyIndex(args),
            "reference" => Reference(args),
            "list" or "listkeys" or "listsecrets" or "listconnectionstrings" or "listaccountsas" or "listservicesas" or "listcredentials"
                => new ArmUnknown($"{call.Name}({string.Join(", ", args)})"),
            "environment" => Environment(),
            "subscription" => Subscription(),
            "tenant" => Obj(("tenantId", TenantId), ("countryCode", "JP"), ("displayName", "tenant")),
            "deployment" => Obj(("name", "deployment")),
            "resourcegroup" => Obj(
                ("name", _scope.ResourceGroupName ?? throw new InvalidOperationException("resourceGroup() at subscription scope.")),
                ("id", $"/subscriptions/{SubscriptionId}/resourceGroups/{_scope.ResourceGroupName}"),
                ("location", new ArmUnknown("resourceGroup().location"))),
            "resourceid" => AnyUnknown(args) ?? ResourceId(args, _scope.ResourceGroupName),
            "subscriptionresourceid" => AnyUnknown(args) ?? ResourceId(args, resourceGroupName: null),
            "extensionresourceid" => AnyUnknown(args) ?? $"{Text(args[0])}{ResourceId(args.Skip(1).ToList(), null, withSubscription: false)}",
            "tenantresourceid" => AnyUnknown(args) ?? ResourceId(args, null, withSubscription: false),
            "format" => Format(args),
            "concat" => Concat(args),
            "createarray" => args,
            "createobject" => CreateObject(args),
            "string" => AnyUnknown(args) ?? ArmValues.ToArmString(args[0]),
            "int" => AnyUnknown(args) ?? Convert.ToInt64(args[0], CultureInfo.InvariantCulture),
            "bool" => AnyUnknown(args) ?? (args[0] is string b ? bool.Parse(b) : Convert.ToBoolean(args[0], CultureInfo.InvariantCulture)),
            "json" => AnyUnknown(args) ?? ArmValues.FromJson(JsonNode.Parse(Text(args[0]))),
            "null" => null,
            "true" => true,
            "false" => false,
            "equals" => AnyUnknown(args) ?? ArmValues.DeepEquals(args[0], args[1]),
            "not" => AnyUnknown(args) ?? !(bool)args[0]!,
            "empty" => AnyUnknown(args) ?? IsEmpty(args[0]),
            "length" => AnyUnknown(args) ?? Length(args[0]),
            "contains" => AnyUnknown(args) ?? Contains(args[0], args[1]),
            "union" => AnyUnknown(args) ?? Union(args),
            "trygetvalue" or "tryget" => TryGet(args),
            "tolower" => AnyUnknown(args) ?? Text(args[0]).ToLowerInvariant(),
            "toupper" => AnyUnknown(args) ?? Text(args[0]).ToUpperInvariant(),
            "replace" => AnyUnknown(args) ?? Text(args[0]).Replace(Text(args[1]), Text(args[2]), StringComparison.Ordinal),
            "split" => AnyUnknown(args) ?? Text(args[0]).Split(Text(args[1])).Cast<object?>().ToList(),
            "startswith" => AnyUnknown(args) ?? Text(args[0]).StartsWith(Text(args[1]), StringComparison.OrdinalIgnoreCase),
            "endswith" => AnyUnknown(args) ?? Text(args[0]).EndsWith(Text(args[1]), StringComparison.OrdinalIgnoreCase),
            "take" => AnyUnknown(args) ?? Take(args[0], (int)(long)args[1]!),
            "first" => AnyUnknown(args) ?? (args[0] is string s ? s[..1] : ((List<object?>)args[0]!)[0]),
            "last" => AnyUnknown(args) ?? (args[0] is string s2 ? s2[^1..] : ((List<object?>)args[0]!)[^1]),
            "range" => Enumerable.Range((int)(long)args[0]!, (int)(long)args[1]!).Select(i => (object?)(long)i).ToList(),
            "items" => ((Dictionary<string, object?>)args[0]!).OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
                .Select(p => (object?)Obj(("key", p.Key), ("value", p.Value))).ToList(),
            "map" => Map(args[0], (ArmLambda)args[1]!),
            "filter" => Filter(args[0], (ArmLambda)args[1]!),
            "flatten" => AnyUnknown(args) ?? ((List<object?>)args[0]!).SelectMany(item => item as List<object?> ?? throw new InvalidOperationException("flatten() of a non-array.")).ToList(),
            "uniquestring" => AnyUnknown(args) ?? UniqueString(args),
            "guid" => AnyUnknown(args) ?? DeterministicGuid(args),
            "add" => AnyUnknown(args) ?? (long)args[0]! + (long)args[1]!,
            "sub" => AnyUnknown(args) ?? (long)args[0]! - (long)args[1]!,
            "greater" => AnyUnknown(args) ?? (long)args[0]! > (long)args[1]!,
            "less" => AnyUnknown(args) ?? (long)args[0]! < (long)args[1]!,
            _ => throw new NotSupportedException($"The test evaluator does not implement ARM function '{call.Name}'."),
        };
    }

    // Typed object (not ArmUnknown) so that callers can write AnyUnknown(args) ?? result.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Used as the left operand of ??.")]
    private static object? AnyUnknown(List<object?> args)
    {
        var unknown = args.OfType<ArmUnknown>().FirstOrDefault();
        return unknown?.Then(" (in a function)");
    }

    private static string Text(object? value) => value as string ?? throw new InvalidOperationException($"Expected a string, got {value ?? "null"}.");

    private static Dictionary<string, object?> Obj(params (string Key, object? Value)[] properties)
    {
        var result = ArmValues.NewObject();
        foreach (var (key, value) in properties)
        {
            result[key] = value;
        }

        return result;
    }

    private static Dictionary<string, object?> Environment() => Obj(
        ("name", "AzureCloud"),
        ("resourceManager", "https://management.azure.com/"),
        ("authentication", Obj(
            ("loginEndpoint", "https://login.microsoftonline.com/"),
            ("audiences", new List<object?> { "https://management.core.windows.net/", "https://management.azure.com/" }))),
        ("suffixes", Obj(
            ("storage", "core.windows.net"),
            ("keyvaultDns", ".vault.azure.net"),
            ("sqlServerHostname", ".database.windows.net"),
            ("acrLoginServer", ".azurecr.io"))));

    private static Dictionary<string, object?> Subscription() => Obj(
        ("id", $"/subscriptions/{SubscriptionId}"),
        ("subscriptionId", SubscriptionId),
        ("tenantId", TenantId),
        ("displayName", "subscription"));

    private object? CopyIndex(List<object?> args)
    {
        var copyName = args.OfType<string>().FirstOrDefault() ?? DefaultCopy;
        var offset = args.OfType<long>().FirstOrDefault();
        return _copyIndexes.TryGetValue(copyName, out var index)
            ? index + offset
            : throw new InvalidOperationException($"copyIndex('{copyName}') outside its loop.");
    }

    private object? Reference(List<object?> args) => args[0] switch
    {
        ArmUnknown unknown => unknown.Then(" (referenced)"),
        string target when target.Contains('/', StringComparison.Ordinal) => new ArmUnknown($"reference('{target}')"),
        string symbol => _scope.ResolveSymbolicReference(symbol),
        var other => throw new InvalidOperationException($"reference() of {other}."),
    };

    /// <summary>Builds a resource id: optional subscription and group arguments, then the type, then one name per type segment.</summary>
    private static string ResourceId(List<object?> args, string? resourceGroupName, bool withSubscription = true)
    {
        var typeIndex = args.FindIndex(a => a is string s && s.Contains('/', StringComparison.Ordinal));
        var leading = args.Take(typeIndex).Select(Text).ToList();
        var subscriptionId = SubscriptionId;
        if (leading.Count == 2)
        {
            subscriptionId = leading[0];
            resourceGroupName = leading[1];
        }
        else if (leading.Count == 1)
        {
            resourceGroupName = leading[0];
        }

        var typeSegments = Text(args[typeIndex]).Split('/');
        var names = args.Skip(typeIndex + 1).Select(Text).ToList();
        var path = new StringBuilder(typeSegments[0]);
        for (var i = 1; i < typeSegments.Length; i++)
        {
            path.Append('/').Append(typeSegments[i]).Append('/').Append(i - 1 < names.Count ? names[i - 1] : "?");
        }

        var prefix = !withSubscription
            ? string.Empty
            : resourceGroupName is null
                ? $"/subscriptions/{subscriptionId}"
                : $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}";
        return $"{prefix}/providers/{path}";
    }

    /// <summary>format(); with unknown arguments the result is unknown, its origin the text with each unknown's origin in braces.</summary>
    private static object Format(List<object?> args)
    {
        var format = Text(args[0]);
        var builder = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                builder.Append('{');
                i++;
            }
            else if (format[i] == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                builder.Append('}');
                i++;
            }
            else if (format[i] == '{')
            {
                var end = format.IndexOf('}', i);
                var placeholder = format[(i + 1)..end].Split(':')[0];
                var argument = args[int.Parse(placeholder, CultureInfo.InvariantCulture) + 1];
                builder.Append(argument is ArmUnknown unknown ? $"{{{unknown.Origin}}}" : ArmValues.ToArmString(argument));
                i = end;
            }
            else
            {
                builder.Append(format[i]);
            }
        }

        return args.Skip(1).Any(a => a is ArmUnknown) ? new ArmUnknown(builder.ToString()) : builder.ToString();
    }

    private static object? Concat(List<object?> args)
    {
        if (args.Count > 0 && args[0] is List<object?>)
        {
            return AnyUnknown(args) ?? args.SelectMany(a => (List<object?>)a!).ToList();
        }

        return AnyUnknown(args) ?? string.Concat(args.Select(ArmValues.ToArmString));
    }

    private static Dictionary<string, object?> CreateObject(List<object?> args)
    {
        var result = ArmValues.NewObject();
        for (var i = 0; i < args.Count; i += 2)
        {
            result[Text(args[i])] = args[i + 1];
        }

        return result;
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        List<object?> list => list.Count == 0,
        Dictionary<string, object?> obj => obj.Count == 0,
        _ => false,
    };

    private static long Length(object? value) => value switch
    {
        string s => s.Length,
        List<object?> list => list.Count,
        Dictionary<string, object?> obj => obj.Count,
        _ => throw new InvalidOperationException($"length() of {value ?? "null"}."),
    };

    private static bool Contains(object? container, object? item) => container switch
    {
        string s => s.Contains(Text(item), StringComparison.OrdinalIgnoreCase),
        List<object?> list => list.Exists(element => ArmValues.DeepEquals(element, item)),
        Dictionary<string, object?> obj => obj.ContainsKey(Text(item)),
        _ => false,
    };

    private static object? Union(List<object?> args)
    {
        if (args[0] is List<object?>)
        {
            var union = new List<object?>();
            foreach (var item in args.SelectMany(a => (List<object?>)a!))
            {
                if (!union.Exists(existing => ArmValues.DeepEquals(existing, item)))
                {
                    union.Add(item);
                }
            }

            return union;
        }

        var result = ArmValues.NewObject();
        foreach (var obj in args.Cast<Dictionary<string, object?>>())
        {
            foreach (var (key, value) in obj)
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static object? TryGet(List<object?> args)
    {
        var current = args[0];
        foreach (var key in args.Skip(1))
        {
            current = (current, key) switch
            {
                (ArmUnknown unknown, _) => unknown.Then($"?.{key}"),
                (Dictionary<string, object?> obj, string k) => obj.GetValueOrDefault(k),
                (List<object?> list, long i) => i < list.Count ? list[(int)i] : null,
                _ => null,
            };
        }

        return current;
    }

    private static object? Take(object? value, int count) => value switch
    {
        string s => s[..Math.Min(count, s.Length)],
        List<object?> list => list.Take(count).ToList(),
        _ => throw new InvalidOperationException($"take() of {value ?? "null"}."),
    };

    private object? Map(object? source, ArmLambda lambda) => source switch
    {
        ArmUnknown unknown => unknown.Then(" (mapped)"),
        List<object?> list => list.Select((item, i) => Invoke(lambda, item, (long)i)).ToList(),
        _ => throw new InvalidOperationException($"map() over {source ?? "null"}."),
    };

    private object? Filter(object? source, ArmLambda lambda) => source switch
    {
        ArmUnknown unknown => unknown.Then(" (filtered)"),
        List<object?> list => list.Where((item, i) => Invoke(lambda, item, (long)i) is true).ToList(),
        _ => throw new InvalidOperationException($"filter() over {source ?? "null"}."),
    };

    private object? Invoke(ArmLambda lambda, params object?[] arguments)
    {
        var variables = _lambdaVariables.SetItems(lambda.Captured);
        for (var i = 0; i < lambda.ParameterNames.Count; i++)
        {
            variables = variables.SetItem(lambda.ParameterNames[i], arguments[i]);
        }

        return new ArmEvaluator(_scope, _copyIndexes, variables).Evaluate(lambda.Body);
    }

    /// <summary>A stand-in for uniqueString(): 13 lowercase characters, stable for the same arguments.</summary>
    private static string UniqueString(List<object?> args)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', args.Select(ArmValues.ToArmString))));
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        return new string(hash.Take(13).Select(b => alphabet[b % alphabet.Length]).ToArray());
    }

    private static string DeterministicGuid(List<object?> args)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', args.Select(ArmValues.ToArmString))));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
