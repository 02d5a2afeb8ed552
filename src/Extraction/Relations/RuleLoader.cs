using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Extraction.Relations;

/// <summary>
/// Reads relation rule files (format in RULES.md) and validates them. Every error becomes a
/// <see cref="RuleFormatException"/> with the file, the line and the reason.
/// </summary>
internal static class RuleLoader
{
    private const string ResourcePrefix = "Extraction.Relations.Rules.";

    private static readonly HashSet<string> RuleFields = new(StringComparer.Ordinal) { "id", "type", "action", "code", "kind", "score", "modality", "pattern", "arguments", "required", "description" };
    private static readonly HashSet<string> ElementFields = new(StringComparer.Ordinal) { "lemma", "lower", "text", "pos", "tag", "entity", "role", "unit", "op", "not", "capture", "trigger", "group", "comment" };
    private static readonly HashSet<string> Labels = new(StringComparer.Ordinal) { "PER", "ROLE", "LOC", "ORG", "MISC", "ANY", "NONE" };

    /// <summary>Loads the rule files embedded in the assembly, in name order.</summary>
    public static List<RelationRule> LoadBuiltIn()
    {
        Assembly assembly = typeof(RuleLoader).Assembly;
        var rules = new List<RelationRule>();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            rules.AddRange(Parse(memory.ToArray(), name[ResourcePrefix.Length..]));
        }

