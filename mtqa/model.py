"""The data that passes between pipeline steps: small frozen dataclasses, never dicts.

Each step of the flow (load → segment → back-translate → align → score → detect → report)
is a plain function of the previous step's output; these types are that output.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, overload

if TYPE_CHECKING:
    from mtqa.compare import Comparison
    from mtqa.frames import Frames
    from mtqa.runstats import RunStats

Side = Literal["mt", "ref"]
Severity = Literal["critical", "major", "minor"]

SEVERITIES: tuple[Severity, ...] = ("critical", "major", "minor")
SEVERITY_RANK: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}  # 0 = most severe


def __getattr__(name: str) -> Any:
    # FINDING_KINDS is derived from the detector registry (mtqa.checks.registry), which
    # imports this module: it is looked up on first use.
    if name == "FINDING_KINDS":
        from mtqa.checks.registry import FINDING_KINDS

        return FINDING_KINDS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Document:
    """One evaluation document: a French MT and the English reference it came from."""

    id: str
    mt_text: str  # normalised (NFC, LF, no BOM); offsets below point into this
    ref_text: str
    mt_path: str | None = None
    ref_path: str | None = None
    system: str = "mt"  # which MT system produced mt_text ("mt" for the document's own)
    source_id: str = ""  # the document's id without the system suffix ("" = same as id)
    # From a bilingual file (XLIFF, TMX): one unit per line on each side, each unit one
    # segment and one bead; never split into sentences or re-aligned.
    prealigned: bool = False
    label: str = ""  # the name people know it by when the id had to be made from it ("my doc")

    @property
    def base_id(self) -> str:
        return self.source_id or self.id


@dataclass(frozen=True)
class Segment:
    """A sentence of one side of a document, with its place in the original text."""

    doc: str
    side: Side
    index: int  # sentence index within the side, 0-based
    para: int  # paragraph (line) index, 0-based
    start: int  # character offsets into Document.mt_text / ref_text
    end: int
    text: str  # the sentence, stripped of surrounding whitespace


@dataclass(frozen=True)
class Pair:
    """A bead of the alignment: MT sentences matched with reference sentences.

    One side may be empty: an unaligned MT sentence (``ref == ()``) or an unaligned
    reference sentence (``mt == ()``). ``bt`` holds, per engine, the back-translation of the
    MT side (the MT sentences' back-translations joined by a space).
    """

    doc: str
    index: int  # position of the bead in the document's alignment
    mt: tuple[int, ...]  # MT segment indexes
    ref: tuple[int, ...]  # reference segment indexes
    mt_text: str
    ref_text: str
    bt: Mapping[str, str] = field(default_factory=dict)
    similarity: float = 0.0  # chrF (0..1) of the best-matching back-translation vs reference

    @property
    def kind(self) -> str:
        return f"{len(self.mt)}-{len(self.ref)}"

    @property
    def aligned(self) -> bool:
        return bool(self.mt) and bool(self.ref)

    @property
    def mt_index(self) -> int | None:
        return self.mt[0] if self.mt else None

    @property
    def ref_index(self) -> int | None:
        return self.ref[0] if self.ref else None


# The fields of a findings.jsonl line, in order (after "id"; "confidence", "verdict" and
# "note" follow once assigned).
_FINDING_JSON = (
    "doc", "kind", "severity", "mt_index", "ref_index", "mt_text", "mt_span", "ref_span",
    "bt_span", "engines", "detector", "message", "evidence",
)


@dataclass(frozen=True)
class Finding:
    """One thing a reviewer must see. Serialised as a line of ``findings.jsonl``."""

    doc: str
    kind: str  # one of FINDING_KINDS (mtqa.checks.registry)
    severity: Severity
    mt_index: int | None
    ref_index: int | None
    mt_text: str
    mt_span: str | None
    ref_span: str | None
    bt_span: str | None
    engines: tuple[str, ...]
    detector: str
    message: str
    evidence: Mapping[str, Any] = field(default_factory=dict)
    # Stable across reruns: derived from the document id, kind and the texts concerned (never
    # sentence indexes); the key review decisions are matched on. "" until assigned.
    id: str = ""
    confidence: float | None = None  # 0-1, calibrated on development data
    verdict: str | None = None  # a review decision: "accepted", "false_alarm" or "fixed"
    note: str | None = None  # the reviewer's note with the verdict

    @property
    def waived(self) -> bool:
        """A reviewer marked it a false alarm: it stays in the outputs, out of every count."""
        return self.verdict == "false_alarm"

    def to_json(self) -> dict[str, Any]:
        row: dict[str, Any] = {"id": self.id} if self.id else {}
        row.update((name, getattr(self, name)) for name in _FINDING_JSON)
        row.update(engines=list(self.engines), evidence=dict(self.evidence))
        # Present only once assigned, so a run without them reads as before.
        for name in ("confidence", "verdict", "note"):
            if getattr(self, name) is not None:
                row[name] = getattr(self, name)
        return row


@dataclass(frozen=True)
class EngineInfo:
    """An engine that ran, or was skipped, in a run."""

    name: str  # the name given in the config (e.g. "marian", "apertium")
    kind: str  # the engine implementation
    signature: Mapping[str, Any]  # engine, model, revision, settings, package versions
    skipped: str | None = None  # why it did not run; None when it ran

    @property
    def signature_text(self) -> str:
        return "|".join(f"{k}:{v}" for k, v in self.signature.items())


@dataclass(frozen=True)
class Score:
    """One corpus-level metric value with its sacrebleu signature and 95% interval."""

    metric: str  # "bleu", "chrf", "chrf++", "ter"
    score: float
    ci_low: float | None
    ci_high: float | None
    signature: str

    @property
    def value(self) -> float:
        """The score (its earlier name)."""
        return self.score

    def to_json(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "score": round(self.score, 4),
            "ci95": None
            if self.ci_low is None
            else [round(self.ci_low, 4), round(self.ci_high or 0.0, 4)],
            "signature": self.signature,
        }


@dataclass(frozen=True)
class DocumentResult:
    """Everything computed for one document."""

    document: Document
    mt_segments: tuple[Segment, ...]
    ref_segments: tuple[Segment, ...]
    back_translations: Mapping[str, tuple[str, ...]]  # engine -> one text per MT segment
    pairs: tuple[Pair, ...]
    segment_scores: Mapping[str, tuple[Mapping[str, float], ...]]  # engine -> per pair
    scores: Mapping[str, tuple[Score, ...]]  # engine -> corpus scores for this document
    findings: tuple[Finding, ...] = ()

    @property
    def counted_findings(self) -> tuple[Finding, ...]:
        """All findings but those a reviewer waived as false alarms."""
        return tuple(f for f in self.findings if not f.waived)

    # The indexes below are built once per result, on first use: a long document's
    # findings, detectors and reports look beads up by sentence instead of scanning them.

    @cached_property
    def pair_of_mt(self) -> Mapping[int, Pair]:
        """MT segment index -> the bead that holds it."""
        return {i: pair for pair in self.pairs for i in pair.mt}

    @cached_property
    def _first_bead(self) -> tuple[dict[int, Pair], dict[int, Pair]]:
        """MT and reference segment index -> the first bead that holds it."""
        by_mt: dict[int, Pair] = {}
        by_ref: dict[int, Pair] = {}
        for pair in self.pairs:
            for i in pair.mt:
                by_mt.setdefault(i, pair)
            for i in pair.ref:
                by_ref.setdefault(i, pair)
        return by_mt, by_ref

    def pair_of(self, finding: Finding) -> Pair | None:
        """The bead a finding belongs to: by its MT index, else by its reference index."""
        by_mt, by_ref = self._first_bead
        if finding.mt_index is not None and finding.mt_index in by_mt:
            return by_mt[finding.mt_index]
        if finding.ref_index is not None:
            return by_ref.get(finding.ref_index)
        return None

    @cached_property
    def ref_text_of(self) -> Mapping[int, str]:
        """Reference segment index -> its text, in the order of ``ref_segments``."""
        return {s.index: s.text for s in self.ref_segments}


@dataclass(frozen=True)
class RunResult:
    """A whole run: what every report (HTML, JSON, CSV, terminal) is rendered from."""

    name: str
    created: str  # ISO 8601, UTC
    mtqa_version: str
    config: Mapping[str, Any]  # the resolved config
    engines: tuple[EngineInfo, ...]
    # in order; a written run's documents are read from its folder as they are used
    documents: Sequence[DocumentResult]
    scores: Mapping[str, tuple[Score, ...]]  # engine -> corpus scores over all documents
    timings: Mapping[str, float]  # pipeline step -> seconds
    stats: RunStats = field(default_factory=lambda: _run_stats({}))

    def __post_init__(self) -> None:
        # a mapping (result.json's form, or a hand-made result) becomes the typed statistics
        if isinstance(self.stats, Mapping):
            object.__setattr__(self, "stats", _run_stats(self.stats))

    @property
    def engines_run(self) -> tuple[EngineInfo, ...]:
        return tuple(e for e in self.engines if e.skipped is None)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for d in self.documents for f in d.findings)

    @property
    def counted_findings(self) -> tuple[Finding, ...]:
        """The findings counts, gates and comparisons use: all but those waived as false alarms."""
        return tuple(f for f in self.findings if not f.waived)

    @property
    def comparison(self) -> Comparison | None:
        """Error scores of every system and, with several systems or engines, the comparison
        table, verdicts and ranking (None for a result made before they existed)."""
        return self.stats.comparison

    @cached_property
    def frames(self) -> Frames:
        """pandas views: ``frames.segments``, ``frames.findings``, ``frames.scores``."""
        from mtqa.frames import Frames

        return Frames(self)


def _run_stats(data: Mapping[str, Any]) -> RunStats:
    from mtqa.runstats import RunStats

    return RunStats.from_json(data)


class LazyDocuments(Sequence[DocumentResult]):
    """Documents made or read one at a time as they are used (from disk, with decisions
    applied…): a subclass says how many there are and how to get the one at a position."""

    @abstractmethod
    def _document(self, index: int) -> DocumentResult:
        """The document at ``index``, 0 <= index < len(self)."""

    @overload
    def __getitem__(self, index: int) -> DocumentResult: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[DocumentResult, ...]: ...

    def __getitem__(self, index: int | slice) -> DocumentResult | tuple[DocumentResult, ...]:
        if isinstance(index, slice):
            return tuple(self._document(i) for i in range(len(self))[index])
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._document(index)

    def __iter__(self) -> Iterator[DocumentResult]:
        for index in range(len(self)):
            yield self._document(index)


class Subset(Sequence[DocumentResult]):
    """Some of a sequence's documents, by position, read from it when used: a view that
    holds positions, never the documents (the run's may live on disk)."""

    def __init__(self, documents: Sequence[DocumentResult], positions: Sequence[int]) -> None:
        self.documents = documents
        self.positions = tuple(positions)

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, index: int) -> DocumentResult: ...

    @overload
    def __getitem__(self, index: slice) -> Subset: ...

    def __getitem__(self, index: int | slice) -> DocumentResult | Subset:
        if isinstance(index, slice):
            return Subset(self.documents, self.positions[index])
        return self.documents[self.positions[index]]

    def __iter__(self) -> Iterator[DocumentResult]:
        for position in self.positions:
            yield self.documents[position]

    def __repr__(self) -> str:
        return f"Subset({len(self.positions)} of {len(self.documents)} documents)"
