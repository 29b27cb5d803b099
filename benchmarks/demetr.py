"""Detection quality on DEMETR's French items: caused recall per perturbation and false alarms.

DEMETR (Karpinska et al., EMNLP 2022) perturbs English translations of French sentences in
one controlled way each. mtqa sees the French ``src_sent`` as the MT and an English sentence
as the reference:

- error line: ``pert_sent`` of an item whose perturbation was applied (``pert_check`` true
  and ``pert_sent != mt_sent``);
- clean line: the item's unperturbed ``mt_sent`` (close to the French);
- harder clean control: the item's human ``eng_sent`` (freer wording).

Lines go into documents of about 25 lines (one variant per document, and two lines of one
document never share a French sentence), and every document runs in ONE ``mtqa run`` with
the Apertium engine. Only critical and major findings count. An error line's finding is
*caused* when the same item's clean (``mt_sent``) line has no finding of the same kind on the
same French span; otherwise it is noise that fires on the sentence anyway.

Printed (and written as JSON to ``--out``): caused recall per perturbation type and pooled;
the false-alarm rate (share of clean lines with at least one critical/major finding) against
``mt_sent`` and against ``eng_sent``; a chrF baseline (a segment chrF threshold set to give
the same false-alarm rate on the ``mt_sent`` lines, and its caused recall); and per finding
kind, the false alarms and caused hits it produced.

Splits: ``dev`` = odd DEMETR ids (tune and calibrate on these only), ``test`` = even ids
(report figures as a whole; never tune on them), ``all``.

    python benchmarks/demetr.py [--data ../shared/demetr-fr] [--split dev] [--types negation]
                                [--out benchmarks/results/demetr-dev.json] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]


def _default_data() -> Path:
    """``shared/demetr-fr`` beside the repository (or beside a folder above it: a worktree)."""
    for folder in REPO_ROOT.parents:
        if (folder / "shared" / "demetr-fr").is_dir():
            return folder / "shared" / "demetr-fr"
    return REPO_ROOT.parent / "shared" / "demetr-fr"


DEFAULT_DATA = _default_data()
ENGINE = "apertium"
LINES_PER_DOCUMENT = 25
SERIOUS = ("critical", "major")

# Quirks listed in the data's README: Italian source sentences (729, 733) and an item that
# repeats another (789 = 751). They say nothing about French MT, so they are left out, from
# DEMETR's own folder only: the project's sets (tests/data/*) number their items freely.
EXCLUDED_ITEMS = frozenset({729, 733, 789})
DEMETR_FOLDER = "demetr-fr"

CLEAN, HUMAN, ERROR = "clean", "human", "error"

# A finding as the benchmark compares it: (kind, French span).
Key = tuple[str, str | None]


@dataclass(frozen=True)
class Line:
    """One MT/reference line of a generated document."""

    doc: str
    para: int  # line index within the document
    item: int  # DEMETR id
    variant: str  # CLEAN (mt_sent), HUMAN (eng_sent) or ERROR (pert_sent)
    perturbation: str | None  # short type name for error lines
    mt: str
    ref: str


@dataclass
class LineOutcome:
    """What mtqa said about one line."""

    keys: set[Key] = field(default_factory=set)  # critical/major findings
    chrf: float | None = None  # the line's back-translation vs its reference


def short_name(pert_name: str) -> str:
    """``critical_id9_ne_replaced`` -> ``ne_replaced``."""
    return re.sub(r"^(critical|major|minor|base)_id\d+_", "", pert_name)


def in_split(item_id: int, split: str) -> bool:
    if split == "all":
        return True
    return item_id % 2 == (1 if split == "dev" else 0)


def load_items(data: Path) -> dict[str, list[dict[str, Any]]]:
    """Perturbation type -> DEMETR items, from ``data/*.json`` (the baseline file left out)."""
    folder = data / "data"
    files = sorted(folder.glob("*.json"))
    if not files:
        raise SystemExit(
            f"demetr: no DEMETR files in {folder}: pass --data, the folder holding data/*.json"
        )
    types: dict[str, list[dict[str, Any]]] = {}
    for path in files:
        content = json.loads(path.read_text(encoding="utf-8"))
        name = short_name(content["pert_name"])
        if name == "reference":  # pert_sent == eng_sent: covered by the human clean lines
            continue
        types[name] = content["items"]
    return types


def build_lines(
    types: Mapping[str, Sequence[Mapping[str, Any]]],
    split: str,
    wanted: Iterable[str] | None = None,
    per_document: int = LINES_PER_DOCUMENT,
    excluded: frozenset[int] = EXCLUDED_ITEMS,
) -> list[Line]:
    """The benchmark's lines, already placed in documents of ``per_document`` lines."""
    wanted_types = sorted(set(wanted) if wanted else types)
    unknown = set(wanted_types) - set(types)
    if unknown:
        raise SystemExit(
            f"demetr: unknown perturbation type(s) {', '.join(sorted(unknown))}; "
            f"known: {', '.join(sorted(types))}"
        )
    items: dict[int, Mapping[str, Any]] = {}
    for rows in types.values():
        for row in rows:
            if in_split(row["id"], split) and row["id"] not in excluded:
                items.setdefault(row["id"], row)
    groups: list[tuple[str, list[tuple[int, str | None, str, str]]]] = [
        ("clean", [(i, None, items[i]["src_sent"], items[i]["mt_sent"]) for i in sorted(items)]),
        ("human", [(i, None, items[i]["src_sent"], items[i]["eng_sent"]) for i in sorted(items)]),
    ]
    errors = []
    for name in wanted_types:
        for row in sorted(types[name], key=lambda r: r["id"]):
            if (
                row["id"] in items
                and row["pert_check"]
                and row["pert_sent"].strip() != row["mt_sent"].strip()
            ):
                errors.append((row["id"], name, row["src_sent"], row["pert_sent"]))
    groups.append(("error", errors))
    lines = []
    for variant, rows in groups:
        # Each row goes into the first document with room that does not hold its item yet:
        # two perturbations of one sentence in one document would let a name or a word that
        # one reference keeps vouch for the other (a small set puts them a few lines apart).
        documents: list[list[int]] = []
        for item, pert, mt, ref in rows:
            number = next((n for n, held in enumerate(documents)
                           if len(held) < per_document and item not in held), None)
            if number is None:
                documents.append([])
                number = len(documents) - 1
            doc = f"{variant}-{number + 1:02d}"
            para = len(documents[number])
            documents[number].append(item)
            lines.append(Line(doc, para, item, variant, pert, _one_line(mt), _one_line(ref)))
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())


def write_documents(lines: Sequence[Line], root: Path) -> None:
    by_doc: dict[str, list[Line]] = defaultdict(list)
    for line in lines:
        by_doc[line.doc].append(line)
    for doc, rows in by_doc.items():
        folder = root / doc
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "mt.fr.txt").write_text("\n".join(r.mt for r in rows) + "\n", encoding="utf-8")
        (folder / "ref.en.txt").write_text("\n".join(r.ref for r in rows) + "\n", encoding="utf-8")


def write_config(root: Path, run_dir: Path, checks: Mapping[str, Any] | None = None) -> Path:
    config = root / "demetr.toml"
    text = (
        f'name = "{run_dir.name}"\noutput_dir = "{run_dir.parent}"\n'
        f'[[documents]]\nglob = "{root / "docs"}/*/"\n'
        f'[[engines]]\nname = "{ENGINE}"\nkind = "apertium"\nrequired = true\n'
    )
    if checks:
        text += "[checks]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in checks.items())
    config.write_text(text, encoding="utf-8")
    return config


