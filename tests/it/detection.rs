//! Detection beyond full names: first names in context, quasi-identifiers, public figures,
//! gossip, and what a draft discloses for consent.

use crate::support::{Workspace, verdict};

/// `(verdict, clients that count)` of one draft.
fn judge(ws: &Workspace, text: &str) -> (String, Vec<String>) {
    ws.write("d.md", text);
    let (_, json) = ws.check_json(&["d.md"]);
    let clients = json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["allowed_by"].is_null() && f["severity"] != "info")
        .filter_map(|f| f["client"].as_str().map(str::to_owned))
        .collect();
    (verdict(&json, 0).to_owned(), clients)
}

/// A workspace holding `roster` as its roster.yaml.
fn with_roster(roster: &str) -> Workspace {
    let ws = Workspace::new();
    ws.write("roster.yaml", roster);
    ws
}

fn pair(v: &str, clients: &[&str]) -> (String, Vec<String>) {
    (
        v.to_owned(),
        clients.iter().map(|c| (*c).to_owned()).collect(),
    )
}

#[test]
fn first_name_alone_needs_context_and_rarity_sets_severity() {
    let ws = Workspace::new();
    assert_eq!(
        judge(&ws, "Thaddeus came in for his pre-race flush today"),
        pair("block", &["C005"])
    );
    assert_eq!(
        judge(&ws, "So glad Mark booked his monthly session again"),
        pair("warn", &["C007"])
    );
    assert_eq!(
        judge(&ws, "Mark your calendars: open house on the 12th"),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, "Thaddeus Stevens was a congressman"),
        pair("pass", &[])
    );
    assert_eq!(judge(&ws, "Mark came to the bake sale"), pair("pass", &[]));
}

#[test]
fn quasi_identifiers_combine_into_an_anonymity_set() {
    let ws = Workspace::new();
    // One weak cue that fits one roster client: warn, attributed.
    assert_eq!(
        judge(
            &ws,
            "One of our local realtors came in for a deep-tissue session"
        ),
        pair("warn", &["C001"])
    );
    // Several cues that together fit about one person: block.
    assert_eq!(
        judge(
            &ws,
            "Our favourite 85-year-old who drives a Porsche was on my table again"
        ),
        pair("block", &["C001"])
    );
    // The same words with no client relationship: nothing to report.
    assert_eq!(
        judge(&ws, "Realtors spend hours in the car: stretch your hips"),
        pair("pass", &[])
    );
    // A role only one person holds, in a client context.
    let (v, _) = judge(&ws, "Guess who was on my table this morning? The mayor!");
    assert_eq!(v, "block");
    assert_eq!(
        judge(&ws, "The mayor will light the tree on Friday"),
        pair("pass", &[])
    );
}

#[test]
fn public_figures_block_only_as_clients() {
    let ws = Workspace::new();
    assert_eq!(
        judge(&ws, "A Dolphins linebacker was on my table this morning!"),
        pair("block", &[])
    );
    assert_eq!(
        judge(&ws, "I massaged the CEO of the Miami Dolphins this week"),
        pair("block", &[])
    );
    assert_eq!(
        judge(&ws, "Go Dolphins! Watch party at the studio on Sunday"),
        pair("pass", &[])
    );
}

#[test]
fn gossip_warns_and_policies_pass() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "Our 2pm client no-showed for the third time this month"
        ),
        pair("warn", &[])
    );
    assert_eq!(
        judge(&ws, "Our no-show policy: please give 24 hours' notice"),
        pair("pass", &[])
    );
}

#[test]
fn consent_scope_follows_what_the_draft_discloses() {
    let ws = Workspace::new();
    let winner =
        "---\nchannel: raffle\n---\nCongratulations to Gus Petrakis, winner of our raffle!";
    assert_eq!(judge(&ws, winner), pair("pass", &[]));
    let with_surgery = format!("{winner}\nPerfect timing after that shoulder surgery, Gus!");
    assert_eq!(judge(&ws, &with_surgery), pair("block", &["C006"]));
    ws.write("d.md", &with_surgery);
    let (_, json) = ws.check_json(&["d.md"]);
    let gap = json["files"][0]["findings"][0]["consent"][0]["gap"]
        .as_str()
        .unwrap();
    assert!(gap.contains("health"), "{gap}");
}

#[test]
fn a_named_client_without_any_client_relationship_warns() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "The whole town is cheering for Ian Gamble at the regatta"
        ),
        pair("warn", &["C003"])
    );
}

#[test]
fn explain_shows_evidence_and_anonymity_set_without_roster_data() {
    let ws = Workspace::new();
    ws.write(
        "d.md",
        "Our favourite 85-year-old who drives a Porsche was on my table again",
    );
    let out = ws
        .lipzip()
        .env("NO_COLOR", "1")
        .args([
            "explain",
            "--roster",
            "roster.yaml",
            "--today",
            "2026-11-22",
            "d.md",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("evidence:") && text.contains("age \"85-year-old\""),
        "{text}"
    );
    assert!(text.contains("fits about 1 person"), "{text}");
    assert!(text.contains("discloses: status, story"), "{text}");
    assert!(
        !text.contains("realtor") && !text.contains("Mary"),
        "{text}"
    );
}

#[test]
fn ages_spelled_out_and_set_phrases() {
    let ws = Workspace::new();
    // "Eighty-five years young" is an age, and with the Porsche it is one person.
    assert_eq!(
        judge(
            &ws,
            "Eighty-five years young and she still drives that Porsche to her session!"
        ),
        pair("block", &["C001"])
    );
    // An exercise named after a job describes nobody.
    assert_eq!(
        judge(
            &ws,
            "Farmer's carries and step-ups were the class favourites this week"
        ),
        pair("pass", &[])
    );
}

#[test]
fn names_in_longer_hashtags_and_with_hyphens() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "First half marathon done! #GoOnMaryJones #NeverTooLate"
        ),
        pair("warn", &["C001"])
    );
    assert_eq!(
        judge(&ws, "#MaryJonesRecipes is the cooking channel we love"),
        pair("pass", &[])
    );
    // The roster has no hyphen; the draft adds one, or drops the accent and adds one.
    assert_eq!(
        judge(&ws, "Thanks for coming in, Saoirse Ni-Bhriain!"),
        pair("block", &["C004"])
    );
}

#[test]
fn public_capacity_and_places_without_a_person() {
    let ws = Workspace::new();
    // A client thanked as a sponsor, with no sign of being a client, is not a leak.
    assert_eq!(
        judge(
            &ws,
            "Thank you to Mark Lindqvist for donating the raffle prizes this year!"
        ),
        pair("pass", &[])
    );
    // The same name with a client sign in the sentence still blocks.
    assert_eq!(
        judge(
            &ws,
            "Mark Lindqvist came in for his session and donated the raffle prizes"
        ),
        pair("block", &["C007"])
    );
}

#[test]
fn events_replies_and_anecdotes() {
    let ws = Workspace::new();
    // An event is a date, not a person.
    assert_eq!(
        judge(
            &ws,
            "We'll have the Super Bowl on the big screen after Saturday class!"
        ),
        pair("pass", &[])
    );
    // Someone who played in it is a public figure.
    assert_eq!(
        judge(&ws, "A Super Bowl champion was on my table this morning"),
        pair("block", &[])
    );
    // A reply to a review that tells the visit back warns.
    assert_eq!(
        judge(
            &ws,
            "Reply to a 1-star review: your appointment was booked as a 30-minute massage, \
             and you asked for 90 minutes on the day."
        ),
        pair("warn", &[])
    );
    // An anecdote about "a client" warns.
    assert_eq!(
        judge(
            &ws,
            "Had a client this morning who cried for twenty minutes about the game."
        ),
        pair("warn", &[])
    );
}

#[test]
fn emoji_bullets_are_sentences_for_words_that_are_names() {
    let ws = Workspace::new();
    // "Mark" opens an emoji-led list line and is the ordinary word.
    assert_eq!(
        judge(
            &ws,
            "Garden season tips from Dana:\n🌹 Mark the spots you kneel on\n🌹 Swap sides every 15 minutes, and squat less"
        ),
        pair("pass", &[])
    );
}

#[test]
fn an_animal_team_is_not_a_pet() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "Good luck to the Cockatoos on Saturday! Warm up that lower back before the first over."
        ),
        pair("pass", &[])
    );
    // A client's pets are still a description.
    assert_eq!(
        judge(
            &ws,
            "Our favourite regular came in with her three Pomeranians and her Porsche today"
        )
        .0,
        "warn"
    );
}

#[test]
fn thanks_by_first_name_is_a_client_sign_but_credit_to_a_helper_is_not() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "Cheers Mark for the tin of sweets, you shouldn't have!"
        ),
        pair("warn", &["C007"])
    );
    assert_eq!(
        judge(&ws, "Mark, thank you for the mince pies. You're a star."),
        pair("warn", &["C007"])
    );
    assert_eq!(
        judge(
            &ws,
            "The draw is at the club, thanks to Mark and the committee for the room."
        ),
        pair("pass", &[])
    );
}

#[test]
fn roles_tied_to_one_place_by_a_verb_or_a_proper_name() {
    let ws = Workspace::new();
    for text in [
        "Did a chair massage for the lady who runs the Copper Kettle on Main today. Her husband's heart attack has her on her feet all day; her shoulders were rocks.",
        "The Rovers skipper sat in our chair for his 300th cut last month, and we were in for a chat about his knee.",
        "The mayor finally let Dana work on that frozen shoulder.",
    ] {
        assert_eq!(judge(&ws, text).0, "block", "{text}");
    }
    // The same roles with no client sign, or the writer's reader addressed: nothing.
    for text in [
        "Good luck to the Rovers skipper on Saturday!",
        "If you are pregnant, just had surgery or drive a Porsche, tell us on the intake form.",
    ] {
        assert_eq!(judge(&ws, text).0, "pass", "{text}");
    }
}

#[test]
fn a_picture_in_the_post_is_a_photo_disclosure() {
    let ws = Workspace::new();
    let post = "---\nchannel: raffle\n---\nCongratulations Gus Petrakis, our raffle winner!\n";
    // Consent K-006 covers status and name on the raffle channel...
    assert_eq!(judge(&ws, post), pair("pass", &[]));
    // ... not a photo of him.
    assert_eq!(
        judge(
            &ws,
            &format!("{post}\n![Gus with his hamper](img/winner.jpg)\n")
        ),
        pair("block", &["C006"])
    );
    // "No pics this time": a photo said not to be there is none.
    assert_eq!(
        judge(
            &ws,
            &format!("{post}\nNo pics this time, he's camera shy.\n")
        ),
        pair("pass", &[])
    );
    // Photos someone speaks of are not the post's; a camera outside the quote is.
    for (said, verdict) in [
        (
            "He asked \"can I see the photos first?\" Of course!",
            "pass",
        ),
        ("He said “I hope I look good in the photos.”", "pass"),
        ("He said “thanks!” 📸 photos below", "block"),
    ] {
        assert_eq!(
            judge(&ws, &format!("{post}\n{said}\n")).0,
            verdict,
            "{said}"
        );
    }
}

#[test]
fn health_in_portuguese_or_in_other_words_is_health() {
    let ws = Workspace::new();
    let post = "---\nchannel: raffle\n---\nParabéns Gus Petrakis, our raffle winner!\n";
    assert_eq!(judge(&ws, post), pair("pass", &[]));
    for told in [
        "Gus voltou depois da lesão no joelho.",
        "A fibromialgia não o segura!",
        "Tudo certo no pós-operatório.",
        "Gus was losing handfuls of hair last spring.",
    ] {
        assert_eq!(
            judge(&ws, &format!("{post}\n{told}\n")),
            pair("block", &["C006"]),
            "{told}"
        );
    }
}

#[test]
fn rants_call_outs_and_replies_to_feedback_warn() {
    let ws = Workspace::new();
    for text in [
        "To the fella who booked the 10am Saturday slot three weeks running and not turned up once: we've got your number.",
        "Unpopular opinion: if you book a 2.5 hr full set and leave a toonie on a $110 service and tell Dana it's for her trouble, don't make it weird.",
        "Thank you for taking the time to leave feedback. I'm sorry your appointment started late; you arrived 20 minutes after your booking.",
    ] {
        assert_eq!(judge(&ws, text).0, "warn", "{text}");
    }
}

#[test]
fn how_long_someone_has_been_a_client_is_status_not_a_story() {
    let ws = Workspace::new();
    let winner = "---\nchannel: raffle\n---\nCongratulations to Gus Petrakis, winner of our raffle! \
                  Gus has been a client of ours for years and comes in every week.";
    // K-006 covers status and name on the raffle channel: loyalty is status.
    assert_eq!(judge(&ws, winner), pair("pass", &[]));
    // A video of him is a photo it does not cover.
    assert_eq!(
        judge(&ws, &format!("{winner}\n🎥 Watch the video of the draw!")),
        pair("block", &["C006"])
    );
}

#[test]
fn a_certain_proper_name_is_a_wink_at_a_public_figure() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "Not naming names, but a certain Cutters centre was up on the plinth this morning getting his shoulder sorted."
        )
        .0,
        "block"
    );
    assert_eq!(
        judge(&ws, "A certain someone left their umbrella here again!").0,
        "pass"
    );
    assert_eq!(
        judge(
            &ws,
            "Facials for women of a certain age: come in for a session."
        )
        .0,
        "pass"
    );
}

#[test]
fn a_first_name_with_the_clients_own_job_or_treatment_identifies() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Velvet Hour, staff: [Kendra Okafor], population: 30000}
clients:
  - id: M001
    name: Mark Lindqvist
    attributes: {occupation: pharmacist}
  - id: M003
    name: June Albright
  - id: M004
    name: Declan Royce
    aliases: [Dec]
  - id: M005
    name: Faith Okonkwo
  - id: M002
    name: Brielle Castellano
    aliases: ["@briellecastellano"]
    public_figure: true
    attributes: {occupation: reality TV star}
    consent:
      - {id: K-1, scope: [status, name], channels: [social], granted: 2026-01-01, evidence: k1.pdf}
"#,
    );
    // A common first name in a client context warns...
    assert_eq!(
        judge(&ws, "So glad Mark booked his monthly session again!"),
        pair("warn", &["M001"])
    );
    // ... with his own job beside it, it is him.
    assert_eq!(
        judge(
            &ws,
            "So glad Mark booked his monthly session again! Best pharmacist in town."
        ),
        pair("block", &["M001"])
    );
    // A month is not June.
    assert_eq!(
        judge(&ws, "Thanks for coming in for your session, June!"),
        pair("warn", &["M003"])
    );
    assert_eq!(
        judge(
            &ws,
            "Our summer hours (Fridays closed, June through September) are over: book your session."
        ),
        pair("pass", &[])
    );
    // "dec 18" is a date; "faith, who ..." in an all-lowercase post is a person.
    assert_eq!(
        judge(
            &ws,
            "so much love for faith, who has been flowing with us since week 9. due date is dec 18!"
        ),
        pair("warn", &["M005"])
    );
    // A public figure tagged in her public role is covered by her consent...
    assert_eq!(
        judge(
            &ws,
            "Loved watching @briellecastellano on the reunion special!"
        ),
        pair("pass", &[])
    );
    // ... the treatment told beside her name is not.
    assert_eq!(
        judge(
            &ws,
            "Cheek balancing on the gorgeous @briellecastellano. 2 syringes of Voluma to the cheeks."
        ),
        pair("block", &["M002"])
    );
}

#[test]
fn the_writers_own_story_and_questions_to_the_reader_are_no_ones_health() {
    let ws = Workspace::new();
    // The owner's own knee, in the first person, with no one else in the sentence.
    assert_eq!(
        judge(
            &ws,
            "Two years since my own knee reconstruction. Some of you will remember me hobbling \
             around the clinic on crutches, trying to do a neck massage standing on one leg."
        )
        .0,
        "pass"
    );
    // A headline question is put to the reader; the next newsletter item is not about the
    // client named before it.
    let newsletter = "---\nchannel: raffle\n---\n**Our winner.** Congratulations to Gus Petrakis, \
                      winner of our raffle!\n\n**Pregnant? Let us know.** If you're pregnant, \
                      tell us when you book: Dana is trained in pregnancy massage.\n";
    assert_eq!(judge(&ws, newsletter), pair("pass", &[]));
    // In the same item, it is his.
    assert_eq!(
        judge(
            &ws,
            "---\nchannel: raffle\n---\nCongratulations to Gus Petrakis, winner of our raffle! \
             Perfect timing after that shoulder surgery."
        ),
        pair("block", &["C006"])
    );
    // A photo said not to be there is none.
    assert_eq!(
        judge(
            &ws,
            "---\nchannel: raffle\n---\nCongratulations to Gus Petrakis, winner of our raffle! \
             We won't be sharing photos, he's camera shy."
        ),
        pair("pass", &[])
    );
}

#[test]
fn a_description_is_attributed_by_relation_and_by_the_rosters_own_words() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Full Time Massage, staff: [Leah Grant], population: 4000, places: [Tindara]}
clients:
  - id: F002
    name: Debbie Pappalardo
    public_figure: true
    attributes: {occupation: Mayor of Tindara Shire, traits: [right shoulder problems]}
  - id: F021
    name: Luca Pappalardo
    attributes: {occupation: sugar mill worker, traits: [son of the mayor, plays lock]}
  - id: B004
    name: Jay Mistry
    attributes: {occupation: electrician, traits: [captain of Hollinthwaite Rovers]}
  - id: B028
    name: Tom Ashworth
    attributes: {occupation: teacher, traits: [captain of the Lathe Valley cricket club]}
"#,
    );
    // "The mayor's boy" is the mayor's son, not the mayor.
    assert_eq!(
        judge(
            &ws,
            "The mayor's boy came in Monday with a corked thigh from Saturday's trial."
        ),
        pair("block", &["F021"])
    );
    // The mayor herself.
    assert_eq!(
        judge(
            &ws,
            "We had her worship in twice this week for that dodgy right shoulder of hers."
        ),
        pair("block", &["F002"])
    );
    // Two captains fit "the skipper": the Rovers one is the Rovers captain.
    assert_eq!(
        judge(
            &ws,
            "Chair of the season goes to the Rovers skipper, who sat in Leah's chair for his \
             300th cut last month."
        ),
        pair("block", &["B004"])
    );
}

#[test]
fn newsletter_items_and_groups_are_not_one_description() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Bella Nails, staff: [Mayra Lopez], population: 25000}
clients:
  - id: N020
    name: Ana Torres
    attributes: {occupation: shift manager, traits: [long almond Gel-X]}
  - id: N027
    name: Leticia Cano
    attributes: {occupation: store manager, affiliations: [Ramos Market]}
  - id: N006
    name: Jean Birrell
    attributes: {occupation: retired fisherman}
"#,
    );
    // The Gel-X of the next item is the salon's new service, not the manager's nails.
    let newsletter = "**Turkey alert.** One of our clients who's a manager over at Ramos Market \
                      told us the fresh turkeys are almost gone.\n\n**New service: Gel-X.** Mayra \
                      finished her Gel-X certification last month.\n";
    let (verdict, clients) = judge(&ws, newsletter);
    assert_ne!(verdict, "pass");
    assert_eq!(clients, ["N027"]);
    // A life event before a plural is a kind of people.
    assert_eq!(
        judge(
            &ws,
            "The class is retired teachers, fishermen, a couple of students, and me."
        ),
        pair("pass", &[])
    );
}

#[test]
fn signs_winners_titles_and_groups_read_as_a_careful_reader_would() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Thaw Bodywork, staff: [Rafa Quintana], population: 7000}
clients:
  - id: S002
    name: Nate Okonkwo
    public_figure: true
    attributes: {occupation: Colorado Avalanche defenseman}
  - id: S005
    name: Kelsey Brandt
  - id: S007
    name: Hunter Lee
  - id: S009
    name: Kelly-Ann Marsh
    aliases: [KA]
  - id: S010
    name: Rangi Paki
    aliases: [Coach Rangi]
    consent:
      - {id: K-10, scope: [status, name], channels: [social], granted: 2026-01-01, evidence: k10.pdf}
  - id: S011
    name: Wes Farrow
    attributes: {occupation: tech CEO}
  - id: S012
    name: Kiri Te Whata
    attributes: {occupation: midwife}
  - id: S013
    name: Dolores Reyes
    aliases: [Coach Reyes]
"#,
    );
    // Someone on a practitioner's table is a client; a team and a position make a public figure.
    assert_eq!(
        judge(
            &ws,
            "guess which Avs blueliner spent his off day on Rafa's table 👀"
        ),
        pair("block", &["S002"])
    );
    // A first name announced as a raffle winner; thanked by a shout-out in a lowercase post.
    assert_eq!(
        judge(
            &ws,
            "---\nchannel: raffle\n---\nThe winning ticket belongs to... Kelsey! Come grab your gift card."
        ),
        pair("warn", &["S005"])
    );
    assert_eq!(
        judge(
            &ws,
            "shoutout to hunter for the 50% tip today 🥹 you did not have to"
        ),
        pair("warn", &["S007"])
    );
    // Capital initials are not a word in lowercase.
    assert_eq!(
        judge(
            &ws,
            "back out front leading the rōpū after her knee op. ka rawe!!"
        ),
        pair("pass", &[])
    );
    // "Coach" again after "Coach Rangi" is the name he is called by, not a story about him.
    assert_eq!(
        judge(
            &ws,
            "Coach Rangi has been a client of ours since the day we opened. We appreciate you, Coach!"
        ),
        pair("pass", &[])
    );
    // Good luck to a coach is his public role.
    assert_eq!(
        judge(
            &ws,
            "Black & gold nail art all week (the paws are so cute)\n\nGood luck to Coach Reyes and the girls!"
        ),
        pair("pass", &[])
    );
    // A tech CEO is one of many; the CEO of a named company is one person.
    assert_eq!(
        judge(
            &ws,
            "One client, a tech CEO who flies himself in most weekends, told me his back feels like a hinge."
        ),
        pair("warn", &["S011"])
    );
    // "One of our local midwives": the writer says there are several; "heaps of you farmers"
    // is a crowd.
    assert_eq!(
        judge(
            &ws,
            "One of our local midwives has been in with us lately with sore wrists."
        ),
        pair("warn", &["S012"])
    );
    assert_eq!(
        judge(
            &ws,
            "since july heaps of you farmers have been in with the same three things"
        ),
        pair("pass", &[])
    );
}

