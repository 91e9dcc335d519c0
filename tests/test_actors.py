"""Actors and places: the example article's acceptance criteria and small synthetic articles."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from analysed import extract_actors

from briefing.model import Actor, Article, Document
from briefing.nlp.entities import load_nlp, parse
from briefing.nlp.sentences import segment

EXAMPLE = Path(__file__).parents[1] / "examples" / "baghdad-airport-strike.txt"

pytestmark = pytest.mark.skipif(load_nlp("english") is None, reason="no English spaCy model installed")


def document(raw: str, language: str = "english") -> Document:
    """An article given as headline, blank line, body."""
    title, _, body = raw.partition("\n\n")
    return segment(Article(id="test", title=title.strip(), text=body, language=language))


def by_name(actors: tuple[Actor, ...]) -> dict[str, Actor]:
    return {actor.name: actor for actor in actors}


@pytest.fixture(scope="module")
def example() -> tuple[Document, tuple[Actor, ...], tuple[str, ...]]:
    doc = document(EXAMPLE.read_text(encoding="utf-8"))
    actors, places = extract_actors(doc)
    return doc, actors, places


def test_example_people_with_roles(example):
    _, actors, _ = example
    people = {name: actor for name, actor in by_name(actors).items() if actor.kind == "person"}
    assert "head of Iran’s elite Quds Force" in people["Qassim Soleimani"].role
    assert "deputy commander" in people["Abu Mahdi al-Muhandis"].role
    assert "airport protocol officer" in people["Mohammed Reda"].role
    assert people["Donald Trump"].role == "President"
    assert people["Mark Esper"].role == "Defense Secretary"


def test_example_organizations(example):
    _, actors, _ = example
    organizations = {a.name for a in actors if a.kind == "organization"}
    expected = {"Popular Mobilization Forces", "Quds Force", "Kataeb Hezbollah", "Security Media Cell"}
    assert expected <= organizations
    cell = by_name(actors)["Security Media Cell"]
    assert cell.role == "which releases information regarding Iraqi security"
    assert by_name(actors)["Popular Mobilization Forces"].mentions == 2


def test_example_no_false_actors(example):
    _, actors, places = example
    names = {a.name for a in actors}
    weekdays = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    assert not names & ({"Katyusha", "Defense", "Soleimani", "Iran", "Iraq"} | weekdays)
    assert "Katyusha" not in places
    assert not [a for a in actors if a.name != "Qassim Soleimani" and "Soleimani" in a.name]


def test_example_places(example):
    _, _, places = example
    assert {"Baghdad", "Iraq", "Iran"} <= set(places)
    assert len(places) == len(set(places))
    assert not [p for p in places if p.lower().startswith("the ")]


def test_example_roles_are_verbatim_and_provenance_kept(example):
    doc, actors, _ = example
    text = " ".join(s.text for s in doc.sentences)
    for actor in actors:
        assert actor.name in text
        assert actor.role is None or actor.role in text
        assert actor.name in doc.sentences[actor.first_sentence].text or any(
            v in doc.sentences[actor.first_sentence].text for v in actor.variants
        )
        assert actor.article_ids == ("test",)


def test_example_salience_order(example):
    _, actors, _ = example
    names = [a.name for a in actors]
    assert names.index("Qassim Soleimani") < names.index("Mark Esper")  # in the headline, mentioned early


SYNTHETIC = """Mayor resigns after audit