def run_mtqa(config: Path, run_dir: Path) -> float:
    """One ``mtqa run`` of the generated config, with this checkout's code; its wall time."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from mtqa.cli import main; sys.exit(main())",
         "run", str(config), "--out", str(run_dir), "--quiet"],
        env=env, capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"demetr: mtqa run failed ({done.returncode}): {done.stderr.strip()}")
    return time.perf_counter() - start


def line_of(doc: Any, finding: Any) -> int | None:
    """The line (paragraph) of a document result that a finding sits on."""
    if finding.mt_index is not None:
        return next((s.para for s in doc.mt_segments if s.index == finding.mt_index), None)
    if finding.ref_index is not None:
        return next((s.para for s in doc.ref_segments if s.index == finding.ref_index), None)
    return None


def outcomes_from_run(run_dir: Path, lines: Sequence[Line]) -> dict[tuple[str, int], LineOutcome]:
    """Each line's critical/major findings and chrF, read back from the run folder."""
    from sacrebleu.metrics import CHRF

    from mtqa.runfolder import load_run

    result = load_run(run_dir)
    chrf = CHRF()
    outcomes = {(line.doc, line.para): LineOutcome() for line in lines}
    refs = {(line.doc, line.para): line.ref for line in lines}
    for doc in result.documents:
        doc_id = doc.document.id
        bts = doc.back_translations.get(ENGINE, ())
        by_para: dict[int, list[str]] = defaultdict(list)
        for segment in doc.mt_segments:
            if segment.index < len(bts):
                by_para[segment.para].append(bts[segment.index])
        for para, texts in by_para.items():
            if (doc_id, para) in outcomes:
                score = chrf.sentence_score(" ".join(texts), [refs[doc_id, para]]).score
                outcomes[doc_id, para].chrf = score
        for finding in doc.findings:
            if finding.severity not in SERIOUS or finding.verdict == "false_alarm":
                continue
            para = line_of(doc, finding)
            if para is not None and (doc_id, para) in outcomes:
                outcomes[doc_id, para].keys.add((finding.kind, finding.mt_span))
    return outcomes


