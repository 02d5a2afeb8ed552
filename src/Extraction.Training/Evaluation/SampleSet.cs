using System.Text.Json;

namespace Extraction.Training.Evaluation;

/// <summary>A gold entity mention of the team's sample set.</summary>
public sealed record GoldEntity(int Start, int End, string Label, string Text, string Canonical, string? RefersTo, bool Boilerplate);

/// <summary>A gold relation: its type, arguments (each one or more names or phrases), trigger and modality; <see cref="TriggerStart"/> where the gold gives the trigger's offset (real news).</summary>
public sealed record GoldRelation(string Type, IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments, bool ListValued, string? Trigger, string Modality, bool Former, int? TriggerStart = null);

/// <summary>One annotated article (a line of <c>benchmarks/data/*.jsonl</c>).</summary>
public sealed record SampleArticle(string Id, string Domain, string Text, IReadOnlyList<GoldEntity> Entities, IReadOnlyList<GoldRelation> Relations, int Line);

/// <summary>Reads the sample set's JSON Lines files (format in benchmarks/data/GUIDELINES.md).</summary>
public static class SampleSet
{
    /// <summary>Reads a file; lines that cannot be read are returned as problems, never thrown.</summary>
    public static IReadOnlyList<SampleArticle> Load(string path, List<string> problems)
    {
        var articles = new List<SampleArticle>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                articles.Add(Parse(line, lineNumber));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                problems.Add($"{Path.GetFileName(path)}:{lineNumber}: {e.Message}");
            }
        }

        return articles;
    }

    private static SampleArticle Parse(string line, int lineNumber)
    {
        using JsonDocument json = JsonDocument.Parse(line);
        JsonElement root = json.RootElement;
        var entities = new List<GoldEntity>();
        foreach (JsonElement e in root.GetProperty("entities").EnumerateArray())
        {
            entities.Add(new GoldEntity(
                e.GetProperty("start").GetInt32(),
                e.GetProperty("end").GetInt32(),
                e.GetProperty("label").GetString()!,
                e.GetProperty("text").GetString()!,
                e.GetProperty("canonical").GetString()!,
                e.TryGetProperty("refersTo", out JsonElement refersTo) ? refersTo.GetString() : null,
                e.TryGetProperty("boilerplate", out JsonElement boilerplate) && boilerplate.GetBoolean()));
        }

        var relations = new List<GoldRelation>();
        foreach (JsonElement r in root.GetProperty("relations").EnumerateArray())
        {
            var arguments = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            bool listValued = false;
            foreach (JsonProperty argument in r.GetProperty("arguments").EnumerateObject())
            {
                if (argument.Value.ValueKind == JsonValueKind.Array)
                {
                    listValued = true;
                    arguments[argument.Name] = argument.Value.EnumerateArray().Select(v => v.GetString()!).ToArray();
                }
                else
                {
                    arguments[argument.Name] = [argument.Value.GetString()!];
                }
            }

            relations.Add(new GoldRelation(
                r.GetProperty("type").GetString()!,
                arguments,
                listValued,
                r.TryGetProperty("trigger", out JsonElement trigger) ? trigger.GetString() : null,
                r.TryGetProperty("modality", out JsonElement modality) ? modality.GetString()! : "asserted",
                r.TryGetProperty("former", out JsonElement former) && former.ValueKind == JsonValueKind.True));
        }

        return new SampleArticle(
            root.GetProperty("id").GetString()!,
            root.GetProperty("domain").GetString()!,
            root.GetProperty("text").GetString()!,
            entities,
            relations,
            lineNumber);
    }
}

/// <summary>The relation types of the JSON contract, their arguments, and which arguments identify a fact.</summary>
public static class RelationSchema
{
    /// <summary>Arguments whose values are free text (phrases), not entity names.</summary>
    public static readonly IReadOnlySet<string> FreeTextArguments = Relations.RelationTypes.FreeText;

    /// <summary>Each type's allowed arguments; the first ones listed in <see cref="KeyArguments"/> identify the fact.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Arguments = Relations.RelationTypes.Arguments;

    /// <summary>
    /// The arguments that identify a fact of each type when scoring: stricter than the library's
    /// (<c>Relations.RelationTypes.KeyArguments</c>), since a receiver, target or destination also tells two facts apart.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> KeyArguments = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["HoldsRole"] = ["person", "role"],
        ["Meeting"] = ["participants"],
        ["Statement"] = ["speaker"],
        ["Demand"] = ["speaker"],
        ["Rejection"] = ["speaker"],
        ["Support"] = ["giver"],
        ["Aid"] = ["giver", "receiver"],
        ["Attack"] = ["attacker"],
        ["Sanction"] = ["giver", "target"],
        ["Criticism"] = ["speaker", "target"],
        ["Travel"] = ["traveler", "destination"],
        ["Dispatch"] = ["sender", "sent"],
    };

    public static readonly IReadOnlySet<string> EntityLabels = new HashSet<string>(StringComparer.Ordinal) { "PER", "ROLE", "LOC", "ORG", "MISC" };

    public static readonly IReadOnlySet<string> Modalities = new HashSet<string>(StringComparer.Ordinal) { "asserted", "planned", "possible", "negated", "reported" };
}

/// <summary>Checks the sample set's gold files: what the test suite runs on every build.</summary>
public static class SampleSetValidator
{
    public static IReadOnlyList<string> Validate(IReadOnlyList<SampleArticle> articles)
    {
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (SampleArticle article in articles)
        {
            string at = article.Id;
            if (!ids.Add(article.Id))
            {
                problems.Add($"{at}: duplicate id");
            }

            int previousEnd = 0;
            var canonicals = new HashSet<string>(StringComparer.Ordinal);
            foreach (GoldEntity entity in article.Entities)
            {
                if (entity.Start < 0 || entity.End > article.Text.Length || entity.Start >= entity.End)
                {
                    problems.Add($"{at}: entity [{entity.Start},{entity.End}) outside the text");
                    continue;
                }

                if (article.Text[entity.Start..entity.End] != entity.Text)
                {
                    problems.Add($"{at}: entity text '{entity.Text}' differs from the text at [{entity.Start},{entity.End})");
                }

                if (entity.Start < previousEnd)
                {
                    problems.Add($"{at}: entity '{entity.Text}' overlaps the one before or is out of order");
                }

                if (!RelationSchema.EntityLabels.Contains(entity.Label))
                {
                    problems.Add($"{at}: unknown label '{entity.Label}'");
                }

                previousEnd = entity.End;
                canonicals.Add(entity.Canonical);
                if (entity.RefersTo is not null)
                {
                    canonicals.Add(entity.RefersTo);
                }
            }

            foreach (GoldRelation relation in article.Relations)
            {
                if (!RelationSchema.Arguments.TryGetValue(relation.Type, out string[]? allowed))
                {
                    problems.Add($"{at}: unknown relation type '{relation.Type}'");
                    continue;
                }

                if (!RelationSchema.Modalities.Contains(relation.Modality))
                {
                    problems.Add($"{at}: unknown modality '{relation.Modality}'");
                }

                foreach ((string name, IReadOnlyList<string> values) in relation.Arguments)
                {
                    if (!allowed.Contains(name))
                    {
                        problems.Add($"{at}: {relation.Type} has no argument '{name}'");
                    }
                    else if (!RelationSchema.FreeTextArguments.Contains(name))
                    {
                        foreach (string value in values.Where(v => !canonicals.Contains(v)))
                        {
                            problems.Add($"{at}: {relation.Type}.{name} = '{value}' names no annotated entity");
                        }
                    }
                }
            }
        }

        return problems;
    }
}
