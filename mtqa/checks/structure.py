"""Structure: what is in one text and not the other, and what is broken off.

Owns ``boilerplate`` (page furniture the MT carries: related-story links, update banners,
publisher footers...), ``fragment`` (a broken-off piece of a sentence), ``addition``
(MT content with no reference counterpart: a whole sentence, or a clause of an aligned
pair), ``omission`` (reference content missing from the MT) and ``low_score`` (a pair
far below the document's level that nothing else explains; ``check_low_score`` is its
own detector, registered to run last).

Settings: ``[checks.structure]`` ``boilerplate_path`` (the furniture lexicon),
``clause_min_words`` (5); ``[checks.low_score]`` ``z`` (-2.5, the robust z-score at or
below which a pair is flagged) and ``min_spread`` (5.0 chrF points). Each is also accepted
directly under ``[checks]``: ``boilerplate_path``, ``clause_min_words``, ``low_score_z``,
``low_score_min_spread``.

Clause-level additions and omissions are confirmed in the French: a back-translated
chunk missing from the reference must map to a French chunk whose dictionary senses the
reference does not contain either, and a reference chunk missing from the
back-translation must have no dictionary equivalent in the French. A chunk sharing a
number with the other side has its counterpart; and a clause stands out as added or left
out only beside another part of its sentence that the other side does render. An MT chunk
at least half of whose words the word link ties to reference words (the same meaning, or
one step up or down in WordNet: théâtre / stage) is the reference's free rendering of it.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import StrictInt

from mtqa.checks import lexicon
from mtqa.checks.base import CheckContext, finding
from mtqa.checks.detector import Number, Settings
from mtqa.language.parse import Token
from mtqa.model import DocumentResult, Finding, Pair, Segment, Severity

DETECTOR = "structure"
_CHUNK = re.compile(r"[^,;:()«»\"“”—–]+")
_FINITE = ("VERB", "AUX")


class StructureSettings(Settings):
    """``[checks.structure]`` of the run config."""

    boilerplate_path: str | None = None  # default: configs/boilerplate.toml
    clause_min_words: StrictInt = 5


class LowScoreSettings(Settings):
    """``[checks.low_score]`` of the run config."""

    z: Number = -2.5
    min_spread: Number = 5.0


def _segment_finding(
    result: DocumentResult,
    mt_index: int,
    *,
    kind: str,
    severity: Severity,
    message: str,
    **details: Any,
) -> Finding:
    """A finding on a whole MT segment, outside any pair (page furniture, a fragment, a
    sentence with no counterpart): the segment is its MT span. ``details`` are ``finding``'s
    other keywords (``evidence``, ``engines``, ``bt_span``, the reference side)."""
    return finding(
        result,
        None,
        kind=kind,
        severity=severity,
        detector=DETECTOR,
        message=message,
        mt_span=result.mt_segments[mt_index].text,
        mt_index=mt_index,
        **details,
    )


def _furniture(ctx: CheckContext) -> lexicon.Furniture:
    path = ctx.options(DETECTOR).boilerplate_path
    return lexicon.load_furniture(Path(path) if path else None)


def furniture_indexes(segments: Sequence[Segment], ctx: CheckContext) -> frozenset[int]:
    """Indexes of the segments that are page furniture (the aligner never pairs them on
    position alone)."""
    furniture = _furniture(ctx)
    return frozenset(k for k, segment in enumerate(segments) if furniture.match(segment.text))


def _bt_of_segment(result: DocumentResult, engine: str, index: int) -> str:
    texts = result.back_translations.get(engine, ())
    return texts[index] if index < len(texts) else ""


def _has_verb(text: str) -> bool | None:
    tokens = lexicon.parse(text, "fr")
    if not tokens or not tokens[0].pos:
        return None  # no parser: cannot tell
    return any(t.pos in _FINITE for t in tokens)


def _coverage(words_: Sequence[Token], others: Sequence[Token]) -> float:
    if not words_:
        return 0.0
    return sum(1 for w in words_ if lexicon.supported(w, others)) / len(words_)


def _ref_window(ref_text: str, words_: Sequence[Token]) -> str | None:
    """The shortest stretch of the reference holding the words it shares with ``words_``."""
    ref_tokens = lexicon.parse(ref_text, "en")
    hits = [
        t for t in ref_tokens
        if (t.content or t.pos == "PROPN") and any(lexicon.same_word(t, w) for w in words_)
    ]
    if not hits:
        return None
    return ref_text[hits[0].start : hits[-1].end]


def boilerplate(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """MT segments that are page furniture absent from the reference."""
    furniture = _furniture(ctx)
    by_mt = result.pair_of_mt
    found = []
    for segment in result.mt_segments:
        match = furniture.match(segment.text)
        if match is None:
            continue
        pair = by_mt.get(segment.index)
        if pair is not None and pair.ref and furniture.match(pair.ref_text):
            continue  # the reference carries the same furniture: it belongs to the text
        found.append(
            _segment_finding(
                result,
                segment.index,
                kind="boilerplate",
                severity="minor",
                message="page furniture, not part of the story",
                evidence={"pattern": match.re.pattern, "aligned": bool(pair and pair.ref)},
            )
        )
    return found


def fragments(
    result: DocumentResult, ctx: CheckContext, skip: Iterable[int]
) -> list[Finding]:
    """Verbless pieces of MT that belong to a neighbouring reference sentence."""
    skip = set(skip)
    by_mt = result.pair_of_mt
    pairs = result.pairs
    found = []
    for segment in result.mt_segments:
        if segment.index in skip or _has_verb(segment.text) is not False:
            continue
        pair = by_mt.get(segment.index)
        if pair is None:
            continue
        # Where might it belong: its own bead if shared with a sentence that has a verb,
        # else the neighbouring beads' references.
        candidates: list[Pair] = []
        if pair.ref and len(pair.mt) > 1 and any(
            _has_verb(result.mt_segments[m].text) for m in pair.mt if m != segment.index
        ):
            candidates.append(pair)
        if not pair.ref:
            candidates.extend(
                p for p in (pairs[pair.index - 1] if pair.index > 0 else None,
                            pairs[pair.index + 1] if pair.index + 1 < len(pairs) else None)
                if p is not None and p.ref
            )
        best: tuple[float, Pair, str, list[Token]] | None = None
        for engine in ctx.engines:
            bt = _bt_of_segment(result, engine, segment.index)
            words_ = [t for t in lexicon.parse(bt, "en") if t.content or t.pos == "PROPN"]
            if len(words_) < 2:
                continue
            for candidate in candidates:
                share = _coverage(words_, lexicon.parse(candidate.ref_text, "en"))
                if best is None or share > best[0]:
                    best = (share, candidate, engine, words_)
        if best is None or best[0] < 0.5:
            continue
        share, home, engine, words_ = best
        lowercase = segment.text[:1].islower()
        found.append(
            _segment_finding(
                result,
                segment.index,
                kind="fragment",
                severity="major",
                message="a broken-off piece of a sentence: no verb, and its words belong to "
                "a neighbouring reference sentence",
                ref_index=home.ref_index,
                ref_span=_ref_window(home.ref_text, words_),
                bt_span=_bt_of_segment(result, engine, segment.index),
                engines=(engine,),
                evidence={"shared_words": round(share, 2), "starts_lowercase": lowercase,
                          "home_pair": home.index},
            )
        )
    return found


def _chunks(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _CHUNK.finditer(text) if m.group().strip()]


def clause_texts(text: str) -> list[str]:
    """The clause-like chunks of text that the addition and omission checks parse."""
    return [chunk for _, _, chunk in _chunks(text)]


def _strip_span(text: str, start: int, end: int) -> str:
    span = text[start:end].strip(" ,;:.")
    return span


_NUMBER = re.compile(r"\d(?:[\d\s\u00a0\u202f.,]*\d)?")


def _numbers(text: str) -> set[str]:
    """The numbers of a text, separators dropped (320 000 = 320,000 = 320000)."""
    return {re.sub(r"\D", "", m.group()) for m in _NUMBER.finditer(text)}


def _lone_chunks(
    text: str,
    minimum: int,
    words_of: Callable[[str], Sequence[Token]],
    senses_of: Callable[[list[str]], Mapping[str, frozenset[str]]],
    backed: Callable[[frozenset[str]], bool],
    other_text: str,
) -> Iterator[tuple[str, list[Token], list[Token]]]:
    """Chunks of a text with ``minimum`` content words or more, as many the dictionary
    knows, and none of those backed by the other side: (span, content words, known).

    A chunk that shares a number with the other side has its counterpart there; and where
    no chunk of the text is backed at all, no part of it stands out as added or left out:
    the whole pair differs (a free paraphrase, which ``low_score`` may point at).
    """
    chunks = []
    any_backed = False
    other_numbers = _numbers(other_text)
    for start, end, chunk in _chunks(text):
        words_ = list(words_of(chunk))
        senses = senses_of([w.text for w in words_]) if words_ else {}
        known = [w for w in words_ if senses.get(w.text)]
        if any(backed(senses[w.text]) for w in known) or _numbers(chunk) & other_numbers:
            any_backed = True
            continue
        if len(words_) >= minimum and len(known) >= minimum:
            chunks.append((_strip_span(text, start, end), words_, known))
    if any_backed:
        yield from chunks


def _clause_finding(
    result: DocumentResult, pair: Pair, kind: str, engines: list[str], span: str,
    counts: tuple[int, int],
) -> Finding:
    addition = kind == "addition"
    return finding(
        result,
        pair,
        kind=kind,
        severity="major",
        detector=DETECTOR,
        message="this part of the MT has no counterpart in the reference" if addition
        else "this part of the reference is missing from the MT",
        mt_span=span if addition else None,
        ref_span=None if addition else span,
        engines=engines,
        evidence={"content_words": counts[0], "dictionary_words": counts[1],
                  "in_reference" if addition else "in_mt": 0},
    )


# English verbs whose WordNet senses reach almost any other verb.
_EMPTY_VERBS = frozenset("be have do make take get give go come put set keep let".split())


def _paraphrased(pair: Pair, known: Sequence[Token], engines: Sequence[str]) -> bool:
    """At least half of a French chunk's words mean a reference word, or one just above or
    below it in WordNet (débuter / start, théâtre / stage, cinéma / film), by the word
    link; verbs of no meaning of their own (make, take) count for nothing: the reference
    renders the chunk freely, it adds nothing."""
    from mtqa.checks import wordlink  # loads the dictionary and WordNet: only on use

    if not known:
        return False
    links = wordlink.link_pair(pair.mt_text, pair.ref_text,
                               {e: pair.bt[e] for e in engines if e in pair.bt})
    near = wordlink.MEANING_LINKS + ("hypernym", "hyponym")
    linked = {links.french[link.french].text for link in links.links if link.how in near
              and links.english[link.english].lemma.lower() not in _EMPTY_VERBS}
    return 2 * sum(w.text in linked for w in known) >= len(known)


def _clause_additions(result: DocumentResult, ctx: CheckContext, pair: Pair) -> list[Finding]:
    """Chunks of the MT that neither the back-translation nor the dictionary
    connects to the reference."""
    ref_tokens = list(lexicon.parse(pair.ref_text, "en"))
    ref_lemmas = {t.lemma for t in ref_tokens}
    found = []
    for span, words_, known in _lone_chunks(
        pair.mt_text,
        ctx.options(DETECTOR).clause_min_words,
        lambda chunk: [t for t in lexicon.parse(chunk, "fr") if t.content],
        lambda texts: lexicon.dictionary().french_senses(texts),
        lambda senses: bool(senses & ref_lemmas),
        pair.ref_text,
    ):
        if _paraphrased(pair, known, ctx.engines):
            continue
        engines = []
        for engine in ctx.engines:
            bt_words = lexicon.content_tokens(pair.bt.get(engine, ""), "en")
            if bt_words and _coverage(bt_words, ref_tokens) < 0.9:
                engines.append(engine)
        if engines:
            counts = (len(words_), len(known))
            found.append(_clause_finding(result, pair, "addition", engines, span, counts))
    return found


def _clause_omissions(result: DocumentResult, ctx: CheckContext, pair: Pair) -> list[Finding]:
    """Chunks of the reference that neither the back-translation nor the French carries."""
    fr_tokens = lexicon.parse(pair.mt_text, "fr")
    fr_lemmas = {lexicon.fold(t.lemma) for t in fr_tokens} | {
        lexicon.fold(t.text) for t in fr_tokens
    }
    found = []
    for span, words_, known in _lone_chunks(
        pair.ref_text,
        ctx.options(DETECTOR).clause_min_words,
        lambda chunk: lexicon.content_tokens(chunk, "en"),
        lambda texts: lexicon.dictionary().english_senses(texts),
        lambda senses: bool({lexicon.fold(s) for s in senses} & fr_lemmas),
        pair.mt_text,
    ):
        engines = []
        for engine in ctx.engines:
            bt_tokens = lexicon.parse(pair.bt.get(engine, ""), "en")
            if _coverage(words_, bt_tokens) == 0.0:
                engines.append(engine)
        if engines:
            counts = (len(words_), len(known))
            found.append(_clause_finding(result, pair, "omission", engines, span, counts))
    return found


def additions_and_omissions(
    result: DocumentResult, ctx: CheckContext, skip: Iterable[int]
) -> list[Finding]:
    skip = set(skip)
    found = []
    for pair in result.pairs:
        if pair.mt and not pair.ref:
            for index in pair.mt:
                if index in skip:
                    continue
                found.append(
                    _segment_finding(
                        result,
                        index,
                        kind="addition",
                        severity="major",
                        message="this MT sentence has no counterpart in the reference",
                        bt_span=next(
                            (b for e in ctx.engines if (b := _bt_of_segment(result, e, index))),
                            None,
                        ),
                        engines=tuple(ctx.engines),
                        evidence={"unaligned": True},
                    )
                )
        elif pair.ref and not pair.mt:
            found.append(
                finding(
                    result,
                    pair,
                    kind="omission",
                    severity="major",
                    detector=DETECTOR,
                    message="this reference sentence is missing from the MT",
                    ref_span=pair.ref_text,
                    engines=tuple(ctx.engines),
                    evidence={"unaligned": True},
                )
            )
        elif pair.aligned and lexicon.dictionary().available:
            found.extend(_clause_additions(result, ctx, pair))
            found.extend(_clause_omissions(result, ctx, pair))
    return found


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Boilerplate, fragments, additions and omissions (``low_score`` is separate)."""
    found = boilerplate(result, ctx)
    furniture = {f.mt_index for f in found if f.mt_index is not None}
    broken = fragments(result, ctx, skip=furniture)
    found.extend(broken)
    handled = furniture | {f.mt_index for f in broken if f.mt_index is not None}
    found.extend(additions_and_omissions(result, ctx, skip=handled))
    return found


