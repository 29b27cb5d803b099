"""Tenses beyond past, present and future: the conditional against the future and the
conditional perfect, and the two compound pasts where the back-translation garbles the
participle. Examples written from general knowledge of French–English translation."""

from __future__ import annotations

import pytest
from test_check_grammar import _found, pytestmark  # noqa: F401  (the models' skip)


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "mt_span"),
    [
        # a future made hypothetical, and a hypothesis made certain
        ("L'usine fermera en juin.", "The plant would close in June.",
         "The factory will close in June.", "fermera"),
        ("Le chantier durerait trois ans.", "The building work will last three years.",
         "The site would last three years.", "durerait"),
        # a hypothesis moved into the past
        ("Sans aide, la société ferait faillite.",
         "Without help, the company would have gone bankrupt.",
         "Without help, the society would do bankruptcy.", "ferait"),
        ("Le musée aurait accueilli plus de visiteurs.",
         "The museum would welcome more visitors.",
         "The museum would have welcomed more visitors.", "aurait accueilli"),
        # a plus-que-parfait against a present perfect, the participle left in its base form
        ("La commission avait déjà tranché.", "The commission has already decided.",
         "The commission had already slice.", "avait déjà tranché"),
    ],
)
def test_moods_and_compound_pasts_that_differ_are_found(
    mt: str, ref: str, bt: str, mt_span: str
) -> None:
    assert [span for span, _ in _found(mt, ref, bt, "tense_change")] == [mt_span]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # si + imparfait, conditional: the same in both languages
        ("S'il pleuvait, le match serait reporté.", "If it rained, the match would be put off.",
         "If it rained, the match would be postponed."),
        # a modal's conditional is a hedge a "will" may render loosely
        ("Le prix du gaz devrait baisser.", "The price of gas will fall.",
         "The price of the gas would have to lower."),
        # futur antérieur in a clause of time: English uses its present perfect
        ("Quand elle aura terminé, elle partira.", "When she has finished, she will leave.",
         "When it will have finished, it will leave."),
        ("Une fois que le jury aura délibéré, le verdict sera lu.",
         "Once the jury has deliberated, the verdict will be read.",
         "Once the jury will have deliberated, the verdict will be read."),
        # the journalistic conditional perfect reported as alleged
        ("L'explosion aurait fait deux blessés.", "The explosion reportedly injured two people.",
         "The explosion would have done two injured."),
        # the future in the past after a past verb of saying
        ("Elle a promis qu'elle reviendrait.", "She promised she would come back.",
         "It promised that it would come back."),
    ],
)
def test_moods_that_agree_or_are_licensed_are_not_flagged(mt: str, ref: str, bt: str) -> None:
    assert _found(mt, ref, bt, "tense_change") == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "mt_span"),
    [
        # finite verbs the small French tagger reads as adverbs: Apertium knows them as verbs
        ("La Commission européenne maintient ses prévisions.",
         "The European Commission maintained its forecasts.",
         "The European Commission maintains his forecasts.", "maintient"),
        ("Les salaires augmentaient lentement.", "Wages are rising slowly.",
         "The salaries augmented slowly.", "augmentaient"),
        ("Le ministre viendra à Lille.", "The minister came to Lille.",
         "The minister will come to Lille.", "viendra"),
    ],
)
def test_a_finite_verb_the_tagger_misreads_keeps_its_tense(
    mt: str, ref: str, bt: str, mt_span: str
) -> None:
    assert [span for span, _ in _found(mt, ref, bt, "tense_change")] == [mt_span]


def test_a_word_apertium_reads_as_a_verb_only_is_read_back_as_one() -> None:
    from mtqa.checks import lexicon
    from mtqa.language.tenses import read_verbs

    tokens = lexicon.parse("Les salaires augmentaient lentement.", "fr")
    verbs = {t.text: (t.lemma, t.feature("Tense")) for t in read_verbs(tokens) if t.pos == "VERB"}
    assert verbs == {"augmentaient": ("augmenter", "Imp")}
    # nouns keep their reading
    assert [t.text for t in read_verbs(tokens) if t.pos == "NOUN"] == ["salaires"]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # a French passé composé passive given as the state it left, with a word that says so
        ("Le tunnel a été fermé après l'accident.", "The tunnel is now closed after the accident.",
         "The tunnel has been closed after the accident."),
        ("Les écoles ont été rouvertes lundi.", "The schools are open again since Monday.",
         "The schools have been reopened Monday."),
        ("Le stade a été évacué.", "The stadium remains evacuated.",
         "The stadium has been evacuated."),
        ("La piscine a été fermée pour l'hiver.", "The pool is still shut for the winter.",
         "The swimming pool has been closed for the winter."),
    ],
)
def test_a_passive_past_given_as_its_resulting_state_is_not_flagged(
    mt: str, ref: str, bt: str
) -> None:
    assert _found(mt, ref, bt, "tense_change") == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "mt_span"),
    [
        # a present passive with no word of state is another tense
        ("Le tunnel a été fermé après l'accident.", "The tunnel is closed after the accident.",
         "The tunnel has been closed after the accident.", "a été fermé"),
        ("Les écoles ont été rouvertes lundi.", "The schools are reopened on Monday.",
         "The schools have been reopened Monday.", "ont été rouvertes"),
        # « now » with an active present is no state either
        ("Le maire a ouvert le marché.", "The mayor now opens the market.",
         "The mayor has opened the market.", "a ouvert"),
    ],
)
def test_a_passive_past_against_a_plain_present_is_still_found(
    mt: str, ref: str, bt: str, mt_span: str
) -> None:
    assert [span for span, _ in _found(mt, ref, bt, "tense_change")] == [mt_span]


