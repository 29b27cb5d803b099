"""Clean controls: faithful French translations that a reviewer must not be warned about.

``tests/data/controls/*`` are short news stories written in French and English from general
knowledge, each sentence a correct translation, gathering what wrongly raised alarms before:
French forms of places beyond countries (Ormuz, Le Cap, la Manche, la Basse-Saxe); party and
organisation names and their French acronyms (OTAN, ONU, FMI, OMS); sentence-initial
adverbs; a parliament's « députés »; French negative forms that say something positive
(« ne … que », « pas moins de », « n'exclut pas », « n'a pas manqué de », « n'a cessé de »);
a negation in reported speech; dates written differently (« 11 septembre 2001 » / "9/11");
number words in compounds and paraphrases (« multipliés par trois » / "tripled"); Roman
numerals; decades; sentences whose rule-based back-translation is too poor to show the
pair. ``labels.toml`` is empty: every finding is a false positive. Minor findings are
allowed (a reviewer may look at a paraphrase); critical and major ones are what a reviewer
acts on.

A second batch (``SECOND_BATCH``) covers registers the first did not (courts, a tech
takeover, a storm, a transport strike, farming, defence, an obituary, an interview, local
news), with English references as free as a human translator's: paraphrase, reordering,
idiom, implicit negatives ("threw out", "stood firm", "have yet to"), French acronyms
spelt out (TGV, DGAC), numbers written other ways ("in her eighties", "the 1960s and 70s").
A third batch (``THIRD_BATCH``) reads like encyclopaedia and news text on topics the first
two lack (a biography, history, geography, space, cycling, travel, historical thefts, a
heatwave, medicine, technology, a currency, a volcano, particle physics): long sentences
full of names in their French forms (Varsovie, Bâle, les Offices, Léonard de Vinci),
numbers in every French shape (Roman centuries and ordinals, « six millions et demi »,
« une quarantaine », « neuf ans » / "nine-year-old"), restrictive and expletive negations
(« ne … que » / "not until", « qu'il ne l'était »), passé simple and narrative present
against an English past, passive/active swaps; its references mix literal and free English.
A fourth batch (``FOURTH_BATCH``) is news in registers the first three lack (markets, a
central bank, a state visit, a referendum, hospitals, a climate conference, a rail incident,
football) with free references: French acronyms and bywords (ONG, l'OM), « faute de »,
« sans encombre », « ne … plus que », a "no vote", approximate counts of a scale.
A fifth batch (``FIFTH_BATCH``) is encyclopaedic single sentences on topics none of the
others has (a composer, a religious building, an animal species, an airliner, a novel, a
charter, a mountain range, a shipwreck): French forms of names of every origin (Justinien,
Lépante, Rossinante, le Cervin, Édouard Ier, Roissy), clock times and anniversaries written
the French way (« 23 h 40 », « la nuit du 14 au 15 », « le huitième centenaire »), a ship
that is *il* in French and *she* in English.
A sixth batch (``SIXTH_BATCH``) is in registers none of the others has (a recall notice, a
press release, a tennis report, a parliamentary report, a restaurant review, a travel
feature, quarterly earnings, an EU regulation): telephone numbers and match times written
the French way (« 0 800 … », « 2 h 48 »), nationalities as nouns (« le Norvégien »),
Spanish places and events in their French forms (Cadix, la Reconquête, Roland-Garros), and
negations an English reference says with an opposite ("failed", "break the rules").
A seventh batch (``SEVENTH_BATCH``) is news on topics none of the others has (housing, a
wildfire, an earthquake, pensions, a reactor, rugby, chess, a dig, fishing quotas, an auction,
exam results, car sales), with references as free as a skilled human translator's.
An eighth batch (``EIGHTH_BATCH``) does the same on twenty more topics (a fraud verdict, a
museum, a vaccine trial, a launch, floods, a ministers' tour, a film festival, a census…).
Each batch has its own bound, equal to what remains, so that any regression fails.
"""

from __future__ import annotations

from typing import Any

