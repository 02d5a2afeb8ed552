namespace Extraction.Tests.Relations;

[Collection(RelationCollection.Name)]
public class RelationComponentTests(ExtractorFixture fixture)
{
    private readonly Extractor _extractor = fixture.Extractor;

    [Fact]
    public void Extract_MeetingWithMitPhrasePlaceAndTime_GivesParticipantsPlaceTimeAndCode()
    {
        ExtractionResult result = _extractor.Extract("Bundeskanzler Friedrich Merz traf am Montag in Paris mit dem französischen Präsidenten Emmanuel Macron zusammen.");

        Relation meeting = result.OfType("Meeting").Should().ContainSingle().Subject;
        meeting.Arguments["participants"].Values.Should().Contain(["Friedrich Merz", "Emmanuel Macron"]);
        meeting.Arg("place").Should().Be("Paris");
        meeting.Time.Should().Be("am Montag");
        meeting.Arg("time").Should().Be("am Montag");
        meeting.Code.Should().Be("040");
        meeting.Modality.Should().Be(Modality.Asserted);
    }

    [Fact]
    public void Extract_MeetingWithTopicAndPlannedModal_GivesTopicAndPlanned()
    {
        ExtractionResult result = _extractor.Extract("Olaf Scholz und Emmanuel Macron wollen am Freitag in Berlin über die Energiepreise beraten.");

        Relation meeting = result.OfType("Meeting").Should().ContainSingle().Subject;
        meeting.Arguments["participants"].Values.Should().BeEquivalentTo(["Olaf Scholz", "Emmanuel Macron"]);
        meeting.Arg("topic").Should().Contain("Energiepreise");
        meeting.Arg("place").Should().Be("Berlin");
        meeting.Modality.Should().Be(Modality.Planned);
        meeting.Arg("kind").Should().Be("talks");
    }

    [Fact]
    public void Extract_NominalMeetingZwischenNegated_GivesNegatedMeeting()
    {
        ExtractionResult result = _extractor.Extract("Ein Treffen zwischen Olaf Scholz und Wladimir Putin ist derzeit nicht geplant.");

        Relation meeting = result.OfType("Meeting").Should().ContainSingle().Subject;
        meeting.Arguments["participants"].Values.Should().BeEquivalentTo(["Olaf Scholz", "Wladimir Putin"]);
        meeting.Modality.Should().Be(Modality.Negated);
    }

    [Fact]
    public void Extract_PossibleMeeting_GivesPossible()
    {
        ExtractionResult result = _extractor.Extract("Nach dem Gipfel könnte Joe Biden auch Olaf Scholz treffen.");

        result.OfType("Meeting").Should().Contain(r => r.Modality == Modality.Possible && r.Arguments["participants"].Values.Contains("Olaf Scholz"));
    }

    [Fact]
    public void Extract_ReportedDemand_GivesReported()
    {
        ExtractionResult result = _extractor.Extract("Berichten zufolge forderte Olaf Scholz von der Europäischen Union mehr Geld für die Landwirtschaft.");

        Relation demand = result.OfType("Demand").Should().ContainSingle().Subject;
        demand.Arg("speaker").Should().Be("Olaf Scholz");
        demand.Modality.Should().Be(Modality.Reported);
        demand.Code.Should().Be("100");
    }

    [Fact]
    public void Extract_StatementWithReportedClause_GivesSpeakerAndContent()
    {
        ExtractionResult result = _extractor.Extract("Angela Merkel sagte am Dienstag, die Lage an der Grenze sei ernst.");

        Relation statement = result.OfType("Statement").Should().ContainSingle().Subject;
        statement.Arg("speaker").Should().Be("Angela Merkel");
        statement.Arg("content").Should().Contain("Lage an der Grenze");
        statement.Time.Should().Be("am Dienstag");
        statement.Code.Should().Be("010");
    }

    [Fact]
    public void Extract_SeparableRejection_GivesRejectionWithTopic()
    {
        ExtractionResult result = _extractor.Extract("Olaf Scholz lehnte eine Lieferung von Kampfjets entschieden ab.");

        Relation rejection = result.OfType("Rejection").Should().ContainSingle().Subject;
        rejection.Arg("speaker").Should().Be("Olaf Scholz");
        rejection.Arg("topic").Should().Contain("Lieferung");
        rejection.Code.Should().Be("120");
    }

    [Fact]
    public void Extract_Criticism_GivesSpeakerAndTarget()
    {
        ExtractionResult result = _extractor.Extract("Markus Söder kritisierte am Mittwoch Robert Habeck scharf.");

        Relation criticism = result.OfType("Criticism").Should().ContainSingle().Subject;
        criticism.Arg("speaker").Should().Be("Markus Söder");
        criticism.Arg("target").Should().Be("Robert Habeck");
        criticism.Code.Should().Be("111");
    }

    [Fact]
    public void Extract_Support_GivesGiverAndReceiver()
    {
        ExtractionResult result = _extractor.Extract("Frankreich unterstützt die Ukraine mit weiteren Krediten.");

        Relation support = result.OfType("Support").Should().ContainSingle().Subject;
        support.Arg("giver").Should().Be("Frankreich");
        support.Arg("receiver").Should().Be("Ukraine");
        support.Code.Should().Be("050");
    }

    [Fact]
    public void Extract_Aid_GivesGiverReceiverAndWhat()
    {
        ExtractionResult result = _extractor.Extract("Deutschland liefert der Ukraine weitere Luftabwehrsysteme.");

        Relation aid = result.OfType("Aid").Should().ContainSingle().Subject;
        aid.Arg("giver").Should().Be("Deutschland");
        aid.Arg("receiver").Should().Be("Ukraine");
        aid.Arg("what").Should().Contain("Luftabwehrsysteme");
        aid.Code.Should().Be("070");
    }