#[test]
fn two_one_person_roles_in_one_description_are_two_clients() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Thaw Bodywork, staff: [Rafa Quintana], population: 7000}
clients:
  - id: S005
    name: Dana Ruiz
    attributes: {occupation: fire chief}
  - id: S028
    name: Fenwick Hadley
    attributes: {occupation: veterinarian (the only vet in town), traits: [rides horses]}
  - id: S031
    name: Brock Tully
    attributes: {traits: [black Cybertruck]}
"#,
    );
    let (verdict, mut clients) = judge(
        &ws,
        "Our fire chief finally let me work on the shoulder she's been guarding. And a big \
         thank-you to our one and only town vet, who dropped off a pie after we got his hip \
         loose enough to get back on his horse.",
    );
    clients.sort();
    assert_eq!(
        (verdict.as_str(), clients),
        ("block", vec!["S005".to_owned(), "S028".to_owned()])
    );
    // An appointment told by its length is a client's.
    let (verdict, clients) = judge(
        &ws,
        "to the gentleman in the black cybertruck who parked across the loading zone for his 90 \
         min and left a 0% tip: we see you",
    );
    assert_eq!(verdict, "warn");
    assert_eq!(clients, ["S031"]);
}

#[test]
fn a_photo_of_a_thing_is_no_photo_of_the_client() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Haar Studio, staff: [Morag Lindsay], population: 9000}
clients:
  - id: P002
    name: Fiona Strachan
    consent:
      - {id: K-2, scope: [status, name], channels: [newsletter], granted: 2026-03-04, evidence: k2.pdf}
"#,
    );
    let newsletter = |photo: &str| {
        format!(
            "---\nchannel: newsletter\n---\nWe were delighted that Fiona Strachan, one of our \
             clients, cut the ribbon on Saturday.\n\nThere are {photo} on the website.\n"
        )
    };
    assert_eq!(
        judge(&ws, &newsletter("photos of the room (empty, no people)")),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, &newsletter("photos of Fiona with the big scissors")).0,
        "block"
    );
}

#[test]
fn a_newsletter_item_keeps_its_own_context_photos_and_health() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Bayou Iron, staff: [Tammy LeJeune], population: 6000}
clients:
  - id: B001
    name: Odile Robichaux
    aliases: ["Ms. Odile"]
  - id: B002
    name: Priya Natarajan
    consent:
      - {id: K-2, scope: [status, name, story, photo], channels: [newsletter], granted: 2026-03-04, evidence: k2.pdf}
  - id: B003
    name: Tom Szczepanik
    aliases: ["Chief Tom"]
    consent:
      - {id: K-3, scope: [status, name], channels: [newsletter], granted: 2026-03-04, evidence: k3.pdf}
  - id: B004
    name: Nuala Breen
"#,
    );
    let items = [
        "## Happy 83rd!\nOur longest-standing member has been coming to class since 2018.",
        "## Community corner\n- Nuala is back from maternity leave in January.\n- Ms. Odile at \
         the bakery says fig cake orders close on the 15th.",
        "## Client spotlight: Priya Natarajan\nPriya finally let us put larvae on her arm.\n\
         [photo: Priya's finished sleeve]",
        "## Welcome back\nWelcome back to the chair, Chief Tom!",
    ];
    let severities = |text: String| -> Vec<(String, String)> {
        ws.write("d.md", &format!("---\nchannel: newsletter\n---\n{text}\n"));
        let (_, json) = ws.check_json(&["d.md"]);
        json["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["allowed_by"].is_null())
            .filter_map(|f| {
                Some((
                    f["client"].as_str()?.to_owned(),
                    f["severity"].as_str()?.to_owned(),
                ))
            })
            .collect()
    };
    // As items: Ms. Odile is named with no sign of her own (a person should look); the
    // maternity leave is Nuala's (staff-like news, another entry); the photo is Priya's; the
    // fire chief's welcome is covered by his consent.
    assert_eq!(
        severities(items.join("\n\n")),
        [("B001".to_owned(), "warn".to_owned())]
    );
    // As one story, the same words are all about everyone in it.
    let story = items
        .iter()
        .map(|i| {
            i.lines()
                .skip(1)
                .collect::<Vec<_>>()
                .join(" ")
                .replace("- ", "")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let got = severities(story);
    assert!(
        got.contains(&("B001".to_owned(), "block".to_owned())),
        "{got:?}"
    );
    assert!(
        got.contains(&("B003".to_owned(), "block".to_owned())),
        "{got:?}"
    );
}

#[test]
fn quoted_cries_staff_titles_own_names_and_relatives_are_read_as_meant() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Bayou Iron, staff: [Remy Thibodeaux, Marcus Sonnier], population: 6000}
clients:
  - id: B012
    name: Delphine Theriot
    attributes: {age: 52, traits: [pink LSU visor]}
  - id: B029
    name: Earl LeBoeuf
    consent:
      - {id: K-29, scope: [status, name], channels: [raffle], granted: 2026-10-20, evidence: k29.pdf}
  - id: B005
    name: Maurice Kelleher
    aliases: ["the Sarge"]
  - id: B022
    name: Noreen Kelleher
    attributes: {traits: [wife of Sgt. Maurice Kelleher]}
"#,
    );
    // A cry in quotes does not end the sentence that says who wears the visor.
    assert_eq!(
        judge(
            &ws,
            "Some of y'all know our girl from the mill lab, pink LSU visor, the one who yells \
             \"LAST ROUND!\" before Remy can get it out. She had her knee replaced on Tuesday \
             and just turned 52."
        ),
        pair("block", &["B012"])
    );
    // "Earl" is the winner's name, not a peer; "Coach" is Marcus's title: no story told.
    assert_eq!(
        judge(
            &ws,
            "---\nchannel: raffle\n---\nAnd the winner is EARL LeBOEUF!\n\nCongratulations \
             Earl! Drawn live by Coach Marcus on Saturday.\n"
        ),
        pair("pass", &[])
    );
    // The Sarge's missus is the one in the chair.
    assert_eq!(
        judge(&ws, "pov: the sarge's missus is in for her blow dry 😭"),
        pair("block", &["B022"])
    );
}

#[test]
fn births_parents_classes_and_no_shows() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Cwtch Birth, staff: [Rhiannon Prosser], population: 8000}
clients:
  - id: W024
    name: Megan Griffiths
    consent:
      - {id: K-24, scope: [status, name], channels: [email], granted: 2026-03-04, evidence: k24.pdf}
  - id: W025
    name: Dean Bowen
    attributes: {affiliations: [Côr Meibion Cwmderwen]}
  - id: W019
    name: Kayleigh Jones
    attributes: {age: 19}
"#,
    );
    let email = "---\nchannel: email\n---\nMegan Griffiths had her little girl on Friday, at 34 weeks. \
                 Baby's in SCBU on tube feeds.\n";
    assert_eq!(judge(&ws, email), pair("block", &["W024"]));
    assert_eq!(
        judge(
            &ws,
            "---\nchannel: email\n---\nMegan Griffiths says thank you for the card!\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "one of our dads sings with the Côr Meibion Cwmderwen and sang the babies to sleep"
        ),
        pair("warn", &["W025"])
    );
    assert_eq!(
        judge(
            &ws,
            "I keep a slot every Thursday for a mam who has not turned up three weeks running. \
             She's only nineteen, so I'm trying not to be hard on her."
        ),
        pair("warn", &["W019"])
    );
    // A course that supports you from 38 weeks is a service, not anyone's pregnancy.
    assert_eq!(
        judge(
            &ws,
            "Our birth package includes on-call support from 38 weeks."
        ),
        pair("pass", &[])
    );
}

#[test]
fn a_wink_a_plural_job_a_car_told_short_and_a_service_look() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Hassett's Hair, staff: [Deirdre Hassett], population: 3500}
clients:
  - id: I010
    name: Tadhg Considine
    public_figure: true
    attributes: {occupation: Clare hurling goalkeeper, traits: [2026 All-Star nominee]}
  - id: I011
    name: Ambrose Theriot
    attributes: {occupation: parish priest}
  - id: I030
    name: Mabli Cadwaladr
    attributes: {traits: [drives a pink Land Rover Defender]}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "We had a very special visitor in the chair on Thursday. A certain Clare netminder \
             needed a fresh fade for the All-Star banquet!"
        ),
        pair("block", &["I010"])
    );
    assert_eq!(
        judge(&ws, "one of our local preachers was on my table this week"),
        pair("warn", &["I011"])
    );
    assert_eq!(
        judge(
            &ws,
            "Spotted the pink Defender outside before her session this morning. She is 36 \
             weeks now!"
        )
        .1,
        ["I030"]
    );
    assert_eq!(
        judge(
            &ws,
            "Bring a toy by the 15th and get $10 off any tattoo over $100."
        ),
        pair("pass", &[])
    );
    // Called out by name and thanked further on; "back in the chair" is a client sign.
    assert_eq!(
        judge(
            &ws,
            "Ambrose, you're an absolute dote 💐 Thanks a million for the flowers!"
        ),
        pair("warn", &["I011"])
    );
    assert_eq!(
        judge(
            &ws,
            "Always a pleasure to have this man back in the chair. Tadhg Considine, you legend!"
        ),
        pair("block", &["I010"])
    );
}

#[test]
fn rugby_winks_named_health_body_parts_images_shares_and_afrikaans() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Valley Hands, staff: [Darlene Pardy], population: 6000}
clients:
  - id: R005
    name: Tomos Llewellyn
    public_figure: true
    attributes: {occupation: Dragons hooker and Wales international}
  - id: R012
    name: Heulwen Gwatkin
  - id: R008
    name: Kevin Power
    attributes: {occupation: fire chief, traits: [lower back]}
  - id: R014
    name: Frank Stuckless
    consent:
      - {id: K-14, scope: [status, name, story], channels: [any], granted: 2026-02-01, evidence: k14.pdf}
  - id: R020
    name: Vern Schaefer
    attributes: {occupation: retired Border Patrol agent, traits: [Wisconsin snowbird]}
  - id: R024
    name: Refugio Esquivel
    attributes: {age: 101}
  - id: R006
    name: Ilse du Plessis
    attributes: {traits: [married to the dominee]}
"#,
    );
    // A wink at a team's player in an all-lowercase post, and the same words with no wink.
    assert_eq!(
        judge(
            &ws,
            "no names 🤐 but a certain dragons hooker has the gentlest hands in our dads' class"
        ),
        pair("block", &["R005"])
    );
    assert_eq!(
        judge(&ws, "come on dragons! big game at rodney parade saturday"),
        pair("pass", &[])
    );
    // A named person's health is a client's; a book about the same health is not.
    assert_eq!(
        judge(
            &ws,
            "Drove up the mountain in the fog to support Heulwen's home birth last night."
        ),
        pair("block", &["R012"])
    );
    assert_eq!(
        judge(&ws, "Heulwen's book about home births is out now."),
        pair("pass", &[])
    );
    // A body part on a client's entry still signs the treatment.
    assert_eq!(
        judge(
            &ws,
            "had our fire chief in tuesday, the poor man's lower back was like a slab of concrete"
        ),
        pair("block", &["R008"])
    );
    // An embedded image is a photo, which the consent does not cover, even when its address
    // holds the client's name.
    let photo = "![Thumbs up](img/frank-stuckless.jpg)\n\nFrank Stuckless is back on the table \
                 now that crab season is over.\n";
    assert_eq!(judge(&ws, photo), pair("block", &["R014", "R014"]));
    assert_eq!(
        judge(
            &ws,
            "Frank Stuckless is back on the table now that crab season is over.\n"
        ),
        pair("pass", &[])
    );
    // A share of the clientele is a group; one of them described is a person.
    assert_eq!(
        judge(
            &ws,
            "About a third of our clients this year were winter visitors from Wisconsin, and a \
             quarter worked for the Border Patrol."
        ),
        pair("pass", &[])
    );
    // "Our oldest client" says "client" itself.
    assert_eq!(
        judge(&ws, "happy 101st birthday to our oldest client!!! 🎂"),
        pair("block", &["R024"])
    );
    // Afrikaans: "the dominee's wife" is the relative, not the dominee.
    assert_eq!(
        judge(
            &ws,
            "Ons het hierdie week ons dominee se vrou te bederf met haar heel eerste massage!"
        )
        .1,
        ["R006"]
    );
}

#[test]
fn an_email_to_one_client_and_names_at_public_ceremonies() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Kip Law Physio, staff: [Sandra Hume, Darlene Pardy], population: 9000}
clients:
  - id: B026
    name: Bev White
  - id: B027
    name: Mary Jones
  - id: B013
    name: Fraser Scoon
    aliases: [the Cornet]
  - id: B018
    name: Derek Osmond
    attributes: {affiliations: [Christmas Parade committee]}
"#,
    );
    // To one client: about themselves. To two: each sees the other is a client.
    let to_one = "---\nchannel: email\n---\nTo: Bev White <bev@lions.example>\nFrom: Darlene Pardy \
                  <darlene@kiplaw.example>\n\nHi Bev, great to see you at the craft fair. \
                  Thanks for your session on Tuesday.\n";
    assert_eq!(judge(&ws, to_one).0, "pass");
    let to_two = "---\nchannel: email\n---\nTo: Bev White, Mary Jones\nFrom: Darlene Pardy\n\n\
                  Hi both, thanks for your sessions on Tuesday.\n";
    assert_eq!(judge(&ws, to_two), pair("block", &["B026", "B027"]));
    // A name at a public ceremony, with only a weak sign beside it, is the public role.
    assert_eq!(
        judge(
            &ws,
            "It was lovely to see Fraser Scoon laying a wreath on behalf of the Common Riding."
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "Fraser Scoon came in for his session after laying a wreath on Sunday."
        ),
        pair("block", &["B013"])
    );
    // A famous voice is a public figure; "Christmas" on a committee's name describes no one.
    assert_eq!(
        judge(
            &ws,
            "Can't say who, but we had a very famous voice on the table this week. Her \
             Christmas show is at the stadium on the 12th!"
        ),
        pair("block", &[])
    );
}

#[test]
fn a_complaint_told_twice_is_gossip_without_a_client_sign() {
    let ws = Workspace::new();
    let rant = "ok rant time. the fella last saturday who left a toonie and then told me to buy \
                myself something nice... my son. i'm not mad, i'm just saying. rant over.";
    assert_eq!(judge(&ws, rant).0, "warn");
    // One strong word with no client sign is not yet about anyone served.
    assert_eq!(
        judge(
            &ws,
            "Someone left a toonie in the Legion's charity jar. Thank you!"
        )
        .0,
        "pass"
    );
}

#[test]
fn french_signs_specialties_staff_signatures_and_prizes() {
    let ws = with_roster(
        r#"version: 1
practice:
  name: Hearth & Cradle Doula and Prenatal Massage
  staff: [Geneviève Poulin, Joanna Brubaker]
  population: 7000
  places: [Station 17]
clients:
  - id: Q01
    name: Gaétan Drouin
    attributes: {occupation: curé de la paroisse, age: 69, gender: male}
  - id: Q02
    name: Hope Kingsley
    consent:
      - {id: K-1, scope: [status, name, story], channels: [social], granted: 2026-01-01, evidence: k1.pdf}
  - id: Q03
    name: Bill Patterson
    consent:
      - {id: K-2, scope: [status, name], channels: [raffle], granted: 2026-01-01, evidence: k2.pdf}
  - id: Q04
    name: Wendell Nakoa
    attributes: {occupation: fire captain, affiliations: [Station 17], age: 50, gender: male}
  - id: Q05
    name: Harriet Yamashita
    attributes: {occupation: retired; runs the Hongwanji bazaar booth, age: 81, gender: female}
  - id: Q06
    name: Soumya Biju
    attributes: {age: 36, gender: female, traits: [second baby in 2026]}
"#,
    );
    // French client signs and health, and the curé as a one-person role.
    assert_eq!(
        judge(
            &ws,
            "Devinez qui était sur ma table ce matin: notre curé, pour sa sciatique!"
        ),
        pair("block", &["Q01"])
    );
    // A staff signature is no client sign for a name in community news: the name alone is
    // for a person to look at, not a block.
    let news = "Le maire et l'abbé Gaétan Drouin donneront le coup d'envoi samedi.\n\n\
                Venez nous dire bonjour!\n\nGeneviève et toute l'équipe\n";
    assert_eq!(judge(&ws, news).0, "warn");
    // At a doula's, "postpartum" is what the status already says; consent to the story covers
    // it. A C-section is still health.
    let testimonial = "Shared with Hope's permission: Hope Kingsley at her postpartum visit, \
                       30 weeks to six weeks home. Thank you, Hope!";
    assert_eq!(judge(&ws, testimonial), pair("pass", &[]));
    let beyond = "Shared with Hope's permission: Hope Kingsley after her emergency c-section. \
                  Thank you, Hope!";
    assert_eq!(judge(&ws, beyond), pair("block", &["Q02"]));
    // Tickets to a team's game are the prize, not the winner's story.
    let raffle = "---\nchannel: raffle\n---\nFélicitations à Bill Patterson, client de longue \
                  date, qui remporte:\n\n- une paire de billets pour un match des Canadiens\n";
    assert_eq!(judge(&ws, raffle), pair("pass", &[]));
    // A local place that is one client's workplace still points at them; a role said with
    // a verb fits only the client whose entry names what follows.
    assert_eq!(
        judge(
            &ws,
            "When the Station 17 captain who ran the Kekaulike brush fire came in the next \
             afternoon, his shoulders were like rocks."
        ),
        pair("block", &["Q04"])
    );
    // An age or its pronoun that does not fit rules a client out.
    assert_eq!(
        judge(
            &ws,
            "A young mother in her early twenties came to us after her second baby in 2026, \
             for the postnatal massage."
        )
        .1,
        Vec::<String>::new()
    );
}

#[test]
fn staff_trades_generic_jobs_and_entourage_need_their_owner() {
    let ws = Workspace::new();
    // "our therapist" is the practice's own staff, not a client's job.
    assert_eq!(
        judge(
            &ws,
            "A guest came in drunk last Friday and our therapist refused to start the session."
        )
        .0,
        "pass"
    );
    // Anyone in a trade is nobody in particular.
    assert_eq!(
        judge(
            &ws,
            "When a realtor lies down on our table, we feel every open house."
        ),
        pair("pass", &[])
    );
    // About one person in five is retired: "a retired plumber" is about as wide as "a
    // plumber" (a warn), where a rare life event with the job would narrow to one.
    assert_eq!(
        judge(
            &ws,
            "One of our regulars, a retired plumber, came in for his session today."
        )
        .0,
        "warn"
    );
    // "my own guru's son" is nobody famous's entourage.
    assert_eq!(
        judge(
            &ws,
            "My own guru's son came from Shoranur and treated me for six weeks."
        ),
        pair("pass", &[])
    );
}

#[test]
fn a_complaint_told_of_a_staff_member_is_no_gossip() {
    let ws = Workspace::new();
    ws.write(
        "roster.yaml",
        "version: 1\npractice: {name: Willow Creek Massage, staff: [Joanna Brubaker, Kenzie Hart]}\nclients: []\n",
    );
    assert_eq!(
        judge(
            &ws,
            "Joanna is pretending she doesn't care about football (she yelled at the radio on \
             Sunday, I heard it). Back on the table Tuesday!"
        )
        .0,
        "pass"
    );
    assert_eq!(
        judge(
            &ws,
            "A client yelled at Kenzie today because she showed up 25 minutes late for her session."
        )
        .0,
        "warn"
    );
}

#[test]
fn a_first_name_spoken_to_is_a_client_sign() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "mary u were a ROCKSTAR in tues power flow 💪 see u thurs babe"
        ),
        pair("warn", &["C001"])
    );
    // Not a name spoken to: a client's name used as a word at a sentence start.
    assert_eq!(
        judge(
            &ws,
            "Mark your calendars: open house on the 12th, see you there!"
        ),
        pair("pass", &[])
    );
}

#[test]
fn dialect_workplaces_and_what_a_name_left_untold() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Laurel Hollow Acupuncture, staff: [Ruth Ann Mollohan, Tammy Jo Perdue], population: 2500}
clients:
  - id: W005
    name: Donald Lester
    aliases: [Donnie]
    attributes: {occupation: "fire chief, Caney Branch VFD", gender: male}
  - id: W010
    name: Dustin Dingess
    attributes: {occupation: "assistant manager, Dollar General on Route 52", traits: [son of Mayor Roger Dingess]}
  - id: W012
    name: Patricia Spurlock
    aliases: [Patty]
    attributes: {occupation: "hairdresser, owner of Curl Up & Dye salon"}
  - id: W015
    name: Ricky Sizemore
    attributes: {occupation: "housekeeping supervisor, Ptarmigan Lodge"}
  - id: W025
    name: James Vance
    aliases: [Jimbo]
    consent:
      - {id: K1, scope: [status, name, photo], channels: [raffle, social], granted: 2026-10-01, evidence: k1.pdf}
"#,
    );
    // A sign said with its g dropped, a relative's role before "!!!", and a staff name in
    // another clause of the sentence.
    assert_eq!(
        judge(
            &ws,
            "Ruth Ann would skin me alive but I gotta say how PROUD I am of the mayor's boy!!!\n\n\
             TWO YEARS this month!!! He's been comin in every single week for the ear needles.\n"
        ),
        pair("block", &["W010"])
    );
    // "judge" after "don't" is a verb.
    assert_eq!(
        judge(
            &ws,
            "He has been coming in every single week since rehab. We don't judge nobody here."
        ),
        pair("pass", &[])
    );
    // A workplace named in the occupation, told with the client's first name.
    let told = |place: &str| {
        let (verdict, mut clients) = judge(
            &ws,
            &format!(
                "Patty said I could brag on her! She's been coming since September for her hot \
                 flashes and they're gone.\n\nGo get your hair did at {place} and tell Patty \
                 that Tammy sent ya.\n"
            ),
        );
        clients.dedup();
        (verdict, clients)
    };
    assert_eq!(told("Curl Up & Dye"), pair("block", &["W012"]));
    assert_eq!(told("the Dollar General"), pair("warn", &["W012"]));
    // A workplace with nobody in its sentence is a place people go.
    assert_eq!(
        judge(
            &ws,
            "Sorry your in-room session at Ptarmigan Lodge on the 14th was not what you hoped \
             for, and thanks for the review."
        ),
        pair("pass", &[])
    );
    // Named in a caption under a description by a one-person role: the name says who the
    // description is, one block.
    assert_eq!(
        judge(
            &ws,
            "LOOK WHO FINALLY CAME IN!!!\n\nOur fire chief tore his shoulder up pulling hose and \
             has been too stubborn to get it looked at. He's coming back Tuesday.\n\n[photo: \
             Donnie on the table, thumbs up]\n"
        ),
        pair("block", &["W005"])
    );
    // Another client's workplace tells nothing about a consented winner.
    assert_eq!(
        judge(
            &ws,
            "---\nchannel: raffle\n---\nCongratulations to Jimbo Vance, winner of this month's \
             drawing! Jimbo takes home a cooler and a $50 gift card to the Dollar General.\n"
        ),
        pair("pass", &[])
    );
}