import pytest
from labelled import evaluate, stories
from support import REPO_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.apertium]

CONTROLS = REPO_ROOT / "tests" / "data" / "controls"
# Measured with Apertium alone: no critical/major finding on the first nine stories (141
# sentences). The two French narrative presents against the reference's past ("arrive en
# tête" / "came first", "juge" / "described") are a narrative present and a minor one.
MAX_ALARMS = 0
SECOND_BATCH = ("court", "defence", "farming", "interview", "local", "obituary", "storm",
                "strike", "techdeal")
# The second batch (149 sentences): none left. The narrative presents « appellent » /
# "urged" and « sont des automobilistes » / "were motorists" are minor or left out; « a
# recueilli » / "has gathered" 3,200 signatures has an object, which the sense the context
# favoured, people gathering, never takes; a clause rendered freely (« avait débuté au
# théâtre avant d'être révélée au grand public par le cinéma » / "started out on stage
# before films made her a household name") has words near the reference's.
MAX_SECOND_BATCH_ALARMS = 0
THIRD_BATCH = ("biography", "casse", "cern", "euro", "heatwave", "heist", "minitel",
               "montsaintmichel", "rabies", "rhine", "rosetta", "suez", "tour", "volcan")
# The third batch (14 stories, 220 sentences): the first ten (160 sentences) raised 23 alarms
# as drafted; four more (60 sentences: casse, cern, euro, volcan), written after the first
# fixes to see whether those hold on text they were not made for, raised 10. None is left:
# the narrative present « est la première femme » / "was the first woman", in a past
# narrative, is left out, and the noun of « tenue à l'écart » / "kept out", a locution an
# English phrasal verb renders, is no addition.
MAX_THIRD_BATCH_ALARMS = 0
FOURTH_BATCH = ("centralbank", "climate", "football", "hospital", "markets", "rail",
                "referendum", "visit")
# The fourth batch (8 stories, 120 sentences) raised 15 alarms as drafted: negations that
# say something positive (5), French names and acronyms (4), numbers (2), and one each of
# tense, word sense, addition and omission. None is left; the categories behind them were
# fixed, not the sentences.
MAX_FOURTH_BATCH_ALARMS = 0
FIFTH_BATCH = ("alpes", "concorde", "magnacarta", "manchot", "quichotte", "saintesophie",
               "tchaikovsky", "titanic")
# The fifth batch (8 stories, 120 sentences): 49 alarms as drafted. 1 is left, a known
# limit: a capitalised common word of a work's title that the reference translates
# (« L'Ingénieux Hidalgo » / "The Ingenious Gentleman"), which the French dictionary knows
# only as a name.
MAX_FIFTH_BATCH_ALARMS = 1
SIXTH_BATCH = ("andalousie", "bistro", "cyber", "deserts", "earnings", "exoplanet", "marathon",
               "packaging", "recall", "tennis", "tramway", "vendanges")
