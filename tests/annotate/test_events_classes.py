"""Events stage, whole engine: verb classes of the lexicon (synonyms, noun forms with their light verbs,
passives) and the status rules that go with them (conditional threats, alleged reasons, claims).

Sentences written for these tests; each class has a positive case and, where it matters, a negated,
hypothetical or look-alike case that must not be asserted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bilateral.annotate.events.lexicon import plover_types
from bilateral.evaluate import score

ROOT = Path(__file__).resolve().parents[2]


def _events(engine: Any, text: str) -> list[tuple[str, str, str, str]]:
    doc = engine.extract(text, published="2025-03-12")
    country = {a.id: a.country or "" for a in doc.actors}
    return [(e.type, country[e.source], country.get(e.target or "", ""), e.status) for e in doc.events]


def _counted(engine: Any, text: str) -> set[tuple[str, str, str]]:
    return {(t, s, r) for t, s, r, st in _events(engine, text) if st in ("asserted", "future")}


@pytest.mark.parametrize("text,want", [
    # AGREE: accepting a plan, a formula, terms (the owner of the plan is the recipient)
    ("Ghana accepted a Nigerian plan to end the dispute.", ("AGREE", "GHA", "NGA")),
    # CONCEDE: permitting (the parser gives the permitted party as the clause's subject), acceding to demands
    ("Egypt allowed Sudanese refugees to cross the border.", ("CONCEDE", "EGY", "SDN")),
    ("Peru ended the state of emergency in Lima.", ("CONCEDE", "PER", "")),
    # AID: helping, evacuating people
    ("Japan helped Nepal rebuild its schools.", ("AID", "JPN", "NPL")),
    ("Turkish ships evacuated Lebanese civilians from Beirut.", ("AID", "TUR", "LBN")),
    # RETREAT: evacuating held ground, paying compensation, lifting a blockade
    ("Israel evacuated its settlements in Gaza.", ("RETREAT", "ISR", "")),
    ("Germany paid compensation to Namibia for the colonial massacres.", ("RETREAT", "DEU", "NAM")),
    ("Israel lifted the blockade of Gaza.", ("RETREAT", "ISR", "")),
    ("Two Estonian citizens were detained in March and were released by Russia on Friday.",
     ("RETREAT", "RUS", "EST")),
    # ACCUSE: investigators sent, inquiries opened, criticism voiced, claims of a hostile act
    ("The IAEA dispatched inspectors to Iran.", ("ACCUSE", "UNO", "IRN")),
    ("Britain opened an inquiry into Russian interference.", ("ACCUSE", "GBR", "RUS")),
    ("Iran castigated Saudi Arabia over the executions.", ("ACCUSE", "IRN", "SAU")),
    ("Germany voiced criticism of Hungary.", ("ACCUSE", "DEU", "HUN")),
    ("Turkey claimed that Syrian jets had bombed its border villages.", ("ACCUSE", "TUR", "SYR")),
    # REQUEST: calling for an act against a third party names that party
    ("Canada called for sanctions against Myanmar.", ("REQUEST", "CAN", "MMR")),
    # REJECT: reneging, a refused concession
    ("Zambia reneged on its promise to Malawi.", ("REJECT", "ZMB", "MWI")),
    ("Peru said it would not meet the demands of Chile.", ("REJECT", "PER", "CHL")),
    # THREATEN: a warning issued; a harmful act on a condition
    ("China issued a warning to Japan.", ("THREATEN", "CHN", "JPN")),
    ("Egypt may halt its mediation between Israel and Hamas if the attacks continue.", ("THREATEN", "EGY", "ISR")),
    ("Nigeria will withdraw its troops from Chad unless the fighting stops.", ("THREATEN", "NGA", "TCD")),
    # PROTEST: work stoppages
    ("Greek dockworkers stopped work to protest against the privatisation.", ("PROTEST", "GRC", "")),
    # SANCTION: mediation halted, forced out, part of an aid programme suspended
    ("Qatar halted its mediation between Israel and Hamas.", ("SANCTION", "QAT", "ISR")),
    ("Indonesia forced the UN refugee agency out of the country.", ("SANCTION", "IDN", "UNO")),
    ("The United States suspended part of its military aid program for Bosnia.", ("SANCTION", "USA", "BIH")),
    # MOBILIZE: reinforcing forces, patrols
    ("Israel strengthened its forces in Lebanon.", ("MOBILIZE", "ISR", "")),
    ("Pakistani police and soldiers began patrols in Karachi.", ("MOBILIZE", "PAK", "")),
    ("Indian and Nepali troops held joint patrols.", ("COOPERATE", "IND", "NPL")),
    # COERCE: blockades, states of emergency, dispersing crowds
    ("Israel reimposed a blockade on Gaza.", ("COERCE", "ISR", "")),
    ("Sudan declared a state of emergency in Darfur.", ("COERCE", "SDN", "")),
    ("Egyptian police dispersed Sudanese protesters.", ("COERCE", "EGY", "SDN")),
    # ASSAULT: bombardment, blowing up, ethnic cleansing (passive light verb keeps its subject)
    ("Syrian troops bombarded Turkish positions.", ("ASSAULT", "SYR", "TUR")),
    ("Afghan rebels blew up a Pakistani convoy.", ("ASSAULT", "AFG", "PAK")),
    ("Serbian forces were engaged in ethnic cleansing against Albanians.", ("ASSAULT", "SRB", "ALB")),
    # a purpose clause keeps the subject of its verb; firing "to disperse X" is fired at X
    ("Egyptian police opened fire to disperse Sudanese protesters.", ("ASSAULT", "EGY", "SDN")),
    ("Egyptian police opened fire to disperse Sudanese protesters.", ("COERCE", "EGY", "SDN")),
    # a passive harm with no agent: done by whoever made the attack it happened in
    ("Three Lebanese soldiers were killed in an Israeli air strike on Monday.", ("ASSAULT", "ISR", "LBN")),
    ("Two Ukrainian civilians were wounded during a Russian raid.", ("ASSAULT", "RUS", "UKR")),
    # "pushing for Y to ...": the request's content clause is parsed as a clause marked "for"
    ("Britain is pushing for France to support the plan.", ("REQUEST", "GBR", "FRA")),
    ("Benin was still refusing admittance to Ghanaians.", ("REJECT", "BEN", "GHA")),
    ("Mexico promised Canada that it would lift the tariffs.", ("AGREE", "MEX", "CAN")),
    # a countryless group acts for the countries its own phrase names
    ("Diplomats from Chile and Peru held talks in Lima.", ("CONSULT", "CHL", "PER")),
    # harm done to people counted or named as people is an event though they are no actor
    ("Ghana arrested two suspects in Accra.", ("COERCE", "GHA", "")),
    # a withdrawal on a condition is a threat; the place left is its recipient
    ("Nigeria will withdraw its troops from Chad unless the fighting stops.", ("THREATEN", "NGA", "TCD")),
    # an intent verb carrying an event noun: the offer, not the aid
    ("Japan offered assistance to Nepal.", ("AGREE", "JPN", "NPL")),
    # troops sent to help are military aid; announced, a promise (AGREE), not a threat
    ("Norway is willing to send troops to help defend Saudi Arabia.", ("AGREE", "NOR", "SAU")),
    ("Obama said he would not give permission to Russia to help Israel.", ("REJECT", "USA", "RUS")),
    # closing a border restricts movement (COERCE, CAMEO 191); cutting supplies reduces aid
    ("Russia closed its border with Georgia.", ("COERCE", "RUS", "GEO")),
    ("The United Nations reduced food supplies to Cambodia.", ("SANCTION", "UNO", "KHM")),
    # receiving observers lets them in (RETREAT access), through "a mission of observers"
    ("Kyrgyzstan received a mission of observers from the OSCE.", ("RETREAT", "KGZ", "IGO")),
    # restrictions planned on others: an announced coercion is a threat
    ("Greece plans to impose restrictions on Bulgarian truckers.", ("THREATEN", "GRC", "BGR")),
    ("Turkey denied entry to three German journalists.", ("REJECT", "TUR", "DEU")),
    # expelling people is COERCE, expelling envoys SANCTION (PLOVER)
    ("Niger expelled two French journalists.", ("COERCE", "NER", "FRA")),
    ("Mali expelled the French ambassador.", ("SANCTION", "MLI", "FRA")),
    # a named modifier names a group before its possessive pronoun does
    ("Greece demanded that its European Community partners refuse to recognize the new state.",
     ("REQUEST", "GRC", "EUR")),
    # protesters' violence against property or police is a violent protest; weapons fire stays an assault
    ("Kenyan protesters torched two police cars.", ("PROTEST", "KEN", "")),
    ("The Russian consulate was ransacked by Ukrainian protesters.", ("PROTEST", "UKR", "RUS")),
    ("Georgian demonstrators launched missiles at Armenian positions.", ("ASSAULT", "GEO", "ARM")),
    ("Sudanese troops burned three villages in Darfur.", ("ASSAULT", "SDN", "")),
    # a demand needs no named recipient; work stoppages
    ("The Greek opposition leader demanded early elections.", ("REQUEST", "GRC", "")),
    ("Palestinian workers shunned work to protest the closure.", ("PROTEST", "PSE", "")),
    ("The ILO reiterated its demand that Israel ease the restrictions.", ("REQUEST", "UNO", "ISR")),
    # withdrawing inspectors or peacekeepers reduces involvement (SANCTION); a required object outranks a
    # bare preposition ("withdraw [inspectors] from" before "withdraw from")
    ("Japan withdrew its election observers from Kenya.", ("SANCTION", "JPN", "KEN")),
    ("Nigeria withdrew its peacekeeping force from Chad.", ("SANCTION", "NGA", "TCD")),
    ("France withdrew its troops from Mali.", ("RETREAT", "FRA", "MLI")),
    ("UN Secretary-General Kofi Annan said he will withdraw weapons inspectors from Iraq.", ("THREATEN", "UNO", "IRQ")),
    # an event noun told as happening ("drills began") needs no light verb
    ("Joint drills by India and Nepal began on Monday.", ("COOPERATE", "IND", "NPL")),
    # trade is material cooperation
    ("Argentina exported beef to China.", ("COOPERATE", "ARG", "CHN")),
    # concessions, removed sanctions, dropped complaints; forgiven debt is aid to its debtor
    ("Japan made concessions to China.", ("CONCEDE", "JPN", "CHN")),
    ("Canada removed its sanctions on Cuba.", ("CONCEDE", "CAN", "CUB")),
    ("Brazil dropped its complaint against Argentina at the WTO.", ("CONCEDE", "BRA", "ARG")),
    ("Norway forgave the debt of Haiti.", ("AID", "NOR", "HTI")),
    # leaving talks reduces relations; a court's guilty verdict
    ("Colombian rebels withdrew from the peace talks.", ("SANCTION", "COL", "")),
    ("A Kenyan court found two Somali men guilty of the attack.", ("SANCTION", "KEN", "SOM")),
    # a capital kept as an actor in a restriction's place ("a curfew in Algiers") is its recipient
    ("The Algerian president threatened to impose a curfew in Algiers.", ("THREATEN", "DZA", "DZA")),
    ("Serbia lifted a curfew in Montenegro.", ("CONCEDE", "SRB", "MNE")),
    # a countryless group tied to a named one ("affiliated with", "loyal to") acts for its country
    ("Thousands of workers affiliated with the Serbian union stopped work on Monday.", ("PROTEST", "SRB", "")),
    ("Gunmen loyal to the Libyan commander said they had kidnapped two Tunisian diplomats.",
     ("ASSAULT", "LBY", "TUN")),
    # calling off a protest is a concession; agreeing to postpone one is an agreement, not the protest
    ("Kenyan teachers cancelled their strike.", ("CONCEDE", "KEN", "")),
    ("Azerbaijani opposition leaders agreed to postpone the demonstration in Baku.", ("AGREE", "AZE", "")),
    # more members of the CAMEO verb classes
    ("The United States encouraged Pakistan to resume talks with India.", ("REQUEST", "USA", "PAK")),
    ("The Indian prime minister toured Bangladesh last week.", ("CONSULT", "IND", "BGD")),
    ("Chile paid tribute to Peru for its help.", ("SUPPORT", "CHL", "PER")),
    ("Spain and Morocco joined forces to fight smuggling.", ("COOPERATE", "ESP", "MAR")),
    ("Britain trained Ukrainian soldiers.", ("AID", "GBR", "UKR")),
    ("Russia and Ukraine exchanged prisoners on Friday.", ("RETREAT", "RUS", "UKR")),
    ("Iran repatriated two Iraqi fishermen.", ("RETREAT", "IRN", "IRQ")),
    ("Kenya decried Somalia's decision.", ("ACCUSE", "KEN", "SOM")),
    ("Egypt objected to the Ethiopian plan.", ("REJECT", "EGY", "ETH")),
    ("Thousands of Georgians took to the streets against the law.", ("PROTEST", "GEO", "")),
    ("China sent warships to the Taiwan Strait.", ("MOBILIZE", "CHN", "")),
    ("The United States imposed tariffs on Chinese goods.", ("SANCTION", "USA", "CHN")),
    ("Israeli settlers stabbed a Palestinian man.", ("ASSAULT", "ISR", "PSE")),
    ("Iranian forces shot down a Ukrainian airliner.", ("ASSAULT", "IRN", "UKR")),
    ("Syrian jets pounded Turkish positions.", ("ASSAULT", "SYR", "TUR")),
    ("Ethiopia and Eritrea fought a border war.", ("ASSAULT", "ETH", "ERI")),
    ("Kenyan police beat Somali refugees.", ("ASSAULT", "KEN", "SOM")),
    # observers let in are the recipients; a deployment to a border faces the country across it
    ("Kazakhstan allowed OSCE observers into the country.", ("RETREAT", "KAZ", "IGO")),
    ("Pakistan deployed troops to the border with India.", ("MOBILIZE", "PAK", "IND")),
    ("Venezuela massed troops along the border with Guyana.", ("MOBILIZE", "VEN", "GUY")),
])
def test_verb_classes(engine: Any, text: str, want: tuple[str, str, str]) -> None:
    got = _counted(engine, text)
    if want[2] == "":
        assert any(g[:2] == want[:2] for g in got), (text, got)
    else:
        assert want in got, (text, got)


@pytest.mark.parametrize("text,forbidden", [
    ("Egypt did not allow Sudanese refugees to cross the border.", "CONCEDE"),   # negated
    ("Russia claimed victory in the election.", "ACCUSE"),                         # a claim of no hostile act
    ("The US claimed that they had attacked Iraq.", "ACCUSE"),                     # the accused is unknown
    ("Turkey claimed that Syrian jets had bombed its border villages.", "ASSAULT"),  # claimed, not reported
    ("Kenya arrested two Somali men for attacking a police station.", "ASSAULT"),   # the alleged reason
    ("Libya offered to extradite two men suspected of bombing a British airliner.", "ASSAULT"),
    ("Poland may recall its ambassador from Belarus.", "THREATEN"),                # no condition: hypothetical
    ("Japan could send troops to the Philippines if asked.", "THREATEN"),          # helping on a condition
    ("Japan could send troops to the Philippines if asked.", "MOBILIZE"),
    ("Pakistani police and soldiers began patrols in Karachi.", "COOPERATE"),      # one country's forces
    ("Hungary backed a resolution that aims to tighten sanctions and impose a naval blockade against Serbia.",
     "COERCE"),                                                                     # aimed at, not done
    ("Chile gave a speech to Peru.", "AID"),                                        # no aid given
    ("The French president gave a warm welcome to the Indian prime minister.", "AID"),
    ("Japan offered assistance to Nepal.", "AID"),                                  # offered, not delivered
    ("Kenya struck a deal with Uganda.", "ASSAULT"),                                # the light verb of a deal
    ("Norway is willing to send troops to help defend Saudi Arabia.", "THREATEN"),  # help is no threat
    ("Syria offered its troops to Lebanon to help it defeat the rebels.", "AID"),   # the purpose of an offer
    ("Germany attacked the proposal.", "ASSAULT"),                                   # words, not force
    ("Russia sent troops to Syria to protect its bases.", "AID"),                    # its own interest
    ("Russia did not close its border with Georgia.", "COERCE"),                     # negated
    ("Georgian demonstrators launched missiles at Armenian positions.", "PROTEST"),  # weapons: an assault
    ("A Kenyan court found two Somali men guilty of the attack.", "ASSAULT"),        # the alleged act
    ("Joint drills by India and Nepal were cancelled.", "COOPERATE"),                # not told as happening
    ("Azerbaijani opposition leaders agreed to postpone the demonstration in Baku.", "PROTEST"),
    ("Kenyan teachers cancelled their strike.", "PROTEST"),
    ("Spain and Morocco joined forces to fight smuggling.", "ASSAULT"),             # fighting a third thing
    ("Britain did not train Ukrainian soldiers.", "AID"),                            # negated
    ("The Brazilian football team beat Argentina in the final.", "ASSAULT"),         # a match
])
def test_look_alikes_are_not_asserted(engine: Any, text: str, forbidden: str) -> None:
    assert all(t != forbidden for t, _, _ in _counted(engine, text)), (text, _events(engine, text))


def test_a_conditional_threat_is_asserted_a_bare_modal_is_not(engine: Any) -> None:
    threat = _events(engine, "Egypt may halt its mediation between Israel and Hamas if the attacks continue.")
    assert {(t, st) for t, _, _, st in threat} == {("THREATEN", "asserted")}
    bare = _events(engine, "Egypt may halt its mediation between Israel and Hamas.")
    assert {(t, st) for t, _, _, st in bare} == {("SANCTION", "hypothetical")}


# ------------------------------------------------------------------ held-out set 3 (written before tuning on it)

#: first scored at recall 0.917 / precision 0.952 (70 sentences, all 16 types, 10 without an event), later
#: 0.933 / 0.968 (not tuned on it); pinned a little below; raise, never lower
HELDOUT3_FLOORS = {"event_recall": 0.93, "event_precision": 0.95}  # 0.95 / 0.969 after the third session


def test_third_heldout_set_is_well_formed() -> None:
    rows = [json.loads(x) for x in (ROOT / "tests" / "data" / "events_heldout3.jsonl").read_text().splitlines()]
    assert len(rows) >= 60 and len({r["id"] for r in rows}) == len(rows)
    assert {e["type"] for r in rows for e in r["events"]} == set(plover_types())
    assert sum(1 for r in rows if not r["events"]) >= 10


@pytest.mark.slow
def test_third_heldout_floor(engine: Any) -> None:
    rows = [json.loads(x) for x in (ROOT / "tests" / "data" / "events_heldout3.jsonl").read_text().splitlines()]
    docs = engine.extract_many([{"text": r["text"], "id": r["id"], "published": r["published"]} for r in rows])
    summary = score(rows, {d.id: d.to_dict() for d in docs}).summary()
    for metric, floor in HELDOUT3_FLOORS.items():
        assert summary[metric] >= floor, (metric, summary)
    assert summary["forbidden"] == 0


#: fourth held-out set: 40 sentences on domestic events, acts on a foreign territory, reciprocal meetings and
#: traps where no recipient may be implied (forbidden pairs), written after the implied-recipient rules and
#: scored before any tuning on it: recall 0.771, precision 0.789, dyad 0.857, one forbidden pair; after:
#: 0.914 / 0.854, none forbidden. Pinned a little below; raise, never lower
HELDOUT4_FLOORS = {"event_recall": 0.88, "event_precision": 0.82, "dyad_recall": 0.88}


def test_fourth_heldout_set_is_well_formed() -> None:
    rows = [json.loads(x) for x in (ROOT / "tests" / "data" / "events_heldout4.jsonl").read_text().splitlines()]
    assert len(rows) >= 40 and len({r["id"] for r in rows}) == len(rows)
    assert sum(1 for r in rows if r["forbidden"]) >= 10  # traps: wrong implied recipients
    assert sum(1 for r in rows for e in r["events"] if e["source"] == e["target"]) >= 12  # domestic events


@pytest.mark.slow
def test_fourth_heldout_floor(engine: Any) -> None:
    rows = [json.loads(x) for x in (ROOT / "tests" / "data" / "events_heldout4.jsonl").read_text().splitlines()]
    docs = engine.extract_many([{"text": r["text"], "id": r["id"], "published": r["published"]} for r in rows])
    summary = score(rows, {d.id: d.to_dict() for d in docs}).summary()
    for metric, floor in HELDOUT4_FLOORS.items():
        assert summary[metric] >= floor, (metric, summary)
    assert summary["forbidden"] == 0


# ------------------------------------------------------------------ recall, second round (classes and frames)

@pytest.mark.parametrize("text,want", [
    # SANCTION: travel advisories against a country (the advising government's citizens are no recipient)
    ("Britain advised against all travel to Yemen.", ("SANCTION", "GBR", "YEM")),
    ("The Australian foreign ministry warned its citizens against travelling to Myanmar.", ("SANCTION", "AUS", "MMR")),
    ("Canada issued a travel warning for Haiti.", ("SANCTION", "CAN", "HTI")),
    # SANCTION / RETREAT: forces withdrawn, told in the passive without an agent (their own side withdraws them)
    ("Forty UN peacekeepers were pulled out of Bosnia on Friday.", ("SANCTION", "UNO", "BIH")),
    ("Two hundred Indian peacekeepers were shipped out of Lebanon.", ("SANCTION", "IND", "LBN")),
    ("Russian soldiers were withdrawn from Georgia last week.", ("RETREAT", "RUS", "GEO")),
    # REJECT: an invitation turned down, its recipient from what the invitation was to
    ("Hamas rejected an invitation to attend a meeting of Egyptian officials.", ("REJECT", "PSE", "EGY")),
    ("Iran declined an invitation to attend talks with the United States.", ("REJECT", "IRN", "USA")),
    # AID: relief goods handed over (suspects handed over stay an extradition)
    ("Danish nurses handed over two tons of medicine to Kenyan hospitals.", ("AID", "DNK", "KEN")),
    ("Kenya handed over the suspects to Uganda.", ("COOPERATE", "KEN", "UGA")),
])
def test_verb_classes_second_round(engine: Any, text: str, want: tuple[str, str, str]) -> None:
    assert want in _counted(engine, text), (text, _events(engine, text))


@pytest.mark.parametrize("text,forbidden", [
    ("The State Department warned Americans against travelling to Venezuela.", "THREATEN"),  # advice, no threat
    ("Canada did not issue a travel warning for Haiti.", "SANCTION"),                        # negated
    ("Canada may issue a travel warning for Haiti.", "SANCTION"),                            # hypothetical
    ("Hamas rejected an invitation to attend a meeting of Egyptian officials.", "CONSULT"),  # refused, not held
    ("The resolution was pulled out of the agenda.", "RETREAT"),                             # no forces
])
def test_look_alikes_second_round(engine: Any, text: str, forbidden: str) -> None:
    assert all(t != forbidden for t, _, _ in _counted(engine, text)), (text, _events(engine, text))


@pytest.mark.parametrize("text,accused", [
    # a rebuttal: the charge is the other side's own claims (CAMEO 016, dropped by PLOVER)
    ("Spain accused Morocco of making false accusations by claiming Madrid armed the smugglers.", False),
    ("Moscow accused Kiev of spreading lies about Russian troops.", False),
    ("Moscow accused Kiev of lying.", False),
    # still accusations: a hostile act, threats, claims about a third party
    ("Moscow accused Kiev of shelling Donetsk.", True),
    ("Moscow accused Kiev of making threats.", True),
    ("Moscow accused Kiev of spreading lies about Poland.", True),
])
def test_accusing_the_other_side_of_accusing_is_a_rebuttal(engine: Any, text: str, accused: bool) -> None:
    assert any(t == "ACCUSE" for t, _, _ in _counted(engine, text)) is accused, (text, _events(engine, text))


def test_a_threat_of_force_needs_no_named_recipient(engine: Any) -> None:
    # no recipient named and no other country: a domestic threat, its recipient implied (KEN)
    assert ("THREATEN", "KEN", "KEN") in _counted(engine, "Kenyan rebels threatened to resume their attacks.")
    assert not _counted(engine, "Hamas threatened to resign from the coalition.")  # no harm threatened, no recipient
    negated = _events(engine, "Hamas did not threaten to resume attacks.")
    assert negated and all(st == "negated" for _, _, _, st in negated)


@pytest.mark.parametrize("text,want", [
    ("Insurgents shelled a Syrian army base on Monday.", ("ASSAULT", "", "SYR")),
    ("Unidentified gunmen attacked a Kenyan police post.", ("ASSAULT", "", "KEN")),
])
def test_a_conflict_act_by_a_group_of_unknown_country_is_kept(engine: Any, text: str,
                                                              want: tuple[str, str, str]) -> None:
    # the recipient is known and the act is material conflict: an analyst keeps it, source country unknown
    assert want in _counted(engine, text)


def test_a_cooperative_act_by_a_group_of_unknown_country_is_not_coded(engine: Any) -> None:
    assert not _counted(engine, "Rebels welcomed the Kenyan offer.")


def test_talks_with_are_reciprocal_unless_separate(engine: Any) -> None:
    both = _counted(engine, "The Indian foreign minister held talks with Chinese officials.")
    assert {("CONSULT", "IND", "CHN"), ("CONSULT", "CHN", "IND")} <= both
    apart = _counted(engine, "Norwegian mediators held separate talks with Venezuelan officials in Oslo.")
    assert ("CONSULT", "NOR", "VEN") in apart and ("CONSULT", "VEN", "NOR") not in apart


@pytest.mark.parametrize("text,want", [
    ("Nigeria deployed peacekeepers to Liberia.", ("AID", "NGA", "LBR")),
    ("Ghanaian peacekeepers arrived in Monrovia on Monday.", ("AID", "GHA", "LBR")),
    ("A first batch of Bangladeshi peacekeeping troops arrived in Sierra Leone.", ("AID", "BGD", "SLE")),
])
def test_peacekeepers_sent_or_arriving_are_aid(engine: Any, text: str, want: tuple[str, str, str]) -> None:
    assert want in _counted(engine, text)


def test_troops_arriving_are_no_aid(engine: Any) -> None:
    assert not any(t == "AID" for t, _, _ in _counted(engine, "Russian troops arrived in Crimea on Monday."))


@pytest.mark.parametrize("text,want", [
    # money is no actor, and "in aid" is no "give in"
    ("Japan gave Kenya 5 million US dollars in aid.", ("AID", "JPN", "KEN")),
    ("Japan gave Kenya 5 million dollars in aid.", ("AID", "JPN", "KEN")),
    # a particle matched by a date is no particle: "called off ... on Friday"
    ("Nigerian doctors called off their strike on Friday.", ("CONCEDE", "NGA", "NGA")),
    # the infinitive "to" of a purpose is no "protest to"
    ("Hungarian students marched through Budapest to protest the new law.", ("PROTEST", "HUN", "HUN")),
    # a sit-in by students is a protest, not an occupation by force
    ("Chilean students occupied university buildings in Santiago.", ("PROTEST", "CHL", "CHL")),
    ("Turkey threatened to bomb targets in northern Iraq.", ("THREATEN", "TUR", "IRQ")),
])
def test_frames_third_session(engine: Any, text: str, want: tuple[str, str, str]) -> None:
    got = _counted(engine, text)
    assert want in got, got


@pytest.mark.parametrize("text,bad", [
    ("Japan gave Kenya 5 million US dollars in aid.", "USA"),
    ("Iran threatened to walk out of the talks in Vienna.", "AUT"),  # no force threatened: no host
    ("Russian troops occupied the airport in Pristina.", "PROTEST"),  # troops: an occupation
])
def test_frames_third_session_traps(engine: Any, text: str, bad: str) -> None:
    got = _counted(engine, text)
    assert all(bad not in triple for triple in got), got


def test_irregular_past_forms_are_read_as_their_verb(engine: Any) -> None:
    assert ("SUPPORT", "NGA", "NGA") in _counted(engine, "Yoruba leaders forgave President Obasanjo.")


@pytest.mark.parametrize("text,want", [
    # "the Saudi-led coalition" is its leader's: aid to it, or a refusal to join it, goes to Saudi Arabia
    ("Egypt sent aid to the Saudi-led coalition in Yemen.", ("AID", "EGY", "SAU")),
    ("Qatar refused to join the Saudi-led coalition.", ("REJECT", "QAT", "SAU")),
    ("Turkey refused to commit any assistance to the US-led war against Iraq.", ("REJECT", "TUR", "USA")),
])
def test_a_led_coalition_is_its_leaders(engine: Any, text: str, want: tuple[str, str, str]) -> None:
    assert want in _counted(engine, text)


@pytest.mark.parametrize("text", [
    "An Algerian security source who refused to be named told the agency that foreigners were not involved.",
    "A Kenyan official, who declined to be identified, said talks had stalled.",
    "China declined to comment.",
])
def test_declining_to_be_named_or_to_comment_rejects_nobody(engine: Any, text: str) -> None:
    assert not any(t == "REJECT" for t, _, _ in _counted(engine, text))


def test_refusing_an_act_is_still_a_rejection(engine: Any) -> None:
    assert ("REJECT", "GHA", "TGO") in _counted(engine, "Ghana refused to give aid to Togo.")