    [Fact]
    public void Extract_Attack_GivesAttackerPlaceAndTime()
    {
        ExtractionResult result = _extractor.Extract("In der Nacht zum Sonntag griff Russland die Stadt Charkiw mit Drohnen an.");

        Relation attack = result.OfType("Attack").Should().ContainSingle().Subject;
        attack.Arg("attacker").Should().Be("Russland");
        attack.Time.Should().Be("In der Nacht zum Sonntag");
        attack.Code.Should().Be("190");
    }

    [Fact]
    public void Extract_Sanction_GivesGiverTargetAndWhat()
    {
        ExtractionResult result = _extractor.Extract("Die Europäische Union verhängte am Freitag neue Sanktionen gegen Russland.");

        Relation sanction = result.OfType("Sanction").Should().ContainSingle().Subject;
        sanction.Arg("giver").Should().Be("Europäische Union");
        sanction.Arg("target").Should().Be("Russland");
        sanction.Arg("what").Should().Contain("Sanktionen");
        sanction.Code.Should().Be("163");
    }

    [Fact]
    public void Extract_Travel_GivesTravelerAndDestination()
    {
        ExtractionResult result = _extractor.Extract("Annalena Baerbock reiste am Donnerstag nach Kiew.");

        Relation travel = result.OfType("Travel").Should().ContainSingle().Subject;
        travel.Arg("traveler").Should().Be("Annalena Baerbock");
        travel.Arg("destination").Should().Be("Kiew");
        travel.Code.Should().Be("032");
    }

    [Fact]
    public void Extract_Dispatch_GivesSenderSentAndDestination()
    {
        ExtractionResult result = _extractor.Extract("Joe Biden schickte Antony Blinken nach Israel.");

        Relation dispatch = result.OfType("Dispatch").Should().ContainSingle().Subject;
        dispatch.Arg("sender").Should().Be("Joe Biden");
        dispatch.Arg("sent").Should().Be("Antony Blinken");
        dispatch.Arg("destination").Should().Be("Israel");
        dispatch.Code.Should().Be("033");
    }

    [Fact]
    public void Extract_DateTime_GivesTimeAsWritten()
    {
        ExtractionResult result = _extractor.Extract("Olaf Scholz traf am 12.04.2016 in Rom mit Matteo Renzi zusammen.");

        result.OfType("Meeting").Should().ContainSingle().Which.Time.Should().Be("am 12.04.2016");
    }

    [Fact]
    public void Extract_PronounSpeaker_ResolvesToLastPerson()
    {
        ExtractionResult result = _extractor.Extract("Olaf Scholz kam am Abend in Brüssel an. Die Lage sei schwierig, sagte er.");

        result.OfType("Statement").Should().ContainSingle().Which.Arg("speaker").Should().Be("Olaf Scholz");
    }

    [Fact]
    public void Extract_LeadRepeatedInBody_GivesOneRelationWithBothSentences()
    {
        const string text = "Olaf Scholz und Emmanuel Macron haben am Montag in Paris über die Energiepreise beraten.\n\n"
            + "Die Lage auf den Märkten bleibt angespannt. Am Montag berieten Scholz und Macron in Paris über die Energiepreise.";
        ExtractionResult result = _extractor.Extract(text);

        Relation meeting = result.OfType("Meeting").Should().ContainSingle().Subject;
        meeting.EvidenceSentences.Should().HaveCount(2);
        meeting.EvidenceSentences[0].Should().Be(meeting.Sentence);
        meeting.Arguments["participants"].Values.Should().BeEquivalentTo(["Olaf Scholz", "Emmanuel Macron"]);
    }

    [Fact]
    public void Extract_TopicOfFollowingSentence_AttachesToMeeting()
    {
        const string text = "Olaf Scholz traf am Montag in Rom mit Giorgia Meloni zusammen. Die Gespräche drehten sich um die Migration.";
        ExtractionResult result = _extractor.Extract(text);

        Relation meeting = result.OfType("Meeting").Should().ContainSingle().Subject;
        meeting.Arg("topic").Should().Be("Migration");
        meeting.EvidenceSentences.Should().Equal([0, 1]);
    }

    [Fact]
    public void Extract_CoordinationWithPartyBrackets_GivesAllParticipants()
    {
        ExtractionResult result = _extractor.Extract("Olaf Scholz (SPD), Robert Habeck (Grüne) und Christian Lindner (FDP) berieten am Abend im Kanzleramt über den Haushalt.");

        Relation meeting = result.OfType("Meeting").Should().ContainSingle().Subject;
        meeting.Arguments["participants"].Values.Should().BeEquivalentTo(["Olaf Scholz", "Robert Habeck", "Christian Lindner"]);
        meeting.Arg("topic").Should().Be("Haushalt");
    }

    [Fact]
    public void Extract_GroupMeetingOfOrganization_GivesSingleParticipant()
    {
        ExtractionResult result = _extractor.Extract("Der Gemeinderat will am Donnerstag über den Nachtragshaushalt beraten.");

        Relation meeting = result.OfType("Meeting").Should().ContainSingle().Subject;
        meeting.Arguments["participants"].Values.Should().Equal(["Gemeinderat"]);
        meeting.Modality.Should().Be(Modality.Planned);
    }

    [Fact]
    public void ToJson_Relation_WritesCodeTimeAndEvidence()
    {
        ExtractionResult result = _extractor.Extract("Annalena Baerbock reiste am Donnerstag nach Kiew.");

        string json = result.ToJson();

        json.Should().Contain("\"code\":\"032\"").And.Contain("\"time\":\"am Donnerstag\"").And.Contain("\"evidence\":[0]");
    }
}
