using System.Collections.Frozen;
using Extraction.Pipeline;

namespace Extraction.Roles;

/// <summary>
/// Completes the statistical entities with the team's lexicons: multi-word organization names and
/// acronyms from <c>organizations-de.tsv</c> that the tagger missed (des Internationalen
/// Strafgerichtshofs) become ORG entities, and a person name that the tagger split into a PER and a
/// one-word MISC right after it (Giuseppe Cavo | Dragone) is joined. Statistical entities win where
/// they overlap a lexicon match. Immutable and thread-safe.
/// </summary>
internal sealed class GazetteerComponent : IPipelineComponent
{
    private const int MaxNameTokens = 8;
    private const double LexiconScore = 0.9;
    private readonly FrozenDictionary<string, string> _names;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWords;

    public GazetteerComponent(GermanLexicons lexicons)
    {
        // Multi-word names, all-capital acronyms and long one-word names (Bundesregierung, Bundesrechnungshof):
        // short one-word aliases such as "Bahn", "Union" or "Allianz" are common words too.
        _names = lexicons.Organizations
            .Where(p => p.Key.Contains(' ', StringComparison.Ordinal) || p.Key.Length >= 9
                || (p.Key.Length >= 2 && p.Key.All(c => char.IsUpper(c) || char.IsDigit(c))))
            .ToFrozenDictionary(StringComparer.Ordinal);
        _firstWords = _names.Keys.Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name => "lexicon entities";

    public Annotation Requires => Annotation.Entities;

    public Annotation Produces => Annotation.None;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        JoinSplitPersonNames(document);
        JoinInstitutionWithPlace(document);
        bool[] covered = document.TokensCoveredByEntities();

        var added = new List<Entity>();
        for (int start = 0; start < document.TokenCount; start++)
        {
            if (covered[start] || !_firstWords.Contains(document.Text.AsSpan(document.TokenStarts[start], document.TokenLengths[start])))
            {
                continue;
            }

            int sentenceEnd = document.SentenceFirstTokens[document.GetSentenceIndexOfToken(start) + 1];
            int bestEnd = -1;
            string? canonical = null;
            for (int end = start; end < Math.Min(sentenceEnd, start + MaxNameTokens) && !covered[end]; end++)
            {
                if (end > start && document.TokenStarts[end] != document.TokenStarts[end - 1] + document.TokenLengths[end - 1] + 1)
                {
                    break; // names are written with single spaces
                }

                int from = document.TokenStarts[start];
                string candidate = document.Text[from..(document.TokenStarts[end] + document.TokenLengths[end])];
                if (_names.TryGetValue(candidate, out string? name))
                {
                    bestEnd = end;
                    canonical = name;
                }
            }

            if (bestEnd >= 0)
            {
                int from = document.TokenStarts[start];
                int to = document.TokenStarts[bestEnd] + document.TokenLengths[bestEnd];
                added.Add(new Entity(document.Text[from..to], EntityLabel.Organization, from, to, canonical!, "o", LexiconScore));
                start = bestEnd;
            }
        }

        if (added.Count > 0)
        {
            document.EntityList.AddRange(added);
            document.EntityList.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    // Courts, prosecutors and public bodies named after their place: "Landgericht Bochum" is one organization,
    // where the tagger often marks only the place.
    private static readonly FrozenSet<string> InstitutionHeads = FrozenSet.ToFrozenSet(
    [
        "Landgericht", "Amtsgericht", "Oberlandesgericht", "Arbeitsgericht", "Landesarbeitsgericht", "Verwaltungsgericht",
        "Oberverwaltungsgericht", "Sozialgericht", "Finanzgericht", "Staatsanwaltschaft", "Generalstaatsanwaltschaft",
        "Regierungspräsidium", "Bezirksregierung", "Stadtwerke", "Landratsamt", "Polizeipräsidium", "Bistum", "Erzbistum",
        "Universität", "Hochschule", "Technische Universität", "Stadtverwaltung", "Kreisverwaltung", "Jobcenter",
    ], StringComparer.Ordinal);

    private static void JoinInstitutionWithPlace(Document document)
    {
        List<Entity> entities = document.EntityList;
        for (int i = 0; i < entities.Count; i++)
        {
            Entity place = entities[i];
            int first = document.FindTokenAt(place.Start);
            if (place.Label != EntityLabel.Location || first < 1)
            {
                continue;
            }

            int head = first - 1;
            string headText = document.Text.Substring(document.TokenStarts[head], document.TokenLengths[head]);
            if (InstitutionHeads.Contains(headText) && document.TokenStarts[head] + headText.Length + 1 == place.Start
                && (i == 0 || entities[i - 1].End <= document.TokenStarts[head]))
            {
                int start = document.TokenStarts[head];
                string text = document.Text[start..place.End];
                entities[i] = new Entity(text, EntityLabel.Organization, start, place.End, text, place.Id, place.Score, place.Attributes);
            }
        }
    }

    private static void JoinSplitPersonNames(Document document)
    {
        List<Entity> entities = document.EntityList;
        for (int i = entities.Count - 2; i >= 0; i--)
        {
            Entity person = entities[i];
            Entity next = entities[i + 1];
            if (person.Label == EntityLabel.Person && next.Label == EntityLabel.Miscellaneous && next.Start == person.End + 1
                && document.Text[person.End] == ' ' && !next.Text.Contains(' ', StringComparison.Ordinal) && next.Text.Length > 1 && char.IsUpper(next.Text[0]))
            {
                string text = document.Text[person.Start..next.End];
                entities[i] = new Entity(text, EntityLabel.Person, person.Start, next.End, text, person.Id, Math.Min(person.Score, next.Score), person.Attributes);
                entities.RemoveAt(i + 1);
            }
        }
    }
}