        return rules;
    }

    /// <summary>Loads one rule file from disk.</summary>
    public static List<RelationRule> LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses the UTF-8 bytes of a rule file.</summary>
    public static List<RelationRule> Parse(byte[] utf8, string fileName)
    {
        Node root = ReadTree(utf8, fileName);
        if (root.Kind != JsonValueKind.Object)
        {
            throw Error(fileName, root, "the file must hold a JSON object with a 'rules' array");
        }

        foreach ((string key, Node value) in root.Properties!)
        {
            if (key is not ("rules" or "version" or "description"))
            {
                throw Error(fileName, value, $"unknown field '{key}' (expected 'rules', 'version' or 'description')");
            }
        }

        Node? rulesNode = root.Get("rules");
        if (rulesNode is null || rulesNode.Kind != JsonValueKind.Array)
        {
            throw Error(fileName, rulesNode ?? root, "'rules' must be an array of rule objects");
        }

        if (root.Get("version") is { } version && (version.Kind != JsonValueKind.Number || version.Number != 1))
        {
            throw Error(fileName, version, "'version' must be 1");
        }

        var rules = new List<RelationRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (Node ruleNode in rulesNode.Items!)
        {
            RelationRule rule = ParseRule(ruleNode, fileName);
            if (!ids.Add(rule.Id))
            {
                throw Error(fileName, ruleNode, $"duplicate rule id '{rule.Id}'");
            }

            rules.Add(rule);
        }

        return rules;
    }

    private static RelationRule ParseRule(Node node, string file)
    {
        if (node.Kind != JsonValueKind.Object)
        {
            throw Error(file, node, "a rule must be a JSON object");
        }

        foreach ((string key, Node value) in node.Properties!)
        {
            if (!RuleFields.Contains(key))
            {
                throw Error(file, value, $"unknown field '{key}' in rule");
            }
        }

        string id = RequiredString(node, "id", file);
        string type = RequiredString(node, "type", file);
        if (!RelationTypes.Arguments.TryGetValue(type, out string[]? argumentNames))
        {
            throw Error(file, node.Get("type")!, $"unknown relation type '{type}' (known: {string.Join(", ", RelationTypes.Arguments.Keys)})");
        }

        RuleAction action = RuleAction.Relation;
        if (OptionalString(node, "action", file) is { } actionText)
        {
            action = actionText switch
            {
                "relation" => RuleAction.Relation,
                "attach" => RuleAction.Attach,
                _ => throw Error(file, node.Get("action")!, $"unknown action '{actionText}' (expected 'relation' or 'attach')"),
            };
        }

        double score = 0.7;
        if (node.Get("score") is { } scoreNode)
        {
            if (scoreNode.Kind != JsonValueKind.Number || scoreNode.Number is < 0 or > 1)
            {
                throw Error(file, scoreNode, "'score' must be a number from 0 to 1");
            }

            score = scoreNode.Number;
        }

        Modality? modality = null;
        if (OptionalString(node, "modality", file) is { } modalityText)
        {
            modality = modalityText switch
            {
                "asserted" => Extraction.Modality.Asserted,
                "planned" => Extraction.Modality.Planned,
                "possible" => Extraction.Modality.Possible,
                "negated" => Extraction.Modality.Negated,
                "reported" => Extraction.Modality.Reported,
                _ => throw Error(file, node.Get("modality")!, $"unknown modality '{modalityText}'"),
            };
        }

        Node patternNode = node.Get("pattern") ?? throw Error(file, node, $"rule '{id}' has no 'pattern'");
        var slots = new List<string>();
        IReadOnlyList<PatternElement> elements = ParseElements(patternNode, file, argumentNames, slots);
        if (elements.All(CanBeEmpty))
        {
            throw Error(file, patternNode, $"rule '{id}': the pattern can match zero tokens (every element is optional)");
        }

        if (slots.Count(s => s == "$trigger") > 1)
        {
            throw Error(file, patternNode, $"rule '{id}': more than one element is marked 'trigger'");
        }

        var arguments = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (node.Get("arguments") is { } argumentsNode)
        {
            if (argumentsNode.Kind != JsonValueKind.Object)
            {
                throw Error(file, argumentsNode, "'arguments' must be an object from argument name to strategies");
            }

            foreach ((string name, Node value) in argumentsNode.Properties!)
            {
                if (!argumentNames.Contains(name))
                {
                    throw Error(file, value, $"unknown argument '{name}' for {type} (known: {string.Join(", ", argumentNames)})");
                }

                string[] strategies = StringList(value, file, name);
                foreach (string strategy in strategies)
                {
                    if (!ArgumentFinder.IsKnownStrategy(strategy))
                    {
                        throw Error(file, value, $"unknown strategy '{strategy}' for argument '{name}' (see RULES.md)");
                    }
                }

                arguments[name] = strategies;
            }
        }

        string[] required = RelationTypes.KeyArguments[type];
        if (node.Get("required") is { } requiredNode)
        {
            required = StringList(requiredNode, file, "required");
            foreach (string name in required)
            {
                if (!argumentNames.Contains(name))
                {
                    throw Error(file, requiredNode, $"unknown argument '{name}' in 'required' for {type}");
                }
            }
        }

        return new RelationRule
        {
            Id = id,
            Type = type,
            Action = action,
            Code = OptionalString(node, "code", file) ?? RelationTypes.DefaultCodes.GetValueOrDefault(type),
            Kind = OptionalString(node, "kind", file),
            Score = score,
            Modality = modality,
            Pattern = TokenPattern.Compile(elements),
            Anchor = elements.FirstOrDefault(e => e.Trigger && e.Group is null && e.Quantifier is Quantifier.One or Quantifier.Plus && !e.Negated),
            Arguments = arguments,
            Required = action == RuleAction.Attach ? [] : required,
            Source = file,
        };
    }

    private static bool CanBeEmpty(PatternElement element) =>
        element.Quantifier is Quantifier.Optional or Quantifier.Star || (element.Group is { } group && group.All(CanBeEmpty));

    private static List<PatternElement> ParseElements(Node node, string file, string[] argumentNames, List<string> slots)
    {
        if (node.Kind != JsonValueKind.Array || node.Items!.Count == 0)
        {
            throw Error(file, node, "a pattern must be a non-empty array of elements");
        }

        var elements = new List<PatternElement>();
        foreach (Node item in node.Items)
        {
            elements.Add(ParseElement(item, file, argumentNames, slots));
        }

        return elements;
    }

    private static PatternElement ParseElement(Node node, string file, string[] argumentNames, List<string> slots)
    {
        if (node.Kind != JsonValueKind.Object)
        {
            throw Error(file, node, "a pattern element must be a JSON object");
        }

        foreach ((string key, Node value) in node.Properties!)
        {
            if (!ElementFields.Contains(key))
            {
                throw Error(file, value, $"unknown field '{key}' in pattern element");
            }
        }

        Quantifier quantifier = OptionalString(node, "op", file) switch
        {
            null => Quantifier.One,
            "?" => Quantifier.Optional,
            "*" => Quantifier.Star,
            "+" => Quantifier.Plus,
            string other => throw Error(file, node.Get("op")!, $"unknown op '{other}' (expected '?', '*' or '+')"),
        };
        PatternUnit unit = OptionalString(node, "unit", file) switch
        {
            null or "token" => PatternUnit.Token,
            "entity" => PatternUnit.Entity,
            "np" => PatternUnit.NounPhrase,
            string other => throw Error(file, node.Get("unit")!, $"unknown unit '{other}' (expected 'token', 'entity' or 'np')"),
        };

        string? capture = OptionalString(node, "capture", file);
        if (capture is not null && !argumentNames.Contains(capture))
        {
            throw Error(file, node.Get("capture")!, $"capture '{capture}' is not an argument of the rule's type (known: {string.Join(", ", argumentNames)})");
        }

        bool trigger = OptionalBool(node, "trigger", file) ?? false;
        if (capture is not null)
        {
            slots.Add(capture);
        }

        if (trigger)
        {
            slots.Add("$trigger");
        }

        IReadOnlySet<string>? entity = null;
        if (node.Get("entity") is { } entityNode)
        {
            entity = StringList(entityNode, file, "entity").ToHashSet(StringComparer.Ordinal);
            foreach (string label in entity)
            {
                if (!Labels.Contains(label))
                {
                    throw Error(file, entityNode, $"unknown entity label '{label}' (expected PER, ROLE, LOC, ORG, MISC, ANY or NONE)");
                }
            }
        }

        List<PatternElement>? group = null;
        if (node.Get("group") is { } groupNode)
        {
            group = ParseElements(groupNode, file, argumentNames, slots);
            if (node.Properties!.Any(p => p.Key is "lemma" or "lower" or "text" or "pos" or "tag" or "entity" or "role" or "unit" or "not"))
            {
                throw Error(file, groupNode, "a 'group' element cannot also test the token (move the tests into the group)");
            }

            if (trigger && capture is not null)
            {
                throw Error(file, groupNode, "a group cannot be both 'trigger' and 'capture'");
            }

            if (group.All(CanBeEmpty) && quantifier is Quantifier.Star or Quantifier.Plus)
            {
                // Allowed: the automaton has no empty loops problem (visited states), but warn users through docs.
            }
        }

        if (trigger && capture is not null)
        {
            throw Error(file, node, "an element cannot be both 'trigger' and 'capture'");
        }

        return new PatternElement
        {
            Unit = unit,
            Quantifier = quantifier,
            Lemma = Matcher(node, "lemma", file, ignoreCase: true),
            Lower = Matcher(node, "lower", file, ignoreCase: true),
            Text = Matcher(node, "text", file, ignoreCase: false),
            Pos = node.Get("pos") is { } pos ? StringList(pos, file, "pos").ToHashSet(StringComparer.Ordinal) : null,
            Tag = node.Get("tag") is { } tag ? StringList(tag, file, "tag").ToHashSet(StringComparer.Ordinal) : null,
            Entity = entity,
            Role = OptionalBool(node, "role", file),
            Negated = OptionalBool(node, "not", file) ?? false,
            Capture = capture,
            Trigger = trigger,
            Group = group,
        };
    }

    private static StringMatcher? Matcher(Node node, string name, string file, bool ignoreCase) =>
        node.Get(name) is { } value ? new StringMatcher(StringList(value, file, name).Select(v => ignoreCase ? v.ToLowerInvariant() : v), ignoreCase) : null;

    private static string[] StringList(Node node, string file, string name)
    {
        if (node.Kind == JsonValueKind.String)
        {
            return [node.Text!];
        }

        if (node.Kind == JsonValueKind.Array && node.Items!.Count > 0 && node.Items.All(i => i.Kind == JsonValueKind.String && i.Text!.Length > 0))
        {
            return node.Items.Select(i => i.Text!).ToArray();
        }

        throw Error(file, node, $"'{name}' must be a string or a non-empty array of non-empty strings");
    }

    private static string RequiredString(Node node, string name, string file) =>
        OptionalString(node, name, file) ?? throw Error(file, node, $"a rule needs a string '{name}'");

    private static string? OptionalString(Node node, string name, string file)
    {
        Node? value = node.Get(name);
        if (value is null)
        {
            return null;
        }

        if (value.Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.Text))
        {
            throw Error(file, value, $"'{name}' must be a non-empty string");
        }

        return value.Text;
    }

    private static bool? OptionalBool(Node node, string name, string file)
    {
        Node? value = node.Get(name);
        return value is null ? null : value.Kind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(file, value, $"'{name}' must be true or false"),
        };
    }

    private static RuleFormatException Error(string file, Node node, string reason) => new(file, node.Line, reason);

    // A small JSON tree that remembers the line of every value, for error messages.
    private sealed class Node
    {
        public JsonValueKind Kind { get; init; }

        public int Line { get; init; }

        public string? Text { get; init; }

        public double Number { get; init; }

        public List<Node>? Items { get; init; }

        public List<KeyValuePair<string, Node>>? Properties { get; init; }

        public Node? Get(string name) => Properties?.FirstOrDefault(p => p.Key == name).Value;
    }

    private static Node ReadTree(byte[] utf8, string file)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        int offset = utf8.AsSpan().StartsWith(bom) ? 3 : 0;
        var lineStarts = new List<int> { offset };
        for (int i = offset; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(utf8.AsSpan(offset), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        try
        {
            if (!reader.Read())
            {
                throw new RuleFormatException(file, 1, "the file is empty");
            }

            Node root = ReadValue(ref reader, offset, lineStarts);
            if (reader.Read())
            {
                throw new RuleFormatException(file, LineOf(offset + (int)reader.TokenStartIndex, lineStarts), "unexpected content after the top-level object");
            }

            return root;
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            string reason = e.Message;
            int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut].TrimEnd();
            }

            throw new RuleFormatException(file, line, "malformed JSON: " + reason, e);
        }
        catch (DecoderFallbackException e)
        {
            throw new RuleFormatException(file, 0, "the file is not valid UTF-8", e);
        }
    }

    private static int LineOf(int byteOffset, List<int> lineStarts)
    {
        int index = lineStarts.BinarySearch(byteOffset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private static Node ReadValue(ref Utf8JsonReader reader, int offset, List<int> lineStarts)
    {
        int line = LineOf(offset + (int)reader.TokenStartIndex, lineStarts);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var properties = new List<KeyValuePair<string, Node>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string name = reader.GetString()!;
                    reader.Read();
                    properties.Add(new(name, ReadValue(ref reader, offset, lineStarts)));
                }

                return new Node { Kind = JsonValueKind.Object, Line = line, Properties = properties };
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<Node>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, offset, lineStarts));
                }

                return new Node { Kind = JsonValueKind.Array, Line = line, Items = items };
            }

            case JsonTokenType.String:
                return new Node { Kind = JsonValueKind.String, Line = line, Text = reader.GetString() };
            case JsonTokenType.Number:
                return new Node { Kind = JsonValueKind.Number, Line = line, Number = reader.GetDouble(), Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new Node { Kind = JsonValueKind.True, Line = line };
            case JsonTokenType.False:
                return new Node { Kind = JsonValueKind.False, Line = line };
            default:
                return new Node { Kind = JsonValueKind.Null, Line = line, Text = string.Create(CultureInfo.InvariantCulture, $"{reader.TokenType}") };
        }
    }
}
