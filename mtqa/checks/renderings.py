"""Odd renderings: French words that do not carry the reference's meaning.

Owns ``odd_rendering``, found three ways, each confirmed in the French:

- **Traps** — the curated lexicon of French–English MT traps (``configs/mt-traps.toml``:
  false friends, polysemy, calques). A trap fires when the reference has the trigger and
  the aligned MT has the trap and none of its correct renderings.
- **Wrong senses** — a French word whose dictionary translations all belong to another
  WordNet sense of the reference word than the one its context uses
  (``mtqa.checks.senses``).
- **Divergences** — in an aligned pair that otherwise matches well, a content word of the
  back-translation and one of the reference stand in the same place yet differ after
  exact → lemma → WordNet-synonym matching (never stem-only: integrity is not
  integration). The back-translated word is traced to the French word whose dictionary
  senses produce it; the finding stands only if that word's senses exclude the reference
  word, and the reference word's French equivalents exclude it. Apertium's English is
  clumsy and its dictionaries thin, so a divergence alone is never enough, and by default
  (setting ``divergence_paronyms_only``) only look-alikes of different meaning are
  flagged: the back-translated word shares a stem with the reference word but is neither
  its lemma nor its synonym.

Settings (``[checks.renderings]``, each also accepted directly under ``[checks]``):
``traps_path`` (the trap lexicon; default ``configs/mt-traps.toml``),
``divergence_min_match`` (0.4: the share of reference words the back-translation must
support before a divergence is looked for), ``divergence_paronyms_only`` (true).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import StrictBool

from mtqa.checks import lexicon, senses
from mtqa.checks.base import CheckContext, finding
from mtqa.checks.detector import Number, Settings
from mtqa.language.parse import Token
from mtqa.model import DocumentResult, Finding, Pair

DETECTOR_TRAPS = "renderings.traps"
DETECTOR_DIVERGENCE = "renderings.divergence"
_COMPARABLE = {"NOUN": "N", "VERB": "V", "ADJ": "A"}
# Only nouns are compared: verbs and adjectives vary too freely between a clumsy
# back-translation and a reference for a difference to mean anything.
_DIVERGING = ("NOUN",)
_PARONYM_PREFIX = 5  # integration/integrity: same stem, different word


class RenderingSettings(Settings):
    """``[checks.renderings]`` of the run config."""

    traps_path: str | None = None  # default: configs/mt-traps.toml
    divergence_min_match: Number = 0.4
    divergence_paronyms_only: StrictBool = True


def _traps(ctx: CheckContext) -> tuple[lexicon.Trap, ...]:
    path = ctx.options("renderings").traps_path
    return lexicon.load_traps(Path(path) if path else None)


def trap_findings(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Lexicon traps in aligned pairs."""
    traps = _traps(ctx)
    found = []
    pairs = result.pairs
    for k, pair in enumerate(pairs):
        if not pair.aligned:
            continue
        # The words that settle a reference word's sense ("deputies" of a parliament) may sit
        # in the sentence before or after it.
        context = " ".join(p.ref_text for p in pairs[max(0, k - 1) : k + 2])
        for trap in traps:
            triggers = trap.english.find(pair.ref_text)
            if not triggers or trap.unless.find(context):
                continue
            # A capitalised word inside the sentence is a name the MT kept as one ("si le
            # Labour accepte": the party), not a sense of the common word.
            hits = [(a, b) for a, b in trap.trap.find(pair.mt_text)
                    if not (pair.mt_text[a:a + 1].isupper() and pair.mt_text[:a].strip())]
            # Each mention of the trigger needs its own correct rendering: one right
            # rendering does not excuse a trap elsewhere in the sentence.
            if not hits or len(trap.correct.find(pair.mt_text)) >= len(triggers):
                continue
            start, end = hits[0]
            mt_span = pair.mt_text[start:end]
            ref_span = pair.ref_text[triggers[0][0] : triggers[0][1]]
            trigger_words = {w.lower() for w in lexicon.words(ref_span)}
            # An engine supports the finding when its back-translation lost the trigger too.
            engines = [
                e for e in ctx.engines
                if e in pair.bt and not trap.english.find(pair.bt[e])
            ]
            found.append(
                finding(
                    result,
                    pair,
                    kind="odd_rendering",
                    severity="minor" if trap.level == "calque" else "major",
                    detector=DETECTOR_TRAPS,
                    message=f"'{ref_span}' rendered as '{mt_span}': {trap.note}",
                    mt_span=mt_span,
                    ref_span=ref_span,
                    bt_span=_bt_span(pair, engines, mt_span, trigger_words),
                    engines=engines,
                    evidence={"trap": trap.id, "level": trap.level, "note": trap.note},
                )
            )
    return found


def _bt_span(pair: Pair, engines: Sequence[str], french: str, avoid: set[str]) -> str | None:
    """The back-translated word(s) the French span became, found through the dictionary."""
    dictionary = lexicon.dictionary()
    if not engines or not dictionary.available:
        return None
    senses: set[str] = set()
    for word in lexicon.words(french):
        senses |= dictionary.french_senses([word])[word]
    for token in lexicon.parse(pair.bt[engines[0]], "en"):
        if token.lemma in senses and token.text.lower() not in avoid:
            return token.text
    return None


# ---------------------------------------------------------------------------------------
# Divergences


def _content(tokens: Sequence[Token]) -> list[Token]:
    return [t for t in tokens if t.pos in _COMPARABLE and t.lemma not in lexicon.STOP_LEMMAS]


