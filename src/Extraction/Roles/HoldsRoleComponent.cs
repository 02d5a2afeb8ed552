using Extraction.Pipeline;

namespace Extraction.Roles;

/// <summary>
/// Finds who holds which office: the <c>HoldsRole</c> relation with <c>person</c>, <c>role</c> and, when
/// the text says, <c>organization</c>. Each pattern is a small rule with its own id:
/// <list type="bullet">
/// <item><c>holdsrole.role-person</c>: [nationality] ROLE [des/der ORG [,]] PERSON (US-Außenminister Marco Rubio; Präsident des Gerichts, Stephan Harbarth)</item>
/// <item><c>holdsrole.apposition</c>: PERSON, [der/die] [ADJ] ROLE [des/der ORG] (Admiral X, Vorsitzender des NATO-Militärausschusses)</item>
/// <item><c>holdsrole.als</c>: PERSON, der/die ... als ROLE; PERSON als ROLE (Kellogg, der als Sondergesandter Trumps ...)</item>
/// <item><c>holdsrole.copula</c>: PERSON ist/war/wird/bleibt ... ROLE [von/bei/des ORG]</item>
/// <item><c>holdsrole.brackets</c>: PERSON (ROLE [ORG]); ROLE PERSON (ORG) gives the organization</item>
/// </list>
/// Immutable and thread-safe.
/// </summary>
internal sealed class HoldsRoleComponent : IPipelineComponent
{
    private static readonly HashSet<string> GenitiveLinks = new(StringComparer.Ordinal) { "des", "der", "von", "vom", "bei", "beim", "im", "am" };
    private static readonly HashSet<string> RelativePronouns = new(StringComparer.Ordinal) { "der", "die", "welcher", "welche" };
    private static readonly HashSet<string> CopulaLemmas = new(StringComparer.Ordinal) { "sein", "werden", "bleiben" };
    private static readonly HashSet<string> AcademicTitles = new(StringComparer.Ordinal) { "Dr.", "Prof.", "Dr", "Prof", "med.", "h.", "c.", "Ing.", "Dipl.-Ing.", "mult." };
    private const int MaxGenitivePhrase = 12;

    private readonly RoleRecognizer _recognizer;

    public HoldsRoleComponent(GermanLexicons lexicons) => _recognizer = new RoleRecognizer(lexicons);

    public string Name => "HoldsRole rules";

    public Annotation Requires => Annotation.Roles | Annotation.CanonicalNames | Annotation.Lemmas;

    public Annotation Produces => Annotation.RoleRelations;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        List<Entity> entities = document.EntityList;
        if (!entities.Exists(e => e.Label == EntityLabel.Role) || !entities.Exists(e => e.Label == EntityLabel.Person))
        {
            return;
        }

        var map = new EntityMap(document);
        var found = new Dictionary<(string Person, string Role), int>();
        var relations = new List<(int Role, int Person, string? Organization, string Rule, double Weight)>();
        for (int r = 0; r < entities.Count; r++)
        {
            if (entities[r].Label != EntityLabel.Role)
            {
                continue;
            }

            (int Person, string Rule, double Weight)? holder = RolePerson(document, map, r) ?? Apposition(document, map, r) ?? Als(document, map, r) ?? Copula(document, map, r) ?? InvertedCopula(document, map, r) ?? Brackets(document, map, r);
            if (holder is not { } h)
            {
                continue;
            }

            string? organization = OrganizationOf(document, map, r, h.Person);
            var key = (entities[h.Person].Canonical, entities[r].Canonical);
            if (found.ContainsKey(key))
            {
                continue;
            }

            found[key] = relations.Count;
            relations.Add((r, h.Person, organization, h.Rule, h.Weight));
        }