#[test]
fn dialect_articles_later_mentions_and_the_only_one() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Cove Road Physio, staff: [Shanice Corbin], population: 5000}
clients:
  - id: B014
    name: Anderson Hinds
    attributes: {occupation: principal of Conch Bay Secondary School, gender: male}
  - id: B009
    name: Glenna Ferrell
    public_figure: true
    attributes: {occupation: county commissioner}
  - id: B013
    name: Marit Olsen
    attributes: {occupation: "bush pilot, Narrows Air", gender: female}
  - id: B004
    name: Ruth Kvasnikoff
    public_figure: true
    attributes: {occupation: state representative, gender: female}
"#,
    );
    // Bajan "de" is "the", and a role "from" a named school is its one holder; a teacher
    // from it is one of many.
    let waited = |who: &str| {
        judge(
            &ws,
            &format!(
                "Had {who} from Conch Bay Secondary sit in our waiting room for 45 minutes cause \
                 they come on de wrong day. We squeezed them in anyway."
            ),
        )
    };
    assert_eq!(waited("de principal"), pair("block", &["B014"]));
    assert_eq!(waited("a teacher").0, "warn");
    // A public figure named in one paragraph and seen as a client by first name further on.
    let story = |last: &str| {
        judge(
            &ws,
            &format!(
                "Most folks know Glenna Ferrell as the one who got the water line run up the \
                 hollow.\n\nShe was a nurse for thirty years before she ran for office.\n\nShe \
                 loves her garden and her grandkids.\n\n{last}\n"
            ),
        )
    };
    assert_eq!(
        story("Glenna came to see me for her neck last spring."),
        pair("block", &["B009"])
    );
    assert_eq!(
        story("Glenna will light the tree on Friday at six."),
        pair("pass", &[])
    );
    // "the only lady flying for ...", "who represents us in the state house": one person.
    assert_eq!(
        judge(
            &ws,
            "guess who FINALLY let me get my hands on that neck. the only lady flying for Narrows \
             Air, and she's booked every other week now."
        ),
        pair("block", &["B013"])
    );
    assert_eq!(
        judge(
            &ws,
            "I was talking with one of our clients who represents us in the state house, and she \
             said her low back locks up in committee."
        ),
        pair("block", &["B004"])
    );
    // "rn" in lower case is "right now", not a nurse; "RN" is one.
    assert_eq!(
        judge(&ws, "so tired rn. one of our regulars came in at 6am"),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, "one of our regulars, an RN, came in today").0,
        "warn"
    );
}

#[test]
fn a_job_is_the_story_only_of_a_client_who_may_hold_it() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Cove Road Physio, staff: [Pauline Drakes], population: 5000}
clients:
  - id: B008
    name: Faith Best
    attributes: {occupation: cashier}
    consent:
      - {id: K8, scope: [status, name], channels: [raffle], granted: 2026-07-01, evidence: k8.pdf}
  - id: B019
    name: Sandra Gittens
    attributes: {occupation: nurse}
    consent:
      - {id: K19, scope: [status, name], channels: [raffle], granted: 2026-07-01, evidence: k19.pdf}
  - id: B001
    name: Ricardo Holder
    public_figure: true
    attributes: {occupation: "fast bowler, West Indies"}
"#,
    );
    let draw = |second: &str| {
        judge(
            &ws,
            &format!(
                "---\nchannel: raffle\n---\n1st prize: FAITH BEST. Faith is one of our own \
                 clients, so she knows where to find us!\n\n2nd prize: SANDRA GITTENS. Sandra is \
                 a client of ours too, and {second}.\n"
            ),
        )
    };
    // The club president who drew the tickets is neither the cashier nor the nurse.
    assert_eq!(
        draw("the bucket was shaken by the club president himself"),
        pair("pass", &[])
    );
    // The nurse's job is her story, which her consent does not cover.
    assert_eq!(draw("the best nurse on the ward"), pair("block", &["B019"]));
    // "all our weekend cricketers" is a kind of people, not a famous one.
    assert_eq!(
        judge(
            &ws,
            "What a day at the Oval watching West Indies close out the Test!\n\nA gentle \
             reminder to all our weekend cricketers: your first net session back is not the \
             time to bowl flat out.\n"
        ),
        pair("pass", &[])
    );
}

#[test]
fn a_health_detail_in_a_sentence_naming_clients_is_theirs_only() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Dulce Vida Nutrition, staff: [Yoli Garza], population: 12000}
clients:
  - id: T009
    name: Gordon Lindqvist
    aliases: [Gordy]
  - id: T010
    name: Margaret Lindqvist
    aliases: [Marge]
    consent:
      - {id: K10, scope: [status, name, story], channels: [newsletter], granted: 2026-01-01, evidence: k.pdf}
"#,
    );
    let entry = |gordy: &str, marge: &str| {
        let (verdict, mut clients) = judge(
            &ws,
            &format!(
                "---\nchannel: newsletter\n---\nSome familiar faces are back on our \
                 schedule:\n\n- **Marge and Gordy** made it down from Minnesota. {gordy} \
                 {marge}\n"
            ),
        );
        clients.sort();
        clients.dedup();
        (verdict, clients)
    };
    // Gordy's A1C is his; Marge's consent covers her quilting group.
    assert_eq!(
        entry(
            "Gordy is back in the Diabetes Basics class and says his A1C held steady.",
            "Marge is teaching her quilting group to make agua de jamaica."
        ),
        pair("block", &["T009"])
    );
    // Her own health is hers, and her consent does not cover it.
    assert_eq!(
        entry(
            "Gordy is back in the Tuesday class.",
            "Marge says her A1C held steady all summer."
        ),
        pair("block", &["T009", "T010"])
    );
}

#[test]
fn a_trait_retold_in_other_words_is_its_one_owner() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Laurel Hollow Acupuncture, staff: [Tammy Jo Perdue], population: 2500}
clients:
  - id: W015
    name: Ricky Joe Sizemore
    attributes: {traits: [lime-green Can-Am with a Marshall flag, rides the Hatfield-McCoy trails]}
  - id: W016
    name: Dale Cline
    attributes: {traits: [red Can-Am]}
"#,
    );
    let lost = |what: &str| {
        judge(
            &ws,
            &format!(
                "To whoever owns that {what}, you left your sunglasses on the table after your \
                 knee treatment Thursday!"
            ),
        )
    };
    assert_eq!(
        lost("LIME GREEN Can-Am with the big Marshall flag on the back"),
        pair("block", &["W015"])
    );
    // A Can-Am alone is two clients' and many townspeople's.
    assert_eq!(lost("Can-Am"), pair("warn", &[]));
}

#[test]
fn an_age_is_the_story_only_of_a_client_it_fits() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Dulce Vida Fit, staff: [Jaylen Cantu], population: 12000}
clients:
  - id: T005
    name: Eulalio Rangel
    aliases: [Lalo, Lalo Rangel]
    public_figure: true
    attributes: {occupation: "Tejano singer, frontman of Lalo Rangel y Los Diamantes", age: 46, gender: male}
    consent:
      - {id: K5, scope: [status, name], channels: [social], granted: 2026-01-01, evidence: k5.pdf}
"#,
    );
    // Coach JJ's 25th birthday is not the 46-year-old singer's story, and his band's name
    // is his name, not a description of him.
    assert_eq!(
        judge(
            &ws,
            "We had a surprise visitor at the studio today!\n\nLalo Rangel stopped by this \
             afternoon and sang Las Mañanitas to our very own Coach JJ for his 25th birthday. \
             Gracias, Lalo!\n\nCatch Lalo Rangel y Los Diamantes at the jamaica this Saturday \
             night at 8.\n"
        ),
        pair("pass", &[])
    );
    // His own birthday is his story, which his consent does not cover.
    assert_eq!(
        judge(
            &ws,
            "We had a surprise visitor at the studio today!\n\nLalo Rangel stopped by this \
             afternoon to celebrate his 46th birthday with our 6am crew. Gracias, Lalo!\n"
        )
        .0,
        "block"
    );
}

#[test]
fn two_aliases_finding_the_same_words_are_one_client() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Ridgeback Boxing, staff: [Shan], population: 6000}
clients:
  - id: K008
    name: Ellie-Mae Bell
    aliases: [Ellie-Mae, "Ellie Mae"]
    public_figure: false
"#,
    );
    // "ellie-mae" is found by the name's first words and by both aliases: one client, named.
    assert_eq!(
        judge(
            &ws,
            "get well soon ellie-mae, class wasnt the same without you, her asthma attack gave \
             us all a fright x\n"
        ),
        pair("block", &["K008"])
    );
}

#[test]
fn the_head_of_a_workplace_fits_its_manager_whatever_the_word() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Ridgeback Boxing, staff: [Gaz], population: 6000}
clients:
  - id: F004
    name: Kevin Dunn
    public_figure: false
    attributes: {occupation: "station manager, Kibbleburn fire station", age: 52}
  - id: F005
    name: Lee Charlton
    public_figure: false
    attributes: {occupation: "firefighter, Kibbleburn fire station", age: 31}
"#,
    );
    let post = |who: &str| {
        judge(
            &ws,
            &format!(
                "6am Monday, and who's stood outside the door waiting for me? {who} from \
                 Kibbleburn fire station, who did ten rounds on the heavy bag in my class after \
                 a night shift.\n"
            ),
        )
    };
    // The boss of the station is its station manager, not the firefighter.
    assert_eq!(post("The gaffer"), pair("block", &["F004"]));
    assert_eq!(post("The boss"), pair("block", &["F004"]));
}

#[test]
fn a_donor_named_after_donated_by_is_not_the_winner_beside_them() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Ridgeback Boxing, staff: [Gaz], population: 6000}
clients:
  - id: B019
    name: Barry Tait
    public_figure: false
    consent:
      - {id: K19, scope: [status, name], channels: [raffle], granted: 2025-10-25, expires: 2026-10-25, evidence: k19.pdf}
"#,
    );
    let raffle = |line: &str| {
        judge(
            &ws,
            &format!("---\nchannel: raffle\n---\nWELFARE RAFFLE RESULTS\n\n{line}\n"),
        )
    };
    // The winner, whose raffle consent has run out: "donated by" speaks of the Foundation.
    assert_eq!(
        raffle(
            "1st prize: signed shirt (donated by the Foundation of Light), pink ticket 114, \
             Barry Tait!"
        ),
        pair("block", &["B019"])
    );
    // The donor himself is named in that capacity.
    assert_eq!(
        raffle("1st prize: signed shirt (donated by Barry Tait), pink ticket 114, Janice R!"),
        pair("pass", &[])
    );
}

#[test]
fn a_treatment_told_beside_a_public_capacity_is_a_client_story() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Harbour Light Osteopathy, staff: [Jess, Morwenna], population: 4000}
clients:
  - id: C007
    name: Kerensa Hosking
    public_figure: true
    attributes: {occupation: professional surfer}
"#,
    );
    let news = |more: &str| {
        judge(
            &ws,
            &format!(
                "---\nchannel: newsletter\n---\n**Congratulations!**\n\nA huge well done to \
                 Kerensa Hosking, crowned British women's champion in October.{more}\n"
            ),
        )
    };
    assert_eq!(news(""), pair("pass", &[]));
    assert_eq!(
        news(" She has been working with Jess since her ACL reconstruction last winter."),
        pair("block", &["C007"])
    );
}

#[test]
fn the_county_leading_an_organisation_is_no_cue_for_its_member() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Harbour Light Pilates, staff: [Jess], population: 4000, places: [Kareevlakte]}
clients:
  - id: C020
    name: Ilse du Plessis
    attributes: {affiliations: [Laerskool Kareevlakte]}
  - id: C003
    name: Josh Tregenza
    public_figure: true
    attributes:
      occupation: "professional rugby player, Cornish Pirates fly-half"
      traits: [recurrent hamstring strains, early-morning reformer sessions]
      affiliations: [Cornish Pirates]
  - id: C016
    name: Mark Vivian
    public_figure: false
    attributes:
      occupation: watch manager
      affiliations: [Cornwall Fire and Rescue Service, KBRN 94.3]
"#,
    );
    // "cornwall" is where everyone lives, not the fire officer.
    assert_eq!(
        judge(
            &ws,
            "guess who was on the reformer at 7am 👀 won't say who but a certain pirates no.10 \
             has THE tightest hamstrings in cornwall 😂\n"
        )
        .1,
        vec!["C003".to_owned()]
    );
    // The kind of place before the town's name is the town's one of them.
    assert_eq!(
        judge(
            &ws,
            "Guess who was on my table today: a teacher from the laerskool!\n"
        )
        .1,
        vec!["C020".to_owned()]
    );
    // A call sign is still its own name.
    assert_eq!(
        judge(
            &ws,
            "The morning host at KBRN was on my table again today.\n"
        )
        .1,
        vec!["C016".to_owned()]
    );
}

#[test]
fn a_role_congratulated_on_something_is_news_outside_a_raffle() {
    let ws = with_roster(
        r#"version: 1
practice: {name: GlowHaus Salon, staff: [Temi], population: 40000}
clients:
  - id: N001
    name: Grace Sunday
"#,
    );
    let say = |channel: &str| {
        judge(
            &ws,
            &format!(
                "---\nchannel: {channel}\n---\nCongratulations to the Local Government \
                 Chairman, Hon. Olusegun Ademola-Dada, on commissioning the new Station Road \
                 drainage.\n"
            ),
        )
        .0
    };
    assert_eq!(say("newsletter"), "pass");
    // In a raffle's results, a congratulation announces a winner.
    assert_eq!(say("raffle"), "block");
}

#[test]
fn a_picture_as_a_figure_of_speech_is_no_photo() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Heapside Boxing, staff: [Nic], population: 6000}
clients:
  - id: G028
    name: Gemma Lister
    consent:
      - {id: K28, scope: [status, name, story, health], channels: [blog], granted: 2026-10-01, evidence: k28.pdf}
"#,
    );
    let blog = |end: &str| {
        judge(
            &ws,
            &format!(
                "---\nchannel: blog\n---\nWhen Gemma Lister first came in for her sciatica she \
                 couldn't sit through a film. {end}\n"
            ),
        )
    };
    assert_eq!(
        blog("Massage didn't fix her disc, but it was a useful part of the picture."),
        pair("pass", &[])
    );
    assert_eq!(
        blog("Here's her picture from the finish line!"),
        pair("block", &["G028"])
    );
}

#[test]
fn a_public_figures_club_and_job_are_no_story() {
    let ws = Workspace::new();
    let roster = |public: bool| {
        format!(
            r#"version: 1
practice: {{name: GlowHaus Spa, staff: [Funmi], population: 40000}}
clients:
  - id: N003
    name: Sodiq Adebanjo
    public_figure: {public}
    attributes: {{occupation: "footballer (striker and captain)", affiliations: [Ilowa United FC]}}
    consent:
      - {{id: K3, scope: [status, name], channels: [newsletter], granted: 2026-05-02, evidence: k3.pdf}}
"#
        )
    };
    let post = "---\nchannel: newsletter\n---\nA warm welcome to Ilowa United captain Sodiq \
                Adebanjo, who has been coming to us since May, and has kindly agreed that we can \
                say so.\n";
    ws.write("roster.yaml", &roster(true));
    assert_eq!(judge(&ws, post), pair("pass", &[]));
    // Anyone else's club and job are their story, which the consent does not cover.
    ws.write("roster.yaml", &roster(false));
    assert_eq!(judge(&ws, post), pair("block", &["N003"]));
}

#[test]
fn care_and_treating_are_client_signs() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Harbour Light Osteopathy, staff: [Morwenna], population: 4000}
clients:
  - id: C005
    name: Jamie Penhaligon
    attributes: {occupation: student, age: 19, traits: ["the mayor's only son"]}
  - id: C006
    name: Ambrose Carne
    public_figure: true
    attributes:
      occupation: painter, Royal Academician
      traits: [owns the Carne Gallery on Fore Street, long white beard]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Hi Becky, just a heads-up, in confidence: the mayor's son is still under my care \
             for the collarbone he broke in September.\n"
        ),
        pair("block", &["C005"])
    );
    assert_eq!(
        judge(
            &ws,
            "This autumn we've had the real pleasure of treating a certain celebrated painter \
             whose Fore Street gallery draws the summer crowds, and whose beard rivals Father \
             Christmas's.\n"
        ),
        pair("block", &["C006"])
    );
    // Advice about who should treat what is nobody's visit.
    assert_eq!(
        judge(
            &ws,
            "Thick silvery patches are not something a barber should be treating: see your GP.\n"
        ),
        pair("pass", &[])
    );
}

#[test]
fn a_name_titled_by_its_office_with_no_visit_told_is_its_public_role() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Harbour Light Osteopathy, staff: [Sharon], population: 4000}
clients:
  - id: C001
    name: Kevin Tonkin
    attributes: {occupation: "fisherman; lifeboat coxswain"}
"#,
    );
    let quote = |who: &str| {
        judge(
            &ws,
            &format!(
                "Raffle tickets are on sale now. After October's rescue, {who} told the Packet: \
                 \"Every shout costs money.\"\n"
            ),
        )
    };
    assert_eq!(quote("coxswain Kevin Tonkin"), pair("pass", &[]));
    // Without the office, a client's name alone still wants a look.
    assert_eq!(quote("Kevin Tonkin"), pair("warn", &["C001"]));
}

#[test]
fn a_fond_our_before_a_name_spoken_to_is_still_to_their_face() {
    let ws = with_roster(
        r#"version: 1
practice: {name: GlowHaus Salon, staff: [Blessing], population: 40000}
clients:
  - id: N014
    name: Kemi Fagbemigun
    aliases: [Kemi]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "happy birthday to our Kemi 🎂 enjoy your day dear, cake dey wait for you for shop\n"
        ),
        pair("warn", &["N014"])
    );
}

#[test]
fn a_name_called_by_a_comma_and_spoken_to_is_a_name() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Harbour Light Pilates, staff: [Sharon], population: 4000}
clients:
  - id: C012
    name: Dawn Jewell
  - id: C013
    name: Margaret Oltmanns
    aliases: [Peg]
    public_figure: true
    attributes: {occupation: state senator}
"#,
    );
    // "Dawn" is also a word, but not here.
    assert_eq!(
        judge(
            &ws,
            "Dawn, if you're reading this my lover, you left your brolly here Thursday!\n"
        ),
        pair("warn", &["C012"])
    );
    assert_eq!(
        judge(&ws, "Dawn, the best time of day for a walk on the Quay.\n"),
        pair("pass", &[])
    );
    // The name warns; the description around it still blocks.
    let (verdict, mut ids) = judge(
        &ws,
        "Now that special session is over, a certain state senator finally made it in for her \
         90 minutes!!\n\nPeg, you know I'm proud of you, but the Capitol is NOT good for your \
         neck!!\n",
    );
    ids.dedup();
    assert_eq!((verdict, ids), pair("block", &["C013"]));
}

#[test]
fn a_name_cried_out_and_spoken_to_is_a_name() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Spinifex Physio, staff: [Megan], population: 6000}
clients:
  - id: C001
    name: Josh Teale
  - id: C002
    name: Katie Moran
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "katie!! 🙌 saw you and that little nugget on the rail trail this morning\n"
        ),
        pair("warn", &["C002"])
    );
    assert_eq!(
        judge(
            &ws,
            "josh if ur reading this 👀 the stretches only work if u do them\n"
        ),
        pair("warn", &["C001"])
    );
    // Cried out, but nobody is spoken to; and "josh" not followed by a reader.
    assert_eq!(
        judge(&ws, "Katie! What a storm last night.\n"),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, "josh if you like, the pool opens at six\n"),
        pair("pass", &[])
    );
}

#[test]
fn a_couples_surname_and_a_quoted_nickname_complete_a_full_name() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Wild Clover Birth, staff: [Hannah], population: 2500}
clients:
  - id: C001
    name: Kayla Dimick
  - id: C002
    name: Jorge Longoria Treviño
  - id: C003
    name: Mary Ann Smith
  - id: C004
    name: Xiomara Santiago Lugo
    aliases: [Xio]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Kayla and Matt Dimick welcomed their second daughter at home last Tuesday.\n"
        ),
        pair("block", &["C001"])
    );
    assert_eq!(
        judge(
            &ws,
            "Jorge \"Güero\" Longoria has been coming to see us since 2014.\n"
        ),
        pair("block", &["C002"])
    );
    // With two surnames, the first is the one a town uses.
    assert_eq!(
        judge(&ws, "Jorge Longoria was in for his back this week.\n"),
        pair("block", &["C002"])
    );
    // A middle name is not a surname.
    assert_eq!(
        judge(&ws, "Mary Ann and the kids loved the pool party.\n"),
        pair("pass", &[])
    );
    // "Santiago" is a given name too, but more often a surname; a nickname takes it as well.
    for post in [
        "Xiomara Santiago has been coming to see us since 2014.\n",
        "Xio Santiago has been coming to see us since 2014.\n",
    ] {
        assert_eq!(judge(&ws, post), pair("block", &["C004"]), "{post}");
    }
}

#[test]
fn the_mayors_son_is_a_private_person_known_through_a_famous_one() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Spinifex Physio, staff: [Megan, Dr. C], population: 6000}
clients:
  - id: C001
    name: Joan Ashdown
    attributes: {age: 78, traits: [red mobility scooter, talking galah named Reg]}
  - id: C002
    name: Connor Kilgallon
    attributes: {age: 19, traits: [son of the shire president, motocross]}
  - id: C003
    name: Lalo Montemayor
    attributes: {age: 20, traits: [son of the mayor, college pitcher]}
  - id: C004
    name: Edna Pruitt
    attributes: {age: 98}
  - id: C005
    name: Walt Greer
    attributes: {traits: [golf cart]}
  - id: C006
    name: Kit Alcoseba
    attributes: {affiliations: [U20s]}
