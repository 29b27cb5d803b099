"""Odd renderings: lexicon traps, dictionary-confirmed divergences, forced-decoding evidence.

``build`` makes a DocumentResult from sentence lists (one pair per sentence) so detector
tests need no pipeline; the back-translations are written by hand as Apertium would.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence

import pytest
from support import make_segments

from mtqa.checks import detect, renderings
from mtqa.checks.base import CheckContext
from mtqa.language.lexicons import load_traps
from mtqa.metrics import segment_scores
from mtqa.model import Document, DocumentResult, Pair

needs_dictionary = pytest.mark.skipif(
    shutil.which("lt-proc") is None, reason="Apertium's lt-proc is not installed"
)


def build(
    mt: Sequence[str],
    ref: Sequence[str],
    bt: Sequence[str],
    links: Sequence[tuple[tuple[int, ...], tuple[int, ...]]] | None = None,
    engine: str = "apertium",
) -> DocumentResult:
    """A DocumentResult whose pairs are ``links`` (default: sentence i with sentence i)."""
    links = links or [((i,), (i,)) for i in range(len(mt))]
    pairs = tuple(
        Pair(
            doc="doc",
            index=n,
            mt=m,
            ref=r,
            mt_text=" ".join(mt[i] for i in m),
            ref_text=" ".join(ref[i] for i in r),
            bt={engine: " ".join(bt[i] for i in m)} if m else {},
        )
        for n, (m, r) in enumerate(links)
    )
    return DocumentResult(
        document=Document("doc", "\n".join(mt), "\n".join(ref)),
        mt_segments=make_segments("doc", "mt", mt),
        ref_segments=make_segments("doc", "ref", ref),
        back_translations={engine: tuple(bt)},
        pairs=pairs,
        segment_scores={engine: segment_scores(pairs, engine, ("chrf",))},
        scores={},
    )


CTX = CheckContext(engines=("apertium",))


def test_the_trap_lexicon_is_large_and_complete() -> None:
    traps = load_traps()
    assert len(traps) >= 80
    assert {t.level for t in traps} == {"sense", "calque"}
    assert all(t.correct.patterns and t.note for t in traps)


def test_a_false_friend_is_flagged_on_the_french_word() -> None:
    result = build(
        ["La ville a ouvert une nouvelle librairie municipale."],
        ["The city opened a new municipal library."],
        ["The city has opened a new municipal bookshop."],
    )
    found = renderings.check(result, CTX)
    assert [(f.kind, f.mt_span, f.ref_span) for f in found] == [
        ("odd_rendering", "librairie", "library")
    ]
    assert found[0].engines == ("apertium",)  # the back-translation lost "library" too
    assert found[0].evidence["trap"] == "library-librairie"


def test_the_correct_rendering_is_not_flagged() -> None:
    result = build(
        ["La ville a ouvert une nouvelle bibliothèque à Moscou."],
        ["The city opened a new library in Moscow."],
        ["The city has opened a new library in Moscow."],
    )
    assert renderings.check(result, CTX) == []


def test_a_thing_retired_from_service_is_withdrawn() -> None:
    # a product, a vehicle or a coin is « retiré » (withdrawn) when English retires it
    result = build(
        ["La pièce de deux francs fut retirée de la circulation en 2002.",
         "Le modèle a connu un long succès jusqu'à son retrait en 1998."],
        ["The two-franc coin was retired from circulation in 2002.",
         "The model sold well for years until its retirement in 1998."],
        ["The piece of two francs was withdrawn of the circulation in 2002.",
         "The model has known a long success until its withdrawal in 1998."],
    )
    assert renderings.check(result, CTX) == []


def test_one_correct_rendering_does_not_excuse_a_trap_elsewhere() -> None:
    result = build(
        ["Le fabricant de puces note la reprise de la demande de frites mémoire."],
        ["The chipmaker notes the recovery in demand for memory chips."],
        ["The manufacturer of chips notes the recovery of the demand of memory fries."],
    )
    assert [f.mt_span for f in renderings.check(result, CTX)] == ["frites"]


def test_the_sentence_beside_the_trigger_settles_its_sense() -> None:
    mt = ["Le député a été nommé par le ministre.", "La décision a été annoncée lundi.",
          "L'Assemblée a voté le texte.", "Il a été approuvé par 400 députés."]
    ref = ["The deputy was appointed by the minister.", "The decision was announced on Monday.",
           "The Assembly voted on the text.", "It was approved by 400 deputies."]
    found = renderings.check(build(mt, ref, ref), CTX)
    # the first "deputy" is an assistant; the last are members of the assembly just named
    assert [(f.mt_index, f.mt_span) for f in found if f.kind == "odd_rendering"] == [
        (0, "député")
    ]


def test_a_name_the_mt_kept_capitalised_is_no_trap() -> None:
    mt = ["Si le Labour accepte le budget, la grève prendra fin.",
          "Le labour des champs a commencé."]
    ref = ["If Labor accepts the budget, the strike will end.",
           "Labour in the fields has begun."]
    found = renderings.check(build(mt, ref, ref), CTX)
    assert [(f.mt_index, f.mt_span) for f in found if f.kind == "odd_rendering"] == [
        (1, "labour")
    ]


def test_a_style_calque_is_marked_as_such() -> None:
    result = build(
        ["Cette décision fait sens pour les agriculteurs."],
        ["This decision makes sense for farmers."],
        ["This decision does sense for the farmers."],
    )
    found = renderings.check(result, CTX)
    assert [f.evidence["level"] for f in found] == ["calque"]


@needs_dictionary
def test_a_look_alike_of_different_meaning_is_confirmed_in_the_french() -> None:
    result = build(
        ["« Intégration territoriale »"],
        ["'Territorial integrity'"],
        ["« Territorial integration »"],
    )
    found = renderings.check(result, CTX)
    assert [(f.mt_span, f.ref_span, f.bt_span) for f in found] == [
        ("Intégration", "integrity", "integration")
    ]
    assert "integration" in found[0].evidence["french_senses"]


@needs_dictionary
def test_a_clumsy_but_faithful_back_translation_is_not_flagged() -> None:
    result = build(
        ["Il a annoncé un financement pour soutenir le développement économique."],
        ["He announced funding to support economic growth."],
        ["It has announced a financing to sustain the economic development."],
    )
    assert renderings.check(result, CTX) == []


def _word_scorer(sources: Sequence[str], targets: Sequence[str]) -> list[list[tuple[str, float]]]:
    """A stand-in forced decoder: a word is less likely the longer it is."""
    return [[("▁" + word, -len(word) / 10) for word in target.split()] for target in targets]


def test_forced_decoding_evidence_is_attached_when_a_scorer_is_given() -> None:
    result = build(
        ["La ville a ouvert une nouvelle librairie municipale."],
        ["The city opened a new municipal library."],
        ["The city has opened a new municipal bookshop."],
    )
    ctx = CheckContext(engines=("apertium",), scorer=_word_scorer)
    found = next(f for f in detect(result, ctx) if f.kind == "odd_rendering")
    assert found.evidence["forced_logprob_span_mean"] == pytest.approx(-0.8)  # "library."
    assert len(found.evidence["forced_tokens"]) == 7


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # a bill counted in money, or handed to someone to pay, is a facture
        ("La facture totale des travaux dépasse deux millions d'euros.",
         "The total bill for the works tops 2 million euros."),
        ("Les contribuables paieront la facture.", "Taxpayers will foot the bill."),
        ("Les ménages reçoivent la facture du chauffage.",
         "Households are left with the bill for heating."),
        # fish stocks are des stocks
        ("Les stocks de thon se sont reconstitués.", "Tuna stocks have recovered."),
        ("Les quotas protègent les stocks.", "The quotas protect fish stocks."),
    ],
)
def test_a_look_alike_in_its_own_sense_is_no_trap(mt: str, ref: str) -> None:
    assert renderings.trap_findings(build([mt], [ref], [ref]), CTX) == []


@pytest.mark.parametrize(
    ("mt", "ref", "mt_span"),
    [
        ("Les députés ont adopté la facture.", "MPs passed the bill.", "facture"),
        ("Les stocks ont chuté à Wall Street.", "Stocks fell on Wall Street.", "stocks"),
    ],
)
def test_a_look_alike_in_the_other_sense_is_still_a_trap(mt: str, ref: str,
                                                         mt_span: str) -> None:
    found = renderings.trap_findings(build([mt], [ref], [ref]), CTX)
    assert [f.mt_span for f in found] == [mt_span]