def explained_pairs(result: DocumentResult, findings: Iterable[Finding]) -> set[int]:
    """Indexes of the pairs that some finding already explains."""
    by_mt = {m: p.index for p in result.pairs for m in p.mt}
    by_ref = {r: p.index for p in result.pairs for r in p.ref}
    explained = set()
    for found in findings:
        if found.mt_index is not None and found.mt_index in by_mt:
            explained.add(by_mt[found.mt_index])
        elif found.ref_index is not None and found.ref_index in by_ref:
            explained.add(by_ref[found.ref_index])
    return explained


def check_low_score(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """``low_score`` for the pairs no earlier detector's finding explains."""
    return low_score(result, ctx, explained=explained_pairs(result, ctx.earlier))


def low_score(
    result: DocumentResult, ctx: CheckContext, *, explained: Iterable[int] = ()
) -> list[Finding]:
    """Aligned pairs whose chrF is far below the document's (robust z-score), when no
    other finding explains them."""
    conf = ctx.options("low_score")
    threshold = conf.z
    explained = set(explained)
    found = []
    for engine in ctx.engines:
        rows = result.segment_scores.get(engine, ())
        values = [
            (pair, rows[pair.index]["chrf"])
            for pair in result.pairs
            if pair.aligned and pair.index < len(rows) and "chrf" in rows[pair.index]
        ]
        if len(values) < 5:
            continue  # too few pairs for a robust spread
        scores = [v for _, v in values]
        median = statistics.median(scores)
        spread = 1.4826 * statistics.median(abs(v - median) for v in scores)
        # A floor on the spread: where nearly every pair scores alike, a few chrF points
        # of difference are noise, not a finding.
        spread = max(spread, conf.min_spread)
        for pair, value in values:
            z = (value - median) / spread
            if z <= threshold and pair.index not in explained:
                found.append(
                    finding(
                        result,
                        pair,
                        kind="low_score",
                        severity="minor",
                        detector=DETECTOR,
                        message=f"chrF {value:.1f} is far below this document's median "
                        f"{median:.1f}",
                        mt_span=pair.mt_text,
                        ref_span=pair.ref_text,
                        bt_span=pair.bt.get(engine),
                        engines=(engine,),
                        evidence={"chrf": value, "median_chrf": round(median, 2),
                                  "robust_z": round(z, 2)},
                    )
                )
    return found