"#,
    );
    // A staff member at work on him is the sign, sentences away from the description.
    assert_eq!(
        judge(
            &ws,
            "Look who's home for Thanksgiving 😄 the mayor's youngest, back from college and \
             still throwing bullpens every day!\nDr. C had to remind him that ice is free and \
             his elbow is not 😂\n"
        ),
        pair("block", &["C003"])
    );
    // Two paragraphs, two people: each description is its own.
    let (verdict, mut ids) = judge(
        &ws,
        "Highlight was our favourite 78 year old pulling up on her red scooter with Reg the \
         galah on her shoulder.\n\nAlso get well vibes to the shire president's young fella who \
         came a cropper at the motocross track on Sunday, broken collarbone. He's in good hands \
         with Megan.\n",
    );
    ids.sort();
    ids.dedup();
    assert_eq!((verdict, ids), pair("block", &["C001", "C002"]));
    // A paragraph that goes on about "her" is the same person's.
    let (verdict, mut ids) = judge(
        &ws,
        "One of our patients turns NINETY-NINE this month!!\n\nBorn in '27, she still drives \
         her own golf cart to every appointment.\n",
    );
    ids.dedup();
    assert_eq!(verdict, "block");
    assert_eq!(
        ids.len(),
        1,
        "one person, told over two paragraphs: {ids:?}"
    );
    // Two of a squad are a group; one of them is someone.
    assert_eq!(
        judge(
            &ws,
            "Two of the U20s came in with rolled ankles from the fundraiser.\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "One of the U20s came in with a rolled ankle from the fundraiser.\n"
        )
        .0,
        "warn"
    );
    // Without a health detail, the mayor's daughter congratulated is news, and Megan's pride
    // is no sign.
    assert_eq!(
        judge(
            &ws,
            "Congrats to the mayor's daughter on her graduation this week!\nMegan is so proud of \
             her.\n"
        ),
        pair("pass", &[])
    );
}

#[test]
fn the_readers_knees_staff_cheering_and_a_baby_bouncer_are_no_client() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Wild Clover, staff: [Deb, Rosie, Hannah], population: 2500}
clients:
  - id: C001
    name: Lise Marchand
    public_figure: true
    attributes: {occupation: World Cup ski racer}
  - id: C002
    name: Nena Lapitan
    aliases: [Kap Nena]
    attributes: {occupation: barangay captain of Lantawan}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "## Tip of the month\nIf the weatherman calls a frost, cover your lemons and your \
             knees.\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "THE WHOLE OFFICE IS STREAMING THE SLALOM 📺\nGO LISE!!! 🔥\nDeb brought donuts, \
             Rosie is yelling at the TV, and Hannah is \"doing paperwork\".\n"
        ),
        pair("pass", &[])
    );
    assert_ne!(
        judge(
            &ws,
            "We put the baby in the bouncer and she was out cold on my table in four minutes.\n"
        )
        .0,
        "block"
    );
    // A trade's complaint hashtag under a story about a client.
    assert_eq!(
        judge(
            &ws,
            "when a client forgets their wallet for the 4th time in a row 🙃\nbabe. i have seen \
             the new boat.\nlove u but pls #massagetherapistproblems\n"
        ),
        pair("warn", &[])
    );
    // "Kap" is a barangay captain.
    assert_eq!(
        judge(
            &ws,
            "Even our Kap from Lantawan sneaks in for a Friday hilot after her council session.\n"
        ),
        pair("block", &["C002"])
    );
}

#[test]
fn a_trades_service_is_not_someone_in_the_trade() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Wild Clover, staff: [Hannah], population: 2500}
clients:
  - id: C001
    name: Kelsey Ober
    attributes: {age: 16}
"#,
    );
    // The doula package is the practice's; the 16-year-old mom supported through her birth is
    // someone.
    assert_eq!(
        judge(
            &ws,
            "We supported a 16-year-old mom through her birth this fall. For teen parents we \
             can bring the cost of the full doula package down.\n"
        ),
        pair("warn", &["C001"])
    );
}

#[test]
fn whoever_draws_the_raffle_does_it_in_a_public_capacity() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Wild Clover, staff: [Deb], population: 2500}
clients:
  - id: C001
    name: Tara Boucher
    aliases: [Chief Boucher]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "---\nchannel: raffle\n---\nWhat a morning at the Grange! Chief Boucher drew the \
             tickets out of a boot, as is tradition.\nThe winner of the quilt is Sam Ortiz of \
             Halloway. Thank you all for coming!\n"
        ),
        pair("pass", &[])
    );
}

#[test]
fn a_photo_refused_or_of_a_thing_is_no_photo_of_the_client() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Gentle Tides, staff: [Renee], population: 8000}
clients:
  - id: C001
    name: Eleanor Whitcomb
    consent:
      - {id: K-1, scope: [status, name, story], channels: [email], granted: 2026-01-01, evidence: k1.pdf}
"#,
    );
    let email = |photo: &str| {
        format!(
            "---\nchannel: email\n---\nHi Deb, here is the piece on Eleanor Whitcomb, who \
             worked with us after her fall. {photo}\n"
        )
    };
    assert_eq!(
        judge(
            &ws,
            &email("The only photo attached is our van at the fair.")
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            &email("She'd rather not have her picture in the paper.")
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, &email("Her photo is attached.")),
        pair("block", &["C001"])
    );
}

#[test]
fn the_readers_cart_and_a_count_of_brides_describe_nobody() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Gentle Tides, staff: [Patty], population: 8000}
clients:
  - id: C001
    name: Theodora Graziano
    attributes: {age: 85, traits: [hot-pink golf cart with flamingo decals]}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Please do not stand on your golf cart seat to see the TV. Nobody needs a new hip \
             for Christmas!\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "Wedding season by the numbers: 61 brides, 44 henna nights. To every bride who \
             trusted us with her day: thank you for trusting us!\n"
        ),
        pair("pass", &[])
    );
    // Her own cart, told in other words and in parts, with her standing slot.
    assert_eq!(
        judge(
            &ws,
            "If you've seen a hot pink golf cart with flamingo decals zooming around... that's \
             my wednesday 2:00 💕 she's 85 and proud of it\n"
        ),
        pair("block", &["C001"])
    );
}

#[test]
fn a_car_in_our_lot_and_a_staff_member_at_work_are_client_signs() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Breaker Boy Boxing, staff: [Dee, Marcus], population: 4500}
clients:
  - id: C001
    name: Lorraine Mrozek
    attributes: {traits: [purple Jeep Wrangler with DART QUEEN plate]}
  - id: C002
    name: Evelyn Roarke
    attributes: {age: 87}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Whoever has the purple Jeep Wrangler with the DART QUEEN plate in our back lot, \
             your lights are on, hon!!\n"
        ),
        pair("block", &["C001"])
    );
    // The staff member is working on the mayor's mom, not being the mayor.
    assert_eq!(
        judge(
            &ws,
            "Our Marcus has been working with the mayor's mom on her balance ever since her \
             fall, and on Saturday she walked the whole parade route!\n"
        )
        .0,
        "block"
    );
}

#[test]
fn a_session_told_by_its_length_and_a_caseload_are_client_signs() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Gentle Tides, staff: [Jolene, Renee], population: 8000}
clients:
  - id: C001
    name: Charles Tandy
    aliases: ["Stormy Chuck"]
    public_figure: true
  - id: C002
    name: Ray Delgado
    attributes: {occupation: fire chief}
  - id: C003
    name: Ethel Wojciechowski
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "guess who got a tune-up today?? none other than STORMY CHUCK himself!!!\n\n90 min \
             of deep tissue out on his lanai and his shoulders loved it\n"
        ),
        pair("block", &["C001"])
    );
    assert_eq!(
        judge(
            &ws,
            "This fall I've had everyone from retired bricklayers to our own fire chief in my \
             caseload with the same low-back strain.\n"
        ),
        pair("block", &["C002"])
    );
    assert_eq!(
        judge(
            &ws,
            "Ethel Wojciechowski brought a tray of pierogi to the office today as a thank-you \
             for getting her shower bench and grab bars put in!\n"
        ),
        pair("block", &["C003"])
    );
}

#[test]
fn title_and_initial_is_no_run_together_name_and_rescheduling_is_gossip() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Gentle Tides, staff: [Patty], population: 8000}
clients:
  - id: C001
    name: Walter Szczepanik
    aliases: ["Mr. S"]
"#,
    );
    // "Mrs" is not "Mr. S" run together.
    assert_eq!(
        judge(
            &ws,
            "A certain Mrs. P has rescheduled ELEVEN times since Labor Day. See you Tuesday, \
             maybe!\n~ Patty\n"
        ),
        pair("warn", &[])
    );
    assert_eq!(
        judge(&ws, "Happy birthday #MrS from all of us!\n").0,
        "pass"
    );
}

#[test]
fn a_district_board_member_and_some_of_a_choir() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Gentle Tides, staff: [Patty], population: 8000}
clients:
  - id: C001
    name: Morag Macleod
    attributes: {affiliations: [Còisir Sgarasaigh]}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "One of our clients who serves on a CDD board tells me the courts open after New \
             Year's.\n"
        )
        .0,
        "warn"
    );
    assert_eq!(
        judge(
            &ws,
            "Some of the Còisir Sgarasaigh ladies were in with us before heading off to the Mòd \
             — nails, tans and brows all round!\n"
        ),
        pair("pass", &[])
    );
}

#[test]
fn a_famous_clients_public_work_and_a_winners_words_are_no_story() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Sgathan, staff: [Eilidh], population: 2500}
clients:
  - id: C001
    name: Ceit MacNeil
    public_figure: true
    attributes: {occupation: Gaelic singer and BBC Alba presenter, affiliations: [BBC Alba]}
    consent:
      - {id: K-1, scope: [status, name], channels: [newsletter, raffle], granted: 2026-01-10, evidence: k1.pdf}
  - id: C002
    name: Joy Matheson
    consent:
      - {id: K-2, scope: [status, name], channels: [raffle], granted: 2026-01-10, evidence: k2.pdf}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "---\nchannel: newsletter\n---\nWe're delighted that Ceit MacNeil has said we can tell \
             you she's one of our clients. Her new series starts on BBC Alba in January!\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "---\nchannel: raffle\n---\nThe pamper voucher goes to Joy Matheson! Joy's one of \
             our regulars, and she says she's saving it for Hogmanay.\n"
        ),
        pair("pass", &[])
    );
    // A health detail is still beyond her consent.
    assert_eq!(
        judge(
            &ws,
            "---\nchannel: raffle\n---\nThe pamper voucher goes to Joy Matheson! Joy's one of \
             our regulars since her hip replacement.\n"
        ),
        pair("block", &["C002"])
    );
}

#[test]
fn places_greetings_and_things_that_are_first_names() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Henna and Honey, staff: [Rasha, Mairi], population: 15000}
clients:
  - id: C001
    name: Skye Macritchie
  - id: C002
    name: Salam Hamood
  - id: C003
    name: Rose Jarbo
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "off to skye this weekend for my cousin's wedding! salon's in good hands with mairi \
             🫶\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "Sabah el kheir ya banat! Salam alaikum to everyone. A tip I give every lady in my \
             chair: Rose water is your best friend.\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, "Salam was in my chair today for her brows!\n"),
        pair("block", &["C002"])
    );
}

#[test]
fn a_social_title_and_a_surname_shared_by_clients_warns() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Sgathan, staff: [Mairi Ann], population: 2500}
clients:
  - id: C001
    name: Peigi MacLeod
    aliases: ["Mrs MacLeod"]
    attributes: {gender: female}
  - id: C002
    name: Dolina MacLeod
    attributes: {gender: female}
  - id: C003
    name: Murdo Macaulay
    aliases: ["Rev. Macaulay"]
  - id: C004
    name: Seonag Macaulay
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Nothing beats a Tuesday when Mrs MacLeod arrives with a clootie dumpling. She's been \
             coming to us since the day we opened.\n"
        ),
        pair("warn", &["C001"])
    );
    // A title of office is one person.
    assert_eq!(
        judge(
            &ws,
            "Rev. Macaulay has been coming to us since the day we opened.\n"
        )
        .0,
        "block"
    );
}

#[test]
fn a_call_out_with_a_clients_car_and_a_henna_night_for_the_mayors_daughter() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Henna and Honey, staff: [Asma, Zee], population: 15000}
clients:
  - id: C001
    name: Amal Ghazzawi
    attributes: {traits: [drives a lime green Bronco, parks in the fire lane]}
  - id: C002
    name: Nour Tarabishi
    attributes: {age: 24}
"#,
    );
    // The call-out is to a client's face, and the car is hers.
    assert_eq!(
        judge(
            &ws,
            "PSA 🙃 To the lady with the lime green Bronco who parks across our fire lane: \
             that's your THIRD no-show this month.\n"
        ),
        pair("block", &["C001"])
    );
    // Six hours of henna is a session; the mayor's daughter is one person.
    assert_eq!(
        judge(
            &ws,
            "henna night for the mayor's daughter 🥹 asma did 6 hours of henna (hands AND \
             feet) and i did brows\n"
        )
        .0,
        "block"
    );
    assert_eq!(
        judge(
            &ws,
            "Not saying WHO 🤐 but a certain lady who represents our district up in Lansing came \
             in last night for brows\n"
        )
        .0,
        "block"
    );
}

#[test]
fn a_name_spoken_to_after_a_description_of_the_same_client_blocks() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Chute Nine, staff: [Renata], population: 4000}
clients:
  - id: C001
    name: Vern Oakes
    aliases: [Chief]
    attributes: {occupation: fire chief}
"#,
    );
    // The description in the paragraph before says who "Chief" is.
    assert_eq!(
        judge(
            &ws,
            "A big THANK YOU to the fire chief.\n\nAfter three days on the grass fire he came in \
             here barely able to lift his arms. Chief, you hold this town together.\n"
        ),
        pair("block", &["C001"])
    );
    // Spoken to with nothing else, the name only says someone was here.
    assert_eq!(
        judge(
            &ws,
            "Chief, you hold this town together. Thanks for the doughnuts!\n"
        )
        .0,
        "warn"
    );
}

#[test]
fn the_only_one_on_the_island_a_weekly_habit_and_ages_written_short() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Gebla Physio, staff: [Kylie], population: 4300, places: ["Ta' Gebla"]}
clients:
  - id: C001
    name: Emanuel Grech
    attributes: {age: 72, traits: [drives the only Holden ute on Gozo]}
  - id: C002
    name: Ray Attard
    attributes: {occupation: radio presenter, affiliations: [Gebla FM]}
  - id: C003
    name: Eugenia Barksdale
    attributes: {age: 91}
"#,
    );
    // "The only" says there is one; the island it is one of a kind on names no one.
    assert_eq!(
        judge(
            &ws,
            "shoutout to the aussie legend who rocks up every tuesday in the only holden ute on \
             the island\n"
        ),
        pair("block", &["C001"])
    );
    assert_eq!(
        judge(&ws, "Gozo is gorgeous this time of year, come and visit!\n").0,
        "pass"
    );
    // The town's radio is not the practice's own programme for sharing the town's name.
    assert_eq!(
        judge(
            &ws,
            "guess whose shoulders were on my table today 👀 he wakes us all up on gebla fm\n"
        )
        .1,
        ["C002"]
    );
    assert_eq!(
        judge(
            &ws,
            "our 91 y/o client just held a plank longer than me. i'm retiring.\n"
        ),
        pair("warn", &["C003"])
    );
    // An age said to anyone is no one's.
    assert_eq!(
        judge(
            &ws,
            "We will call you sweetheart whether you are 20 or 80. Walk-ins welcome!\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_name_given_to_an_animal_is_the_animals_all_through_the_draft() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Chute Nine, staff: [Kaycee Doyle], population: 4000}
clients:
  - id: C001
    name: Dolly Etcheverry
    attributes: {age: 84}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Kaycee and her mare **Dolly** placed third at the barrel race. She would like \
             everyone to know Dolly did all the work, and she's been in for a massage since.\n"
        )
        .0,
        "pass"
    );
    // Without the mare, Dolly is a person who came in.
    assert_eq!(
        judge(
            &ws,
            "Dolly came in for a massage today and says hi to everyone at the barrel race.\n"
        )
        .1,
        ["C001"]
    );
}

#[test]
fn a_name_cried_out_alone_or_with_its_slot_then_spoken_to() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Gateside Chiropractic, staff: [Kayleigh], population: 9000}
clients:
  - id: C001
    name: Ashley Ruiz
  - id: C002
    name: Mike Delgado
  - id: C003
    name: Dennis Dunn
    aliases: [Senior Chief Dunn]
    consent:
      - {id: K-1, scope: [status, name], channels: [social], granted: 2026-01-01, evidence: k1.pdf}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "ASHLEY. Your sunglasses are still at the front desk 😎 come get em\n"
        ),
        pair("warn", &["C001"])
    );
    assert_eq!(
        judge(
            &ws,
            "MIKE from Thursday afternoon!! 🔑 You left your truck keys in massage room 2.\n"
        ),
        pair("warn", &["C002"])
    );
    // A name and a status consent do not cover the spasm told with them.
    assert_eq!(
        judge(
            &ws,
            "senior chief dunn piped the whole change of command and came straight to me after. \
             lower back was in full spasm\n"
        ),
        pair("block", &["C003"])
    );
    // A call-out with an honorific.
    assert_eq!(
        judge(
            &ws,
            "To the aunty ji who told the whole WhatsApp group her threading hurt more than her \
             c-section 😂 and then booked again for Friday\n"
        )
        .0,
        "warn"
    );
}

#[test]
fn a_months_days_a_seminars_town_and_a_reply_that_keeps_care_private_pass() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Gateside Chiropractic, staff: [Kayleigh, Tonya], population: 9000}
clients:
  - id: C001
    name: April Mercer
  - id: C002
    name: Savannah Pike
"#,
    );
    // "12" is the day, not April's age; Savannah is where the seminar is.
    assert_eq!(
        judge(
            &ws,
            "- **April 12–16** Dr. C is at a continuing-ed seminar in Savannah 🌳 Kayleigh and \
             our massage room are open all week\n"
        )
        .0,
        "pass"
    );
    assert_eq!(
        judge(
            &ws,
            "Reply to a Google review (★★☆☆☆)\n\nWe're sorry your visit did not meet your \
             expectations. To protect everyone's privacy, we never discuss anyone's care online, \
             not even to confirm whether someone has visited us. Please call Tonya.\n"
        )
        .0,
        "pass"
    );
    // A reply that tells the visit back still warns.
    assert_eq!(
        judge(
            &ws,
            "Reply to a Google review (★★☆☆☆)\n\nWe're sorry your visit was frustrating: your \
             Saturday appointment started 25 minutes late.\n"
        )
        .0,
        "warn"
    );
}

#[test]
fn a_month_before_its_calendar_word_is_the_month() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Gebla Physio, staff: [Kylie], population: 4300}
clients:
  - id: C001
    name: June Farrugia
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "also who said june bookings are open already?? bc they are lol\n"
        )
        .0,
        "pass"
    );
    assert_eq!(
        judge(&ws, "june came in for her massage today and booked again\n").1,
        ["C001"]
    );
}

#[test]
fn a_morning_host_named_by_the_show_in_quotes_and_one_of_ours() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Chute Nine, staff: [Darla], population: 4000}
clients:
  - id: C001
    name: Jim Pettibone
    public_figure: true
    attributes: {occupation: "host of the morning show \"Sunup Roundup\" on KLTG 1340 AM"}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "If you caught the Sunup Roundup this morning and heard a certain morning host \
             griping on air about his stiff neck... Yep, he's one of ours.\n"
        ),
        pair("block", &["C001"])
    );
    // The show alone, with no client sign, is the radio.
    assert_eq!(
        judge(
            &ws,
            "Tune in to the Sunup Roundup on Thursday to hear Renata!\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_stated_age_fits_only_that_age_a_birthday_the_year_before() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Desert Comfort, staff: [Lupe], population: 3000}
clients:
  - id: C001
    name: Gilberto Navarrete
    attributes: {age: 93}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "pov: your 94 y/o client spends the entire hour telling you about his navy days\n"
        ),
        pair("warn", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "our favourite client turns 94 on Sunday and is still coming in every week!\n"
        )
        .1,
        ["C001"]
    );
}

#[test]
fn a_testimonials_sign_off_his_later_health_and_an_alias_without_its_hyphen() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Chute Nine, staff: [Renata, Kaycee], population: 4000}
clients:
  - id: C001
    name: June Baxter
    consent:
      - {id: K-1, scope: [status, name, story], channels: [social], granted: 2026-01-01, evidence: k1.pdf}
  - id: C002
    name: Thaddeus Okafor
    aliases: [Thad]
  - id: C003
    name: Guzeppi Grech
    aliases: ["Żeppi tal-Baker"]
"#,
    );
    // The quote above the sign-off is hers, and its hip replacement is health.
    assert_eq!(
        judge(
            &ws,
            "CLIENT TESTIMONIAL\n\n\"After my hip replacement I didn't think I'd stand through a \
             whole Sunday in the choir loft again. Renata got me walking without my cane.\"\n\n\
             — June Baxter, Latigo\n"
        ),
        pair("block", &["C001"])
    );
    // Without health, the consent covers her story.
    assert_eq!(
        judge(
            &ws,
            "CLIENT TESTIMONIAL\n\n\"Kaycee's massages are the best hour of my week.\"\n\n— June \
             Baxter, Latigo\n"
        )
        .0,
        "pass"
    );
    assert_eq!(
        judge(
            &ws,
            "thad says the band is ready for state finals and after 3 weeks of work so is his \
             rotator cuff\n"
        ),
        pair("block", &["C002"])
    );
    assert_eq!(
        judge(
            &ws,
            "Get well soon Zeppi tal Baker!! See you Thursday for your session!!\n"
        ),
        pair("block", &["C003"])
    );
}

#[test]
fn a_full_name_spelled_another_way_is_still_the_client() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Gebla Physio, staff: [Kylie], population: 4300}
clients:
  - id: C001
    name: Victoria Pace
    aliases: [Vicky Pace]
  - id: C003
    name: Travis Lindqvist
    aliases: [Tuff Lindqvist]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "vikki pace ur an absolute QUEEN 👑 3 sessions n that neck is brand new\n"
        ),
        pair("block", &["C001"])
    );
    assert_eq!(
        judge(
            &ws,
            "![kaycee and tuff in the treatment room, knee taped up](x.jpg)\n\ntuff lindquist you \
             are BUILT different\n"
        ),
        pair("block", &["C003"])
    );
    // The first name alone spelled another way is nobody in particular.
    assert_eq!(judge(&ws, "vikki says hi to everyone!\n").0, "pass");
}

