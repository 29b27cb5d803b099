"""Random text through the whole flow: load → segment → align → score → detect → report.

Hypothesis writes arbitrary Unicode (control characters, NULs, soft hyphens, separators,
bidirectional marks, combining marks, astral characters) in random line structures to files,
and the flow must either refuse a file with an ``InputError`` (empty once cleaned) or finish
and write every output. No other exception may escape. The engine is a stand-in that
reverses words (and answers nothing for text without letters, like a real engine can): the
property is about the code around the engines.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtqa.checks.base import CheckContext
from mtqa.documents import load_document
from mtqa.errors import InputError
from mtqa.model import EngineInfo, RunResult
from mtqa.pipeline import evaluate_document
from mtqa.prechecks import language_warnings
from mtqa.runfolder import load_run, write_outputs

AWKWARD = list(
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9f\t\r\n \xa0\xad\u200b\u200d\u2028\u2029\u202e"
    "\u2066\ufeff\ufffd\u0301.,;:!?«»\"'’-–—()[]/\\<>&0123456789%€$"
)
WORDS = [
    "Le", "conseil", "a", "voté", "le", "budget", "lundi", "The", "council", "voted", "on",
    "Monday", "Kazakhstan", "40", "millions", "d'euros", "n'a", "pas", "not", "7,5", "%",
]

characters = st.one_of(
    st.characters(exclude_categories=("Cs",)),  # anything UTF-8 can hold
    st.sampled_from(AWKWARD),
)
fragment = st.one_of(
    st.text(characters, max_size=12),
    st.sampled_from(WORDS),
)
line = st.lists(fragment, max_size=12).map(lambda parts: " ".join(parts))
document = st.lists(line, min_size=1, max_size=6).map(lambda lines: "\n".join(lines))


class ReversingEngine:
    """Deterministic stand-in: words reversed; nothing for text without a letter."""

    name = "reverse"
    signature = {"engine": "reverse"}

    def translate(
        self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
    ) -> list[str]:
        return [
            " ".join(reversed(t.split())) if any(c.isalpha() for c in t) else "" for t in texts
        ]

    def close(self) -> None:
        pass


SETTINGS: dict[str, Any] = {"entities": {"ner": "rules"}}


@settings(
    max_examples=20,
    deadline=None,
    database=None,  # tests write only under temporary folders (no .hypothesis/ in the checkout)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mt=document, ref=document, encoding=st.sampled_from(["utf-8", "auto"]))
def test_random_text_never_escapes_as_an_exception(mt: str, ref: str, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "mt.fr.txt").write_bytes(mt.encode("utf-8"))
        (root / "ref.en.txt").write_bytes(ref.encode("utf-8"))
        notes: list[str] = []
        try:
            (loaded,) = load_document(
                "doc",
                mt_path=root / "mt.fr.txt",
                ref_path=root / "ref.en.txt",
                encoding=encoding,
                notes=notes,
            )
        except InputError as error:
            assert "\n" not in str(error)
            return
        for text in (loaded.mt_text, loaded.ref_text):
            assert "\x00" not in text and "\xad" not in text and "\r" not in text
        language_warnings(loaded)
        engine = ReversingEngine()
        result = evaluate_document(
            loaded,
            {"reverse": engine},
            metrics=["bleu", "chrf"],
            context=CheckContext(engines=("reverse",), settings=SETTINGS),
        )
        for segment in result.mt_segments:
            assert loaded.mt_text[segment.start : segment.end].strip() == segment.text
        run = RunResult(
            name="prop",
            created="2026-01-01T00:00:00+00:00",
            mtqa_version="test",
            config={"metrics": ["bleu", "chrf"]},
            engines=(EngineInfo("reverse", "reverse", engine.signature),),
            documents=(result,),
            scores=dict(result.scores),
            timings={},
            stats={"warnings": notes},
        )
        out = root / "run"
        write_outputs(run, out)
        assert load_run(out).documents[0].document.mt_text == loaded.mt_text
