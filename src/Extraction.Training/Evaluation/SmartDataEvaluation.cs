using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Extraction.Pipeline;

namespace Extraction.Training.Evaluation;

/// <summary>A concept mention of a SmartData document: a typed span of the text.</summary>
/// <param name="Id">The mention id (<c>c/...</c>).</param>
/// <param name="Type">The type: <c>person</c>, <c>organization</c>, <c>organization-company</c>, <c>org-position</c>, ...</param>
/// <param name="Start">The offset of the first character (UTF-16 code units).</param>
/// <param name="End">The offset after the last character.</param>
/// <param name="Text">The covered text, as written (may contain a line break).</param>
public sealed record SmartDataMention(string Id, string Type, int Start, int End, string Text);

/// <summary>One argument of a SmartData relation mention: its role and the concept mention it points to.</summary>
public sealed record SmartDataArgument(string Role, SmartDataMention Mention);

/// <summary>A relation mention of a SmartData document (<c>OrganizationLeadership</c>, <c>Acquisition</c>, ...).</summary>
public sealed record SmartDataRelation(string Name, IReadOnlyList<SmartDataArgument> Arguments);

/// <summary>One SmartData document with its concept and relation mentions.</summary>
public sealed record SmartDataDocument(string Id, string Text, IReadOnlyList<SmartDataMention> Mentions, IReadOnlyList<SmartDataRelation> Relations);

/// <summary>
/// A fact "person holds position", with the organizations named for it (none when the text names none).
/// Surfaces are normalised (white space collapsed).
/// </summary>
public sealed record RoleFact(string Person, string Position, IReadOnlyList<string> Organizations);

/// <summary>Scores of the library on SmartData, with the gold counts.</summary>
public sealed record SmartDataScores(
    int Documents,
    int PositionMentions,
    int LeadershipRelations,
    int LeadershipRelationsWithoutPosition,
    int GoldFactsExact,
    int GoldFacts,
    int PredictedFacts,
    PrecisionRecall Roles,
    PrecisionRecall HoldsRole,
    int OrganizationCorrect,
    int OrganizationTotal,
    PrecisionRecall LeadershipHoldsRole = default);