#[test]
fn a_spelling_variant_that_is_another_clients_name_is_theirs() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Gebla Physio, staff: [Kylie], population: 4300}
clients:
  - id: C001
    name: Mary Jones
  - id: C002
    name: Marie Jones
"#,
    );
    assert_eq!(
        judge(&ws, "Marie Jones came in for her massage today!\n"),
        pair("block", &["C002"])
    );
}

#[test]
fn a_name_typed_without_its_icelandic_letters_is_the_client() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Laugin Physio, staff: [Disa], population: 2200}
clients:
  - id: C001
    name: Þröstur Sigurðsson
    aliases: [Þröstur]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Throstur tells me his shoulder hasnt felt this good since Disa started working on it\n"
        ),
        pair("block", &["C001"])
    );
    assert_eq!(
        judge(&ws, "THROSTUR SIGURDSSON came in for his shoulder today\n"),
        pair("block", &["C001"])
    );
}

#[test]
fn it_must_be_wednesday_is_a_regulars_habit() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Laugin Physio, staff: [Disa], population: 2200}
clients:
  - id: C001
    name: Tobba Kvaran
    attributes:
      age: 71
      traits: [mint-green 1974 Volvo Amazon]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "the mint green volvo amazon is parked outside so it must be wednesday 💚 71 years \
             old and still working\n"
        ),
        pair("block", &["C001"])
    );
    // The same car with no sign of a visit is a car.
    assert_eq!(
        judge(
            &ws,
            "the mint green volvo amazon is parked outside the bakery 💚 71 years old and still \
             running\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_job_that_does_something_to_the_client_is_not_the_client() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Laugin Physio, staff: [Disa], population: 2200}
clients:
  - id: C001
    name: Mary Jones
"#,
    );
    for text in [
        "The surgeon's team gave her a very good plan, and she stuck to it.\n",
        "The surgeon referred her to us in May.\n",
    ] {
        assert_eq!(judge(&ws, text).0, "pass", "{text}");
    }
    // The job of the one who came in still describes them.
    assert_eq!(
        judge(&ws, "The surgeon came in for a massage today.\n").0,
        "block"
    );
}

#[test]
fn a_later_mention_that_says_more_than_the_full_name_is_reported() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Laugin Physio, staff: [Disa, Hulda], population: 2200}
clients:
  - id: C001
    name: Jón Sigurðsson
    aliases: [Nonni]
"#,
    );
    let review = "> ★★★★★ **Jón Sigurðsson**: \"Best massage in the Westfjords.\"\n\n\
                  **Laugin replied:**\n\n";
    assert_eq!(
        judge(
            &ws,
            &format!(
                "{review}Takk Nonni!! So glad the shoulder is back in action after your fall.\n"
            )
        ),
        // Both mentions are his: the reviewer's name warns, the reply's blocks.
        pair("block", &["C001", "C001"])
    );
    assert_eq!(
        judge(
            &ws,
            &format!("{review}Takk kærlega, see you at the pool!\n")
        )
        .0,
        "warn"
    );
    // Refusing to discuss him says nothing more.
    assert_eq!(
        judge(
            &ws,
            "Re: your feature on Jón Sigurðsson\n\nWe never confirm or discuss who we treat, so \
             I can't help with your questions about Nonni's shoulder.\n"
        )
        .0,
        "warn"
    );
}

#[test]
fn a_rare_name_several_clients_share_warns_and_names_each_candidate() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Laugin Physio, staff: [Kari], population: 2200}
clients:
  - id: C001
    name: Sigurður Jónsson
    aliases: [Siggi]
  - id: C002
    name: Sigurður Pálsson
    aliases: [Siggi]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "siggi fell asleep 10 min into his session and snored 😂\n"
        ),
        pair("warn", &["C001", "C002"])
    );
    // Named on his own once in the draft, the name is his.
    assert_eq!(
        judge(
            &ws,
            "Sigurður Pálsson says hi! siggi fell asleep 10 min into his session 😂\n"
        )
        .1,
        ["C002"]
    );
    // One of them told apart by his full name is him.
    assert_eq!(
        judge(
            &ws,
            "Sigurður Pálsson fell asleep in his session today 😂\n"
        ),
        pair("block", &["C002"])
    );
    // "Sue on my table": a word that starts a sentence, then a visit, is someone.
    let ws = with_roster(
        r#"version: 1
practice: {name: Loyly House, staff: [Liisa], population: 4500}
clients:
  - id: S1
    name: Sue Maki
  - id: S2
    name: Sue Lahti
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Sue on my table this mornin' swore the Portage will be froze by Christmas.\n"
        ),
        pair("warn", &["S1", "S2"])
    );
    assert_eq!(
        judge(&ws, "Sue us if the Portage is not froze by Christmas.\n").0,
        "pass"
    );
}

#[test]
fn a_full_name_of_common_words_in_lower_case_is_the_words() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Harbour Physio, staff: [Dana], population: 6000}
clients:
  - id: C1
    name: Summer Deal
  - id: C2
    name: Walt Okafor
    aliases: [the fire chief]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "The summer deal on recovery boots is back! Book your session by Friday.\n"
        )
        .0,
        "pass"
    );
    // Written as a name, it is her.
    assert_eq!(
        judge(&ws, "Summer Deal was on my table this morning.\n"),
        pair("block", &["C1"])
    );
    // An alias is a description written in lower case on purpose.
    assert_eq!(
        judge(&ws, "The fire chief was on my table this morning.\n"),
        pair("block", &["C2"])
    );
}

#[test]
fn a_famous_guest_is_a_public_figure_wink() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Laugin Physio, staff: [Kari], population: 2200}
clients: []
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "we had a FAMOUS guest this week!! The man who reads the evening news came down to us \
             with a stiff neck\n"
        )
        .0,
        "block"
    );
    assert_eq!(
        judge(&ws, "Watch the evening news tonight: our pool is on it!\n").0,
        "pass"
    );
    assert_eq!(
        judge(
            &ws,
            "not saying much 🤐 but a certain gospel queen was on my table last night before her \
             concert\n"
        )
        .0,
        "block"
    );
}

#[test]
fn a_staff_name_that_only_says_who_writes_is_not_at_work() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Laugin Physio, staff: [Hulda Rós], population: 2200}
clients:
  - id: C001
    name: Helga Björk
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "- Advent service: the choir is led by Helga Björk (*my big sister, so I am allowed \
             to brag* – Hulda Rós).\n"
        ),
        pair("warn", &["C001"])
    );
    assert_eq!(
        judge(
            &ws,
            "Helga Björk was in with Hulda Rós today for her shoulder.\n"
        ),
        pair("block", &["C001"])
    );
    // The writer introducing herself is not at work on anyone either ...
    assert_eq!(
        judge(
            &ws,
            "Hæ everyone, Hulda Rós here! The pool closes at 16:00 (not Helga's boat, the storm)\n"
        )
        .0,
        "pass"
    );
    // ... nor the one a story is about.
    assert_eq!(
        judge(
            &ws,
            "Hulda Rós here from the pool desk 👋 A certain member of the choir who shall remain \
             nameless has spent the week on our table regretting it\n"
        )
        .0,
        "warn"
    );
}

#[test]
fn a_newspaper_editor_is_a_journalist() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Laugin Physio, staff: [Birta], population: 2200}
clients:
  - id: C001
    name: Bára Kristinsdóttir
    public_figure: true
    attributes:
      occupation: editor of Eyrarpósturinn
      affiliations: [Eyrarpósturinn]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Guess which local journalist fell asleep on Birta's table 😂 just dont put it in \
             Eyrarpósturinn!!\n"
        ),
        pair("block", &["C001"])
    );
}

#[test]
fn a_name_given_to_a_statue_or_a_boat_is_the_thing() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Laugin Physio, staff: [Kari], population: 2200}
clients:
  - id: C001
    name: Jón Sigurðsson
"#,
    );
    for text in [
        "Whoever put a Santa hat on Jón Sigurðsson (the statue!!) down by the harbour: well played\n",
        "Whoever put a Santa hat on the statue of Jón Sigurðsson: well played\n",
        "The trawler Jón Sigurðsson came in at dawn with a full hold\n",
        "Raffle winners! Third prize: a fish feast for 4 at Jón Sigurðsson's. Congratulations!\n",
    ] {
        assert_eq!(judge(&ws, text).0, "pass", "{text}");
    }
    assert_eq!(
        judge(
            &ws,
            "Jón Sigurðsson came in for his shoulder by the statue\n"
        ),
        pair("block", &["C001"])
    );
}

#[test]
fn a_pacemaker_at_a_race_sets_the_pace() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Mlima Physio, staff: [Brian], population: 15000}
clients:
  - id: C001
    name: Baraka Kiptoo
    aliases: ["@baraka_pacer"]
    consent:
      - {id: K1, scope: [status, name, story], channels: [social], granted: 2026-01-05, evidence: k1.pdf}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "@baraka_pacer held the 2:06 group to 30k, then a flush on my table\n\n#pacemaker\n"
        )
        .0,
        "pass"
    );
    assert_eq!(
        judge(
            &ws,
            "@baraka_pacer was on my table today, first time since he got a pacemaker\n"
        ),
        pair("block", &["C001"])
    );
}

#[test]
fn a_teams_season_tickets_are_a_prize_not_a_story() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Stadium View Physio, staff: [Tammy], population: 30000}
clients:
  - id: C001
    name: April Stone
    consent:
      - {id: K-1, scope: [status, name], channels: [raffle], granted: 2026-01-01, evidence: k1.pdf}
"#,
    );
    let draft = |prize: &str| {
        format!(
            "---\nchannel: raffle\n---\nCongratulations to **APRIL STONE**, winner of our raffle!\n\n\
             April, {prize} are waiting for you at the front desk.\n"
        )
    };
    assert_eq!(
        judge(&ws, &draft("your two Dolphins season tickets")).0,
        "pass"
    );
    // Her own place on the team is something about her.
    assert_eq!(
        judge(&ws, &draft("as the Dolphins' new kicker, your two tickets")).0,
        "block"
    );
}

#[test]
fn the_drum_major_is_one_of_a_kind() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Stadium View Physio, staff: [Marcus], population: 30000}
clients:
  - id: C001
    name: April Stone
    attributes:
      occupation: "student, drum major of the Marching Hawks"
      affiliations: [Marching Hawks]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Shoutout to our drum major for powering through Homecoming Week with those shin \
             splints!! So proud watching her lead the Marching Hawks onto the field\n"
        ),
        pair("block", &["C001"])
    );
}

#[test]
fn a_practice_is_also_called_by_its_name_without_its_tagline() {
    let ws = with_roster(
        r#"version: 1
practice: {name: "Salon Rosa — Hair & Massage", staff: [Jola Wrona], population: 9000}
clients:
  - id: C001
    name: Rosa Kowalczyk
"#,
    );
    let draft = "The Salon Rosa pampering basket (blowout and a 60-minute massage) goes to \
                 ticket 0412!\n\n— Jola & the Salon Rosa team\n";
    assert_eq!(judge(&ws, draft), pair("pass", &[]));
    // The short name is the salon's, not every Rosa's.
    assert_eq!(
        judge(
            &ws,
            "Rosa came in for her blowout and a 60-minute massage today\n"
        )
        .1,
        ["C001"]
    );
}

#[test]
fn the_manager_of_a_named_organisation_is_one_person() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Salon Rosa, staff: [Nati Kruk], population: 9000}
clients:
  - id: C001
    name: Tadeusz Piatek
    attributes:
      occupation: branch manager, Orzel Credit Union
      affiliations: [Orzel Credit Union]
"#,
    );
    // Written in lower case, as it often is: the roster names the organisation.
    assert_eq!(
        judge(
            &ws,
            "orzel credit union branch manager snores, confirmed. he fell asleep on my table 😴\n"
        ),
        pair("block", &["C001"])
    );
    // A branch manager of no named organisation is one of several.
    assert_eq!(
        judge(&ws, "a branch manager fell asleep on my table today 😴\n").0,
        "warn"
    );
}

#[test]
fn something_left_behind_tells_of_a_visit() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "Thaddeus – your green scarf is still hanging on our coat rack, come grab it!\n"
        ),
        pair("block", &["C005"])
    );
    assert_eq!(
        judge(
            &ws,
            "Our coat rack is full of scarves again, winter is here!\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn the_writers_own_body_is_no_sign_of_a_visit() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "Sunrise from the top of Mount Thaddeus and my legs are DEAD\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, "Thaddeus and his legs are DEAD after that flush\n").0,
        "block"
    );
    // "my" must be a word: "army legs" are not the writer's.
    assert_eq!(
        judge(&ws, "Thaddeus says the army legs are DEAD\n").0,
        "block"
    );
}

#[test]
fn a_village_head_by_a_local_title_is_one_person() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Koumaria Physio, staff: [Katerina], population: 1400}
clients:
  - id: C001
    name: Dimos Kokkinakis
    attributes:
      occupation: village president (proedros)
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Our Proedros walked the whole route in 20 minutes, not bad for someone who started \
             his knee rehab with us in the spring!\n"
        ),
        pair("block", &["C001"])
    );
    assert_eq!(
        judge(
            &ws,
            "The proedros will open the new path on Sunday at noon.\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_role_beside_a_staff_name_is_theirs() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Koumaria Physio, staff: [Katerina Vlachaki, Popi], population: 1400}
clients:
  - id: C001
    name: Manolis Kokkinakis
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Happy name day to our boss, Katerina!! The clinic closes at 14:00 on Wednesday.\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "Happy name day to the boss of the olive co-op, who was on my table this morning!\n"
        )
        .0,
        "warn"
    );
}

#[test]
fn a_surname_misspelled_after_a_first_name_is_still_the_full_name() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Respawn Physio, staff: [Marisol], population: 300000}
clients:
  - id: C001
    name: Peter Halvorsen
    aliases: [Pete]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Thank you Pete Halverson!! So glad that lower back lets you finish your shifts.\n"
        ),
        pair("block", &["C001"])
    );
    // Not another surname, and not a lower-case word after a capitalised name.
    assert_eq!(
        judge(&ws, "Pete Hendricks won the pub quiz again.\n").0,
        "pass"
    );
    assert_eq!(
        judge(&ws, "Peter halverson was not a word we knew.\n").0,
        "pass"
    );
}

#[test]
fn a_word_inside_a_pubs_name_is_the_name() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Heathside Physio, staff: [Bev], population: 16000}
clients:
  - id: C001
    name: Jack Heath
    consent:
      - {id: K-1, scope: [status, name], channels: [raffle], granted: 2026-01-01, evidence: k1.pdf}
"#,
    );
    let draft = |donor: &str| {
        format!(
            "---\nchannel: raffle\n---\nChristmas hamper donated by {donor}, pink ticket 114: \
             **Jack Heath**! Jack's a client of ours, so pop in and collect it.\n"
        )
    };
    assert_eq!(
        judge(&ws, &draft("The Wagon and Horses")),
        pair("pass", &[])
    );
    // His own horses are something about him.
    assert_eq!(
        judge(
            &ws,
            &draft("Jack, who brought his two horses to the parade ring")
        )
        .0,
        "block"
    );
}

#[test]
fn a_name_cried_out_alone_on_its_line_speaks_to_the_next_paragraph() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "THADDEUS!!! 🧣🧣\n\nYour blue knitted scarf is still here since Tuesday.\n"
        ),
        pair("warn", &["C005"])
    );
    // Not when the next paragraph speaks to no one.
    assert_eq!(
        judge(&ws, "THADDEUS!!! 🧣🧣\n\nThe winter sale ends on Friday.\n").0,
        "pass"
    );
}

#[test]
fn a_tournament_winner_and_a_knight_are_public_figures() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "ok i can't say who but the guy who won the Ironworks Invitational last month was on \
             my table yesterday 😳\n"
        )
        .0,
        "block"
    );
    assert_eq!(
        judge(
            &ws,
            "I literally CANNOT say who but I just had a LEGEND on my table. 14 x champion \
             trainer. A knighthood. The nicest man ever.\n"
        )
        .0,
        "block"
    );
    assert_eq!(
        judge(
            &ws,
            "The Ironworks Invitational grand finals are on the big screen at the arena Saturday!\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_review_reply_that_tells_the_reviewers_health_back_warns() {
    let ws = Workspace::new();
    let reply = |sentence: &str| {
        format!(
            "Reply to Google review (★★★★★ from Dave R.)\n\nThanks so much Dave!! {sentence} \
             See you in the new year.\n\nBev & the team\n"
        )
    };
    assert_eq!(
        judge(
            &ws,
            &reply("Really glad the sciatica has settled and you're back riding out.")
        )
        .0,
        "warn"
    );
    assert_eq!(
        judge(&ws, &reply("Really glad you enjoyed the new room.")).0,
        "pass"
    );
}

#[test]
fn a_pro_teams_in_game_leader_is_a_public_figure() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "POV: ur favourite valorant IGL falls asleep on my table 4 minutes into a deep \
             tissue session 💀\n"
        )
        .0,
        "block"
    );
    assert_eq!(
        judge(
            &ws,
            "Valorant night at the arena Friday: who's your favourite IGL?\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn he_has_run_the_named_club_is_one_person() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "A regular came in for his trim today. He has run the Giewont club longer than \
             I've been alive.\n"
        )
        .0,
        "block"
    );
    assert_eq!(
        judge(
            &ws,
            "He has run the Giewont club for years: come to its dance on Friday!\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_first_name_spoken_to_in_its_vocative_is_the_name() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Koumaria Physio, staff: [Katerina], population: 1400}
clients:
  - id: C001
    name: Stavros Kokkinakis
  - id: C002
    name: Zosia Nowak
  - id: C003
    name: Carlos Ruiz
"#,
    );
    assert_eq!(
        judge(&ws, "Stavro, we saw you at the press after your session!\n").1,
        ["C001"]
    );
    assert_eq!(
        judge(&ws, "Pani Zosiu, see you on Thursday for your session!\n").1,
        ["C002"]
    );
    // "Carlo" is a name of its own, not Carlos spoken to.
    assert_eq!(
        judge(&ws, "Carlo, see you on Thursday for your session!\n").0,
        "pass"
    );
}

#[test]
fn brides_in_the_plural_are_a_kind_of_client() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "Brides for May and June 2027 are already booking trials, don't wait till summer!\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "Our bride for Saturday came in for her trial today, so pretty!\n"
        )
        .0,
        "block"
    );
}

#[test]
fn game_studio_jobs_are_occupations() {
    // A city of game studios: many animators.
    let ws = with_roster(
        r#"version: 1
practice: {name: Respawn Physio, staff: [Jules], population: 300000}
clients:
  - id: C001
    name: Jules Whitaker
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "shoutout to the lead animator who came in tonight running on 3 hrs of sleep 🫠\n"
        )
        .0,
        "warn"
    );
    assert_eq!(
        judge(
            &ws,
            "Game studios downtown are in crunch: desk-and-wrist clinics on Saturday!\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_name_written_family_name_first_is_called_by_its_last_word() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Lotus Nails, staff: [Trần Quốc Bảo, Lý Thị Hạnh], population: 40000}
clients:
  - id: C001
    name: Nguyễn Thị Lan
  - id: C002
    name: Nguyễn Gia Bảo
  - id: C004
    name: Nguyễn Hoàng Nam
"#,
    );
    // Lan is her name; Nguyen is a third of the neighbourhood's.
    assert_eq!(
        judge(&ws, "Lan came in for her pedicure today\n").1,
        ["C001"]
    );
    assert_eq!(
        judge(&ws, "Lan Nguyen came in for her pedicure today\n"),
        pair("block", &["C001"])
    );
    assert_eq!(
        judge(&ws, "Nguyen came in for her pedicure today\n").0,
        "pass"
    );
    // The staff acupuncturist is "Dr. Bảo", not the client whose given name is Bảo.
    assert_eq!(
        judge(
            &ws,
            "Dr. Bảo came in early today to set up the new needles for a client\n"
        ),
        pair("pass", &[])
    );
}

#[test]
fn a_word_with_other_accents_than_the_roster_writes_is_not_the_name() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Lotus Nails, staff: [Vy], population: 40000}
clients:
  - id: C001
    name: Nam Nguyễn
  - id: C002
    name: Hai Phạm
"#,
    );
    // "Năm nay" is "this year"; "Thứ Hai" is Monday.
    assert_eq!(
        judge(
            &ws,
            "Năm nay we did a pedicure for every client who came in. Thank you for coming in!\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, "Closed every Thứ Hai. Thank you all for coming in!\n"),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, "Nam came in for his pedicure today\n"),
        pair("block", &["C001"])
    );
    assert_eq!(
        judge(&ws, "Nguyen Nam came in for his pedicure today\n").1,
        ["C001"]
    );
}

#[test]
fn industrial_trades_are_jobs_and_a_typical_day_is_a_group() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Boreal Hands, staff: [Marnie], population: 70000}
clients:
  - id: C001
    name: Kevin Walsh
    attributes: {occupation: millwright at the upgrader}
  - id: C002
    name: Joan Pike
    attributes: {occupation: pastor, affiliations: [St. Gabriel's]}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "A millwright from the upgrader was on my table today, back like a plank.\n"
        ),
        pair("warn", &["C001"])
    );
    // "On any given Monday I might see a millwright, a snowbird couple and a nurse": the
    // clientele, not the pastor of the next paragraph.
    assert_eq!(
        judge(
            &ws,
            "On any given Monday I might see a millwright coming off nights, a snowbird couple \
             and a nurse.\n\nOur pastor at St. Gabriel's comes in every other Monday for the \
             sciatica in her back.\n"
        ),
        pair("block", &["C002"])
    );
}

#[test]
fn dialect_and_text_speak_tell_a_visit() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Boreal Hands, staff: [Marnie], population: 70000}
clients:
  - id: C001
    name: Kevin Walsh
"#,
    );
    // Kevin is a common name: a warn, and only with a sign of a visit.
    assert_eq!(
        judge(
            &ws,
            "Well b'ys, Kevin was on me table Tuesday fresh off his 14.\n"
        ),
        pair("warn", &["C001"])
    );
    assert_eq!(
        judge(&ws, "ty Kevin for the cookies, see u next wk for ur sesh\n"),
        pair("warn", &["C001"])
    );
    assert_eq!(
        judge(&ws, "Well b'ys, Kevin Costner is on me telly again.\n").0,
        "pass"
    );
}