# ---------------------------------------------------------------------------------------------
# Scoring: pure functions of the lines and what mtqa said about them (unit-tested).


def caused_keys(error: Iterable[Key], clean: Iterable[Key]) -> set[Key]:
    """The error line's findings that its clean pair does not get (same kind, same span)."""
    return set(error) - set(clean)


def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def chrf_threshold(clean_scores: Sequence[float], rate: float) -> float:
    """A chrF threshold flagging (score < threshold) at most ``rate`` of the clean lines.

    The largest such threshold: the (k+1)-th lowest clean score, k = floor(rate * n); with
    ties it flags fewer than k.
    """
    ordered = sorted(clean_scores)
    if not ordered:
        return 0.0
    k = math.floor(rate * len(ordered) + 1e-9)
    return ordered[k] if k < len(ordered) else math.inf


def score(lines: Sequence[Line], outcomes: Mapping[tuple[str, int], LineOutcome]) -> dict[str, Any]:
    """Recall per type, false-alarm rates, the chrF baseline and per-kind counts."""
    clean = {ln.item: outcomes[ln.doc, ln.para] for ln in lines if ln.variant == CLEAN}
    human = {ln.item: outcomes[ln.doc, ln.para] for ln in lines if ln.variant == HUMAN}
    errors = [ln for ln in lines if ln.variant == ERROR]

    fa_mt = sum(1 for o in clean.values() if o.keys)
    fa_eng = sum(1 for o in human.values() if o.keys)
    fa_rate = fa_mt / len(clean) if clean else 0.0

    per_type: dict[str, dict[str, Any]] = {}
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for outcome in clean.values():
        for kind in {k for k, _ in outcome.keys}:
            kinds[kind]["false_alarms_mt"] += 1
    for outcome in human.values():
        for kind in {k for k, _ in outcome.keys}:
            kinds[kind]["false_alarms_eng"] += 1

    clean_chrf = [o.chrf for o in clean.values() if o.chrf is not None]
    threshold = chrf_threshold(clean_chrf, fa_rate)

    def flagged(outcome: LineOutcome | None) -> bool:
        return outcome is not None and outcome.chrf is not None and outcome.chrf < threshold

    caused_total = chrf_total = 0
    for ln in errors:
        row = per_type.setdefault(
            ln.perturbation or "?", {"lines": 0, "caused": 0, "chrf_caused": 0,
                                     "caused_kinds": Counter()}
        )
        pair = clean.get(ln.item)
        outcome = outcomes[ln.doc, ln.para]
        caused = caused_keys(outcome.keys, pair.keys if pair else ())
        row["lines"] += 1
        for kind in {k for k, _ in outcome.keys}:
            kinds[kind]["fired_on_errors"] += 1
        if caused:
            row["caused"] += 1
            caused_total += 1
            for kind in {k for k, _ in caused}:
                row["caused_kinds"][kind] += 1
                kinds[kind]["caused"] += 1
        if flagged(outcome) and not flagged(pair):
            row["chrf_caused"] += 1
            chrf_total += 1
    for row in per_type.values():
        row["recall"] = _rate(row["caused"], row["lines"])
        row["chrf_recall"] = _rate(row["chrf_caused"], row["lines"])
        row["caused_kinds"] = dict(row["caused_kinds"].most_common())
    recalls = [r["recall"] for r in per_type.values() if r["recall"] is not None]
    return {
        "lines": {"error": len(errors), "clean": len(clean), "human": len(human)},
        "false_alarms": {
            "mt_sent": {"lines": fa_mt, "of": len(clean), "rate": _rate(fa_mt, len(clean))},
            "eng_sent": {"lines": fa_eng, "of": len(human), "rate": _rate(fa_eng, len(human))},
        },
        "recall": {
            "pooled": _rate(caused_total, len(errors)),
            "macro": round(sum(recalls) / len(recalls), 4) if recalls else None,
            "per_type": dict(sorted(per_type.items())),
        },
        "chrf_baseline": {
            "threshold": None if math.isinf(threshold) else round(threshold, 2),
            "false_alarms_mt": _rate(sum(flagged(o) for o in clean.values()), len(clean)),
            "false_alarms_eng": _rate(sum(flagged(o) for o in human.values()), len(human)),
            "pooled_recall": _rate(chrf_total, len(errors)),
        },
        "kinds": {k: dict(sorted(v.items())) for k, v in sorted(kinds.items())},
    }


