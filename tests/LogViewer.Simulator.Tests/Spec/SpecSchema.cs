using System.Globalization;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace LogViewer.Simulator.Tests.Spec;

/// <summary>
/// Checks a JSON answer against a schema of the management subset spec (the YAML copy next to this file): every
/// required property present, no property the schema does not name, types, enums, date-times, nullability
/// (<c>anyOf</c> with <c>null</c>) and <c>$ref</c>s followed. Independent of the simulator's own DTOs.
/// </summary>
public static class SpecSchema
{
    private static readonly Lazy<YamlMappingNode> Schemas = new(Load);

    /// <summary>Every mismatch between <paramref name="json"/> and the named component schema, one line each.</summary>
    public static IReadOnlyList<string> Problems(JsonElement json, string schemaName)
    {
        var problems = new List<string>();
        Check(json, Schema(schemaName), schemaName, problems);
        return problems;
    }

    private static YamlMappingNode Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Spec", "baseten-management-subset.openapi.yaml");
        var yaml = new YamlStream();
        using var reader = File.OpenText(path);
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return (YamlMappingNode)((YamlMappingNode)root["components"])["schemas"];
    }

    private static YamlMappingNode Schema(string name) => (YamlMappingNode)Schemas.Value[name];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static void Check(JsonElement json, YamlMappingNode schema, string path, List<string> problems)
    {
        if (Scalar(schema, "$ref") is { } reference)
        {
            Check(json, Schema(reference[(reference.LastIndexOf('/') + 1)..]), path, problems);
            return;
        }

        if (schema.Children.TryGetValue(new YamlScalarNode("anyOf"), out var anyOf))
        {
            var options = ((YamlSequenceNode)anyOf).Children.Cast<YamlMappingNode>().ToList();
            var attempts = options.Select(option =>
            {
                var found = new List<string>();
                Check(json, option, path, found);
                return found;
            }).ToList();
            if (attempts.All(found => found.Count > 0))
            {
                problems.Add($"{path}: matches none of anyOf ({string.Join(" | ", attempts.Select(found => found[0]))})");
            }

            return;
        }

        switch (Scalar(schema, "type"))
        {
            case "null":
                Expect(json.ValueKind == JsonValueKind.Null, path, "null", json, problems);
                break;
            case "boolean":
                Expect(json.ValueKind is JsonValueKind.True or JsonValueKind.False, path, "boolean", json, problems);
                break;
            case "integer":
                Expect(json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out _), path, "integer", json, problems);
                break;
            case "string":
                CheckString(json, schema, path, problems);
                break;
            case "array":
                if (Expect(json.ValueKind == JsonValueKind.Array, path, "array", json, problems))
                {
                    var items = (YamlMappingNode)schema["items"];
                    var index = 0;
                    foreach (var item in json.EnumerateArray())
                    {
                        Check(item, items, $"{path}[{index++}]", problems);
                    }
                }

                break;
            case "object":
                CheckObject(json, schema, path, problems);
                break;
            default:
                // An enum schema without a type (none here), or a schema this checker does not know: say so.
                if (schema.Children.ContainsKey(new YamlScalarNode("enum")))
                {
                    CheckString(json, schema, path, problems);
                }
                else
                {
                    problems.Add($"{path}: the checker cannot read this schema");
                }

                break;
        }
    }

    private static void CheckString(JsonElement json, YamlMappingNode schema, string path, List<string> problems)
    {
        if (!Expect(json.ValueKind == JsonValueKind.String, path, "string", json, problems))
        {
            return;
        }

        var text = json.GetString()!;
        if (schema.Children.TryGetValue(new YamlScalarNode("enum"), out var values)
            && !((YamlSequenceNode)values).Children.OfType<YamlScalarNode>().Any(value => value.Value == text))
        {
            problems.Add($"{path}: '{text}' is not one of the enum's values");
        }

        if (Scalar(schema, "format") == "date-time"
            && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
        {
            problems.Add($"{path}: '{text}' is not an ISO 8601 date-time");
        }
    }

    private static void CheckObject(JsonElement json, YamlMappingNode schema, string path, List<string> problems)
    {
        if (!Expect(json.ValueKind == JsonValueKind.Object, path, "object", json, problems))
        {
            return;
        }

        var properties = schema.Children.TryGetValue(new YamlScalarNode("properties"), out var node)
            ? (YamlMappingNode)node
            : new YamlMappingNode();
        if (schema.Children.TryGetValue(new YamlScalarNode("required"), out var required))
        {
            foreach (var name in ((YamlSequenceNode)required).Children.OfType<YamlScalarNode>().Select(n => n.Value!))
            {
                if (!json.TryGetProperty(name, out _))
                {
                    problems.Add($"{path}: required property '{name}' is missing");
                }
            }
        }

        foreach (var property in json.EnumerateObject())
        {
            if (properties.Children.TryGetValue(new YamlScalarNode(property.Name), out var propertySchema))
            {
                Check(property.Value, (YamlMappingNode)propertySchema, $"{path}.{property.Name}", problems);
            }
            else
            {
                problems.Add($"{path}: property '{property.Name}' is not in the spec");
            }
        }
    }

    private static bool Expect(bool ok, string path, string expected, JsonElement json, List<string> problems)
    {
        if (!ok)
        {
            problems.Add($"{path}: expected {expected}, got {json.ValueKind}");
        }

        return ok;
    }
}