        foreach ((int role, int person, string? organization, string rule, double weight) in relations)
        {
            Entity roleEntity = entities[role];
            var arguments = new Dictionary<string, RelationArgument>(StringComparer.Ordinal)
            {
                ["person"] = RelationArgument.Single(entities[person].Canonical),
                ["role"] = RelationArgument.Single(roleEntity.Canonical),
            };
            if (organization is not null)
            {
                arguments["organization"] = RelationArgument.Single(organization);
                if (!roleEntity.Attributes.ContainsKey("organization"))
                {
                    var attributes = new Dictionary<string, string>(roleEntity.Attributes, StringComparer.Ordinal) { ["organization"] = organization };
                    entities[role] = new Entity(roleEntity.Text, roleEntity.Label, roleEntity.Start, roleEntity.End, roleEntity.Canonical, roleEntity.Id, roleEntity.Score, attributes);
                }
            }

            int sentence = document.GetSentenceIndexOfToken(map.FirstToken(role));
            double score = Math.Round(weight * Math.Min(entities[person].Score, roleEntity.Score), 4);
            document.RelationList.Add(new Relation("HoldsRole", arguments, sentence, new TextSpan(roleEntity.Start, roleEntity.End), Modality.Asserted, score, rule));
        }

        document.RelationList.Sort(static (a, b) => a.Trigger.Start.CompareTo(b.Trigger.Start));
    }

    // ROLE PERSON, or ROLE des/der ORG [,] PERSON.
    private static (int, string, double)? RolePerson(Document document, EntityMap map, int role)
    {
        int next = SkipTitles(document, map.LastToken(role) + 1);
        int person = map.PersonStartingAt(next);
        if (person >= 0)
        {
            return (person, "holdsrole.role-person", 0.95);
        }

        // ROLE des/der/von ... , PERSON: "Der Präsident des Deutschen Fußball-Bundes (DFB), Bernd Neuendorf, ..."
        int t = next;
        if (t >= document.TokenCount || !GenitiveLinks.Contains(TokenText(document, t)) && !IsToken(document, t, "für"))
        {
            return null;
        }

        for (int limit = Math.Min(document.TokenCount - 1, t + MaxGenitivePhrase); t <= limit; t++)
        {
            if (IsToken(document, t, ","))
            {
                person = map.PersonStartingAt(SkipTitles(document, t + 1));
                return person >= 0 ? (person, "holdsrole.role-genitive-person", 0.85) : null;
            }

            if (document.UposArray?[t] is "VERB" or "AUX" or "PUNCT" && !IsToken(document, t, "(") && !IsToken(document, t, ")") && !IsToken(document, t, "-"))
            {
                return null;
            }
        }

        return null;
    }

    // Academic titles between an office and a name: "Rektorin Prof. Dr. Carola Winterfeld".
    private static int SkipTitles(Document document, int t)
    {
        while (t < document.TokenCount && AcademicTitles.Contains(TokenText(document, t)))
        {
            t++;
        }

        return t;
    }

    // PERSON, [der/die] [ADJ]* ROLE — the role must not be followed by its own person name.
    private static (int, string, double)? Apposition(Document document, EntityMap map, int role)
    {
        int first = map.FirstToken(role);
        if (map.PersonStartingAt(map.LastToken(role) + 1) >= 0)
        {
            return null;
        }

        int t = first - 1;
        while (t >= 0 && first - t <= 4 && (IsModifierToken(document, t) || document.UposArray?[t] is "ADV" or "NUM"))
        {
            t--;
        }

        if (t < 1 || !IsToken(document, t, ","))
        {
            return null;
        }

        int person = map.PersonEndingAt(t - 1);
        return person >= 0 && SameSentence(document, map.FirstToken(person), first) ? (person, "holdsrole.apposition", 0.85) : null;
    }

    // PERSON, der/die [up to four words] als ROLE; PERSON als ROLE.
    private static (int, string, double)? Als(Document document, EntityMap map, int role)
    {
        int first = map.FirstToken(role);
        int t = first - 1;
        while (t >= 0 && first - t <= 3 && IsModifierToken(document, t))
        {
            t--;
        }

        if (t < 1 || !IsToken(document, t, "als"))
        {
            return Relative(document, map, role);
        }

        int person = map.PersonEndingAt(t - 1);
        if (person >= 0)
        {
            return (person, "holdsrole.als", 0.8);
        }

        for (int k = t - 1; k >= Math.Max(1, t - 5); k--)
        {
            if (RelativePronouns.Contains(TokenText(document, k)) && IsToken(document, k - 1, ","))
            {
                person = map.PersonEndingAt(k - 2);
                if (person >= 0 && SameSentence(document, map.FirstToken(person), first))
                {
                    return (person, "holdsrole.als", 0.8);
                }
            }
        }

        return null;
    }

    // PERSON, der/die [zugleich, früher, seit 2020 ...] ROLE: "al-Burhan, der zugleich Vorsitzender des Rats ist".
    private static (int, string, double)? Relative(Document document, EntityMap map, int role)
    {
        int first = map.FirstToken(role);
        for (int k = first - 1; k >= Math.Max(2, first - 6); k--)
        {
            if (RelativePronouns.Contains(TokenText(document, k)) && IsToken(document, k - 1, ","))
            {
                int person = map.PersonEndingAt(k - 2);
                return person >= 0 && SameSentence(document, map.FirstToken(person), first) ? (person, "holdsrole.relative", 0.75) : null;
            }

            if (document.UposArray?[k] is not ("ADV" or "ADP" or "NUM" or "ADJ" or "DET"))
            {
                return null;
            }
        }

        return null;
    }

    // ROLE wird/ist [up to five words] PERSON: "Neuer Geschäftsführer wird zum 1. April Jonas Brenner".
    private static (int, string, double)? InvertedCopula(Document document, EntityMap map, int role)
    {
        int t = map.LastToken(role) + 1;
        if (t < document.TokenCount && GenitiveLinks.Contains(TokenText(document, t)))
        {
            int genitive = GenitiveEntity(document, map, t);
            t = genitive >= 0 ? map.LastToken(genitive) + 1 : t + 2;
        }

        if (t >= document.TokenCount || document.LemmaArray?[t] is not string lemma || !CopulaLemmas.Contains(lemma) || document.UposArray?[t] is not ("AUX" or "VERB"))
        {
            return null;
        }

        for (int k = t + 1; k < Math.Min(document.TokenCount, t + 7); k++)
        {
            int person = map.PersonStartingAt(SkipTitles(document, k));
            if (person >= 0)
            {
                return (person, "holdsrole.inverted-copula", 0.75);
            }

            if (document.UposArray?[k] is "VERB" or "AUX" or "PUNCT")
            {
                return null;
            }
        }

        return null;
    }

    // PERSON ist/war/wird [up to three words] ROLE.
    private static (int, string, double)? Copula(Document document, EntityMap map, int role)
    {
        int first = map.FirstToken(role);
        for (int t = first - 1; t >= Math.Max(1, first - 4); t--)
        {
            if (document.LemmaArray?[t] is string lemma && CopulaLemmas.Contains(lemma) && document.UposArray?[t] is "AUX" or "VERB")
            {
                int person = map.PersonEndingAt(t - 1);
                return person >= 0 ? (person, "holdsrole.copula", 0.8) : null;
            }

            if (!IsModifierToken(document, t) && document.UposArray?[t] is not ("ADV" or "NUM" or "ADP"))
            {
                return null;
            }
        }

        return null;
    }

    // PERSON (ROLE ...)
    private static (int, string, double)? Brackets(Document document, EntityMap map, int role)
    {
        int first = map.FirstToken(role);
        if (first < 2 || !IsToken(document, first - 1, "("))
        {
            return null;
        }

        int person = map.PersonEndingAt(first - 2);
        return person >= 0 ? (person, "holdsrole.brackets", 0.8) : null;
    }

    private string? OrganizationOf(Document document, EntityMap map, int role, int person)
    {
        Entity roleEntity = document.EntityList[role];
        if (roleEntity.Attributes.TryGetValue("organization", out string? known))
        {
            return known;
        }

        // des/der/von ORG after the role ("Vorsitzender des NATO-Militärausschusses", "Präsident der USA").
        int next = map.LastToken(role) + 1;
        int organization = GenitiveEntity(document, map, next);
        if (organization >= 0)
        {
            return document.EntityList[organization].Canonical;
        }

        // ROLE PERSON (ORG): the party or organization in brackets after the name; for offices of state
        // ("Bundeskanzler Friedrich Merz (CDU)") the party is membership, not the office's organization.
        if (_recognizer.TryRecognize(roleEntity.Text, out RoleMatch match) && match.Form.Entry.Domain is "government" or "diplomacy" or "justice" or "military" or "police")
        {
            return null;
        }

        int afterPerson = map.LastToken(person) + 1;
        if (afterPerson + 2 < document.TokenCount && IsToken(document, afterPerson, "("))
        {
            int bracketed = map.EntityStartingAt(afterPerson + 1);
            if (bracketed >= 0 && document.EntityList[bracketed].Label == EntityLabel.Organization)
            {
                return document.EntityList[bracketed].Canonical;
            }
        }

        return null;
    }

    private static int SkipGenitive(Document document, EntityMap map, int t)
    {
        int entity = GenitiveEntity(document, map, t);
        return entity >= 0 ? map.LastToken(entity) + 1 : t;
    }

    private static int GenitiveEntity(Document document, EntityMap map, int t)
    {
        if (t >= document.TokenCount || !GenitiveLinks.Contains(TokenText(document, t)))
        {
            return -1;
        }

        for (int k = t + 1; k < Math.Min(document.TokenCount, t + 4); k++)
        {
            int entity = map.EntityStartingAt(k);
            if (entity >= 0)
            {
                return document.EntityList[entity].Label is EntityLabel.Organization or EntityLabel.Location ? entity : -1;
            }

            if (document.UposArray?[k] is not ("ADJ" or "DET"))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsModifierToken(Document document, int t) =>
        document.UposArray?[t] is "ADJ" or "DET" && !IsToken(document, t, "als");

    private static bool IsToken(Document document, int t, string text) =>
        t >= 0 && t < document.TokenCount && document.Text.AsSpan(document.TokenStarts[t], document.TokenLengths[t]).SequenceEqual(text);

    private static string TokenText(Document document, int t) => document.Text.Substring(document.TokenStarts[t], document.TokenLengths[t]);

    private static bool SameSentence(Document document, int a, int b) => document.GetSentenceIndexOfToken(a) == document.GetSentenceIndexOfToken(b);

    /// <summary>Which entity starts and ends at each token.</summary>
    private sealed class EntityMap
    {
        private readonly Document _document;
        private readonly int[] _starting;
        private readonly int[] _ending;
        private readonly int[] _first;
        private readonly int[] _last;

        public EntityMap(Document document)
        {
            _document = document;
            _starting = new int[document.TokenCount];
            _ending = new int[document.TokenCount];
            Array.Fill(_starting, -1);
            Array.Fill(_ending, -1);
            List<Entity> entities = document.EntityList;
            _first = new int[entities.Count];
            _last = new int[entities.Count];
            for (int i = 0; i < entities.Count; i++)
            {
                _first[i] = document.FindTokenAt(entities[i].Start);
                _last[i] = document.FindTokenAt(entities[i].End - 1);
                if (_first[i] >= 0 && _last[i] >= 0)
                {
                    _starting[_first[i]] = i;
                    _ending[_last[i]] = i;
                }
            }
        }

        public int FirstToken(int entity) => _first[entity];

        public int LastToken(int entity) => _last[entity];

        public int EntityStartingAt(int token) => token >= 0 && token < _starting.Length ? _starting[token] : -1;

        public int PersonStartingAt(int token)
        {
            int entity = EntityStartingAt(token);
            return entity >= 0 && _document.EntityList[entity].Label == EntityLabel.Person ? entity : -1;
        }

        public int PersonEndingAt(int token)
        {
            int entity = token >= 0 && token < _ending.Length ? _ending[token] : -1;
            return entity >= 0 && _document.EntityList[entity].Label == EntityLabel.Person ? entity : -1;
        }
    }
}