def format_table(report: Mapping[str, Any]) -> str:
    out = []
    fa = report["false_alarms"]
    out.append(
        f"false alarms (critical/major): vs mt_sent {fa['mt_sent']['lines']}/"
        f"{fa['mt_sent']['of']} = {_pct(fa['mt_sent']['rate'])}; vs eng_sent "
        f"{fa['eng_sent']['lines']}/{fa['eng_sent']['of']} = {_pct(fa['eng_sent']['rate'])}"
    )
    out.append(f"{'perturbation':<18}{'lines':>6}{'caused':>8}{'recall':>8}{'chrF':>8}  caused by")
    for name, row in report["recall"]["per_type"].items():
        kinds = ", ".join(f"{k} {n}" for k, n in row["caused_kinds"].items())
        out.append(
            f"{name:<18}{row['lines']:>6}{row['caused']:>8}{_pct(row['recall']):>8}"
            f"{_pct(row['chrf_recall']):>8}  {kinds}"
        )
    rec, base = report["recall"], report["chrf_baseline"]
    out.append(
        f"{'pooled':<18}{report['lines']['error']:>6}{'':>8}{_pct(rec['pooled']):>8}"
        f"{_pct(base['pooled_recall']):>8}  (macro {_pct(rec['macro'])})"
    )
    out.append(
        f"chrF baseline: threshold {base['threshold']}, false alarms vs mt_sent "
        f"{_pct(base['false_alarms_mt'])}, vs eng_sent {_pct(base['false_alarms_eng'])}"
    )
    out.append(f"{'finding kind':<22}{'FA mt':>7}{'FA eng':>8}{'caused':>8}{'fired on errors':>17}")
    for kind, row in report["kinds"].items():
        out.append(
            f"{kind:<22}{row.get('false_alarms_mt', 0):>7}{row.get('false_alarms_eng', 0):>8}"
            f"{row.get('caused', 0):>8}{row.get('fired_on_errors', 0):>17}"
        )
    return "\n".join(out)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def details(lines: Sequence[Line], outcomes: Mapping[tuple[str, int], LineOutcome]) -> list[dict]:
    """One row per line: what mtqa flagged, and for error lines which findings were caused."""
    clean = {ln.item: outcomes[ln.doc, ln.para] for ln in lines if ln.variant == CLEAN}
    rows = []
    for ln in lines:
        outcome = outcomes[ln.doc, ln.para]
        row = asdict(ln) | {"chrf": outcome.chrf, "findings": _listed(outcome.keys)}
        if ln.variant == ERROR:
            pair = clean.get(ln.item)
            caused = caused_keys(outcome.keys, pair.keys if pair else ())
            row["caused"] = _listed(caused)
        rows.append(row)
    return rows


