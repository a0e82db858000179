"""Facts of the five articles, as the Rust fact tests (tests/data_facts.rs,
the README's tour) state them, asked from Python."""

import datetime

import pytest

import actorgraph


def subjects(relations):
    return sorted({r.subject.id for r in relations})


def objects(relations):
    return sorted({r.object.id for r in relations})


def test_russia_iran_and_hezbollah_back_the_assad_government(graph):
    backers = subjects(graph.at("2024-11-30").backers_of("Assad regime"))
    for expected in ["hezbollah", "iran", "russia"]:
        assert expected in backers


def test_turkey_backs_the_opposition_and_the_sna_not_the_hts_led_coalition(graph):
    assert objects(graph.at("2024-11-30").backed_by("Ankara")) == ["sna", "syrian_opposition"]


def test_the_aps_rebels_main_backer_is_the_opposition_at_large(graph):
    with pytest.raises(actorgraph.UnknownRelationError):
        graph.relation("turkey_backs_rebels")
    backing = graph.relation("turkey_backs_syrian_opposition")
    ap = next(c for c in backing.citations if "one of the rebels’ main backers" in c.quote)
    assert ap.claimant == "associated_press"
    assert not backing.contested
    assert "turkey" not in subjects(graph.at("2024-11-30").backers_of("rebels"))
    assert graph.relation("hts_competes_with_sna").kind == "competes_with"


def test_hts_leads_the_rebel_offensive_from_its_first_day_at_the_latest(graph):
    assert subjects(graph.at("2024-11-27").certainly().leaders_of("Syrian rebels")) == ["hts"]
    assert graph.at("2024-11-26").certainly().leaders_of("Syrian rebels") == []
    assert subjects(graph.at("2024-11-26").leaders_of("Syrian rebels")) == ["hts"]


def test_al_julani_led_jabhat_al_nusra_in_2016_and_no_one_is_said_to_lead_hts_now(graph):
    assert graph.at("2024-11-30").leaders_of("HTS") == []
    assert subjects(graph.at("2016-06-01").leaders_of("Jabhat al-Nusra")) == ["abu_mohammed_al_julani"]
    assert graph.at(datetime.date(2017, 1, 1)).leaders_of("Jabhat al-Nusra") == []


def test_assad_leads_the_government(graph):
    assert subjects(graph.at("2024-11-30").leaders_of("syrian_government")) == ["bashar_al_assad"]


def test_jabhat_al_nusra_and_hts_are_two_organisations(graph):
    hts = graph.resolve("Hay'at Tahrir al-Sham")
    assert hts.id == "hts"
    assert hts.former_names == []
    assert graph.resolve("jabhat al nusra").id == "jabhat_al_nusra"
    assert graph.resolve("al-Nusra Front").id == "jabhat_al_nusra"
    view = graph.at("2024-11-30")
    founded = lambda actor: subjects(
        r for r in view.events_of(actor) if r.kind == "founded" and r.object.id == actor
    )
    assert founded("hts") == ["abu_mohammed_al_julani"]
    assert founded("jabhat_al_nusra") == ["abu_bakr_al_baghdadi"]


def test_al_julani_set_up_hts_in_2016_in_newsweeks_whole_sentence(graph):
    founded = graph.relation("al_julani_founded_hts")
    quote = founded.citations[0].quote
    assert quote.startswith("In 2016, the group’s leader, Abu Mohammed al-Julani, broke ranks")
    assert "set up a new organization" in quote
    assert founded.on == "2016"
    assert founded.is_event


def test_what_the_press_knew_on_nov_28_about_aleppo(graph):
    view = graph.at("2024-11-30").known_by("2024-11-28")
    assert view.controllers_of("Aleppo") == []
    assert view.knowledge_date == datetime.date(2024, 11, 28)


def test_lineage_hts_succeeds_nusra_which_was_al_qaedas_affiliate(graph):
    lineage = graph.relation("hts_succeeds_jabhat_al_nusra")
    assert lineage.subject.id == "hts"
    nusra = lineage.object
    ties = graph.at("2015-06-01").either_way(nusra, "affiliated_with")
    assert [r.object.id for r in ties] == ["al_qaeda"]


def test_northern_storm_resolves_as_part_of_a_name(graph):
    storm = graph.resolve_explained("Northern Storm")
    assert storm.actor.id == "hts_northern_storm_brigade"
    assert storm.part_of_name


def test_iran_backs_the_army_directly(graph):
    first = graph.at("2024-11-30").chains("Iran", "SAA", limit=1)
    assert [len(c) for c in first] == [1]
    assert [a.id for a in first[0].actors] == ["iran", "syrian_army"]
    assert first[0].hops[0].from_.id == "iran"


def test_the_french_articles_hts_al_qaeda_tie_is_contested(graph):
    ties = graph.at("2024-11-30").possibly().either_way("hts", "affiliated_with")
    assert ties
    assert all(t.contested for t in ties)


def test_russia_backs_the_government_contested_with_its_quotes(graph):
    russia = next(r for r in graph.at("2024-11-30").backers_of("Assad regime") if r.subject.id == "russia")
    assert russia.contested
    assert russia.holding == "certainly"
    stances = [c.stance for c in russia.citations]
    assert "disputes" in stances and "supports" in stances
    assert any(c.quote == "Russia, a key backer of the Assad regime" for c in russia.citations)
    assert russia.citations[0].source.id == "myind_2024_11_28"
    assert russia.citations[0].published == "2024-11-28"