def _candidates(bt: Sequence[Token], ref: Sequence[Token]) -> list[tuple[Token, Token]]:
    """Same-place word pairs that differ: single substitutions between matching words."""
    keys_bt = []
    for token in bt:
        match = next((r for r in ref if lexicon.same_word(token, r)), None)
        keys_bt.append(match.lemma if match else "bt:" + token.lemma)
    keys_ref = [r.lemma for r in ref]
    opcodes = difflib.SequenceMatcher(None, keys_bt, keys_ref, autojunk=False).get_opcodes()
    found = []
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "replace" or i2 - i1 > 2 or j2 - j1 > 2:
            continue
        before = opcodes[number - 1][0] if number > 0 else "equal"
        after = opcodes[number + 1][0] if number + 1 < len(opcodes) else "equal"
        if before != "equal" or after != "equal":
            continue  # the place is not pinned down by matching words on both sides
        for b in bt[i1:i2]:
            for r in ref[j1:j2]:
                if b.pos == r.pos and b.pos in _DIVERGING and "compound" not in (b.dep, r.dep):
                    found.append((b, r))
    return found


def _divergences_in_pair(
    result: DocumentResult, ctx: CheckContext, pair: Pair, engine: str
) -> list[dict[str, Any]]:
    dictionary = lexicon.dictionary()
    bt_text = pair.bt.get(engine, "")
    bt_all = lexicon.parse(bt_text, "en")
    ref_all = lexicon.parse(pair.ref_text, "en")
    bt, ref = _content(bt_all), _content(ref_all)
    if not bt or not ref:
        return []
    matched = sum(1 for r in ref if lexicon.supported(r, bt)) / len(ref)
    if matched < ctx.options("renderings").divergence_min_match:
        return []  # the pair does not match well enough to pin a word down
    french = [t for t in lexicon.parse(pair.mt_text, "fr") if t.pos in _COMPARABLE]
    senses = dictionary.french_senses([t.text for t in french])
    net = lexicon.wordnet()
    out = []
    for b, r in _candidates(bt, ref):
        if any(t.lemma == r.lemma for t in bt_all) or any(t.lemma == b.lemma for t in ref_all):
            continue
        if lexicon.supported(r, bt) or lexicon.supported(b, ref):
            continue  # each word has a counterpart elsewhere in the other text
        paronyms = len(os.path.commonprefix([b.lemma, r.lemma])) >= _PARONYM_PREFIX
        if ctx.options("renderings").divergence_paronyms_only and not paronyms:
            # Apertium's dictionaries are too thin to confirm an arbitrary substitution
            # (urgence/emergency); a look-alike of a different meaning is the sure case.
            continue
        sources = [
            f for f in french if b.lemma in senses[f.text] or b.text.lower() in senses[f.text]
        ]
        if len(sources) != 1:
            continue  # untraceable, or ambiguous: not confirmed in the French
        source = sources[0]
        french_senses = senses[source.text]
        if r.lemma in french_senses or (
            net is not None and any(net.related(r.lemma, s) for s in french_senses)
        ):
            continue  # the French word can mean the reference word, or something close
        back = dictionary.english_senses([r.text])[r.text]
        if not back:
            continue  # the reference word is not in the dictionary: cannot confirm
        if lexicon.fold(source.lemma) in {lexicon.fold(s) for s in back} or lexicon.fold(
            source.text
        ) in {lexicon.fold(s) for s in back}:
            continue  # the reference word's own French equivalent is what the MT wrote
        out.append(
            {
                "source": source,
                "bt": b,
                "ref": r,
                "french_senses": sorted(french_senses),
                "reference_in_french": sorted(back),
                "pair_match": round(matched, 2),
                "paronyms": paronyms,
            }
        )
    return out


def divergence_findings(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Dictionary-confirmed divergences between back-translation and reference."""
    if not lexicon.dictionary().available:
        return []  # nothing can confirm a divergence in the French: stay silent
    found = []
    for pair in result.pairs:
        if not pair.aligned:
            continue
        by_source: dict[tuple[int, str], dict[str, Any]] = {}
        engines: dict[tuple[int, str], list[str]] = {}
        for engine in ctx.engines:
            if engine not in pair.bt:
                continue
            for item in _divergences_in_pair(result, ctx, pair, engine):
                key = (item["source"].start, item["ref"].lemma)
                by_source.setdefault(key, item)
                engines.setdefault(key, []).append(engine)
        for key, item in by_source.items():
            source, b, r = item["source"], item["bt"], item["ref"]
            found.append(
                finding(
                    result,
                    pair,
                    kind="odd_rendering",
                    severity="major",
                    detector=DETECTOR_DIVERGENCE,
                    message=f"'{source.text}' reads as '{b.text}', but the reference says "
                    f"'{r.text}', which '{source.text}' does not mean",
                    mt_span=pair.mt_text[source.start : source.end],
                    ref_span=pair.ref_text[r.start : r.end],
                    bt_span=b.text,
                    engines=engines[key],
                    evidence={
                        "level": "sense",
                        "french_senses": item["french_senses"],
                        "reference_word_in_french": item["reference_in_french"],
                        "pair_match": item["pair_match"],
                        "paronyms": item["paronyms"],
                        "engines_agreeing": len(engines[key]),
                        "engines_available": len(ctx.engines),
                    },
                )
            )
    return found


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Trap-lexicon, wrong-sense and divergence odd renderings."""
    found = trap_findings(result, ctx)
    taken: dict[int | None, set[str | None]] = {}  # MT sentence -> spans found there
    for f in found:
        taken.setdefault(f.mt_index, set()).add(f.mt_span)
    for item in [*senses.check(result, ctx), *divergence_findings(result, ctx)]:
        overlaps = any(
            span and item.mt_span and (item.mt_span in span or span in item.mt_span)
            for span in taken.get(item.mt_index, ())
        )
        if not overlaps:
            found.append(item)
            taken.setdefault(item.mt_index, set()).add(item.mt_span)
    return found