/// <summary>
/// Role recognition and the HoldsRole relation measured on the DFKI SmartData corpus v1
/// (<c>smartdata/v1/test.json.gz</c>; train only for development).
/// </summary>
/// <remarks>
/// <para>
/// The data, as found by inspection (v1 test: 1192 documents, train: 1244). A file is gzip'd UTF-8
/// holding pretty-printed JSON documents one after another (no array around them, no separator). They
/// are Avro records written as JSON (schema <c>document.avsc</c>), so nullable fields are wrapped in
/// their type: the text is <c>text.string</c>, lists are <c>{"array": [...]}</c>, a null list is
/// <c>null</c>. Concept mentions are <c>conceptMentions.array</c>, each with <c>id</c>, <c>type</c>,
/// <c>span.start</c>/<c>span.end</c> and <c>normalizedValue.string</c>. The offsets are UTF-16 code
/// units into <c>text.string</c> (22 test documents hold characters outside the BMP, emoji in tweets:
/// counted in code points 34 mentions would be off, in UTF-16 units none is); the covered text equals
/// <c>normalizedValue</c> except for 14 test mentions where the text has a line break and the value a
/// space (<c>Werner\nSeifert</c>). <c>text.string</c> has <c>\n</c> line ends (the <c>raw</c> XML has
/// <c>\r\n</c>; we never read <c>raw</c>).
/// </para>
/// <para>
/// Relation mentions are <c>relationMentions.array</c>, each with <c>name</c> (not <c>type</c>), a
/// span, <c>attributes.map.status</c> (always <c>factual</c> for OrganizationLeadership) and
/// <c>args.array</c>: each argument has a <c>role</c> and a full copy of its concept mention (same id
/// and span as in <c>conceptMentions</c>). OrganizationLeadership arguments are <c>person</c>,
/// <c>organization</c> and <c>position</c> (v1 test: 62 of 63 relations; one has <c>person</c>,
/// <c>organization</c>, <c>from</c> and <c>trigger</c> "an der Spitze" but no position and gives no
/// fact; one train relation has two persons). The position argument is found by role, not by type:
/// one is typed <c>person</c> ("chefin"). Positions are often part of a token ("Boss" in "FIFA-Boss",
/// "chef" in "Bahnchef", "präsident" in "Bundesbankpräsident") and inflected ("Vorsitzenden",
/// "Geschäftsführers"); organizations are surfaces too ("Bundeskriminalamtes", "Eintracht Frankfurts",
/// "Deutsche-Bank"). v1 test has 75 <c>org-position</c> mentions (one, "Manfred Hensel", is a
/// mistagged photo credit; gold is kept as it is) and 63 OrganizationLeadership relations in 48
/// documents; a fact is repeated at each mention.
/// </para>
/// <para>
/// Scoring. ROLE: predicted ROLE entities against gold <c>org-position</c> mentions, a pair counting
/// when the spans overlap; each gold and each predicted mention is matched at most once (maximum
/// matching), P/R/F1 over mentions. HoldsRole: per document, gold facts are the distinct (person,
/// position) pairs of OrganizationLeadership relations and predicted facts the distinct (person, role)
/// pairs of HoldsRole relations. Facts are made distinct leniently, with the matching rules below
/// ("Diess"/"Markenchef" and "Herbert Diess"/"Markenchef" are one fact, the longer name kept); the
/// strictly distinct count (normalised surface, ignoring case) is reported for comparison. A predicted
/// fact matches a gold fact when the persons match (<see cref="SampleEvaluation.NamesMatch"/>: equal
/// ignoring case, or the words of one contained in the other) and the positions match
/// (<see cref="PositionsMatch"/>: one contains the other ignoring case, "Chef" and "Bahnchef"; an
/// inflection ending n, s, r, en, es or er may be dropped first, "Vorsitzenden" and "Vorsitzender"); maximum one-to-one
/// matching per document. Organization: among matched facts whose gold names an organization, the
/// share where one of our organizations matches one of gold's (<see cref="OrganizationsMatch"/>).
/// </para>
/// </remarks>
public static class SmartDataEvaluation
{
    /// <summary>The relation type scored against HoldsRole.</summary>
    public const string LeadershipRelation = "OrganizationLeadership";

    /// <summary>The concept mention type scored against ROLE.</summary>
    public const string PositionType = "org-position";

    /// <summary>The dataset name used in the report.</summary>
    public const string Dataset = "SmartData v1 test";

    private static readonly string[] InflectionEndings = ["n", "s", "r", "en", "es", "er"];

    /// <summary>The report section: ROLE and HoldsRole rows, n/a when the pipeline does not produce roles.</summary>
    public static IEnumerable<AccuracyRow> Rows(EvaluationPaths paths, Extractor extractor)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(extractor);
        string path = Path.Combine(paths.SharedData, "smartdata", "v1", "test.json.gz");
        if (!File.Exists(path))
        {
            yield return new AccuracyRow("roles", Dataset, "ROLE", "F1", null, Note: "data not found");
            yield return new AccuracyRow("HoldsRole", Dataset, "person + position", "F1", null, Note: "data not found");
            yield break;
        }

        bool built = (extractor.ProducedAnnotations & Annotation.Roles) != 0;
        SmartDataScores scores = Evaluate(built ? extractor : null, Read(path));
        Console.Error.WriteLine(
            $"smartdata: {scores.Documents} documents, {scores.PositionMentions} org-position mentions, " +
            $"{scores.LeadershipRelations} {LeadershipRelation} relations ({scores.LeadershipRelationsWithoutPosition} without position), " +
            $"{scores.GoldFacts} distinct gold facts ({scores.GoldFactsExact} by exact surface), {scores.PredictedFacts} predicted facts");