# The sixth batch (8 stories, 120 sentences: a product recall, an astronomy press release, a
# tennis report, a parliamentary report, a restaurant review, a travel feature, quarterly
# earnings, an EU regulation): 24 alarms on 18 sentences as drafted. None is left; the
# categories were fixed (a negation said by an opposite, telephone numbers, lengths of
# time, nationality nouns, event names, a future in an English present, a noun's opposite
# in another part of speech, a missing dictionary sense), not the sentences. Four more
# stories (60 sentences: cyber, marathon, tramway, vendanges), written after those fixes to
# see whether they hold on text they were not made for, raised 8 alarms on 7 sentences; none
# is left (a country before its national body, "a fellow Kenyan", a quotation's verb,
# « au niveau national », approximate counts in alignment, « sans gravité », a relational
# participle, everyday senses of « parcours », « baisse », « hausse »).
MAX_SIXTH_BATCH_ALARMS = 0
# The seventh batch (12 stories, 180 sentences: a housing market, a wildfire, an earthquake, a
# pension strike, a nuclear reactor, rugby, chess, an archaeological dig, fishing quotas, an
# art auction, exam results, car sales) has references as free as a skilled human
# translator's: clauses reordered and merged, passive and active swapped, idioms, a name
# said by a title, numbers said another way (« un demi-millier » / "some 500", 20 % / "a
# fifth"), negatives said positively ("went unsold", "unbeaten") and the reverse. As drafted
# it raised 37 alarms on 32 sentences (negations said by a privative word or an opposite 9,
# numbers 5, omissions 5, false friends and senses 5, tense 4, additions 3, names 6); the
# categories were fixed, not the stories. Five are left, each a known limit (a département
# and a town's area said by their region, « la Manche », « Seine-Maritime » / "Normandy",
# are read since, through ISO 3166-2's regions, and « a prévu de » / "plans to" as a plan
# made): « ne m'attendais pas à jouer aussi bien » / "played better than I expected", an
# implicit negative ("stayed away") whose literal verb the French uses elsewhere in the
# sentence (two findings), the 76th minute as "four minutes from time", and « notre
# souveraineté » / "our independence", which the hypernym check's later one-step rule reads
# as a narrower word.
SEVENTH_BATCH = ("bac", "echecs", "encheres", "fouilles", "incendie", "logement", "nucleaire",
                 "peche", "retraites", "rugby", "seisme", "voitures")
MAX_SEVENTH_BATCH_ALARMS = 5
# The eighth batch (first 16 stories, 240 sentences: a fraud verdict, a museum reopening, a vaccine
# trial, an airport strike, a rocket launch, a cycling stage, a retailer's bankruptcy, a flood
# appeal, a school reform, a foreign ministers' tour, a film festival, a collision at sea; then
# a census, a zoo, a football transfer, an avalanche) has references as free as the
# seventh's, with several named ministers, cities in their French forms (Bucarest, Chisinau,
# Venise, Valence) and numbers said another way. The first twelve (180 sentences) raised 33
# alarms on 30 sentences as drafted; the categories were fixed, not the stories (negations
# said by an opposite or a word of lack, opposites under "not … until", units and counts of
# days, school years, locution nouns, names in French forms). Four more (60 sentences),
# written after those fixes to see whether they hold, raised 15 alarms on 13 sentences; a
# second round of fixes ("stay on", "taken off the list", « de nationalité », « le nombre
# de », "expects … to", "half a metre") left 7. Twelve are left, each a known limit: "lower
# secondary schools" for « collèges » (two modifiers of one French noun), « Personne n'a pu
# suivre » / "left the rest of the field standing", « fournir » read in another sense of
# "supply", « donner son feu vert » / "approve" (an idiom), « progression » / "increase",
# « fécondité » in another sense of "fertility", a brand name (« le ZooParc de Beauval » /
# "Beauval Zoo", two findings), a département said by its place in the country
# (« Loir-et-Cher » / "central France", two findings) and « la préfecture de Haute-Savoie »
# / "local authorities".
# Four more (60 sentences: a prison escape, an orchestra, a bridge collapse, a dairy merger),
# written after the second round, raised 12 alarms on 10 sentences; a third round (« est
# présent dans », "keep their distance", "say no" before a noun, "women composers", a French
# verb against an English adverb) left 7: a clause the aligner left unpaired (« n'a été
# remarquée qu'au moment de » / "was not missed until", two findings), « éleveurs » /
# "farmers" (WordNet's grazier, two), « prendre la tête » / "lead", « c'est la première
# fois » / "will be the first", « a été mise en place » / "are being diverted".
EIGHTH_BATCH = ("aeroport", "avalanche", "collision", "diplomatie", "ecole", "etape", "evasion",
                "faillite", "festival", "fraude", "inondations", "laitier", "lancement", "musee",
                "orchestre", "pont", "recensement", "transfert", "vaccin", "zoo")
MAX_EIGHTH_BATCH_ALARMS = 19


@pytest.fixture(scope="module")
def evaluation() -> dict[str, Any]:
    return evaluate(CONTROLS, "controls")


