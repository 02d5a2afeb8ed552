using System.Security.Cryptography;
using System.Text;

namespace Extraction.Store;

/// <summary>
/// The cross-document merge rule: a store-wide entity is a label plus the normalized canonical name of a
/// document-level entity (all mentions the library links under one id). Nothing else merges, so a surname
/// alone never joins a full name across documents, and two full names never join each other.
/// </summary>
internal static class EntityKeys
{
    /// <summary>The comparison form of a name: NFC, lower case, typographic apostrophes and dashes as ASCII, single spaces.</summary>
    public static string Normalize(string name)
    {
        string text = name.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c switch
            {
                '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' => '\'',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }

    /// <summary>The stable store-wide id: label code and the first 64 bits of SHA-256 over label and key.</summary>
    public static string EntityId(EntityLabel label, string key)
    {
        string code = Entity.ToCode(label);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(code + "\n" + key));
        return code.ToLowerInvariant() + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    public static EntityLabel ParseLabel(string code) => code switch
    {
        "PER" => EntityLabel.Person,
        "ROLE" => EntityLabel.Role,
        "LOC" => EntityLabel.Location,
        "ORG" => EntityLabel.Organization,
        _ => EntityLabel.Miscellaneous,
    };

    /// <summary>
    /// The name of a document-level entity: the canonical name with the most words (then the longest, then
    /// ordinal order), so a group of "Angela Merkel" and "Merkel" is "Angela Merkel".
    /// </summary>
    public static string GroupName(IEnumerable<Entity> mentions) =>
        mentions.Select(m => m.Canonical.Trim())
            .Where(c => c.Length > 0)
            .OrderByDescending(WordCount)
            .ThenByDescending(c => c.Length)
            .ThenBy(c => c, StringComparer.Ordinal)
            .FirstOrDefault() ?? "";

    private static int WordCount(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    // Free-text arguments never refer to an entity.
    private static readonly HashSet<string> FreeText = new(StringComparer.Ordinal) { "topic", "content", "time", "kind", "purpose", "what", "sent" };

    /// <summary>Which labels an argument prefers when the same canonical name is an entity under several labels.</summary>
    public static bool IsFreeText(string argument) => FreeText.Contains(argument);

    public static EntityLabel[] PreferredLabels(string argument) => argument switch
    {
        "person" or "speaker" or "traveler" => [EntityLabel.Person, EntityLabel.Organization, EntityLabel.Location, EntityLabel.Role, EntityLabel.Miscellaneous],
        "place" or "destination" => [EntityLabel.Location, EntityLabel.Organization, EntityLabel.Miscellaneous, EntityLabel.Person, EntityLabel.Role],
        "organization" => [EntityLabel.Organization, EntityLabel.Location, EntityLabel.Miscellaneous, EntityLabel.Person, EntityLabel.Role],
        "role" => [EntityLabel.Role, EntityLabel.Person, EntityLabel.Organization, EntityLabel.Location, EntityLabel.Miscellaneous],
        _ => [EntityLabel.Person, EntityLabel.Organization, EntityLabel.Location, EntityLabel.Role, EntityLabel.Miscellaneous],
    };
}

/// <summary>What the store reads from one extraction result (tests build it directly from entities and relations).</summary>
internal sealed record DocumentContent(IReadOnlyList<TextSpan> Sentences, IReadOnlyList<Entity> Entities, IReadOnlyList<Relation> Relations)
{
    public static DocumentContent From(ExtractionResult result)
    {
        var sentences = new List<TextSpan>(result.Document.SentenceCount);
        foreach (Sentence sentence in result.Document.Sentences)
        {
            sentences.Add(new TextSpan(sentence.Start, sentence.End));
        }

        return new DocumentContent(sentences, result.Entities, result.Relations);
    }
}