#[test]
fn spanish_posts_tell_visits_roles_relatives_and_the_writers_family() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Kine Cobre, staff: [Vero], population: 25000}
clients:
  - id: C001
    name: Dolores Campos Piña
    aliases: [Lola]
  - id: C002
    name: Patricia Muñoz Vera
    attributes: {occupation: mayor}
  - id: C003
    name: Elena Vera Saavedra
    attributes: {traits: [mother of mayor Patricia Muñoz]}
  - id: C004
    name: Rodrigo Flores Araya
    attributes: {occupation: fire chief}
"#,
    );
    // The mayor's mother, whose entry names the mayor by two of her three names.
    assert_eq!(
        judge(
            &ws,
            "La mamá de la alcaldesa nos trajo hoy un kuchen después de su sesión de rodillas.\n"
        ),
        pair("block", &["C003"])
    );
    assert_eq!(
        judge(
            &ws,
            "hoy llegó el comandante de bomberos directo del incendio, la espalda hecha pebre\n"
        ),
        pair("block", &["C004"])
    );
    assert_eq!(
        judge(&ws, "Lola vino a su sesión de espalda hoy.\n"),
        pair("warn", &["C001"])
    );
    // "mi hija Lola": the writer's daughter, not the client called Lola.
    assert_eq!(
        judge(
            &ws,
            "El afiche lo dibujó mi hija Lola. Dice que la señora de la espalda está feliz.\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "The poster is by my daughter Lola: the lady with the sore shoulder is happy now.\n"
        ),
        pair("pass", &[])
    );
}

#[test]
fn a_name_two_clients_share_is_the_one_named_in_full_or_someone_else() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Backbeat, staff: [Jolene Pruitt, Wes Tillman], population: 90000}
clients:
  - id: C002
    name: Billy Ray Tuggle
    aliases: [Billy Ray, "@taterlights"]
  - id: C003
    name: Billy Ray Quaintance
    aliases: [Billy Ray]
"#,
    );
    // A handle is one client's alone, like a full name.
    let (verdict, mut ids) = judge(
        &ws,
        "@taterlights came in for his massage today. Billy Ray is a legend.\n",
    );
    ids.dedup();
    assert_eq!((verdict, ids), pair("block", &["C002"]));
    let (verdict, mut ids) = judge(
        &ws,
        "Billy Ray Tuggle came in for his massage today. Billy Ray is a legend.\n",
    );
    ids.dedup();
    assert_eq!((verdict, ids), pair("block", &["C002"]));
    // Two first names and another surname: the writer's father, not either client.
    assert_eq!(
        judge(
            &ws,
            "Happy 70th birthday to my daddy, Billy Ray Pruitt, retired trucker!\n"
        ),
        pair("pass", &[])
    );
}

#[test]
fn a_staff_name_in_quotes_is_a_title_not_the_staff_member() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Backbeat, staff: [Jolene Pruitt], population: 90000}
clients:
  - id: C001
    name: Dorothy Vance
    aliases: [Dolly]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "PSA: somebody put Dolly's \"Jolene\" on the lobby playlist and it has played FOUR times.\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, "Dolly came in for her massage with Jolene today.\n").0,
        "block"
    );
}

#[test]
fn what_was_done_to_a_part_is_health() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Backbeat, staff: [Wes], population: 90000}
clients:
  - id: C001
    name: Lacey Monroe
    consent:
      - {id: K-1, scope: [status, name, story, photo], channels: [social], granted: 2026-01-01, evidence: k1.pdf}
"#,
    );
    // Her consent covers her name and story, not what was treated.
    assert_eq!(
        judge(
            &ws,
            "Lacey Monroe in the house! Worked her SCM and jaw for an hour.\n"
        ),
        pair("block", &["C001"])
    );
    assert_eq!(
        judge(&ws, "Lacey Monroe in the house! Great show last night.\n").0,
        "pass"
    );
}

#[test]
fn a_first_name_and_surname_both_misspelled_are_the_client() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Boreal Hands, staff: [Marnie], population: 70000}
clients:
  - id: C001
    name: Wendell Mercredi
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Shoutout to Wendel Mercedi, that knee wouldn't bend past 90 three months ago!\n"
        ),
        pair("block", &["C001"])
    );
    assert_eq!(
        judge(
            &ws,
            "Shoutout to Wendy Mercer, that knee wouldn't bend past 90 three months ago!\n"
        )
        .1,
        Vec::<String>::new()
    );
}

#[test]
fn months_joined_to_each_other_are_the_calendar() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Boreal Hands, staff: [Marnie], population: 70000}
clients:
  - id: C001
    name: April Dumont
  - id: C002
    name: May Letendre
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Looking ahead: April and May are already filling up with spring turnaround \
             bookings, so book early.\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, "April came in for her massage today, May too.\n").0,
        "warn"
    );
}

#[test]
fn a_month_booked_into_and_a_thank_you_reply_name_no_one() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Backbeat, staff: [Jolene], population: 90000}
clients:
  - id: C001
    name: June Akers
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "We're already booking into June for standing appointments, call to grab your spot.\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "**Reply from the owner** (Google review): Thank you for taking the time to leave us \
             a review! We're so glad you enjoyed your visit. — Jolene\n"
        ),
        pair("pass", &[])
    );
    // Telling the visit back is still a reply that discloses it.
    assert_eq!(
        judge(
            &ws,
            "**Reply from the owner** (Google review): you arrived twenty minutes late and your \
             appointment was booked as a trim. — Jolene\n"
        )
        .0,
        "warn"
    );
}

#[test]
fn a_visit_told_around_a_longer_description() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Boreal Hands, staff: [Marnie], population: 70000}
clients:
  - id: C002
    name: Kevin Walsh
    attributes: {occupation: millwright}
"#,
    );
    // "had [a millwright from the upgrader] in today": four words between.
    assert_eq!(
        judge(
            &ws,
            "Had a millwright from the upgrader in today, poor fella.\n"
        ),
        pair("warn", &["C002"])
    );
}

#[test]
fn a_saints_name_and_a_month_said_to_be_booked_name_no_one() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Driftwood Spa, staff: [Jaylen], population: 5500}
clients:
  - id: C001
    name: Maarten de Vries
    aliases: [Maarten]
  - id: C002
    name: June Akers
"#,
    );
    // "St Maarten" is an island, whatever the client context around it.
    assert_eq!(
        judge(
            &ws,
            "the aussie bloke from my 7am told me st maarten waves are cute\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, "Maarten was on my table at 7am, his knee is better\n").0,
        "block"
    );
    // A saint has one name: "St Maarten de Vries" is still the client (a word such as "st",
    // or the ligature "ﬅ", before a full name).
    assert_eq!(
        judge(&ws, "ﬅ Maarten de Vries came in for a massage\n"),
        pair("block", &["C001"])
    );
    // Nor is a full name before a street abbreviation a street ("jackson st" is one).
    assert_eq!(
        judge(&ws, "Maarten de Vries rd came in for a massage\n"),
        pair("block", &["C001"])
    );
    // How booked a month is, and a month's weddings, are the calendar.
    assert_eq!(
        judge(
            &ws,
            "Thank you all for trusting us with the big day! June is already half full, so if \
             you're planning a June wedding please call Jaylen.\n"
        ),
        pair("pass", &[])
    );
    // "booked in for" is someone's appointment.
    assert_ne!(
        judge(&ws, "June is booked in for her facial on Tuesday.\n").0,
        "pass"
    );
}

#[test]
fn an_alias_led_by_the_is_also_said_without_it() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Driftwood Spa, staff: [Maricel], population: 5500}
clients:
  - id: C001
    name: Imogen Tate
    aliases: ["the ship's doctor"]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "kahit yung ship's doctor natin, suki na! every thursday after clinic, acupuncture \
             para sa migraines niya.\n"
        ),
        pair("block", &["C001"])
    );
}

#[test]
fn set_phrases_of_holidays_and_screens_name_no_one() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Duinzicht Physio, staff: [Kirra], population: 550000}
clients:
  - id: C001
    name: Willem Oranje
    public_figure: true
    attributes: {occupation: king}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "- **312** shoulder massages were given at the King's Day market (Kirra counted).\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "ok who else screamed at the tv during the game last night 😭 come yell w me\n"
        ),
        pair("pass", &[])
    );
}

#[test]
fn a_mild_complaint_in_one_consenting_clients_story_is_theirs_to_allow() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Duinzicht Physio, staff: [Marieke], population: 550000}
clients:
  - id: C001
    name: Pieter Voorhout
    consent:
      - {id: K-1, scope: [status, name, story, health], channels: [newsletter], granted: 2026-05-12, evidence: k1.pdf}
  - id: C002
    name: Floor Meijer
"#,
    );
    let story = "Many of you know Pieter Voorhout, who has kindly allowed us to share his story. \
                 He came to us four days after his new hip.\n\nHis Citroën DS, he reports, is \
                 still waiting in the garage for the day he may drive again.\n";
    let newsletter = |text: &str| judge(&ws, &format!("---\nchannel: newsletter\n---\n{text}"));
    assert_eq!(newsletter(story), pair("pass", &[]));
    // With a second client named, the complaint is nobody's in particular.
    let two = format!("{story}\nFloor Meijer came to us too.\n");
    assert_ne!(newsletter(&two).0, "pass");
}

#[test]
fn a_name_after_a_venue_word_is_the_venue_wherever_it_comes_back() {
    let roster = |places: &str| {
        with_roster(&format!(
            r#"version: 1
practice: {{name: Duinzicht Physio, staff: [Kirra, Daan], population: 550000{places}}}
clients:
  - id: C001
    name: Bram de Beer
    aliases: ["De Beer"]
"#
        ))
    };
    let run_club = "Meet 8:30 outside Café De Beer on the Fred, easy 5k loop, then back to De \
                    Beer for coffee. Daan runs at the back with the sweeper flag!\n";
    for ws in [roster(""), roster(", places: [Café De Beer]")] {
        assert_eq!(judge(&ws, run_club), pair("pass", &[]));
        assert_eq!(
            judge(&ws, "De Beer came in for his massage, Daan says hi.\n"),
            pair("block", &["C001"])
        );
    }
}

#[test]
fn health_words_after_a_topic_phrase_are_what_was_talked_about() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Duinzicht Physio, staff: [Marieke, Kirra], population: 550000}
clients:
  - id: C001
    name: Sophie van der Berg
    consent:
      - {id: K-1, scope: [status, name, story, photo], channels: [social], granted: 2026-01-01, evidence: k1.pdf}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Dr Sophie van der Berg, a client of ours for years, co-hosted with Marieke and \
             answered about a hundred questions on shin splints, sleep and sore knees.\n"
        ),
        pair("pass", &[])
    );
    // Her own shin splints are her health, which her consent does not cover.
    assert_eq!(
        judge(
            &ws,
            "Dr Sophie van der Berg, a client of ours for years, is back running after her \
             shin splints.\n"
        ),
        pair("block", &["C001"])
    );
}

#[test]
fn a_title_of_the_other_gender_is_someone_else() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Kaj Siab Massage, staff: [Bao Vang], population: 310000}
clients:
  - id: C001
    name: Hodan Abdi
    attributes: {gender: female}
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Uncle Abdi has been coming to us on Tuesdays since spring.\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "Mrs. Abdi has been coming to us on Tuesdays since spring.\n"
        ),
        pair("block", &["C001"])
    );
}

#[test]
fn a_staff_members_two_word_given_name_is_theirs() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Kaj Siab Massage, staff: [Mai Kou Xiong], population: 310000}
clients:
  - id: C001
    name: Kou Moua
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "pov: ur mom mai kou has been doing massage for 25 yrs and still can't fix the steam box\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, "Kou came in for his massage today, back is better\n").0,
        "block"
    );
}

#[test]
fn a_review_reply_that_tells_a_public_reviewers_health_back_blocks() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Driftwood Spa, staff: [Bea, Wen Liao], population: 5500}
clients:
  - id: C001
    name: Harlan Bequette
    aliases: ["Representative Bequette", "Harlan B."]
    public_figure: true
"#,
    );
    let reply = "**Reply from Driftwood Spa** · app reviews\n\n> ★★★★★ \"A miracle worker.\" \
                 (posted by *Harlan B.*)\n\nThank you so much, Representative Bequette! It was \
                 an honour to have you aboard. We're thrilled that three acupuncture sessions \
                 with Wen Liao eased that sciatica.\n\nBea\n";
    assert_eq!(judge(&ws, reply), pair("block", &["C001"]));
    // Thanked without the health told back, the reviewer's own review named him.
    let thanks = "**Reply from Driftwood Spa** · app reviews\n\n> ★★★★★ \"A miracle worker.\" \
                  (posted by *Harlan B.*)\n\nThank you so much, Harlan B.! We hope to welcome \
                  you back soon.\n\nBea\n";
    assert_ne!(judge(&ws, thanks).0, "block");
}

#[test]
fn chat_initials_and_a_trailing_off_sentence_keep_a_description_together() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Kaj Siab Massage, staff: [Bao Vang], population: 310000}
clients:
  - id: C001
    name: Neng Hang
    attributes: {occupation: long-haul truck driver, traits: [drives a purple Kenworth with a Hmong flag on the grill]}
"#,
    );
    // "rn" is "right now", not a nurse who would rule the trucker out; "…" goes on.
    assert_eq!(
        judge(
            &ws,
            "if u see a purple kenworth w the hmong flag on the grill parked across 2 spots on \
             university ave… yes hes on my table rn 😭\n"
        ),
        pair("block", &["C001"])
    );
}

#[test]
fn context_phrases_are_also_read_in_chat_spelling() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Kaj Siab Massage, staff: [Bao Vang], population: 310000}
clients:
  - id: C001
    name: Ying Vue
"#,
    );
    assert_eq!(
        judge(&ws, "YING!! u left ur scarf here AGAIN 😤\n").0,
        "block"
    );
    assert_eq!(
        judge(&ws, "YING!! you left your scarf here AGAIN 😤\n").0,
        "block"
    );
    assert_eq!(judge(&ws, "YING!! love that scarf 😤\n").0, "pass");
}

#[test]
fn a_service_for_our_people_is_a_visit() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Driftwood Spa, staff: [Maricel], population: 5500}
clients:
  - id: C001
    name: Devin Jenkins
"#,
    );
    assert_ne!(
        judge(
            &ws,
            "couples massage for our honeymooners from cabin 8120 🥹 Devin from Toronto, \
             congrats! grabe yung sunburn from Cozumel, aloe wrap muna haha\n"
        )
        .0,
        "pass"
    );
    // A service for everyone is a promotion.
    assert_eq!(
        judge(
            &ws,
            "Couples massage for two, this week only! Book with Maricel.\n"
        ),
        pair("pass", &[])
    );
}

#[test]
fn an_apology_that_tells_a_visit_back_is_a_review_reply_without_the_word_review() {
    let ws = Workspace::new();
    let reply = |opening: &str| {
        format!(
            "{opening} Just so it's clear: you arrived 30 minutes after your 2:00 appointment, \
             so we shortened the massage rather than cancel it.\n"
        )
    };
    assert_eq!(
        judge(&ws, &reply("We're really sorry you left feeling rushed.")).0,
        "warn"
    );
    assert_eq!(judge(&ws, &reply("Happy Monday!")).0, "pass");
}

#[test]
fn an_office_title_that_is_one_clients_alias_is_that_client_alone() {
    let ws = with_roster(
        "version: 1\npractice: {name: Mane Street Salon, staff: [Shauna Christensen], population: 9000}\n\
         clients:\n\
         - {id: U-1, name: Glen Larsen, aliases: [Mayor Larsen], public_figure: true, \
            attributes: {occupation: mayor}}\n\
         - {id: U-2, name: Afton Larsen, attributes: {gender: female}}\n\
         - {id: U-3, name: Kent Larsen, attributes: {gender: male}}\n",
    );
    assert_eq!(
        judge(
            &ws,
            "Mayor Larsen will flip the switch on the big tree at 6.\n\n\
             We're open until 5 for last-minute blowouts!\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(
            &ws,
            "Who had Mayor Larsen sitting in our chairs at 8am on their bingo card?\n"
        ),
        pair("block", &["U-1"])
    );
}

#[test]
fn a_relative_served_beside_a_named_client_is_someone_else() {
    let ws = with_roster(
        "version: 1\npractice: {name: Kirkside Pilates, staff: [Fiona Reid], population: 4000}\n\
         clients:\n\
         - {id: P-1, name: Catriona Mearns, aliases: [Rev. Mearns], \
            attributes: {occupation: minister of the parish kirk, gender: female}}\n\
         - {id: P-2, name: Neil Mearns, \
            attributes: {occupation: offshore electrician, gender: male, \
            traits: [husband of the parish minister]}}\n",
    );
    let draft = |sentence: &str| {
        format!(
            "Huge thanks to Rev. Mearns for letting us use the kirk hall on Saturday! The \
             minister's other half {sentence}\n"
        )
    };
    let (verdict, ids) = judge(
        &ws,
        &draft("has been in every week he's home from the rigs."),
    );
    assert_eq!(verdict, "block");
    assert!(ids.contains(&"P-2".to_owned()), "{ids:?}");
    let (_, ids) = judge(&ws, &draft("carried all the chairs over."));
    assert!(!ids.contains(&"P-2".to_owned()), "{ids:?}");
}

#[test]
fn work_done_on_someone_is_a_visit_unless_it_is_the_writers_own() {
    let ws = Workspace::new();
    let post = |sentence: &str| format!("{sentence} today 🚒 he was SO nervous lol\n");
    assert_eq!(
        judge(&ws, &post("trimmed the fire chief's mustache")).0,
        "block"
    );
    assert_eq!(judge(&ws, &post("trimmed my own mustache")).0, "pass");
    assert_eq!(
        judge(&ws, &post("the fire chief's mustache is iconic")).0,
        "pass"
    );
}

#[test]
fn a_relative_named_by_a_possessive_or_an_affiliation_is_attributed() {
    let ws = with_roster(
        "version: 1\npractice: {name: Sea Spa, staff: [Bea Cruz], population: 3000}\n\
         clients:\n\
         - {id: C-1, name: Bernice Calloway, attributes: {gender: female}}\n\
         - {id: C-2, name: Michael Calloway, aliases: [Pastor Mike], \
            attributes: {gender: male, traits: [\"Bernice Calloway's son\"]}}\n\
         - {id: C-3, name: Theresa Jung, aliases: [Councillor Jung], public_figure: true}\n\
         - {id: C-4, name: Young-ja Baek, \
            attributes: {affiliations: [mother of Councillor Theresa Jung]}}\n",
    );
    assert_eq!(
        judge(
            &ws,
            "Happy birthday to Pastor Mike's mama, who came in for her pedicure today!\n"
        ),
        pair("block", &["C-1"])
    );
    assert_eq!(
        judge(
            &ws,
            "Councillor Jung's eomma came in for her monthly soak and knitted the whole time.\n"
        ),
        pair("block", &["C-4"])
    );
}

#[test]
fn a_name_capitalised_in_a_lowercase_post_is_a_name() {
    let ws = with_roster(
        "version: 1\npractice: {name: Second Unit Physio, staff: [Kai Nakamura], population: 30000}\n\
         clients:\n\
         - {id: F-1, name: Hunter Quill}\n",
    );
    let post = |name: &str| {
        format!(
            "welcome to the fam {name}!! 🫶\n\nfirst session and you fell asleep in 4 minutes. \
             new clinic record 🏆\n"
        )
    };
    assert_eq!(judge(&ws, &post("Hunter")), pair("warn", &["F-1"]));
    assert_eq!(judge(&ws, &post("hunter")).0, "pass");
}

#[test]
fn an_english_cue_word_is_an_ordinary_word_in_a_sentence_of_another_language() {
    let ws = with_roster(
        "version: 1\npractice: {name: Praxis Brandl, staff: [Monika Gruber], population: 8000}\n\
         clients:\n\
         - id: B-1\n  name: Sebastian Gruber\n  aliases: [Wastl Gruber]\n  consent:\n  \
         - {id: K-1, scope: [status, name], channels: [raffle], granted: 2026-01-01, evidence: k1.pdf}\n",
    );
    let raffle = |line: &str| {
        format!(
            "---\nchannel: raffle\n---\nHauptpreis: **Wastl Gruber** – herzlichen Glückwunsch! {line}\n"
        )
    };
    assert_eq!(
        judge(
            &ws,
            &raffle("Schön, dass wir dich bald wieder bei uns sehen.")
        )
        .0,
        "pass"
    );
    assert_eq!(
        judge(&ws, &raffle("Our favourite bald regular, see you soon.")).0,
        "block"
    );
}

#[test]
fn our_most_punctual_patient_is_one_client() {
    let ws = Workspace::new();
    let post = |phrase: &str| {
        format!(
            "Happy 88th birthday to the Bürgermeister's Mama, still {phrase} – never a \
             minute late!\n"
        )
    };
    assert_eq!(judge(&ws, &post("our most punctual patient")).0, "block");
    assert_eq!(
        judge(&ws, &post("the most punctual person in town")).0,
        "pass"
    );
    assert_eq!(
        judge(&ws, &post("our most punctual guest speaker")).0,
        "pass"
    );
}

#[test]
fn a_review_reply_that_tells_your_service_back_warns_and_its_owner_is_no_description() {
    let ws = Workspace::new();
    let reply = |body: &str| {
        format!(
            "**Owner response to a ★★☆☆☆ Google review**\n\nHi K., thanks for writing. {body}\n\n— Daniel\n"
        )
    };
    assert_eq!(
        judge(
            &ws,
            &reply("We shortened your seshin to 40 minutes so you could make dinner.")
        )
        .0,
        "warn"
    );
    assert_eq!(
        judge(
            &ws,
            &reply("We'll make sure the team sees it. Hope to see you again!")
        )
        .0,
        "pass"
    );
}

#[test]
fn a_role_of_a_named_boat_is_one_person_even_in_emphasis() {
    let ws = with_roster(
        "version: 1\npractice: {name: Ilha Physio, staff: [Helena Costa], population: 95000}\n\
         clients:\n  - id: c-1\n    name: José Raposo\n    attributes: {occupation: scallop boat captain, \
         affiliations: [F/V Maria Isabel]}\n",
    );
    assert_eq!(
        judge(
            &ws,
            "Last month the captain of the *Maria Isabel* was on my table three days after landing.\n"
        ),
        pair("block", &["c-1"])
    );
    // A captain of no named boat is one of many.
    assert_eq!(
        judge(
            &ws,
            "Last month a boat captain was on my table three days after landing.\n"
        )
        .0,
        "warn"
    );
}