Jane Whitfield, the mayor of Springfield, resigned on Monday after an audit of the city budget. \
Whitfield said she had acted in good faith. The National Audit Office (NAO) found errors in three contracts. \
The NAO, which reviews public spending, said the report would be published on Friday. \
Treasury Secretary Robert Klein declined to comment.
"""


def test_surname_and_acronym_merge_with_roles():
    actors, places = extract_actors(document(SYNTHETIC))
    found = by_name(actors)
    mayor = found["Jane Whitfield"]
    assert (mayor.kind, mayor.mentions, mayor.variants) == ("person", 2, ("Whitfield",))
    assert mayor.role == "the mayor of Springfield"
    assert mayor.first_sentence == 0
    office = found["National Audit Office"]
    assert (office.kind, office.mentions, office.variants) == ("organization", 2, ("NAO",))
    assert office.role == "which reviews public spending"
    assert found["Robert Klein"].role == "Treasury Secretary"
    assert not {"Whitfield", "NAO", "Monday", "Friday", "Treasury"} & set(found)
    assert places == ("Springfield",)
    assert actors[0].name == "Jane Whitfield"  # most mentions, in the lead


def test_language_without_model_gives_nothing():
    doc = document("Rücktritt\n\nJane Whitfield trat am Montag in Springfield zurück.", "german")
    assert load_nlp("german") is None and parse(doc) is None
    assert extract_actors(doc) == ((), ())


def test_parse_keeps_sentence_boundaries():
    doc = document(SYNTHETIC)
    parsed = parse(doc)
    assert parsed is not None
    assert [span.text for span in parsed.sentences] == [s.text for s in doc.sentences]
    nao = next(e for e in parsed.doc.ents if e.text == "NAO")
    assert parsed.sentence_of(nao.start_char) == 3


def test_a_dateline_fragment_does_not_break_actor_analysis() -> None:
    """Regression (found by hypothesis): an apposition whose head has no words of its own."""
    from briefing.analysis import analyse
    from briefing.model import Article
    from briefing.nlp.sentences import segment

    analyse(segment(Article(id="x", text="The * (CNN) The.")), "actors")  # must not raise


def cues_of(raw: str, name: str) -> set[str]:
    """The features a candidate name has (those not 0), as the learned decision sees them; empty if no candidate."""
    from briefing.analysis.actors.features import name_features
    from briefing.analysis.actors.mentions import find_candidates, publisher
    from briefing.analysis.actors.names import name_key

    doc = document(raw)
    candidates, aliases, seen = find_candidates(parse(doc), publisher(doc.article.text))
    values = name_features(candidates, seen, doc.article.title, aliases).get(name_key(name), {})
    return {feature for feature, value in values.items() if value}


def candidates(raw: str) -> set[str]:
    """The texts of the candidate names (spaCy's spans, repaired)."""
    from briefing.analysis.actors.spans import entity_spans

    return {span.text for span in entity_spans(parse(document(raw)).doc)}


def names(raw: str) -> dict[str, Actor]:
    return by_name(extract_actors(document(raw))[0])


def test_title_inside_a_name_is_cut_and_the_organisation_kept() -> None:
    raw = """Bank news

Microsoft CFO Daniel Ferreira announced his retirement on Monday. \
"After nine years as CFO, I will leave," he wrote. \
Ferreira joined Microsoft in 2009.
"""
    found = names(raw)
    assert "Daniel Ferreira" in found and found["Daniel Ferreira"].role == "Microsoft CFO"
    assert "Microsoft" in found and "Microsoft CFO" not in found and "CFO" not in found


def test_works_characters_figures_of_speech_and_religious_figures_are_not_actors() -> None:
    raw = """Play opens

The new play "Harbor Lights" opened on Broadway on Friday, written by Maria Castellanos. \
The character of Lucinda, played by actress Helen Marsh, runs a bakery in the play. \
Castellanos was once called the Neil Simon of Chile by a critic. \
Her previous play was a satire of "Seinfeld" episodes. \
One scene shows a painting depicting Prophet Ibrahim.
"""
    found = names(raw)
    assert "Maria Castellanos" in found and "Helen Marsh" in found
    for name in ("Lucinda", "Neil Simon", "Seinfeld", "Prophet Ibrahim", "Ibrahim"):
        assert name not in found


def test_an_outlet_told_is_a_medium_but_an_institution_told_is_an_actor() -> None:
    raw = """Activist speaks

The activist Sara Lind told the Daily Courier newspaper that she had been threatened. \
She later told the International Union of Writers that she would keep writing.
"""
    found = names(raw)
    assert "Sara Lind" in found
    assert "International Union of Writers" in found
    assert not any("Courier" in name for name in found)


def test_author_bio_before_an_opinion_disclaimer_is_not_an_actor() -> None:
    raw = """Opinion

Peter Haldane is a professor of economics at Ridgeway College. \
The opinions expressed in this commentary are solely those of the author. \
Finance Minister Clara Voss said on Monday that taxes would rise.
"""
    found = names(raw)
    assert "Clara Voss" in found
    assert "Peter Haldane" not in found and "Ridgeway College" not in found


def test_a_possessive_collective_name_stays_whole_and_matches_its_acronym() -> None:
    raw = """Army news

The People's Liberation Army's air force will train more pilots. \
The PLA said the program would start in September.
"""
    found = names(raw)
    assert "People's Liberation Army" in found
    assert "PLA" in found["People's Liberation Army"].variants
    assert "People" not in found and "Liberation Army" not in found


def test_a_national_institution_and_its_short_name_merge() -> None:
    raw = """Vote

The U.S. Congress voted on the bill on Tuesday. \
Congress will vote again next week, and the U.N. Security Council will meet too. \
The United Nations Security Council has met twice this year.
"""
    found = names(raw)
    assert "Congress" in found["U.S. Congress"].variants and "Congress" not in found
    assert "U.N. Security Council" in found["United Nations Security Council"].variants


def test_organisation_named_for_two_places_is_one_name() -> None:
    raw = """Airport

A spokesman for the Port Authority of New York and New Jersey said the runway was closed.
"""
    assert "Port Authority of New York and New Jersey" in names(raw)


def test_product_of_a_brand_is_not_an_organisation() -> None:
    raw = """Gadget

Samsung released the new Samsung watch on Monday. \
The Samsung Watch tracks sleep, and Samsung expects strong sales.
"""
    found = names(raw)
    assert "Samsung" in found and "Samsung Watch" not in found


def test_roles_from_coordinated_and_fronted_descriptions() -> None:
    raw = """Trial

The two main suspects in the robbery, Mark Ellison and Dean Porter, were arrested on Friday. \
Prosecutors replaced Anna Kovac and Lena Brandt -- two judges who had recused themselves. \
As a defense lawyer for the city, Robert Hale has seen many such cases. \
The list included Dr. Ines Moreau, the support groups and the families.
"""
    found = names(raw)
    assert found["Mark Ellison"].role == found["Dean Porter"].role == "The two main suspects in the robbery"
    assert found["Anna Kovac"].role.startswith("two judges who had recused themselves")
    assert found["Robert Hale"].role == "a defense lawyer for the city"
    assert found["Ines Moreau"].role == "Dr."


def test_title_inside_the_entity_and_title_before_the_name() -> None:
    raw = """Crash

Trooper Alan Booth said the road was icy on Tuesday morning. \
The crash was reported by Capt. Maria Lopez said nobody was hurt.
"""
    doc = document(raw)
    assert doc.sentences[-1].text.startswith("The crash")  # "Capt." does not end a sentence
    found = by_name(extract_actors(doc)[0])
    assert found["Alan Booth"].role == "Trooper"
    assert found["Maria Lopez"].role == "Capt."


def test_abbreviated_titles_are_the_segmenters_and_a_courtesy_title_is_no_role() -> None:
    raw = """Parish

The mass was led by Fr. Michael Doyle in Dublin. Doyle said the parish was grieving. \
The bill was tabled by the Hon. Jane Smith MP in London. Smith said it would pass.
"""
    found = by_name(extract_actors(document(raw))[0])
    assert found["Michael Doyle"].role == "Fr."
    assert found["Jane Smith"].role is None  # "Hon.", like "Mr.", only says how to address her


def test_one_word_name_in_the_possessive_has_the_cue() -> None:
    raw = """Policy

Obama's focus has shifted to the economy, critics say.
"""
    assert 'any: possessive ("X\'s")' in cues_of(raw, "Obama")


def test_names_used_as_places_are_not_actors() -> None:
    raw = """Offensive

Troops from Chad and Lomara attacked the rebels on Sunday, residents in the border town of Dorfa, Lomara, said. \
The fighting spread along the Lomara-Chad border. \
"We heard gunfire from the direction of Malam Tessa," said Dorfa resident Ari Koumba. \
Gunmen also stormed Tafawa Kelu town, said Musa Ibrahim, a local official. \
One officer is from Webster Hills, a St. Louis suburb, police said.
"""
    found = names(raw)
    assert "Ari Koumba" in found and "Musa Ibrahim" in found
    assert not {"Lomara-Chad", "Tafawa Kelu"} & set(found)
    for place in ("Lomara", "Malam Tessa", "Tafawa Kelu", "Webster Hills"):  # NER calls some people: the model weighs
        assert 'any: a place\'s context ("the town of X", "X, Niger")' in cues_of(raw, place)


def test_a_city_before_its_state_is_a_place_even_when_tagged_a_person() -> None:
    raw = """Shooting

A Madison, Wisconsin, police officer shot a man on Friday, Police Chief Mike Koval said. \
"Praying for Madison tonight," wrote one resident, Anna Berg.
"""
    found = names(raw)
    assert "Mike Koval" in found
    assert "Madison" not in found


def test_competitions_days_and_documents_are_not_actors() -> None:
    raw = """Tennis

Serena Williams withdrew from the BNP Paribas Open on Friday, before International Women's Day. \
She has played in tournaments around the world, mostly the Premier League of tennis. \
Her coach, Patrick Mouratoglou, said the Common Core State Standards did not apply to her.
"""
    found = names(raw)
    assert "Serena Williams" in found and "Patrick Mouratoglou" in found
    for name in ("BNP Paribas Open", "International Women's Day", "Premier League", "Common Core State Standards"):
        assert name not in found


def test_a_league_that_acts_is_an_organisation() -> None:
    raw = """Ban

The National Hockey League suspended Tom Berger for ten games on Monday. \
Berger said he would appeal.
"""
    found = names(raw)
    assert "Tom Berger" in found
    assert {"any: subject", "name: ends in an organisation word"} <= cues_of(raw, "National Hockey League")


def test_the_publishers_programmes_and_affiliates_are_not_actors() -> None:
    raw = """Police shooting

Madison, Wisconsin (CNN) Police Chief Mike Koval told CNN affiliate WKOW-TV that the officer acted alone. \
The victim's mother, Andrea Irwin, said the same to WKOW on Saturday. \
"It was tough," former player Pam Shriver told CNN's Open Court. \
Tennis writer Bill Dwyre also told Open Court that the crowd was hostile.
"""
    found = names(raw)
    assert {"Mike Koval", "Andrea Irwin", "Pam Shriver", "Bill Dwyre"} <= set(found)
    assert not {"WKOW", "WKOW-TV", "Open Court", "CNN"} & set(found)


def test_names_in_the_publishers_promotion_of_itself_are_not_actors() -> None:
    raw = """Student news

Today we visit Italy and meet the climber Reinhold Messner. \
Please request a mention on the Daily Student Roll Call. \
Thank you for using Daily Student!
"""
    found = names(raw)
    assert "Reinhold Messner" in found
    assert not [name for name in found if name.startswith("Daily Student")]


def test_titles_and_letters_around_a_name_are_not_part_of_it() -> None:
    raw = """Coin

Artist Jody Clark said he researched old coins. \
The old portrait was made by Ian Rank-Broadley FRBS in 1998. \
Clark is a member of the Royal Society of Sculptors. \
Prosecutor Mehmet Selim Kiraz was taken hostage, and Copilot Hamid was not on duty.
"""
    found = names(raw)
    assert "Jody Clark" in found and found["Jody Clark"].role == "Artist"
    assert "Ian Rank-Broadley" in found and "Mehmet Selim Kiraz" in found
    assert not [name for name in found if name.split()[0] in ("Artist", "Prosecutor", "Copilot")]
    assert not [name for name in found if name.endswith("FRBS")]


def test_a_capitalised_determiner_inside_a_name_stays() -> None:
    raw = """Vote

Goodluck Jonathan lost to retired general Muhammadu Buhari of All Progressives Congress on Tuesday. \
Jonathan said the result was fair.
"""
    found = names(raw)
    assert "All Progressives Congress" in found and "Progressives Congress" not in found


def test_name_forms_merge_across_suffix_nickname_and_word_order() -> None:
    raw = """Court

Solicitor General Donald B. Verrilli Jr. filed a brief on Friday. \
Verrilli said the law was unfair. \
Michael Brown was killed in August, and protests followed Mike Brown's death. \
The U.S. Justice Department published a report, and the Department of Justice asked for changes.
"""
    found = names(raw)
    assert "Verrilli" in found["Donald B. Verrilli Jr."].variants and "Verrilli" not in found
    assert "Mike Brown" in found["Michael Brown"].variants and "Mike Brown" not in found
    assert "Department of Justice" in found["U.S. Justice Department"].variants
    assert "Department of Justice" not in found


def test_a_quoted_nickname_joins_the_name_but_not_the_canonical_name() -> None:
    raw = """Landing

The passengers survived thanks to the skills of pilot Chesley "Sully" Sullenberger. \
Sullenberger later retired.
"""
    found = names(raw)
    assert "Chesley" not in found
    assert 'Chesley "Sully" Sullenberger' in found["Chesley Sullenberger"].variants


def test_terms_codes_products_hashtags_and_common_nouns_are_not_organisations() -> None:
    raw = """Mystery

Researchers did a CT scan of the statue, said curator Vincent Vilsteren. \
Veterans suffering from TBI need help, said John Stroud. \
What happened to MH370 is unknown, said Jeff Wise, who once flew a Boeing 777. \
Some adopted the #WillyStreet hashtag, and the Roudebush VA Facebook page was flooded. \
A manager at an Indiana Veterans Hospital was suspended after a CNS refused to help.
"""
    found = names(raw)
    assert {"Vincent Vilsteren", "John Stroud", "Jeff Wise"} <= set(found)
    for name in ("CT", "TBI", "MH370", "Boeing", "WillyStreet", "Roudebush VA Facebook",
                 "Indiana Veterans Hospital"):
        assert name not in found
    assert 'any: counted ("a Taser")' in cues_of(raw, "CNS")


def test_works_titles_and_title_modifiers_are_not_actors() -> None:
    raw = """Film ban

You will find today's show Transcript on our site, said producer Ann Leigh. \
India banned the BBC documentary "Maiden's Fate" on Sunday. \
The Madison Police Chief said the officer would be suspended. \
Actress Taraji Henson spoke about it in an Uptown Magazine interview.
"""
    found = names(raw)
    assert "Ann Leigh" in found and "Taraji Henson" in found
    for name in ("Transcript", "Maiden's Fate", "Fate", "Madison Police", "Uptown Magazine"):
        assert name not in found


def test_reporting_credits_at_the_end_are_not_actors() -> None:
    raw = """Election

Goodluck Jonathan conceded the election on Tuesday. \
Christian Purefoy reported from Lagos and Susannah Cullinane wrote from London.
"""
    found = names(raw)
    assert "Goodluck Jonathan" in found
    assert "Christian Purefoy" not in found and "Susannah Cullinane" not in found


def test_parts_played_are_not_actors() -> None:
    raw = """New drama

Actor Cliff Curtis stars as Sean Cabrera, a teacher who shares a son with his ex-wife. \
In the pilot, Kim Dickens co-stars as Nancy Rowe, a guidance counselor. \
Alycia Carey will play her ambitious daughter, Ashley Rowe. \
Disney star Zendaya Coleman visited the set on Monday.
"""
    found = names(raw)
    assert "Alycia Carey" in found and "Zendaya Coleman" in found  # "Disney star X" is no part played
    for name in ("Sean Cabrera", "Nancy Rowe", "Ashley Rowe"):
        assert name not in found


def test_publisher_staff_and_credit_lines_are_not_actors() -> None:
    raw = """Flight report

London (CNN) -- Airline chief Peter Lang resigned on Friday. \
CNN's aviation correspondent Richard Quest said the delay was disturbing. \
Journalist Wayne Lovell in Dili and CNN's Greg Morrison from Atlanta. \
Kristina Sgueglia in New York and Jason Hanna in Atlanta also contributed.
"""
    found = names(raw)
    assert "Peter Lang" in found
    for name in ("Richard Quest", "Wayne Lovell", "Greg Morrison", "Kristina Sgueglia", "Jason Hanna"):
        assert name not in found


def test_name_boundaries() -> None:
    raw = """Court case

The men will appear at Waltham Forest Magistrates' Court on Wednesday, his co-host James May said. \
Following Netanyahu's interview, the talks stalled. \
Republicans want the administration to submit the deal with Iran to Congress for approval. \
Abid Naseer was found guilty of plotting with al Qaeda.
"""
    found = candidates(raw)
    for name in ("Waltham Forest Magistrates' Court", "James May", "Netanyahu", "al Qaeda"):
        assert name in found
    for name in ("Court", "James", "Following Netanyahu", "Iran to Congress"):
        assert name not in found


def test_media_acronym_figure_of_speech_and_clubs() -> None:
    raw = """Match report

The BBC suspended the presenter, Jeremy Clarkson said on the BBC Newsbeat website. \
Asked by an interviewer with the Israeli news site, NRG, Netanyahu said no. His interview with NRG came late. \
He also transformed, Hulk-style, into a giant. \
Manchester City beat Leicester 2-0 on Saturday. \
City had suffered back-to-back defeats to Barcelona and Liverpool.
"""
    actors = by_name(extract_actors(document(raw))[0])
    assert "BBC" in actors and "Jeremy Clarkson" in actors
    assert "NRG" not in actors and "Hulk" not in actors
    assert "any: a team in a sentence with a score" in cues_of(raw, "Manchester City")
    for club in ("Barcelona", "Liverpool"):  # in a match report, beside a club: the model weighs it
        assert "any: a team in a match report" in cues_of(raw, club)


def role_of(raw: str, name: str) -> str | None:
    return by_name(extract_actors(document(raw))[0])[name].role


def test_plural_title_before_a_list_covers_every_name():
    raw = ("Stars meet\n\nThe guests included actors Angelina Jolie and Leonardo DiCaprio at the gala on Monday. "
           "Jolie and DiCaprio spoke briefly.")
    assert role_of(raw, "Angelina Jolie") == "actors"
    assert role_of(raw, "Leonardo DiCaprio") == "actors"


def test_possessive_team_before_a_name_is_a_role():
    raw = "Race report\n\nFerrari's Kimi Raikkonen finished third on Sunday. Raikkonen said he was happy."
    assert role_of(raw, "Kimi Raikkonen") == "Ferrari's"


def test_noun_heading_a_clause_is_not_a_title():
    raw = ("Soldier charged\n\nPaul Remmer left his base in 2009. From the moment Remmer went missing there were "
           "questions about Remmer.")
    assert role_of(raw, "Paul Remmer") is None


def test_hyphenated_role_is_not_cut():
    raw = ("Fan speaks\n\nChristopher Thomas, a Hamilton super-fan from New York, says he will travel to every "
           "race. Thomas has seen twelve races.")
    assert "super-fan" in role_of(raw, "Christopher Thomas")


def names_of(raw: str) -> dict[str, Actor]:
    return by_name(extract_actors(document(raw))[0])


def test_hyphenated_given_name_stays_whole():
    raw = ("Factory fears\n\n\"The amount of the pay raise demanded this time is small,\" said Yoo Chang-geun, the "
           "head of an automobile parts maker. Taiwan is home to acclaimed filmmakers like Edward Yang and Hou "
           "Hsiao-hsien.")
    actors = names_of(raw)
    assert {"Yoo Chang-geun", "Hou Hsiao-hsien"} <= set(actors)
    assert not {"Yoo Chang", "Hou Hsiao"} & set(actors)


def test_person_name_split_by_ner_is_joined():
    raw = ("Yemen crisis\n\nThe Houthi forces are closing in on Aden, and the U.S.-supported President, Abdu Rabbu "
           "Mansour Hadi, has reportedly fled the country. Tunisian President Beji Caid Essebsi marched alongside "
           "world leaders.")
    actors = names_of(raw)
    assert {"Abdu Rabbu Mansour Hadi", "Beji Caid Essebsi"} <= set(actors)
    assert not {"Abdu Rabbu", "Mansour Hadi", "Beji Caid"} & set(actors)


def test_organisation_name_with_and_after_of_is_whole():
    raw = ("Dead geese\n\nThe birds appear to have died of avian cholera, the Idaho Department of Fish and Game said "
           "Tuesday.")
    actors = names_of(raw)
    assert "Idaho Department of Fish and Game" in actors and "Game" not in actors


def test_place_police_and_leader_administration_are_organisations():
    raw = ("Campus forum\n\nRepresentatives from Albemarle County police were to attend the forum on Friday. "
           "Israeli police identified the attacker. Republicans demand that the Obama administration submit any "
           "deal to Congress.")
    actors = names_of(raw)
    assert actors["Obama administration"].kind == "organization"
    for name in ("Albemarle County police", "Israeli police", "Obama administration"):
        assert 'any: a place\'s body ("Charlottesville police", "the Saudi government")' in cues_of(raw, name)


def test_short_police_name_joins_the_department():
    raw = ("Standoff\n\nThe Palm Bay Police Department said officers were called on Friday. A girl was reported "
           "dead soon thereafter, according to the Palm Bay police.")
    actors = names_of(raw)
    assert "Palm Bay Police Department" in actors and "Palm Bay police" not in actors


def test_names_in_a_place_context_are_places():
    flood = (Path(__file__).parent / "data" / "daily" / "flood-tribune.txt").read_text(encoding="utf-8")
    actors, places = extract_actors(document(flood))
    assert "Algemesí" in places and "Algemesí" not in {a.name for a in actors}
    raw = ("Anniversary\n\nPutin attended a concert in Moscow to commemorate the annexation of the Ukrainian "
           "territory of Crimea. On March 16, 2014, Crimea held a referendum.")
    actors, places = extract_actors(document(raw))
    assert "Crimea" in places and "Crimea" not in {a.name for a in actors}


def test_named_things_are_not_actors():
    launch = (Path(__file__).parent / "data" / "daily" / "launch-wire.txt").read_text(encoding="utf-8")
    assert "Metop" not in names_of(launch)
    raw = ("Sneaker auction\n\nFans are used to seeing high prices attached to the rapper's Air Yeezy sneakers on "
           "eBay. One seller attempted to sell a Zipperseal bag with air.")
    assert not {"Air Yeezy", "Zipperseal"} & set(names_of(raw))


def test_operator_of_a_plane_stays_an_actor():
    raw = ("Crash\n\nCitizens of 18 countries packed into the Germanwings plane in Barcelona. A Germanwings "
           "spokesman said the flight was routine.")
    cues = cues_of(raw, "Germanwings")  # a vehicle's operator, not a made thing: the model weighs the rest
    assert cues and 'any: a made thing ("the Metop weather satellite")' not in cues


def test_sites_events_and_numbered_competitions_are_not_actors():
    raw = ("Tunis attack\n\nGunmen killed tourists in the Bardo Museum in Tunis. He visited the Western Wall, the "
           "holiest site of Judaism. Formula One star Fernando Alonso will not race. She will speak during Women's "
           "History Month.")
    names = set(names_of(raw))
    assert not {"Bardo Museum in Tunis", "Bardo Museum", "Western Wall", "Formula", "Women's History Month"} & names
    assert "Fernando Alonso" in names


def test_museum_that_acts_is_an_actor():
    raw = ("Mummy\n\nThe statue was shown at Drents Museum in the Netherlands. Drents Museum said the owner had "
           "bought it legally.")
    assert "Drents Museum" in names_of(raw)


def test_agency_whose_agents_were_told_is_an_actor():
    raw = ("Manhunt\n\nHe told FBI agents he drove his son to El Paso. He also told the Los Angeles Times he was "
           "innocent.")
    assert "FBI" in names_of(raw)


def test_organisation_before_a_detective_title_is_part_of_the_title():
    raw = ("Dancing officer\n\nNew Orleans Police Det. Winston Harbin became a minor Internet celebrity during the "
           "parade. Harbin said he loved it.")
    actors = names_of(raw)
    assert 'any: part of a person\'s title ("Defense" Secretary)' in cues_of(raw, "New Orleans Police")
    assert actors["Winston Harbin"].role == "New Orleans Police Det."


def test_noun_tagged_as_adjective_before_a_name_is_a_role():
    raw = ("Book withdrawn\n\nPenguin India withdrew a book by American academic Wendy Doniger, after a local "
           "advocacy group accused the writer. The University of North Carolina will pay whistleblower Mary "
           "Willingham $335,000 to settle her lawsuit.")
    assert role_of(raw, "Wendy Doniger") == "American academic"
    assert role_of(raw, "Mary Willingham") == "whistleblower"


def test_plain_adjective_before_a_name_is_no_role():
    raw = "Tribute\n\nFans gathered to remember the late Whitney Houston on Sunday. Houston died in 2012."
    assert role_of(raw, "Whitney Houston") is None


def test_list_after_such_as_or_a_group_noun_shares_the_role():
    raw = ("City woes\n\nUnder Mancini, the club attracted star players such as Yaya Toure, Mario Balotelli and "
           "David Silva. The original creative team of Chris Buck, Jennifer Lee and Peter Del Vecho will return.")
    for name in ("Yaya Toure", "Mario Balotelli", "David Silva"):
        assert role_of(raw, name) == "star players"
    for name in ("Chris Buck", "Jennifer Lee", "Peter Del Vecho"):
        assert role_of(raw, name) == "The original creative team"


def test_list_before_a_partitive_description_shares_its_noun():
    raw = ("Aid workers\n\nKayla Mueller, Peter Kassig, Alan Henning, David Haines -- just a few of the aid workers "
           "who have been abducted and killed by ISIS in the past year.")
    assert role_of(raw, "Peter Kassig") == "the aid workers"
    assert role_of(raw, "David Haines") == "the aid workers"


COPULA = ("Trial\n\nTanya Singleton arranged the trip. Tanya Singleton is Hernandez's cousin. Jennifer Rupp is a "
          "Professor of electrochemical materials at ETH Zurich, and she works with IBM.")


def test_copula_states_a_role():
    assert role_of(COPULA, "Jennifer Rupp") == "a Professor of electrochemical materials at ETH Zurich"


@pytest.mark.xfail(reason="a known miss of the learned role model (models/roles.json): a short possessive role "
                          "read from a later mention's copula falls below its threshold", strict=True)
def test_copula_states_a_short_possessive_role():
    assert role_of(COPULA, "Tanya Singleton") == "Hernandez's cousin"


WHO = ("Campaign\n\nHillary Clinton, who announced last week, met donors on Monday. Clinton spoke for an hour. "
       "Imran Sarker, who heads the Blogger and Online Activists Network, said the meeting went well.")


def test_the_role_model_ranks_what_a_person_is_above_what_they_did():
    from briefing.analysis.actors import actor_clusters
    from briefing.analysis.actors.roles import find_role, role_candidates, role_features
    from briefing.learn import model

    doc = document(WHO)
    ranked, _ = actor_clusters(parse(doc), doc.article)
    shipped = model("roles")
    p = {}
    for cluster in ranked:
        candidates = role_candidates(cluster)
        p.update({c.text: shipped.probability(role_features(c, candidates)) for c in candidates})
    assert p["who heads the Blogger and Online Activists Network"] > p["who announced last week"] + 0.2, p
    sarker = next(c for c in ranked if c.name == "Imran Sarker")
    assert find_role(sarker) == "who heads the Blogger and Online Activists Network"
    strict = dataclasses.replace(shipped, threshold=1.01)  # no candidate reaches it: no role at all
    assert find_role(sarker, strict) is None


def test_title_words_are_not_part_of_the_name():
    raw = ("Bucket challenge\n\nSo it's no surprise that Wichita high school Principal Sherman Padgett was reluctant "
           "to play along last week. \"Many girls have been fondled and raped by the smugglers,\" Monsignor Emiliani "
           "says. The man suspected of killing a deputy U.S. Marshal Josie Wells has died.")
    actors = names_of(raw)
    assert {"Sherman Padgett", "Emiliani", "Josie Wells"} <= set(actors)
    assert not {"Principal Sherman Padgett", "Monsignor Emiliani", "Marshal Josie Wells"} & set(actors)
    assert actors["Sherman Padgett"].role is not None and "Principal" in actors["Sherman Padgett"].role


def test_words_of_a_title_before_a_name_are_no_person():
    raw = ("Hanging death\n\nFBI Supervisory Special Agent Jason Pack told WAPT that \"it's too early to say what "
           "happened.\" Pack said the FBI is helping.")
    actors = names_of(raw)
    assert "Jason Pack" in actors
    assert not any("Supervisory" in name for name in actors)


def test_hyphenated_given_name_after_the_family_name_ner_cut():
    raw = ("Nut rage\n\nCho is accused of attacking flight attendant Kim Do-hee in December on a Seoul-bound flight. "
           "The flight attendant said another airline manager, Yeo Woon-jin, pressured her not to talk to "
           "investigators. Kim testified.")
    actors = names_of(raw)
    assert {"Kim Do-hee", "Yeo Woon-jin"} <= set(actors)
    assert actors["Yeo Woon-jin"].kind == "person"
    assert not {"Kim Do", "Yeo Woon"} & set(actors)


def test_airports_streets_and_holidays_are_no_people():
    raw = ("Nut rage\n\nThe attack happened on a flight departing from John F. Kennedy International Airport. "
           "\"People think of Miami, they think of beaches and Ocean Drive and all of that.\" Then as a special treat "
           "for April Fools' Day, Reynolds was \"interviewed\" by host Mario Lopez.")
    actors = names_of(raw)
    assert not {"John F. Kennedy International Airport", "Ocean Drive", "April Fools' Day"} & set(actors)


def test_countries_are_places_also_as_national_teams():
    raw = ("Bale double\n\nGareth Bale scored twice for Wales as they beat Israel 3-0 in Euro 2016 qualification. "
           "The Real Madrid striker dominated the game in the northern city of Haifa. Meanwhile Italy narrowly "
           "avoided defeat against Bulgaria.")
    actors, places = extract_actors(document(raw))
    names = {a.name for a in actors}
    assert not {"Israel", "Italy", "Bulgaria", "Haifa", "Wales"} & names
    assert "Haifa" in places
    assert {"name: a country", "any: a team in a sentence with a score"} <= cues_of(raw, "Israel")


def test_a_list_of_cities_in_a_match_report_is_no_club():
    raw = ("Racism\n\nChelsea beat Paris Saint-Germain 2-1 on Tuesday. \"Would we know that these Paris and London "
           "incidents had happened if they weren't on video?\" In 2012, Rio Ferdinand refused to wear a T-shirt "
           "while playing for Manchester United.")
    actors, _ = extract_actors(document(raw))
    names = {a.name: a.kind for a in actors}
    assert "London" not in names
    assert names.get("Manchester United") == "organization"


def test_places_named_for_a_person_or_beside_a_place_noun():
    raw = ("Boxing\n\nThe two were neighbors in General Santos City, a city on the southern island of Mindanao. "
           "Houthi rebels from the north moved south and took the capital city, Sanaa.")
    actors = names_of(raw)
    assert not {"Santos City", "General Santos City", "Sanaa"} & set(actors)


def test_media_named_as_sources():
    raw = ("Jon Hamm\n\nActor Jon Hamm has recently completed a 30-day stint in rehab, TMZ reports. No U.S. release "
           "date has been set, Deadline reported. Officials would not elaborate, but The Advocate newspaper in Baton "
           "Rouge said there was a shootout. Woo was asked to tone it down, according to the South China Morning "
           "Post.")
    actors = names_of(raw)
    assert {"TMZ", "Deadline", "Advocate", "South China Morning Post"} <= {n.removeprefix("The ") for n in actors}


def test_credit_line_with_two_reporters_and_a_writer():
    raw = ("Hanging death\n\nThe body of Otis Byrd was found in the woods, Marvin Lucas said. CNN's Ed Lavandera and "
           "Jason Morris reported from Mississippi, and CNN's Greg Botelho wrote this story from Atlanta.")
    actors = names_of(raw)
    assert "Marvin Lucas" in actors
    assert not {"Jason Morris", "Ed Lavandera", "Greg Botelho"} & set(actors)


def test_a_demonym_before_a_name_is_not_part_of_it():
    raw = ("Alonso back\n\nDane Kevin Magnussen, who was deputizing for the recuperating Spaniard, was unable to start "
           "the race. \"We know we have a mountain to climb,\" the Frenchman said in a statement. A Kazakh official "
           "told a reporter that the president had fallen ill.")
    actors = names_of(raw)
    assert "Kevin Magnussen" in actors
    assert not {"Dane Kevin Magnussen", "Frenchman", "Kazakh"} & set(actors)


def test_a_capitalised_common_word_is_no_organisation():
    raw = ("Hate groups\n\nThe number of hate groups fell, the report said. Lone wolves are a growing threat, it said. "
           "A lone wolf planned an attack on the Capitol. The ring comes from the Caliphate (which then ruled "
           "Baghdad), researchers said in the journal Scanning. The caliphate traded with Scandinavia.")
    actors = names_of(raw)
    assert "Lone" not in actors and "Scanning" in actors
    assert "name: written in lower case elsewhere" in cues_of(raw, "Caliphate")


def test_a_name_before_teammate_is_a_team():
    raw = ("Hamilton on pole\n\nHamilton was faster than third-placed Felipe Massa of Williams. Massa's Williams "
           "teammate Valtteri Bottas qualified sixth.")
    actors = by_name(extract_actors(document(raw))[0])
    assert actors["Williams"].kind == "organization"


def test_the_publishers_reporter_is_no_actor():
    raw = ("Lubitz\n\n(CNN) -- The records are never officially released, according to CNN aviation reporter "
           "Richard Quest. CNNMoney correspondent Laurie Segall reached out to Meerkat founder Ben Rubin with some "
           "questions.")
    actors = names_of(raw)
    assert "Ben Rubin" in actors
    assert not {"Richard Quest", "Laurie Segall"} & set(actors)


def test_a_surname_tagged_as_a_place_is_the_person():
    # "Buhari" is a GPE to spaCy, "Muhammadu Buhari" an ORG; "Nachshon Carmi" an ORG: people who say things
    doc = document("""Buhari wins

Muhammadu Buhari has ruled Nigeria before, as one of a line of military strongmen who dominated the country between \
1966 and 1999. A military coup brought Buhari to power in late 1983. Buhari's 20-month rule was known for what he \
described as a "war on indiscipline." Buhari has campaigned as a born-again democrat to allay fears about his strict \
military regime. "It's a question of security," Buhari said from his campaign plane. Buhari told CNN he would fight \
corruption.""")
    actors, places = extract_actors(doc)
    assert by_name(actors)["Muhammadu Buhari"].kind == "person"
    assert by_name(actors)["Muhammadu Buhari"].mentions == 6
    assert "Buhari" not in places and "Nigeria" in places
    doc = document("""Israelis react

Nachshon Carmi said he is "very proud" of the prime minister. "He is doing what he must," Carmi said in Jerusalem. \
Speaking from Jerusalem, Carmi said he understands the risks.""")
    actors, places = extract_actors(doc)
    assert [(a.name, a.kind, a.mentions) for a in actors] == [("Nachshon Carmi", "person", 3)]
    assert places == ("Jerusalem",)


def test_a_place_or_club_that_shares_a_word_stays_a_place():
    doc = document("""Madrid protest

Real Madrid fans marched through the city on Sunday. Madrid said it would ban the march next year. Police in Madrid \
said 200 people took part, and the mayor of Madrid called for calm.""")
    assert extract_actors(doc)[1] == ("Madrid",)


def test_a_surname_in_s_read_as_a_plural_is_still_the_person():
    # spaCy tags "Knowles" NNPS in "Mayor James Knowles" and "Mayor Knowles'", NNP (and GPE) in "Knowles indicated"
    doc = document("""Ferguson mayor faces recall

Five residents Friday filed an affidavit saying they'll try to force a referendum on whether to remove Mayor James \
Knowles -- capping a tumultuous week in a community grappling with last year's fatal shooting of teenager Michael \
Brown. The five "initiated recall (attempt) due to Mayor Knowles' failure to adequately rein in an out-of-control \
police department during the protests," the activist group said. Wilson resigned from the department in November, \
citing security concerns. Knowles indicated Friday he won't be stepping down. Ashby, a Ferguson resident, said Friday \
that he believed Knowles has "consciously tried to do the right thing." Another resident said that Knowles needed to \
resign in order for the city to heal.""")
    actors, places = extract_actors(doc)
    knowles = by_name(actors)["James Knowles"]
    assert (knowles.kind, knowles.role) == ("person", "Mayor")
    assert "Knowles" not in places


def test_a_team_members_noun_after_the_team_is_no_forename():
    doc = document("""Hernandez convicted

Former New England Patriot Aaron Hernandez was convicted on Wednesday of murdering Odin Lloyd. Hernandez showed no \
emotion. A report pointed to neo-Nazi Frazier Glenn Miller, who is charged with three killings. Miller denies it.""")
    actors = by_name(extract_actors(doc)[0])
    assert "Aaron Hernandez" in actors and not any("Patriot" in name for name in actors)
    assert "Frazier Glenn Miller" in actors  # after a nationality word, the capitalised word is a forename


RAW_TASER = """Deputy charged

A U.S. official said the U.S. military would not comment. Police said the deputy fired a Taser at the man in \
Tulsa. The man grabbed the Taser and ran. The deputy meant to use his Taser, his lawyer said."""


def test_a_thing_written_with_a_or_his_is_no_place():
    doc = document(RAW_TASER)
    places = extract_actors(doc)[1]
    assert "Taser" not in places
    assert "Tulsa" in places
    assert 'any: counted ("a Taser")' in cues_of(RAW_TASER, "Taser")
    assert 'any: counted ("a Taser")' not in cues_of(RAW_TASER, "U.S.")  # "a U.S. official": the "a" is the official's


def test_role_after_the_last_of_two_names_and_a_title_to_a_place() -> None:
    raw = ("Talks\n\nOfficials met last week with National Security Adviser Susan Rice and Wendy Sherman, the lead "
           "U.S. negotiator for the Iran talks. Sherman said it went well. U.S. ambassador to Lebanon Francis Meloy "
           "disappeared in June 1976. Meloy was later found dead.")
    assert role_of(raw, "Wendy Sherman") == "the lead U.S. negotiator for the Iran talks"
    assert role_of(raw, "Francis Meloy") == "U.S. ambassador to Lebanon"



def test_a_measure_is_no_role() -> None:
    raw = """Forward stabbed

Chris Copeland, 6-foot-8-inch, was stabbed outside a New York club early Wednesday. \
Copeland was taken to hospital.
"""
    assert not (role_of(raw, "Chris Copeland") or "").startswith("6")


def test_title_or_noun_for_a_person_before_a_name_is_a_role_not_part_of_the_name():
    raw = ("Vote ahead\n\nPhysicist Larry Shaw said the result was close. Col Eric Schnaible of the US Air Force "
           "agreed. The singer, who has been linked to supermodel Kate Moss, was arrested. The manager made three "
           "changes, bringing on defender Goran Stanic, midfielder Gabor Vincze, and striker Ferenc Horvath for "
           "Bahoken. Kenyan Bernard Lagat won.")
    assert not {"Physicist Larry Shaw", "Col Eric Schnaible"} & candidates(raw)
    actors = names_of(raw)
    assert actors["Larry Shaw"].role == "Physicist" and actors["Eric Schnaible"].role == "Col"
    # a noun for a person the tagger calls a verb, or one NER put inside the name, is still the role
    assert actors["Kate Moss"].role == "supermodel" and actors["Ferenc Horvath"].role == "striker"
    assert actors["Bernard Lagat"].role == "Kenyan"


def test_a_party_and_its_nickname_are_one_actor():
    raw = ("Vote ahead\n\nThe Tories said the Lib Dems were wrong. Conservatives and Liberal Democrats met on "
           "Monday to talk about the vote.")
    actors = names_of(raw)
    assert actors["Conservatives"].kind == "organization" and actors["Conservatives"].variants == ("Tories",)
    assert actors["Liberal Democrats"].variants == ("Lib Dems",)
    assert "name: a political party (\"Labour\", \"the Tories\")" in cues_of(raw, "Tories")


def test_cues_of_things_and_of_people_beside_a_title():
    raw = ("Crash\n\nThe U.S.-supported President, Abdu Rabbu Mansour Hadi, has fled. Shaw has Asperger's syndrome. "
           "The Germanwings flight crashed.")
    assert "any: a thing's noun after it (\"X's syndrome\", \"X flight\")" in cues_of(raw, "Asperger")
    assert "any: a thing's noun after it (\"X's syndrome\", \"X flight\")" in cues_of(raw, "Germanwings")
    beside = "any: beside a title or a noun for a person (\"the President, X\")"
    assert beside in cues_of(raw, "Abdu Rabbu Mansour Hadi")
    assert "Abdu Rabbu Mansour Hadi" in names_of(raw) and "Asperger" not in names_of(raw)


def test_roles_before_a_name_that_say_when_give_way_and_affiliations_after_a_comma_count():
    raw = ("Budget\n\nThese days, Fatiya Hassan works in a bakery. Kyle Cooper, at Citigroup Global Markets, said the "
           "dollar would fall. Isabel Sawhill and Joanna Venator of the Brookings Institution wrote the study. The "
           "club signed 21-year-old defender Michael Dawson.")
    actors = names_of(raw)
    assert actors["Fatiya Hassan"].role != "These days"
    assert actors["Kyle Cooper"].role == "at Citigroup Global Markets"
    assert actors["Isabel Sawhill"].role == "of the Brookings Institution"
    assert actors["Michael Dawson"].role == "defender"


def test_the_navy_ends_in_an_organisation_word():
    raw = "Rescue\n\nThe Navy said two sailors were missing after the ship sank off the coast of Oman."
    assert "name: ends in an organisation word" in cues_of(raw, "Navy")
    assert "Navy" not in extract_actors(document(raw))[1]  # not a place


def test_an_apposition_after_an_object_is_the_piece_next_to_the_name() -> None:
    raw = """Beer

The Prime Minister accepted and even gave a short, impromptu speech, one of the football coaches, Simon \
Carrodus, told the magazine. Carrodus said the crowd cheered.
"""
    assert names(raw)["Simon Carrodus"].role == "one of the football coaches"  # not "a short"


def test_a_place_naming_someones_beat_is_no_place_of_the_story() -> None:
    doc = document("Execution\n\nSaudi Arabia executed a maid on Thursday. \"It smacks of a lack of humanity,\" said "
                   "Philip Luther, Middle East and North Africa Programme Director at Amnesty International. Louisiana "
                   "Gov. Bobby Jindal spoke in Baton Rouge.\n")
    places = extract_actors(doc)[1]
    assert "North Africa" not in places and "Saudi Arabia" in places and "Louisiana" in places


def test_a_role_never_ends_on_a_preposition() -> None:
    raw = """Hunt

Opre, the producer and co-host of "Eye of the Hunter," says she won the first season. Opre said so again.
"""
    role = names(raw)["Opre"].role
    assert role.startswith('the producer and co-host of "Eye of the Hunter') and not role.endswith(" of")


def test_a_compass_word_whose_region_the_next_one_names_is_no_place() -> None:
    doc = document("Migrants\n\nMany of the refugees come from Italy's former colonies in North and East Africa, "
                   "namely Eritrea and Somalia. Italy said so.\n")
    places = extract_actors(doc)[1]
    assert "North" not in places and "East Africa" in places and "Eritrea" in places


def test_a_thing_the_parse_runs_into_a_name_is_no_role() -> None:
    raw = """Hunt

The chief said that a video Genevieve and Scott Kelley made aroused his suspicions. Genevieve Kelley denied it.
"""
    assert names(raw)["Genevieve Kelley"].role != "video"


def test_a_name_given_as_an_alias_is_no_actor_of_its_own():
    raw = ("Reward\n\nKenya offered a reward of 20 million Kenyan shillings for Mohamed Mohamud, who goes by the "
           "aliases Dulyadin and Gamadhere. Mohamud is a former teacher. Police also seek Ali Hassan, a.k.a. Bashir.")
    names = {a.name for a in extract_actors(document(raw))[0]}
    assert "Mohamed Mohamud" in names and "Ali Hassan" in names, names
    assert not names & {"Dulyadin", "Gamadhere", "Bashir"}, names


def test_a_surname_two_people_share_is_the_one_named_first():
    doc = document("""Journalist dies

Veteran journalist and author Sandra Mackey died Sunday, her son, Colin Mackey, said. She was an undercover reporter \
in Saudi Arabia as her husband, Dr. Dan Mackey, worked in a Riyadh hospital. Over the years, Mackey wrote a stream of \
books. Mackey was a frequent commentator on CNN during the Gulf War. In 2004 the military flew Mackey to Iraq.""")
    found = by_name(extract_actors(doc)[0])
    assert found["Sandra Mackey"].mentions == 4
    assert found["Dan Mackey"].mentions == 1 and found["Colin Mackey"].mentions == 1


def test_a_title_before_a_name_is_no_person_of_its_own():
    doc = document("""Talks

"There is no question of sending the stocks abroad," Iranian Deputy Foreign Minister Abbas Araghchi said. Chinese \
Foreign Minister Wang Yi sounded optimistic. On Saturday, Iranian Foreign Minister Javad Zarif showed some optimism.""")
    names = [a.name for a in extract_actors(doc)[0]]
    assert "Foreign Minister" not in names and {"Abbas Araghchi", "Wang Yi", "Javad Zarif"} <= set(names)


def test_what_another_says_of_a_person_is_no_role():
    doc = document("""Arab parties

Ayman Odeh, a lawyer, leads the Joint List. His goal is to deny a new term to Benjamin Netanyahu, who he says has led \
the "most racist government in history." Netanyahu has not responded.""")
    found = by_name(extract_actors(doc)[0])
    assert found["Benjamin Netanyahu"].role is None


def test_a_name_without_its_middle_name_and_a_noun_before_a_surname_are_the_same_person():
    doc = document("""Execution postponed

Kelly Renee Gissendaner was convicted in 1998. Officials said Kelly Gissendaner would be moved. "The Department of \
Corrections immediately consulted with a pharmacist, and in an abundance of caution, Inmate Gissendaner's execution \
has been postponed," the department said.""")
    actors = extract_actors(doc)[0]
    assert [(a.name, a.mentions) for a in actors if "Gissendaner" in a.name] == [("Kelly Renee Gissendaner", 3)]


def test_holidays_and_diseases_are_no_actors_and_no_places() -> None:
    """A holiday's name is a time of the year and a disease's a condition, however NER and the model take them
    (#15: false actors)."""
    doc = document(
        "Easter quirks\n\n"
        "Easter is a cornerstone event in the Christian faith, but it's surrounded by interesting quirks. "
        "It celebrates the Resurrection. Easter's timing is related to Passover, because Jesus was crucified "
        "around then. Many Jewish holidays, including Passover, fall on full moon. Passover's exact date moves "
        "around -- and so does Easter's. Pope Francis celebrated Easter Sunday Mass at the Vatican. "
        "The bishops made a rule to pin Easter to Passover.")
    actors, places = extract_actors(doc)
    assert {a.name for a in actors} == {"Francis"}
    assert "Vatican" in places
    other, _ = extract_actors(document("Holidays\n\nRamadan began on Monday. During Ramadan, Muslims fast. Ramadan "
                                       "ends with Eid al-Fitr. Halloween sales rose, Walmart said."))
    assert {a.name for a in other} == {"Walmart"}
    sick, places = extract_actors(document(
        "Ebola patient flown home\n\nAn American health care worker who came down with Ebola in Sierra Leone "
        "arrived Friday at a hospital in Maryland, the National Institutes of Health said. Ebola has killed "
        "thousands in West Africa. Phoenix Air flew the patient, and Ebola experts met the plane."))
    assert "Ebola" not in {a.name for a in sick} | set(places)
    feast, places = extract_actors(document(
        "Holy Week\n\nThere is a phrase that many never come across: Easter Triduum. Easter Triduum has a prologue "
        "in Maundy Thursday, when Jesus celebrated with his disciples. On Maundy Thursday, Christians wash feet. "
        "Holy Saturday is the least understood day of the Easter Triduum, Bishop John Smith said."))
    assert not {"Easter Triduum", "Maundy"} & ({a.name for a in feast} | set(places))


def test_a_description_before_another_persons_name_is_his_title() -> None:
    """'use Kool-Aid, YouTube science geek Grant Thompson suggests': the description is Thompson's title, not an
    apposition to Kool-Aid."""
    doc = document("Eggs\n\nInstead of vinegar, use Kool-Aid, YouTube science geek Grant Thompson suggests. "
                   "Kool-Aid colours eggs well, Thompson said.")
    actors, _ = extract_actors(doc)
    found = by_name(actors)
    assert found["Grant Thompson"].role == "YouTube science geek"
    assert all(a.role != "YouTube science geek" for a in actors if a.name != "Grant Thompson")


def test_a_name_after_known_as_is_another_name_of_someone() -> None:
    """'the prisoner formerly known as Bradley Manning' names Chelsea Manning again: no second actor."""
    doc = document("Manning joins Twitter\n\nImprisoned soldier Chelsea Manning can now tweet. Manning appears to "
                   "have joined Twitter this week. In a series of tweets, the prisoner formerly known as Bradley "
                   "Manning said she will dictate her tweets by phone. Manning is serving a 35-year sentence.")
    actors, _ = extract_actors(doc)
    people = {a.name for a in actors if a.kind == "person"}
    assert people == {"Chelsea Manning"}
    from briefing.analysis.actors import _alias

    club = document("Girls' clubs\n\nIn 2004 the Population Council launched a club known as Abriendo "
                    "Oportunidades. Abriendo Oportunidades now reaches 8,000 girls, its director said.")
    assert not any(_alias(m) for m in _mentions(club, "Abriendo Oportunidades"))  # its name, not another one


def test_a_relative_clause_is_a_role_only_when_it_says_what_the_name_does() -> None:
    """'X, which provides ...' says what X is; 'X, which it retains' or 'X, which some see as ...' says what others
    do with X: no role."""
    doc = document("Council vote\n\nThe vote went to the Security Council, which some diplomats see as a relic. "
                   "The Security Council met on Friday. The Red Cross, which provides aid to prisoners, asked for "
                   "access. The Red Cross said it was ready. The Security Council said nothing.")
    found = by_name(extract_actors(doc)[0])
    assert found["Red Cross"].role == "which provides aid to prisoners"
    assert found["Security Council"].role is None


def test_a_date_before_a_title_is_no_part_of_it() -> None:
    doc = document("Dollar\n\nThe dollar fell on Monday. And last week US Treasury Secretary John Snow told an "
                   "audience in the UK that the policy remained unaltered. Snow said the dollar was strong.")
    assert by_name(extract_actors(doc)[0])["John Snow"].role == "US Treasury Secretary"


def test_a_name_ending_in_s_keeps_it() -> None:
    """"McDonald's said": the "'s" is the name's when every mention has it and one is followed by what no
    possessive precedes; "Apple's shares" stays Apple."""
    doc = document("McDonald's boss dies\n\nCharlie Bell, the former head of fast-food giant McDonald's, has died "
                   "aged 44. McDonald's said he had fought cancer. He joined McDonald's at 15. Apple's shares rose. "
                   "Apple's new phone sold well, Apple said.")
    found = by_name(extract_actors(doc)[0])
    assert "McDonald's" in found and "McDonald" not in found and "Apple" in found
    assert found["Charlie Bell"].role == "the former head of fast-food giant McDonald's"


def _mentions(doc: Document, name: str) -> list:
    from briefing.analysis.actors.mentions import find_candidates

    return [m for m in find_candidates(parse(doc))[0] if m.text == name]


def test_a_protagonist_is_a_character() -> None:
    doc = document("Town for sale\n\nNine buildings in Grantville are for sale, the former mayor Jim Sells said. "
                   "The town was the setting for an episode of the hit AMC show, in which protagonist Rick Grimes "
                   "returns to his abandoned hometown.")
    assert "Rick Grimes" not in by_name(extract_actors(doc)[0])


def test_a_name_ner_tagged_once_counts_every_mention() -> None:
    """NER tags "TV5Monde" once ("Television network TV5Monde") and misses it elsewhere: the same words, letter for
    letter, are mentions of it too, so it counts as the main actor it is."""
    doc = document("\n\nA French-language television network regained control of one of its channels Thursday. "
                   "Television network TV5Monde was gradually regaining control of its channels. TV5Monde lost "
                   "control of its websites, director Yves Bigot said. ISIS logos appeared on TV5Monde accounts. "
                   "TV5Monde offers round-the-clock programming.")
    found = by_name(extract_actors(doc)[0])
    assert found["TV5Monde"].mentions == 4 and found["TV5Monde"].kind == "organization"
    assert found["Yves Bigot"].mentions == 1


def test_a_form_of_address_ends_the_title_before_a_name() -> None:
    """BBC style puts "Mr", "Sir" or "Dr" between a title and the name: the title is what comes before it, and
    only when it ends in a person's word ("Leaving a Brussels summit Mr Blair" gives Blair no role)."""
    cases = {
        "MAB spokesman Dr Azzam Tamimi said the issues were clear. Dr Tamimi added more.": ("Azzam Tamimi",
                                                                                             "MAB spokesman"),
        "Committee Chairman Sir Archy Kirkwood said the agency had failed.": ("Archy Kirkwood", "Committee Chairman"),
        "Leaving a Brussels summit Mr Blair said the deal mattered. Mr Blair later flew home.": ("Blair", None),
    }
    for text, (name, role) in cases.items():
        found = by_name(extract_actors(document("\n\n" + text))[0])
        assert found[name].role == role, text


def test_a_form_of_address_alone_gives_way_to_a_role_the_article_states() -> None:
    """"Dr. Ben Carson" and later "Carson, a retired neurosurgeon": "Dr." says less than the apposition."""
    doc = document("\n\nResearchers say Dr. Ben Carson may be wrong about science. Wednesday on CNN, Carson, a retired "
                   "neurosurgeon and potential Republican presidential candidate, said he believes it. Carson later "
                   "apologized.")
    assert by_name(extract_actors(doc)[0])["Ben Carson"].role == (
        "a retired neurosurgeon and potential Republican presidential candidate")


def test_a_place_after_a_comma_is_no_part_of_the_title_after_it() -> None:
    """"dinner in Washington, D.C. President Barack Obama was also scheduled": "D.C." closes the place."""
    doc = document("\n\nWalker spoke at the dinner in Washington, D.C. President Barack Obama was also scheduled to "
                   "speak at the dinner.")
    assert by_name(extract_actors(doc)[0])["Barack Obama"].role == "President"


def test_the_target_of_a_shot_is_no_place() -> None:
    """"took a shot at Hillary Clinton": the "at" of a noun of aiming names a target (lexicon `target_nouns`), so
    the name is no place; "a rally at Concord High School" stays one."""
    doc = document("\n\nWalker spoke at a rally at Concord High School on Saturday. Walker also took a shot at Hillary "
                   "Clinton for giving Russia a reset button. Voters know Walker is running against Hillary Clinton.")
    actors, places = extract_actors(doc)
    assert "Hillary Clinton" not in places and by_name(actors)["Hillary Clinton"].kind == "person"


def test_a_title_runs_over_an_acronym_in_brackets() -> None:
    """"World Anti-Doping Agency (WADA) chief Dick Pound": the title is all of it, not "chief"."""
    doc = document("\n\nWorld Anti-Doping Agency (WADA) chief Dick Pound says Marion Jones should be stripped of her "
                   "medals. Pound said it was not an issue.")
    assert by_name(extract_actors(doc)[0])["Dick Pound"].role == "World Anti-Doping Agency (WADA) chief"


def test_a_role_a_speaker_gives_from_where_they_stand_is_none() -> None:
    """"Michael Owen will be our captain," a coach said: "our captain" says what Owen is to the speaker."""
    doc = document("\n\n\"With Gareth missing I would think Michael Owen will be our captain,\" said Wales coach Mike "
                   "Ruddock. Owen played well.")
    found = by_name(extract_actors(doc)[0])
    assert found["Michael Owen"].role is None and found["Mike Ruddock"].role == "Wales coach"


def test_a_name_whose_role_is_an_organisation_noun_is_an_organisation() -> None:
    """NER takes Napster for a person, but the article calls it "the first successful file-sharing network"."""
    doc = document("\n\nSince the first successful file-sharing network Napster was forced to close down, the industry "
                   "has been nervous. Napster later returned as a paid service, said Michael Weiss, president of "
                   "StreamCast Networks.")
    found = by_name(extract_actors(doc)[0])
    assert found["Napster"].kind == "organization" and found["Michael Weiss"].kind == "person"


def test_pro_tempore_is_part_of_the_title_not_of_the_name() -> None:
    """"Senate President pro Tempore Kevin de León": NER ran "Tempore" into the name."""
    doc = document("\n\nGov. Jerry Brown unveiled a spending plan on Thursday. \"This is an unprecedented crisis,\" "
                   "said Senate President pro Tempore Kevin de León. Assembly Speaker Toni Atkins agreed with de León.")
    found = by_name(extract_actors(doc)[0])
    assert found["Kevin de León"].role == "Senate President pro Tempore", sorted(found)


def test_two_places_ner_splits_side_by_side_are_one() -> None:
    """NER tags "Kentish" and "Town" as two places: with nothing between them they are one, "Kentish Town"."""
    doc = document("Games firm cuts jobs\n\nThere are 80 staff at its headquarters in Edgware in north London, with "
                   "17 at its offices in Kentish Town, London, and 22 at its base in Cambridge.")
    places = extract_actors(doc)[1]
    assert "Kentish Town" in places and "Town" not in places


def test_a_place_after_every_or_any_is_no_place() -> None:
    """"a casino on every High Street" is any street: no place the story happens in."""
    doc = document("Casino climbdown\n\nThe minister limited new casinos in the UK to 24. Talk of a casino on every "
                   "High Street was just a scaring tactic, she said. Bookmakers in London disagreed.")
    places = extract_actors(doc)[1]
    assert "High Street" not in places and "London" in places


def test_an_employer_after_a_job_noun_is_an_organisation() -> None:
    """"an analyst at Merrill Lynch", "an economist with MM Warburg": the "at" of a job is the employer, which the
    locative cue had made a place."""
    doc = document("Jobless total rises\n\nGermany's jobless total rose to 5 million. \"These numbers are very "
                   "charged politically,\" said Christian Jasperneite, an economist with MM Warburg. \"It is worse "
                   "than expected,\" said Holger Schmieding, an analyst at Merrill Lynch in London.")
    actors, places = extract_actors(doc)
    found = by_name(actors)
    assert found["MM Warburg"].kind == "organization" and found["Merrill Lynch"].kind == "organization"
    assert "MM Warburg" not in places and "Merrill Lynch" not in places and "London" in places


def test_followers_of_a_religion_and_nationalities_are_no_actors() -> None:
    """"Muslims" and "Kenyans" are groups of people (the annotation guidelines list no such group), however often
    named; "Muslim Association of Britain" is an organisation."""
    raw = ("Election\n\nMuslims should weigh the war before voting, Muslim leaders said. Muslims in Bethnal Green "
           "back Respect. The Muslim Association of Britain urged Muslims not to vote Labour. Kenyans mourned. "
           "Christians gathered.")
    actors, places = extract_actors(document(raw))
    names = {a.name for a in actors} | set(places)
    assert "Muslim Association of Britain" in names
    assert not names & {"Muslims", "Kenyans", "Christians"}


def test_a_person_name_ends_before_a_preposition() -> None:
    """NER's "Alice Gomstyn on Facebook" is Alice Gomstyn, who wrote on Facebook."""
    raw = ("Essay\n\nKatharine Zaleski wrote an essay. \"Seriously, thank you from the bottom of my heart,\" "
           "wrote Alice Gomstyn on Facebook. Gomstyn said more.")
    assert "Alice Gomstyn" in by_name(extract_actors(document(raw))[0])


def test_an_organisation_which_clause_is_a_role_only_when_it_says_what_it_is_or_does() -> None:
    """"Islamic State, which captured the city last year" says what it did once; "the General People's Congress,
    which is the party of longtime leader Ali Abdullah Saleh" says what it is."""
    raw = ("Yemen\n\nFighters of the Islamic State, which captured the city last year, attacked again. The Islamic "
           "State said it would go on. The General People's Congress, which is the party of longtime leader Ali "
           "Abdullah Saleh, said it would talk. The General People's Congress met on Monday.")
    found = by_name(extract_actors(document(raw))[0])
    assert found["Islamic State"].role is None
    assert found["General People's Congress"].role == "which is the party of longtime leader Ali Abdullah Saleh"