        foreach (AccuracyRow row in AccuracyReport.PrfRows("roles", Dataset, "ROLE (overlap with org-position)", scores.Roles, built))
        {
            yield return row;
        }

        foreach (AccuracyRow row in AccuracyReport.PrfRows("HoldsRole", Dataset, "person + position (distinct facts)", scores.HoldsRole, built))
        {
            yield return row;
        }

        foreach (AccuracyRow row in AccuracyReport.PrfRows("HoldsRole", Dataset, "person + position, leadership of organizations only", scores.LeadershipHoldsRole, built))
        {
            yield return row;
        }

        yield return new AccuracyRow(
            "HoldsRole",
            Dataset,
            "organization (of matched facts)",
            "accuracy",
            built && scores.OrganizationTotal > 0 ? (double)scores.OrganizationCorrect / scores.OrganizationTotal : null,
            scores.OrganizationTotal,
            built ? null : "not built yet");
    }

    /// <summary>Scores an extractor on documents; with a null extractor only the gold is counted.</summary>
    public static SmartDataScores Evaluate(Extractor? extractor, IEnumerable<SmartDataDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        int count = 0, positions = 0, relations = 0, withoutPosition = 0, exact = 0, goldFacts = 0, predictedFacts = 0, orgCorrect = 0, orgTotal = 0;
        PrecisionRecall roles = default, holdsRole = default, leadershipFacts = default;
        foreach (SmartDataDocument document in documents)
        {
            count++;
            var gold = document.Mentions.Where(m => m.Type == PositionType).Select(m => new TextSpan(m.Start, m.End)).ToList();
            positions += gold.Count;
            List<SmartDataRelation> leadership = document.Relations.Where(r => r.Name == LeadershipRelation).ToList();
            relations += leadership.Count;
            withoutPosition += leadership.Count(r => !r.Arguments.Any(a => a.Role == "position"));
            IReadOnlyList<RoleFact> allGold = GoldFacts(document);
            exact += allGold.Select(f => (f.Person.ToUpperInvariant(), f.Position.ToUpperInvariant())).Distinct().Count();
            IReadOnlyList<RoleFact> goldDistinct = Distinct(allGold);
            goldFacts += goldDistinct.Count;
            if (extractor is null)
            {
                // Nothing predicted: the gold still counts, so the report shows its support.
                roles += ScoreRoleMentions(gold, []);
                holdsRole += ScoreFacts(goldDistinct, []).Facts;
                leadershipFacts += ScoreFacts(goldDistinct, []).Facts;
                continue;
            }

            ExtractionResult result = extractor.Extract(document.Text);
            var predicted = result.Entities.Where(e => e.Label == EntityLabel.Role).Select(e => new TextSpan(e.Start, e.End)).ToList();
            roles += ScoreRoleMentions(gold, predicted);
            IReadOnlyList<RoleFact> predictedDistinct = Distinct(PredictedFacts(result.Relations));
            predictedFacts += predictedDistinct.Count;
            FactScores facts = ScoreFacts(goldDistinct, predictedDistinct);
            holdsRole += facts.Facts;
            leadershipFacts += ScoreFacts(goldDistinct, predictedDistinct.Where(IsOrganizationLeadership).ToList()).Facts;
            orgCorrect += facts.OrganizationCorrect;
            orgTotal += facts.OrganizationTotal;
        }

        return new SmartDataScores(count, positions, relations, withoutPosition, exact, goldFacts, predictedFacts, roles, holdsRole, orgCorrect, orgTotal, leadershipFacts);
    }

    /// <summary>Reads a SmartData file: gzip'd when its name ends in <c>.gz</c>, plain JSON otherwise.</summary>
    public static IReadOnlyList<SmartDataDocument> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        return Read(stream);
    }

    /// <summary>Reads a stream of JSON documents written one after another (the stream is buffered whole).</summary>
    public static IReadOnlyList<SmartDataDocument> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var reader = new Utf8JsonReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), new JsonReaderOptions { AllowMultipleValues = true });
        var documents = new List<SmartDataDocument>();
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidDataException($"Expected a JSON object at byte {reader.TokenStartIndex}, found {reader.TokenType}.");
            }

            using JsonDocument json = JsonDocument.ParseValue(ref reader);
            documents.Add(ParseDocument(json.RootElement));
        }

        return documents;
    }

    private static SmartDataDocument ParseDocument(JsonElement root)
    {
        string id = root.TryGetProperty("id", out JsonElement idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : string.Empty;
        string text = Unwrap(root, "text", "string") is { ValueKind: JsonValueKind.String } textElement ? textElement.GetString()! : string.Empty;
        var mentions = new List<SmartDataMention>();
        foreach (JsonElement mention in Items(root, "conceptMentions"))
        {
            if (ParseMention(mention, text, id) is SmartDataMention parsed)
            {
                mentions.Add(parsed);
            }
        }

        var relations = new List<SmartDataRelation>();
        foreach (JsonElement relation in Items(root, "relationMentions"))
        {
            string name = relation.TryGetProperty("name", out JsonElement nameElement) && nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString()! : string.Empty;
            var arguments = new List<SmartDataArgument>();
            foreach (JsonElement argument in Items(relation, "args"))
            {
                if (argument.TryGetProperty("role", out JsonElement role) && role.ValueKind == JsonValueKind.String
                    && argument.TryGetProperty("conceptMention", out JsonElement mention)
                    && ParseMention(mention, text, id) is SmartDataMention parsed)
                {
                    arguments.Add(new SmartDataArgument(role.GetString()!, parsed));
                }
            }

            relations.Add(new SmartDataRelation(name, arguments));
        }

        return new SmartDataDocument(id, text, mentions, relations);
    }

    private static SmartDataMention? ParseMention(JsonElement mention, string text, string documentId)
    {
        if (mention.ValueKind != JsonValueKind.Object
            || !mention.TryGetProperty("span", out JsonElement span)
            || !span.TryGetProperty("start", out JsonElement startElement)
            || !span.TryGetProperty("end", out JsonElement endElement))
        {
            return null;
        }

        int start = startElement.GetInt32();
        int end = endElement.GetInt32();
        if (start < 0 || end < start || end > text.Length)
        {
            throw new InvalidDataException($"{documentId}: span [{start},{end}) lies outside the text ({text.Length} characters).");
        }

        string id = mention.TryGetProperty("id", out JsonElement idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : string.Empty;
        string type = mention.TryGetProperty("type", out JsonElement typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString()! : string.Empty;
        return new SmartDataMention(id, type, start, end, text[start..end]);
    }

    // Avro JSON wraps nullable values in their type: {"text": {"string": "..."}}, {"args": {"array": [...]}}.
    private static JsonElement? Unwrap(JsonElement parent, string name, string type) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty(type, out JsonElement inner) ? inner : null;

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        Unwrap(parent, name, "array") is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>The (person, position) facts of a document's OrganizationLeadership relations, one per mention (not distinct).</summary>
    public static IReadOnlyList<RoleFact> GoldFacts(SmartDataDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var facts = new List<RoleFact>();
        foreach (SmartDataRelation relation in document.Relations.Where(r => r.Name == LeadershipRelation))
        {
            string[] organizations = relation.Arguments.Where(a => a.Role == "organization").Select(a => Normalize(a.Mention.Text)).Where(o => o.Length > 0).ToArray();
            foreach (SmartDataArgument person in relation.Arguments.Where(a => a.Role == "person"))
            {
                foreach (SmartDataArgument position in relation.Arguments.Where(a => a.Role == "position"))
                {
                    string personName = Normalize(person.Mention.Text);
                    string positionName = Normalize(position.Mention.Text);
                    if (personName.Length > 0 && positionName.Length > 0)
                    {
                        facts.Add(new RoleFact(personName, positionName, organizations));
                    }
                }
            }
        }

        return facts;
    }

    /// <summary>The (person, role) facts of HoldsRole relations (arguments <c>person</c>, <c>role</c>, <c>organization</c>), not distinct.</summary>
    public static IReadOnlyList<RoleFact> PredictedFacts(IEnumerable<Relation> relations)
    {
        ArgumentNullException.ThrowIfNull(relations);
        var facts = new List<RoleFact>();
        foreach (Relation relation in relations.Where(r => r.Type == "HoldsRole"))
        {
            if (!relation.Arguments.TryGetValue("person", out RelationArgument? person) || !relation.Arguments.TryGetValue("role", out RelationArgument? role))
            {
                continue;
            }

            string[] organizations = relation.Arguments.TryGetValue("organization", out RelationArgument? organization)
                ? organization.Values.Select(Normalize).Where(o => o.Length > 0).ToArray()
                : [];
            foreach (string personName in person.Values.Select(Normalize).Where(p => p.Length > 0))
            {
                foreach (string roleName in role.Values.Select(Normalize).Where(r => r.Length > 0))
                {
                    facts.Add(new RoleFact(personName, roleName, organizations));
                }
            }
        }

        return facts;
    }

    /// <summary>
    /// Whether a predicted fact is the kind SmartData annotates as <c>OrganizationLeadership</c>: someone
    /// leading an organization (company, party, federation, agency), not an office of state. Offices of
    /// government, diplomacy, parliament, the military, police, courts and local government, and roles
    /// whose organization is a country, are left out.
    /// </summary>
    public static bool IsOrganizationLeadership(RoleFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        Roles.GermanLexicons lexicons = Roles.GermanLexicons.Default;
        if (fact.Organizations.Any(o => lexicons.CountriesByName.ContainsKey(o)))
        {
            return false;
        }

        if (!new Roles.RoleRecognizer(lexicons).TryRecognize(fact.Position, out Roles.RoleMatch match))
        {
            return true;
        }

        return match.Form.Entry.Domain is not ("government" or "diplomacy" or "parliament" or "military" or "police" or "justice" or "local" or "nobility");
    }

    /// <summary>
    /// Merges facts of one document that the scorer cannot tell apart: persons match by
    /// <see cref="SampleEvaluation.NamesMatch"/> and positions by <see cref="PositionsMatch"/>. The longer
    /// person and position are kept and the organizations are united, in first-seen order.
    /// </summary>
    public static IReadOnlyList<RoleFact> Distinct(IEnumerable<RoleFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var merged = new List<RoleFact>();
        foreach (RoleFact fact in facts)
        {
            int index = merged.FindIndex(m => SampleEvaluation.NamesMatch(m.Person, fact.Person) && PositionsMatch(m.Position, fact.Position));
            if (index < 0)
            {
                merged.Add(fact);
                continue;
            }

            RoleFact existing = merged[index];
            merged[index] = new RoleFact(
                fact.Person.Length > existing.Person.Length ? fact.Person : existing.Person,
                fact.Position.Length > existing.Position.Length ? fact.Position : existing.Position,
                existing.Organizations.Concat(fact.Organizations).Distinct(StringComparer.OrdinalIgnoreCase).ToArray());
        }

        return merged;
    }

    /// <summary>ROLE mentions against gold position spans: a pair counts when the spans overlap; maximum one-to-one matching.</summary>
    public static PrecisionRecall ScoreRoleMentions(IReadOnlyList<TextSpan> gold, IReadOnlyList<TextSpan> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        int matched = MaximumMatching(gold.Count, predicted.Count, (g, p) => gold[g].Start < predicted[p].End && predicted[p].Start < gold[g].End).Count;
        return new PrecisionRecall(matched, predicted.Count - matched, gold.Count - matched);
    }

    /// <summary>Scores distinct predicted facts against distinct gold facts of one document.</summary>
    public static FactScores ScoreFacts(IReadOnlyList<RoleFact> gold, IReadOnlyList<RoleFact> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        IReadOnlyList<(int Gold, int Predicted)> pairs = MaximumMatching(
            gold.Count,
            predicted.Count,
            (g, p) => SampleEvaluation.NamesMatch(gold[g].Person, predicted[p].Person) && PositionsMatch(gold[g].Position, predicted[p].Position));
        int correct = 0, total = 0;
        foreach ((int g, int p) in pairs)
        {
            if (gold[g].Organizations.Count == 0)
            {
                continue;
            }

            total++;
            if (gold[g].Organizations.Any(o => predicted[p].Organizations.Any(q => OrganizationsMatch(o, q))))
            {
                correct++;
            }
        }

        return new FactScores(new PrecisionRecall(pairs.Count, predicted.Count - pairs.Count, gold.Count - pairs.Count), correct, total);
    }

    /// <summary>
    /// Whether two position names match: one contains the other ignoring case ("Chef" and "Bahnchef",
    /// "Präsident" and "US-Präsident"), where either may first lose an inflection ending n, s, r, en, es
    /// or er if four letters or more remain ("Vorsitzenden" and "Vorsitzender", "Präsidenten" and
    /// "US-Präsident").
    /// </summary>
    public static bool PositionsMatch(string gold, string predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        string a = Normalize(gold);
        string b = Normalize(predicted);
        return a.Length > 0 && b.Length > 0
            && (Stems(a).Any(stem => b.Contains(stem, StringComparison.OrdinalIgnoreCase)) || Stems(b).Any(stem => a.Contains(stem, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// Whether two organization names match: <see cref="SampleEvaluation.NamesMatch"/> after hyphens are
    /// read as spaces ("Deutsche-Bank" and "Deutsche Bank"), or one starts with the other when the longer
    /// adds only a genitive ending s or es ("Bundeskriminalamtes" and "Bundeskriminalamt").
    /// </summary>
    public static bool OrganizationsMatch(string gold, string predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        string a = Normalize(gold.Replace('-', ' '));
        string b = Normalize(predicted.Replace('-', ' '));
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        if (SampleEvaluation.NamesMatch(a, b))
        {
            return true;
        }

        (string shorter, string longer) = a.Length <= b.Length ? (a, b) : (b, a);
        string rest = longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase) ? longer[shorter.Length..] : "-";
        return rest is "s" or "es" or "S" or "ES";
    }

    /// <summary>Collapses white space (line breaks included) to one space and trims.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static IEnumerable<string> Stems(string position)
    {
        yield return position;
        foreach (string ending in InflectionEndings)
        {
            if (position.Length - ending.Length >= 4 && position.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                yield return position[..^ending.Length];
            }
        }
    }

    // Kuhn's augmenting paths: the largest set of (gold, predicted) pairs with each index used once.
    private static List<(int Gold, int Predicted)> MaximumMatching(int goldCount, int predictedCount, Func<int, int, bool> edge)
    {
        int[] goldOf = new int[predictedCount];
        Array.Fill(goldOf, -1);
        for (int g = 0; g < goldCount; g++)
        {
            Augment(g, new bool[predictedCount]);
        }

        var pairs = new List<(int, int)>();
        for (int p = 0; p < predictedCount; p++)
        {
            if (goldOf[p] >= 0)
            {
                pairs.Add((goldOf[p], p));
            }
        }

        return pairs;

        bool Augment(int g, bool[] seen)
        {
            for (int p = 0; p < predictedCount; p++)
            {
                if (seen[p] || !edge(g, p))
                {
                    continue;
                }

                seen[p] = true;
                if (goldOf[p] < 0 || Augment(goldOf[p], seen))
                {
                    goldOf[p] = g;
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>Facts of one or more documents: P/R/F1 of (person, position) and organization accuracy over matched facts with a gold organization.</summary>
public readonly record struct FactScores(PrecisionRecall Facts, int OrganizationCorrect, int OrganizationTotal);