#[test]
fn a_boxers_weight_class_is_a_public_figure_in_a_client_context() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "a certain undefeated middleweight from the south end was on the table today 👀\n"
        )
        .0,
        "block"
    );
    assert_eq!(
        judge(
            &ws,
            "Fight night at the arena: the middleweight title is on the line!\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_name_after_an_indefinite_article_is_a_thing_in_any_language() {
    let ws = with_roster(
        "version: 1\npractice: {name: Estilo Sur, staff: [Tito], population: 130000}\nclients:\n  \
         - id: c-1\n    name: Mercedes Ruiz\n",
    );
    for post in [
        "Tito says he'll buy a Mercedes with this week's tips 😂\n",
        "Tito dice que se compra un Mercedes con las propinas 😂\n",
        "O Tito diz que vai comprar um Mercedes com as gorjetas 😂\n",
    ] {
        assert_eq!(judge(&ws, post), pair("pass", &[]), "{post}");
    }
    assert_eq!(
        judge(&ws, "Mercedes sat in Tito's chair today.\n"),
        pair("warn", &["c-1"])
    );
}

#[test]
fn a_visit_and_an_age_told_in_spanish_are_read() {
    let ws = with_roster(
        "version: 1\npractice: {name: Estilo Sur, staff: [Tito], population: 130000}\nclients:\n  \
         - id: c-1\n    name: Carmen Ruiz\n    attributes: {age: 90}\n  \
         - id: c-2\n    name: Jessica Torres\n    attributes: {occupation: emergency-room nurse}\n",
    );
    assert_eq!(
        judge(
            &ws,
            "Una doñita de 90 añitos vino hoy a ponerse sus rolos 🥹\n"
        ),
        pair("warn", &["c-1"])
    );
    // A trade told in Spanish is the trade.
    assert_eq!(
        judge(
            &ws,
            "La enfermera llegó aquí saliendo del turno de noche 💜\n"
        ),
        pair("warn", &["c-2"])
    );
    // A one-of-a-kind office in Spanish is one person.
    assert_eq!(
        judge(&ws, "AYER TUVE EN MI SILLA AL SENADOR, RECORTE CLÁSICO.\n").0,
        "block"
    );
    // Thirty years of work is no one's age.
    assert_eq!(
        judge(
            &ws,
            "Con más de 30 años de experiencia, Tito te deja nuevo 💈\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_line_in_capitals_says_nothing_by_its_capitals() {
    let ws = with_roster(
        "version: 1\npractice: {name: Estilo Sur, staff: [Tito], population: 130000}\nclients:\n  \
         - id: c-1\n    name: Ramón Reyes\n    aliases: [Papo]\n  \
         - id: c-2\n    name: Mazal Cohen\n",
    );
    // "VINO" after the name is no part of a longer proper name when every word is in capitals.
    for post in [
        "Papo vino a su recorte como reloj.\n",
        "PAPO VINO A SU RECORTE COMO RELOJ. GRACIAS MI PANA\n",
    ] {
        assert_eq!(judge(&ws, post).1, ["c-1"], "{post}");
    }
    // A greeting is still a greeting.
    assert_eq!(
        judge(
            &ws,
            "MAZAL TOV MAZAL TOV!!! She came in yesterday for her massage.\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_misspelled_title_and_surname_is_the_one_with_the_title() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Arctic Physio, staff: [Marianne Cloutier], population: 8000}
clients:
  - id: c-1
    name: Annie Tulugak
  - id: c-2
    name: Daniel Tulugak
    aliases: [Mayor Tulugak]
    consent:
      - {id: K2, scope: [status, name], channels: [social], granted: 2026-01-10, evidence: k2.pdf}
  - id: c-3
    name: Renee Castellano
    attributes: {occupation: fire chief}
"#,
    );
    // A five-letter title and a surname one letter off.
    assert_eq!(
        judge(
            &ws,
            "Thanks to Chief Castelano for the cookies! Keep up those band stretches for that \
             rotator cuff, Marianne's orders!\n"
        ),
        pair("block", &["c-3"])
    );
    // Of two Tulugaks, the mayor; his consent covers his name, not the photo from the table,
    // which is a visit however far from the name it is.
    let post = "We were honoured to welcome Mayor Tulugaq back this week.\n\n\
                [Photo: the Mayor giving a thumbs-up from the treatment table]\n";
    assert_eq!(judge(&ws, post), pair("block", &["c-2"]));
}

#[test]
fn a_day_of_the_week_is_the_day_unless_it_does_something() {
    let ws = with_roster(
        "version: 1\npractice: {name: Tidewater Crowns, staff: [Jerome Orage], population: 9000}\n\
         clients:\n  - id: c-1\n    name: Monday Orage\n",
    );
    assert_eq!(
        judge(
            &ws,
            "Monday starter-loc appointments now open with Jerome. See you soon!\n"
        )
        .0,
        "pass"
    );
    assert_eq!(
        judge(&ws, "Monday came in for his retwist with Jerome today.\n").1,
        ["c-1"]
    );
}

#[test]
fn in_charge_of_every_one_of_them_is_one_person() {
    let ws = with_roster(
        "version: 1\npractice: {name: Lindin, staff: [Bjarki], population: 30000}\nclients:\n  \
         - id: c-1\n    name: Jón Jónsson\n",
    );
    assert_eq!(
        judge(
            &ws,
            "I'm not saying who, but the man in charge of every fire station in the region was \
             on Bjarki's table this morning\n"
        )
        .0,
        "block"
    );
}

#[test]
fn an_age_told_of_a_name_rules_out_a_client_far_from_it() {
    let ws = with_roster(
        "version: 1\npractice: {name: Lindin, staff: [Bjarki], population: 30000}\nclients:\n  \
         - id: c-1\n    name: Sól Ragnarsdóttir\n    attributes: {age: 19}\n",
    );
    assert_eq!(
        judge(
            &ws,
            "Bjarki is BACK from leave!! Our Sól is four months old and already has her pabbi \
             wrapped around her little finger.\n"
        ),
        pair("pass", &[])
    );
    assert_eq!(
        judge(&ws, "Sól is 19 and came in for her shoulder with Bjarki.\n").1,
        ["c-1"]
    );
}

#[test]
fn a_bold_reveal_after_an_ellipsis_continues_its_sentence() {
    let ws = with_roster(
        "version: 1\npractice: {name: Zenith Chiro, staff: [Darlene], population: 90000}\n\
         clients:\n  - id: c-1\n    name: Kari Johnson\n",
    );
    let post = |end: &str| {
        format!(
            "We drew the winner of our $100 gift card this morning and it's{end}\n\n\
             **Kari Johnson from Lakeside!** 🎉\n"
        )
    };
    assert_eq!(judge(&ws, &post("...")), pair("block", &["c-1"]));
    assert_eq!(judge(&ws, &post("…")), pair("block", &["c-1"]));
}

#[test]
fn sitting_hours_or_floating_for_a_service_is_a_visit() {
    let ws = with_roster(
        "version: 1\npractice: {name: Tidewater Crowns, staff: [Kiki], population: 9000}\n\
         clients:\n  - id: c-1\n    name: Keisha Brown\n",
    );
    assert_eq!(
        judge(
            &ws,
            "keisha sat 8 HOURS for these boho knotless and didn't fuss not once\n"
        )
        .1,
        ["c-1"]
    ); // ... and so is a float in the practice's pool.
    assert_eq!(
        judge(
            &ws,
            "Keisha floated in our pool this week and came out glowing\n"
        )
        .1,
        ["c-1"]
    );
}

#[test]
fn a_team_played_for_is_the_team_however_written() {
    let ws = with_roster(
        "version: 1\npractice: {name: Test Spa, staff: [Ann Lee], population: 20000}\nclients:\n  \
         - id: c-1\n    name: Jorge Goulart\n",
    );
    // "Jays" alone may be birds; pitched for, it is the team, in any case.
    for post in [
        "my 7am today was a lefty who throws 97 for the jays",
        "My 7am today was a lefty who pitches for the Jays.",
        // A ballplayer in Spanish is one with his team.
        "Un pelotero de los Yankees se sentó en mi silla hoy 👀",
    ] {
        assert_eq!(judge(&ws, &format!("{post}\n")).0, "block", "{post}");
    }
    assert_eq!(
        judge(&ws, "My 7am today was up early to feed the jays.\n").0,
        "pass"
    );
    // ... and without one, a ballplayer many are: a description, not a public figure.
    assert_eq!(
        judge(
            &ws,
            "Un pelotero se sentó en mi silla hoy, viene de la liga de su barrio.\n"
        )
        .0,
        "warn"
    );
}

#[test]
fn a_fan_of_a_team_is_described_not_famous() {
    let ws = with_roster(
        "version: 1\npractice: {name: Test Spa, staff: [Ann Lee], population: 20000}\nclients:\n  \
         - id: c-1\n    name: Jorge Goulart\n    attributes: {traits: [never without his Wexford scarf]}\n",
    );
    // A fan on the table is no player: no public figure.
    assert_eq!(
        judge(&ws, "Our favourite Dolphins fan was on my table today.\n").0,
        "pass"
    );
    assert_eq!(
        judge(&ws, "A Dolphins linebacker was on my table today.\n").0,
        "block"
    );
    // "Our favourite" is a sign however the next word is written.
    assert_eq!(
        judge(
            &ws,
            "Our favourite Wexford fan was NOT in a good mood today. A massage fixes everything.\n"
        ),
        pair("warn", &["c-1"])
    );
}

#[test]
fn portuguese_visits_and_relatives_are_read() {
    let ws = with_roster(
        "version: 1\npractice: {name: Ilha Physio, staff: [Helena Costa], population: 95000}\n\
         clients:\n  - id: c-1\n    name: Lúcia Maria Furtado\n    aliases: [Lúcia Furtado]\n    \
         attributes: {occupation: \"city councillor, Ward 1\", affiliations: [New Bedford City Council]}\n  \
         - id: c-2\n    name: Olívia Furtado\n    attributes: {traits: [mother of Councillor Lúcia Furtado]}\n  \
         - id: c-3\n    name: Antónia Quental\n    aliases: [Tóni Q]\n    public_figure: true\n    \
         attributes: {occupation: radio host}\n",
    );
    assert_eq!(
        judge(
            &ws,
            "Obrigada à nossa querida Tóni Q! A Tóni veio cá na semana passada com o pescoço preso.\n"
        ),
        pair("block", &["c-3"])
    );
    assert_eq!(
        judge(
            &ws,
            "Obrigada à nossa querida Tóni Q por falar de nós na rádio!\n"
        )
        .0,
        "pass"
    );
    // The councillor's phrases beside "mãe" point at her mother.
    assert_eq!(
        judge(
            &ws,
            "A mãe da nossa vereadora do Ward 1 came in for her hip this morning. She is so \
             proud of her daughter on the city council.\n"
        ),
        pair("block", &["c-2"])
    );
}

#[test]
fn a_tip_or_a_regulars_habit_says_client() {
    let ws = with_roster(
        "version: 1\npractice: {name: Test Nails, staff: [Cel Dizon], population: 60000}\nclients:\n  \
         - id: c-1\n    name: Olga Smirnova\n    attributes: {age: 67, occupation: retired ballerina, \
         traits: [drives a yellow Porsche]}\n",
    );
    assert_eq!(
        judge(
            &ws,
            "the madame with the yellow porsche!! 67 years old and still a ballerina's posture, \
             she tipped the WHOLE team\n"
        ),
        pair("block", &["c-1"])
    );
    assert_eq!(
        judge(
            &ws,
            "the madame with the yellow porsche!! 67 years old and still a ballerina's posture\n"
        )
        .0,
        "pass"
    );
    assert_eq!(
        judge(
            &ws,
            "my 4pm: 3 hrs for a full set and 2 redos and then zero tip hahaha\n"
        )
        .0,
        "warn"
    );
    assert_eq!(
        judge(&ws, "my 4pm: 3 hrs for a full set and 2 redos hahaha\n").0,
        "pass"
    );
}

#[test]
fn a_doctors_title_with_a_staff_surname_is_the_staff_member() {
    let ws = with_roster(
        "version: 1\npractice: {name: Moose Brook Vet, staff: [Anne Thibodeau, Deb Fletcher], \
         population: 6000}\nclients:\n  - id: c-1\n    name: Yvette Thibodeau\n    attributes: {gender: female}\n",
    );
    assert_eq!(
        judge(
            &ws,
            "Thank you for the five stars! Dr. Thibodeau says thank you too. See you next time!\n"
        )
        .0,
        "pass"
    );
    assert_eq!(
        judge(
            &ws,
            "Thank you for the five stars! Mrs. Thibodeau, see you next time for your appointment!\n"
        )
        .0,
        "block"
    );
}

#[test]
fn a_set_phrase_holding_an_alias_is_no_name() {
    let ws = with_roster(
        "version: 1\npractice: {name: Moose Brook Vet, staff: [Anne Thibodeau], population: 6000}\n\
         clients:\n  - id: c-1\n    name: Nicole Bouchard\n    aliases: [\"the Chief\"]\n",
    );
    assert_eq!(
        judge(
            &ws,
            "Chocolate is the chief complaint on our December emergency calls, every year.\n"
        )
        .0,
        "pass"
    );
    assert_eq!(
        judge(&ws, "The Chief was on my table again this week.\n").0,
        "block"
    );
}

#[test]
fn a_staff_member_in_another_paragraph_of_an_item_is_no_sign() {
    let ws = with_roster(
        "version: 1\npractice: {name: Moose Brook Vet, staff: [Kayleigh Rowe], population: 6000}\n\
         clients:\n  - id: c-1\n    name: Thomas Parish\n    aliases: [\"Pastor Tom\"]\n",
    );
    let item = |second: &str| {
        format!(
            "**Blessing of the animals**\n\nPastor Tom will bless every critter that shows up \
             this Sunday.\n\n{second}\n\n**Holiday hours**\n\nClosed on the 25th.\n"
        )
    };
    assert_eq!(
        judge(
            &ws,
            &item("We'll have a table out front with free nail trims (Kayleigh).")
        )
        .0,
        "warn"
    );
}

#[test]
fn a_back_thrown_out_is_health() {
    let ws = Workspace::new();
    let winner =
        "---\nchannel: raffle\n---\nCongratulations to Gus Petrakis, winner of our raffle!";
    assert_eq!(judge(&ws, winner), pair("pass", &[]));
    for told in ["he threw his back out", "all that back pain"] {
        let with_back = format!("{winner}\nPerfect timing after {told}, Gus!");
        assert_eq!(judge(&ws, &with_back), pair("block", &["C006"]), "{told}");
    }
}

#[test]
fn a_title_before_a_long_surname_misspelled_names_the_client() {
    let ws = with_roster(
        "version: 1\npractice: {name: Keser Malka, staff: [Malka Halpern], population: 100000}\n\
         clients:\n  - id: c-1\n    name: Faigy Katzenellenbogen\n    attributes: {gender: female}\n",
    );
    let draft = |title: &str| {
        format!("{title} Katzenelenbogen - heres the sciatica stretch we did on the table today\n")
    };
    assert_eq!(judge(&ws, &draft("Mrs.")), pair("block", &["c-1"]));
    // A title that disagrees with the client is someone else.
    assert_eq!(judge(&ws, &draft("Mr.")).0, "pass");
}

#[test]
fn a_kallah_is_a_bride_and_her_sheitel_a_service() {
    let ws = with_roster(
        "version: 1\npractice: {name: Keser Malka, staff: [Malka Halpern], population: 100000}\n\
         clients:\n  - id: c-1\n    name: Perl Mandel\n    attributes: {gender: female}\n",
    );
    // "did her sheitel" says she was served, as "did her nails" would.
    assert_eq!(
        judge(
            &ws,
            "Mazel tov to Perl Mandel on the bar mitzvah of her son! We did her sheitel for the seudah.\n"
        ),
        pair("block", &["c-1"])
    );
    assert_eq!(
        judge(
            &ws,
            "Mazel tov to Perl Mandel on the bar mitzvah of her son!\n"
        )
        .0,
        "warn"
    );
    assert_eq!(
        judge(
            &ws,
            "Rabbi Stern's wife trusts us with her Shabbos sheitel. Thank you, Perl Mandel, for the flowers!\n"
        ),
        pair("block", &["c-1"])
    );
    // A before-and-after, however its arrow is typed, shows the work done on her.
    assert_eq!(
        judge(&ws, "before ➡️ after for our beloved Perl Mandel 🤍\n"),
        pair("block", &["c-1"])
    );
    assert_eq!(judge(&ws, "a big hello to Perl Mandel 🤍\n").0, "warn");
    // A kallah is a bride: one of a few on a given Sunday.
    assert_eq!(
        judge(
            &ws,
            "Our kallah was in my chair at 6am for her Sunday wedding.\n"
        )
        .0,
        "warn"
    );
}

#[test]
fn a_description_the_reader_is_dared_to_guess_fits_one_person() {
    let ws = Workspace::new();
    assert_eq!(
        judge(
            &ws,
            "guess who did her mani with me today?!\n\na nurse from the north end\n"
        )
        .0,
        "block"
    );
    assert_eq!(
        judge(
            &ws,
            "she did her mani with me today!\n\na nurse from the north end\n"
        )
        .0,
        "warn"
    );
}

#[test]
fn a_hint_at_a_relatives_famous_job_points_at_the_relative() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Stage Door Bodywork, staff: [Nina Castell], population: 2300000}
clients:
  - id: V001
    name: Dana Reyes
    public_figure: true
    attributes: {occupation: morning news anchor, affiliations: [Rise and Shine Desert]}
  - id: V002
    name: Lorraine Reyes
    attributes: {traits: [mother of Rise and Shine Desert anchor Dana Reyes]}
"#,
    );
    // The anchor's show, told of her mother, is the mother's quasi-identifier.
    assert_eq!(
        judge(
            &ws,
            "The mom of a certain Rise and Shine Desert anchor was on my table today and fell asleep in ten minutes.\n"
        ),
        pair("block", &["V002"])
    );
    // A featherweight nobody on the roster, hinted at, on the table: the hint is the leak.
    assert_eq!(
        judge(
            &ws,
            "A certain strawweight had her pre-fight flush on my table this morning. Big weekend ahead!\n"
        )
        .0,
        "block"
    );
    // The headliner of a show in the chair is one person.
    assert_eq!(
        judge(
            &ws,
            "Guess which resident headliner took a turn in the chair before Saturday's show?\n"
        )
        .0,
        "block"
    );
    // "a full 90" is a session's length, not her age: the trade alone is one weak cue.
    assert_eq!(
        judge(
            &ws,
            "Our favourite trapeze artist came in for a full 90 and she left walking on air.\n"
        )
        .0,
        "warn"
    );
}

#[test]
fn brazilian_visits_radio_voices_titleholders_and_a_finnish_grandma() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Jabuticaba, staff: [Renata Lopes, Kaylee Maki], population: 72000}
clients:
  - id: B001
    name: Juliano Prado
    aliases: ["DJ Juninho"]
  - id: B002
    name: Aili Pietila
  - id: B003
    name: Cassia Ramos
    public_figure: true
    attributes: {occupation: radio host, affiliations: [Radio Saudade 1490 AM]}
"#,
    );
    // "passou aqui hoje pra fazer a sobrancelha": he came in today for his brows.
    assert_eq!(
        judge(
            &ws,
            "DJ Juninho passou aqui hoje pra fazer a sobrancelha antes do baile 🔥\n"
        ),
        pair("block", &["B001"])
    );
    assert_eq!(
        judge(&ws, "DJ Juninho vai tocar no baile de sábado 🔥\n").0,
        "warn"
    );
    // The morning voice of a station, treated after surgery, is one person.
    assert_eq!(
        judge(
            &ws,
            "You all know the voice that wakes up the valley every morning. She has trusted us \
             with her recovery since her knee surgery.\n"
        )
        .0,
        "block"
    );
    // A titleholder in for a session, though she is on no roster.
    assert_eq!(
        judge(
            &ws,
            "guess which newly crowned queen came in for a deep tissue today 👑\n"
        )
        .0,
        "block"
    );
    // The writer's own grandmother shares a client's first name.
    assert_eq!(
        judge(
            &ws,
            "made my mummu aili's pulla recipe for the staff room and kaylee ate 4 pieces\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_service_told_as_someones_one_of_our_regulars_and_a_standing_day() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Bluebonnet Studio, staff: [Dana], population: 4100}
clients:
  - id: C1
    name: Summer Hartmann
  - id: C2
    name: Irmgard Scholl
    attributes:
      age: 85
"#,
    );
    // A word-name's service is hers: "summer's bridal trial".
    assert_eq!(
        judge(
            &ws,
            "summer's bridal trial is next thursday & i'm already dreaming up her lash look\n"
        ),
        pair("warn", &["C1"])
    );
    // The season's, or the holiday's, is no one's.
    assert_eq!(
        judge(
            &ws,
            "this summer's bridal trial special is back! Mother's Day massage gift cards too.\n"
        )
        .0,
        "pass"
    );
    // "one of our aunties who just turned 70": one client's age.
    assert_eq!(
        judge(
            &ws,
            "Happy birthday to one of our aunties who just turned 85 this week!\n"
        ),
        pair("warn", &["C2"])
    );
    assert_eq!(
        judge(&ws, "Happy birthday to our aunties everywhere!\n").0,
        "pass"
    );
    // A standing weekly slot is a client's.
    assert_eq!(
        judge(
            &ws,
            "She has had a standing Thursday roller set here for years and she turns 85 on Friday!\n"
        ),
        pair("warn", &["C2"])
    );
}

#[test]
fn a_cranky_hip_flexor_is_health_and_a_grandmaster_is_a_public_figure() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Bereg Banya, staff: [Yulia], population: 35000}
clients:
  - id: C1
    name: Boris Rybak
    aliases: ["@rybak_in_net"]
    consent:
      - id: K1
        scope: [status, name]
        channels: [social]
        granted: 2026-01-01
        evidence: consent/K1.pdf