def test_a_plural_present_the_tagger_gives_a_gender_is_read_back_as_a_verb() -> None:
    from mtqa.checks import lexicon
    from mtqa.language.tenses import read_verbs

    tokens = lexicon.parse("Les loyers baissent depuis un an.", "fr")
    verbs = {t.text: (t.lemma, t.feature("Tense")) for t in read_verbs(tokens) if t.pos == "VERB"}
    assert verbs == {"baissent": ("baisser", "Pres")}
    assert [t.text for t in read_verbs(tokens) if t.pos == "NOUN"] == ["loyers", "an"]


def test_a_complement_under_a_present_keeps_the_speakers_tense() -> None:
    # no sequence of tenses under « estiment » / "estimate": the future is a future
    assert [span for span, _ in _found(
        "Les experts estiment que les ventes augmenteront.",
        "The experts estimate that sales increased.",
        "The experts estimate that the sales will increase.", "tense_change")] == ["augmenteront"]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        ("Les experts estiment que la croissance ralentira.",
         "Experts believe that growth will slow.",
         "The experts estimate that the growth will slow down."),
        # under a past, English shifts the complement back
        ("Il a dit qu'il est malade.", "He said that he was ill.", "He has said that he is ill."),
        # a defining relative inside an infinitive speaks of what is to come in the present
        ("Les syndicats veulent sanctionner les entreprises qui fermeront des usines.",
         "The unions want to punish companies that close factories.",
         "The unions want to sanction the companies that will close factories."),
    ],
)
def test_complements_that_agree_or_follow_a_past_are_not_flagged(
    mt: str, ref: str, bt: str
) -> None:
    assert _found(mt, ref, bt, "tense_change") == []


@pytest.mark.parametrize("sentence", ["Les joueurs n'ont pas réussi à marquer.",
                                      "Les élèves ont bien compris la leçon."])
def test_a_participle_read_as_an_adverb_with_avoir_below_it_is_a_passe_compose(
    sentence: str
) -> None:
    # the tagger makes the participle the root, an adverb or an adjective, « ont » its child
    from mtqa.checks import lexicon
    from mtqa.language.tenses import PAST, clause_tenses

    main = clause_tenses(lexicon.parse(sentence, "fr"), "fr").main
    assert [(t.tense, t.compound) for t in main] == [(PAST, "present")]


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "found"),
    [
        # a plan made (passé composé) is the plan a reader has now
        ("La mairie a prévu de rénover la piscine en 2026.",
         "The town hall plans to renovate the swimming pool in 2026.",
         "The town hall has foreseen to renovate the swimming pool in 2026.", []),
        ("Le club a envisagé de vendre son stade.", "The club intends to sell its stadium.",
         "The club has envisaged to sell its stadium.", []),
        # a plan that was being made (imparfait) is another tense
        ("La mairie prévoyait de rénover la piscine.",
         "The town hall plans to renovate the swimming pool.",
         "The town hall foresaw to renovate the swimming pool.", ["prévoyait"]),
    ],
)
def test_a_plan_made_may_be_given_as_a_present_plan(
    mt: str, ref: str, bt: str, found: list[str]
) -> None:
    assert [span for span, _ in _found(mt, ref, bt, "tense_change")] == found


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "spans"),
    [
        # no sequence of tenses turns a past into a future, nor a future into a past
        ("Il a dit qu'il avait vendu sa maison.", "He said that he will sell his house.",
         "It has said that it had sold his house.", ("avait vendu", "will sell")),
        ("La porte-parole a déclaré que l'usine fermera en mai.",
         "The spokeswoman said that the factory closed in May.",
         "The spokesman has declared that the factory will close in May.",
         ("fermera", "closed")),
    ],
)
def test_a_past_against_a_future_in_reported_speech_is_found(
    mt: str, ref: str, bt: str, spans: tuple[str, str]
) -> None:
    assert _found(mt, ref, bt, "tense_change") == [spans]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # the sequence of tenses: a French future or present reported after a past
        ("La porte-parole a déclaré que l'usine fermera en mai.",
         "The spokeswoman said that the factory would close in May.",
         "The spokesman has declared that the factory will close in May."),
        ("Il a expliqué qu'il travaille à Lyon.", "He explained that he worked in Lyon.",
         "It has explained that it works to Lyon."),
    ],
)
def test_the_sequence_of_tenses_in_reported_speech_is_not_flagged(
    mt: str, ref: str, bt: str
) -> None:
    assert _found(mt, ref, bt, "tense_change") == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # a form French has only as a subjunctive, which the tagger reads as an indicative
        # present: after « craindre que », English says it with "will"
        ("Les viticulteurs craignent que la grêle ne détruise une partie de la récolte.",
         "Winegrowers fear that the hail will destroy part of the harvest.",
         "The viticulteurs dread that the hail do not destroy a part of the récolte."),
        ("Les agriculteurs craignent que le gel ne détruise les bourgeons des vergers.",
         "Farmers fear that the frost will destroy the buds in the orchards.",
         "The agriculturalists dread that the gel do not destroy the bourgeons of the huertas."),
    ],
)
def test_a_subjunctive_has_no_tense_of_its_own(mt: str, ref: str, bt: str) -> None:
    assert _found(mt, ref, bt, "tense_change") == []


def test_the_main_verb_before_a_subjunctive_keeps_its_tense() -> None:
    # the same sentence with the reference's main verb in the past is still a change
    assert [span for span, _ in _found(
        "Les viticulteurs craignent que la grêle ne détruise une partie de la récolte.",
        "Winegrowers feared that the hail would destroy part of the harvest.",
        "The viticulteurs dread that the hail do not destroy a part of the récolte.",
        "tense_change")] == ["craignent"]