def test_the_controls_are_clean_stories() -> None:
    assert len(stories(CONTROLS)) >= 3
    for story in stories(CONTROLS):
        assert not (story / "labels.toml").read_text(encoding="utf-8").strip()
        mt = (story / "mt.fr.txt").read_text(encoding="utf-8").splitlines()
        ref = (story / "ref.en.txt").read_text(encoding="utf-8").splitlines()
        assert len(mt) == len(ref) >= 15


def _alarms(evaluation: dict[str, Any], batch: int) -> list[dict[str, Any]]:
    def batch_of(story: str) -> int:
        if story in EIGHTH_BATCH:
            return 8
        if story in SEVENTH_BATCH:
            return 7
        if story in SIXTH_BATCH:
            return 6
        if story in FIFTH_BATCH:
            return 5
        return 2 if story in SECOND_BATCH else 3 if story in THIRD_BATCH else (
            4 if story in FOURTH_BATCH else 1)

    return [f for f in evaluation["false_positives"]
            if f["severity"] in ("critical", "major") and batch_of(f["story"]) == batch]


def test_the_second_and_third_batches_are_there() -> None:
    assert {s.name for s in stories(CONTROLS)} >= set(SECOND_BATCH) | set(THIRD_BATCH)


def test_clean_sentences_raise_no_critical_or_major_alarm(evaluation: dict[str, Any]) -> None:
    alarms = _alarms(evaluation, batch=1)
    assert len(alarms) <= MAX_ALARMS, alarms


def test_free_references_raise_no_more_alarms_than_known(evaluation: dict[str, Any]) -> None:
    alarms = _alarms(evaluation, batch=2)
    assert len(alarms) <= MAX_SECOND_BATCH_ALARMS, alarms


def test_encyclopaedic_text_raises_no_more_alarms_than_known(evaluation: dict[str, Any]) -> None:
    alarms = _alarms(evaluation, batch=3)
    assert len(alarms) <= MAX_THIRD_BATCH_ALARMS, alarms


def test_news_with_free_references_raises_no_more_alarms_than_known(
    evaluation: dict[str, Any],
) -> None:
    assert {s.name for s in stories(CONTROLS)} >= set(FOURTH_BATCH)
    alarms = _alarms(evaluation, batch=4)
    assert len(alarms) <= MAX_FOURTH_BATCH_ALARMS, alarms


def test_the_fifth_batch_is_there() -> None:
    assert {s.name for s in stories(CONTROLS)} >= set(FIFTH_BATCH)


def test_encyclopaedic_sentences_on_new_topics_raise_no_more_alarms_than_known(
    evaluation: dict[str, Any],
) -> None:
    alarms = _alarms(evaluation, batch=5)
    assert len(alarms) <= MAX_FIFTH_BATCH_ALARMS, alarms


def test_the_sixth_batch_is_there() -> None:
    assert {s.name for s in stories(CONTROLS)} >= set(SIXTH_BATCH)


def test_news_notices_and_features_in_new_registers_raise_no_more_alarms_than_known(
    evaluation: dict[str, Any],
) -> None:
    alarms = _alarms(evaluation, batch=6)
    assert len(alarms) <= MAX_SIXTH_BATCH_ALARMS, alarms


def test_the_seventh_batch_is_there() -> None:
    assert {s.name for s in stories(CONTROLS)} >= set(SEVENTH_BATCH)


def test_free_human_references_on_new_topics_raise_no_more_alarms_than_known(
    evaluation: dict[str, Any],
) -> None:
    alarms = _alarms(evaluation, batch=7)
    assert len(alarms) <= MAX_SEVENTH_BATCH_ALARMS, alarms


def test_the_eighth_batch_is_there() -> None:
    assert {s.name for s in stories(CONTROLS)} >= set(EIGHTH_BATCH)


def test_an_eighth_batch_of_free_references_raises_no_more_alarms_than_known(
    evaluation: dict[str, Any],
) -> None:
    alarms = _alarms(evaluation, batch=8)
    assert len(alarms) <= MAX_EIGHTH_BATCH_ALARMS, alarms