"#,
    );
    // Consent to be named does not cover what was treated.
    assert_eq!(
        judge(
            &ws,
            "@rybak_in_net is back between the pipes saturday, three sessions on that cranky hip flexor\n"
        ),
        pair("block", &["C1"])
    );
    assert_eq!(
        judge(&ws, "@rybak_in_net is back between the pipes saturday!\n").0,
        "pass"
    );
    assert_eq!(
        judge(
            &ws,
            "A certain grandmaster from the boardwalk chess tables came to us after her tournament.\n"
        )
        .0,
        "block"
    );
    assert_eq!(
        judge(
            &ws,
            "Our staff chess night: bring your board, no grandmaster needed.\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_public_figures_health_told_a_little_later_is_theirs() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Undertow Massage, staff: [Gina], population: 5200}
clients:
  - id: C1
    name: Kayla Brandt
    aliases: ["@kaylaswims"]
    public_figure: true
"#,
    );
    // Her injury, told under the next heading of a blog post about her.
    assert_eq!(
        judge(
            &ws,
            "Once in a while we get to share a story. (Yes, that Kayla: @kaylaswims, our Olympian.)\n\n\
             ## The injury\n\n\
             Six weeks before trials her team diagnosed a grade 2 hamstring strain.\n"
        ),
        pair("block", &["C1"])
    );
    // Said to her in the same paragraph.
    assert_eq!(
        judge(
            &ws,
            "Kayla Brandt, thank you! It is always a pleasure. Tell your sciatica we are waiting for it Thursday.\n"
        ),
        pair("block", &["C1"])
    );
    // Generic advice after her public news is no one's health.
    assert_eq!(
        judge(
            &ws,
            "Kayla Brandt will light the tree on Friday.\n\n\
             **Tip.** If your hamstring strain flares up after the cold swim, ice it.\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_list_of_trades_after_every_is_anyone_in_them() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Undertow Massage, staff: [Gina], population: 5200}
clients:
  - id: C1
    name: Sal Russo
    attributes:
      occupation: bartender
  - id: C2
    name: Vinnie Russo
    attributes:
      occupation: fisherman
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Thank you to every lifeguard, surfer, fisherman, bartender and beat-up weekend warrior who trusted us with their shoulders this season.\n"
        )
        .0,
        "pass"
    );
    // One of them, told as one, is someone.
    assert_ne!(
        judge(
            &ws,
            "Our favourite bartender trusted us with his shoulders again this week.\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_name_after_the_and_a_title_is_a_boat_or_a_diner() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Undertow Massage, staff: [Gina], population: 5200}
clients:
  - id: C1
    name: Angela Marino
"#,
    );
    assert_ne!(
        judge(
            &ws,
            "Had a guy on my table this morning who's been running the Miss Angela out of the Inlet for forty years.\n"
        )
        .1,
        ["C1"]
    );
    assert_eq!(
        judge(&ws, "Had Miss Angela on my table this morning.\n").1,
        ["C1"]
    );
}

#[test]
fn names_misspelled_in_lower_case_or_around_a_fathers_name_are_found() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Qurux Studio, staff: [Sahra], population: 30000}
clients:
  - id: C1
    name: Ashley Koch
  - id: C2
    name: Fadumo Nur Jibril
  - id: C3
    name: Mary Ross
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "shoutout to ashly kock who literally cleans teeth all day & still has the best retention on my books\n"
        ),
        pair("block", &["C1"])
    );
    assert_eq!(
        judge(
            &ws,
            "The winner of our November raffle is Faadumo Nuur Jibriil! Ruqi will call you this week.\n"
        ),
        pair("block", &["C2"])
    );
    // Ordinary words one letter off a name are still words.
    assert_eq!(
        judge(
            &ws,
            "so many roses on my table this week from all of you, thank u for the love and the flowers\n"
        )
        .1,
        Vec::<String>::new()
    );
}

#[test]
fn the_name_of_a_giveaway_tells_nothing_of_its_winner() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Bluebonnet Studio, staff: [Jolene], population: 4100}
clients:
  - id: C1
    name: Lacey Fischer
    attributes:
      traits: [bride-to-be]
    consent:
      - id: K1
        scope: [status, name]
        channels: [raffle]
        granted: 2026-01-01
        evidence: consent/K1.pdf
"#,
    );
    let raffle = |text: &str| format!("---\nchannel: raffle\n---\n{text}\n");
    assert_eq!(
        judge(
            &ws,
            &raffle("Congratulations to Lacey Fischer, winner of our Bride-to-Be Glam Giveaway!")
        )
        .0,
        "pass"
    );
    // Told as hers, it is her story.
    assert_eq!(
        judge(
            &ws,
            &raffle("Congratulations to Lacey Fischer, our bride-to-be, on winning the raffle!")
        ),
        pair("block", &["C1"])
    );
}

#[test]
fn a_name_that_is_a_word_is_a_name_when_spoken_to_or_on_the_table() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Shore Bodywork, staff: [Gina], population: 9000}
clients:
  - id: C1
    name: Summer Kowalski
  - id: C2
    name: Michael Tedesco
    aliases: [Mike]
"#,
    );
    // Set off by a dash and spoken to.
    assert_eq!(
        judge(
            &ws,
            "Summer — your gift card is at the front desk whenever you stop by!!"
        ),
        pair("warn", &["C1"])
    );
    // Set off by a full stop, spoken to a few words on.
    assert_eq!(
        judge(
            &ws,
            "mike. i said STRETCH after ur session. not go deadlift the same night"
        ),
        pair("warn", &["C2"])
    );
    // The subject of a visit: "was" between the name and "on my table".
    assert_eq!(
        judge(
            &ws,
            "Mike was on my table today and his hamstrings are a mess"
        ),
        pair("warn", &["C2"])
    );
    // The season, and the word: nobody is spoken to or on the table.
    for text in [
        "Summer is here and the patio is open.",
        "Summer: the season of sandals and sore feet.",
        "Mike was on the fritz again at the open mic, so we sang unplugged.",
    ] {
        assert_eq!(judge(&ws, text).0, "pass", "{text}");
    }
}

#[test]
fn a_signed_testimonial_says_its_signer_was_served() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Lakay Braids, staff: [Widline], population: 35000}
clients:
  - id: C1
    name: Daphnee Saint-Fleur
    public_figure: true
    consent:
      - id: K1
        scope: [status, name, story]
        channels: [social]
        granted: 2026-01-01
        evidence: consent/K1.pdf
"#,
    );
    let quote =
        "> \"Widline is the only one I trust before a shoot.\"\n> — **Daphnee Saint-Fleur** ✨\n";
    let newsletter = format!("---\nchannel: newsletter\n---\n## Client love\n\n{quote}");
    assert_eq!(judge(&ws, &newsletter), pair("block", &["C1"]));
    // On the channel her consent covers, the same quote is hers to give.
    assert_eq!(judge(&ws, &format!("## Client love\n\n{quote}")).0, "pass");
    // Named in the news, a public figure is no client.
    assert_eq!(
        judge(
            &ws,
            "---\nchannel: newsletter\n---\nDaphnee Saint-Fleur has a new tutorial out."
        )
        .0,
        "pass"
    );
}

#[test]
fn casino_and_show_trades_are_quasi_identifiers() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Night Owl Bodywork, staff: [Renata], population: 420000}
clients:
  - id: C1
    name: Dmitri Sorokin
    attributes:
      occupation: hand-balancer in a Strip show
"#,
    );
    // A job, a visit and a habit: a human should look.
    assert_eq!(
        judge(
            &ws,
            "to the acrobat who did a one arm handstand on my massage table tonight: no."
        )
        .0,
        "warn"
    );
    assert_eq!(
        judge(
            &ws,
            "One of our regulars is a cocktail server at the casino and she says the new heels hurt."
        )
        .0,
        "warn"
    );
    // The trade, spoken of: nobody.
    assert_eq!(
        judge(&ws, "Acrobats and dancers: book before the holiday shows.").0,
        "pass"
    );
}

#[test]
fn the_practice_s_own_animal_and_a_trade_s_fund_describe_nobody() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Khumbu Physio, staff: [Sunita], population: 9000}
clients:
  - id: C1
    name: Pemba Sherpa
    attributes:
      occupation: trekking porter
"#,
    );
    let (verdict, _) = judge(
        &ws,
        "one porter bhai (no names) fell asleep on the massage bed and snored so loud the \
         trekkers in the waiting room asked if we keep a yak inside",
    );
    assert_eq!(verdict, "warn");
    assert_eq!(
        judge(
            &ws,
            "The municipality will pay the first session from its porter welfare fund."
        )
        .0,
        "pass"
    );
}

#[test]
fn a_name_before_a_street_word_is_the_street() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Po Sau Tong, staff: [Cindy], population: 15000}
clients:
  - id: C1
    name: Jackson Leong
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "we're already booking jan thru june!! pls don't park on jackson st rn, call us"
        )
        .0,
        "pass"
    );
    assert_eq!(
        judge(&ws, "jackson was on my table today, call us").1,
        ["C1"]
    );
}

#[test]
fn an_official_s_relative_in_kreyol_or_cantonese_is_the_relative() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Lakay Braids, staff: [Nadege], population: 35000}
clients:
  - id: C1
    name: Marie-Ange Celestin
    aliases: ["Madam C"]
    public_figure: true
    attributes:
      occupation: city commissioner
  - id: C2
    name: Odette Celestin
    attributes:
      age: 79
      traits: [mother of the city commissioner]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Had the honor of working on the commissioner's manman after Mass. 79 years young!"
        ),
        pair("block", &["C2"])
    );
    // Her locs done by the writer: the commissioner was served.
    assert_eq!(
        judge(
            &ws,
            "when the commissioner herself says nobody touches her locs but me. ok madam c i see u"
        ),
        pair("block", &["C1"])
    );
    // In the news, she is nobody's client.
    assert_eq!(
        judge(
            &ws,
            "The commissioner will cut the ribbon on 2nd Ave tomorrow."
        )
        .0,
        "pass"
    );
}

#[test]
fn a_job_word_that_signs_a_post_is_a_name() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Lakay Braids, staff: [Jean-Robert Desir], population: 35000}
clients:
  - id: C1
    name: Guerline Joseph
"#,
    );
    // "Bobby" is a British policeman only as "a bobby".
    assert_eq!(
        judge(
            &ws,
            "Anybody else with the sciatic pain come see me, Tues-Sat.\n\n— Bobby (Jean-Robert)\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_hint_after_a_dare_to_guess_describes_whoever_was_served() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Khumbu Physio, staff: [Sunita], population: 9000}
clients:
  - id: C1
    name: Phurba Nuru Sherpa
    public_figure: true
    attributes:
      traits: [29 Everest summits]
  - id: C2
    name: Kartik Rai
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "guess whose hamstrings i got to work on today\n\nhint: 29 everest summits. TWENTY. NINE.\n"
        ),
        pair("block", &["C1"])
    );
    // Told as news, with no dare and nobody served, the record is his own.
    assert_eq!(
        judge(&ws, "Congratulations on 29 Everest summits, a record!").0,
        "pass"
    );
    // A Nepali month is a date.
    assert_eq!(
        judge(
            &ws,
            "612 treatment sessions between Bhadra and Kartik, our busiest season yet."
        )
        .0,
        "pass"
    );
}

#[test]
fn thanks_in_other_languages_and_month_ranges_with_a_dash() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Po Sau Tong, staff: [Cindy], population: 15000}
clients:
  - id: C1
    name: Fong Mei-Ling
    aliases: [荷筆]
  - id: C2
    name: Kartik Rai
"#,
    );
    // A pen name thanked to its face, in Cantonese.
    assert_eq!(
        judge(&ws, "多謝 荷筆 for the very kind words about our clinic!"),
        pair("warn", &["C1"])
    );
    assert_eq!(
        judge(
            &ws,
            "**Autumn (Bhadra – Kartik), all agencies together**: 341 sessions."
        )
        .0,
        "pass"
    );
}

#[test]
fn a_stage_name_that_is_a_flower_is_someone_when_she_stops_by() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Night Owl, staff: [Renata], population: 420000}
clients:
  - id: C1
    name: Dahlia Reyes
    aliases: [DAHLIA]
    public_figure: true
  - id: C2
    name: Mabel Ortiz
    attributes:
      age: 81
      places: [Sun City]
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "Dahlia stopped by before her Friday show and took a pic with the crew!"
        ),
        pair("block", &["C1"])
    );
    assert_eq!(
        judge(
            &ws,
            "Dahlias stopped blooming in October, so the vase is empty."
        )
        .0,
        "pass"
    );
    // "One of our sweethearts" is one client, told by her age and town.
    assert_eq!(
        judge(
            &ws,
            "Happy birthday to one of our Sun City sweethearts: 81 years young this week!!"
        )
        .0,
        "warn"
    );
}

#[test]
fn a_number_a_client_races_under_is_theirs_however_written() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Pit Stop Massage, staff: [Wade Cline], population: 40000}
clients:
  - id: C1
    name: Colt Sherrill
    attributes:
      occupation: stock car driver
      affiliations: ["No. 47"]
  - id: C2
    name: Travis Mauldin
    attributes:
      occupation: jackman for Cartwright Racing
"#,
    );
    // "No. 47" on the roster is "the 47 car" and "the #47" in a post.
    assert_eq!(
        judge(
            &ws,
            "Somebody who drives the 47 car has been on our table twice a week since that wreck.\n"
        ),
        pair("block", &["C1"])
    );
    assert_eq!(
        judge(
            &ws,
            "The #47 was on my table this morning, that shoulder is moving again!\n"
        ),
        pair("block", &["C1"])
    );
    // A bus or a count of minutes is nobody's number.
    assert_eq!(
        judge(
            &ws,
            "Took the 47 bus in today, so I was late for my own massage.\n"
        )
        .0,
        "pass"
    );
    // A pit-crew trade is an occupation: the jackman in for his back is someone.
    assert_ne!(
        judge(
            &ws,
            "The jackman came in Monday limping, left Wednesday jogging.\n"
        )
        .0,
        "pass"
    );
    // ... but "every pit crew guy" is anyone.
    assert_eq!(
        judge(
            &ws,
            "She is tougher than every single jackman I have ever met, never flinches.\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_staff_name_written_family_name_first_is_staff_by_its_given_name() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Hidamari Seitai, staff: [Nishimura Kōji], population: 110000}
clients:
  - id: C1
    name: Tanaka Yui
"#,
    );
    // "Kōji-sensei" is the practitioner, not a teacher who is a client.
    assert_eq!(
        judge(
            &ws,
            "Every winter Kōji-sensei sees the same thing: our hips and lower backs complain.\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_caption_of_a_thing_is_no_photo_of_the_client_and_a_result_felt_is_a_visit() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Victory Lane Massage, staff: [Tammy Jo], population: 40000}
clients:
  - id: C1
    name: Dale Pressley
    consent:
      - {id: K1, scope: [status, name, story], channels: [social], granted: 2026-01-10, evidence: k1.pdf}
  - id: C2
    name: Elisapee Kilabuk
    aliases: ["@elisapee.onair"]
    public_figure: true
"#,
    );
    // The photo is of the fruit he brought, which his consent does not need to cover.
    let fruit = "[📸 A five-gallon bucket of muscadines on our front counter]\n\n\
                 Dale Pressley came in for his appointment and brought us muscadines!\n";
    assert_eq!(judge(&ws, fruit), pair("pass", &[]));
    // A caption with him in it is a photo of him.
    let him = "[📸 Dale Pressley with a bucket of muscadines on our front counter]\n\n\
               Dale Pressley came in for his appointment and brought us muscadines!\n";
    assert_eq!(judge(&ws, him).0, "block");
    // A public figure thanked for a shout-out, then told to feel better than in years: a client.
    assert_eq!(
        judge(
            &ws,
            "huge thanks to @elisapee.onair for the shoutout this morning!!! she told the whole \
             town her shoulders havent felt this good since before covid\n"
        ),
        pair("block", &["C2"])
    );
}

#[test]
fn a_complaint_seen_to_is_a_visit() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Siqiniq Physio, staff: [Tyler], population: 7400}
clients:
  - id: C1
    name: Sylvia Lyall
    attributes:
      traits: [walks her black Newfoundland dog Bosun every morning]
"#,
    );
    // Her dog in the car while she "gets her sciatica sorted": she is being treated.
    assert_ne!(
        judge(
            &ws,
            "bosun the big fluffy newfie waiting sooo patiently in the car while his mom gets \
             her sciatica sorted\n"
        )
        .0,
        "pass"
    );
    // A car seen to is no one's treatment.
    assert_eq!(
        judge(
            &ws,
            "bosun the big fluffy newfie waiting in the car while his mom gets her truck fixed up\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_numbered_seat_is_a_visit_and_two_vertebrae_are_health() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Studio Ripresa, staff: [Chiara], population: 38000}
clients:
  - id: C1
    name: Océane Marchetti
    aliases: ["@oceane.onair"]
    attributes:
      occupation: morning TV presenter
  - id: C2
    name: Elias Korhonen
    aliases: ["@ek58official"]
    consent:
      - {id: K2, scope: [status, name, photo], channels: [social], granted: 2026-01-10, evidence: k2.pdf}
"#,
    );
    // A handle with "on table 2": she was here.
    assert_eq!(
        judge(
            &ws,
            "guess who was on table 2 at 6h before going LIVE\n@oceane.onair glowing\n"
        ),
        pair("block", &["C1"])
    );
    // His consent covers his name and photo, not which vertebrae were locked.
    assert_eq!(
        judge(
            &ws,
            "Grazie @ek58official! A whole evening on the neck, C5/C6 locked. P4 on Sunday\n"
        ),
        pair("block", &["C2"])
    );
    assert_eq!(
        judge(&ws, "Grazie @ek58official! P4 on Sunday, what a drive\n"),
        pair("pass", &[])
    );
}

#[test]
fn a_catchphrase_in_quotes_and_a_local_job_word_are_the_clients() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Kingdom Kutz, staff: [Terrence], population: 500000}
clients:
  - id: C1
    name: Darius Kimbrough
    aliases: [DK]
    attributes:
      occupation: evening news anchor
      traits: [bald with a sharp beard line, sign-off "Keep it 11"]
  - id: C2
    name: Seiuli Penitito Alapati
    attributes:
      occupation: pulenu'u (village mayor) of Vaiala; high chief
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "KEEP IT 11 🫡 pulled up for the Friday fresh before the 6 o'clock 📸\n"
        )
        .1,
        ["C1"]
    );
    assert_eq!(
        judge(
            &ws,
            "We had the honour of looking after the pulenu'u of Vaiala this week; his hips earned it.\n"
        ),
        pair("block", &["C2"])
    );
}

#[test]
fn a_child_playing_at_a_famous_part_and_a_club_winger_are_not_public_figures() {
    let ws = Workspace::new();
    assert_ne!(
        judge(
            &ws,
            "Somebody's little linebacker jumped on table 2 and snapped the headrest off 😩\n"
        )
        .0,
        "block"
    );
    assert_ne!(
        judge(
            &ws,
            "Last month a young winger from one of the local clubs came to us with a hamstring.\n"
        )
        .0,
        "block"
    );
    assert_eq!(
        judge(
            &ws,
            "A young winger for the Dolphins came to us with a hamstring.\n"
        )
        .0,
        "block"
    );
}

#[test]
fn a_trade_called_out_warns() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Malolo Physio, staff: [Mele], population: 37000}
clients:
  - id: C1
    name: Malo Faasavalu
"#,
    );
    assert_eq!(
        judge(
            &ws,
            "To the fisherman who paid his bill in fresh fish this morning: thank you!\n"
        )
        .0,
        "warn"
    );
    assert_eq!(
        judge(
            &ws,
            "I went to the dentist who fixed my tooth, then opened the shop.\n"
        )
        .0,
        "pass"
    );
}

#[test]
fn a_greeting_that_is_a_name_is_no_client() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Malolo Physio, staff: [Mele], population: 37000}
clients:
  - id: C1
    name: Malo Faasavalu
    aliases: [Malo]
  - id: C2
    name: Tasi Leavasa
    aliases: [Tasi]
    consent:
      - {id: K2, scope: [status, name, story], channels: [newsletter], granted: 2026-01-10, evidence: k2.pdf}
"#,
    );
    let draft = "---\nchannel: newsletter\n---\n**Tasi Leavasa** has been one of our clients since \
                 last year and started a stretch for the morning staff. Mālō lava, Tasi!\n";
    assert_eq!(judge(&ws, draft), pair("pass", &[]));
}

#[test]
fn a_first_names_relative_is_the_client_their_entry_ties_to_it() {
    let roster = |tie: &str| {
        format!(
            r#"version: 1
practice: {{name: Hozho Hair, staff: [Kayla], population: 4500}}
clients:
  - id: C1
    name: Shandiin Bitsui
    public_figure: true
    attributes:
      occupation: professional barrel racer
  - id: C2
    name: Virgil Bitsui
    attributes:
      occupation: silversmith
      traits: [{tie}silver concho belt]
"#
        )
    };
    let draft = "shandiin's dad came in for a trim today and brought me these earrings 😭\n";
    let ws = with_roster(&roster("father of barrel racer Shandiin Bitsui, "));
    assert_eq!(judge(&ws, draft), pair("block", &["C2"]));
    // With no client tied to her, her dad is no one on the roster, and she was not here.
    let ws = with_roster(&roster(""));
    assert!(!judge(&ws, draft).1.contains(&"C1".to_owned()));
}

#[test]
fn a_roles_relative_without_the_possessive_and_an_age_in_a_likeness() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Kingdom Kutz, staff: [Bernice], population: 500000}
clients:
  - id: C1
    name: Earnestine Booker
    attributes:
      occupation: retired schoolteacher
      age: 78
      traits: [the councilman's mother]
  - id: C2
    name: Ray Booker
    attributes:
      occupation: city councilman
      age: 50
"#,
    );
    // "councilman mama" is his mother; "like she was 50" is nobody's age.
    assert_eq!(
        judge(
            &ws,
            "Our councilman mama pulled up for the massage chair, 78 years YOUNG, retired \
             schoolteacher. She walked out that door like she was 50 🔥\n"
        ),
        pair("block", &["C1"])
    );
}

#[test]
fn an_italian_relative_of_a_named_client_is_the_relative() {
    let ws = with_roster(
        r#"version: 1
practice: {name: Studio Ripresa, staff: [Chiara], population: 38000}
clients:
  - id: C1
    name: Grace Gastaldi
    attributes:
      age: 84
      traits: [mother of Maître Carlo Gastaldi]
  - id: C2
    name: Carlo Gastaldi
    aliases: ["Maître Gastaldi"]
"#,
    );
    let (_, ids) = judge(
        &ws,
        "Tanti auguri to la mamma di Maître Gastaldi, who turns 85 on Sunday! Your Tuesday \
         slot is yours until you're 100.\n",
    );
    assert_eq!(ids, ["C1"]);
}