def _listed(keys: Iterable[Key]) -> list[list[str | None]]:
    return [list(k) for k in sorted(keys, key=lambda k: (k[0], k[1] or ""))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help=f"the DEMETR French folder (default {DEFAULT_DATA})")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev",
                        help="dev = odd ids (tune here), test = even ids (report only)")
    parser.add_argument("--types", nargs="+", metavar="TYPE",
                        help="only these perturbation types (e.g. negation ne_replaced)")
    parser.add_argument("--out", type=Path,
                        help="JSON results (default benchmarks/results/demetr-SPLIT.json)")
    parser.add_argument("--details", type=Path, help="also write one JSON line per line here")
    parser.add_argument("--workdir", type=Path,
                        help="keep the documents and the run folder (DIR/run, replaced) here "
                        "(default: a temp dir)")
    parser.add_argument("--rescore", action="store_true",
                        help="score the run already in --workdir instead of running mtqa again")
    args = parser.parse_args()

    types = load_items(args.data)
    excluded = EXCLUDED_ITEMS if args.data.resolve().name == DEMETR_FOLDER else frozenset()
    lines = build_lines(types, args.split, args.types, excluded=excluded)
    out = args.out or REPO_ROOT / "benchmarks" / "results" / f"demetr-{args.split}.json"
    with tempfile.TemporaryDirectory() as tmp:
        root = args.workdir or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        write_documents(lines, root / "docs")
        run_dir = root / "run"
        if args.rescore:
            if not args.workdir or not (run_dir / "result.json").is_file():
                raise SystemExit("demetr: --rescore needs --workdir holding an earlier run")
            wall = 0.0
        else:
            if run_dir.exists():  # an earlier run of this benchmark: start afresh
                shutil.rmtree(run_dir)
            wall = run_mtqa(write_config(root, run_dir), run_dir)
        outcomes = outcomes_from_run(run_dir, lines)
        if args.details:
            args.details.write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in details(lines, outcomes)),
                encoding="utf-8",
            )
    report = {
        "data": "DEMETR French items (Karpinska et al., EMNLP 2022)",
        "split": args.split,
        "types": sorted(args.types) if args.types else "all",
        "engine": ENGINE,
        "documents": len({ln.doc for ln in lines}),
        "run_wall_s": round(wall, 1),
        **score(lines, outcomes),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"DEMETR {args.split}: {report['documents']} documents, one mtqa run in {wall:.0f} s")
    print(format_table(report))
    print(f"written: {out}")


if __name__ == "__main__":
    main()
