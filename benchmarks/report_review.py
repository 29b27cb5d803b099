"""The report with many findings: render time, page size, DOM size and page height, segment
rows against the one-line-per-finding list, in headless Chromium.

    python benchmarks/report_review.py                   # 1,000 findings
    python benchmarks/report_review.py --findings 200 --out /tmp/r.json

The run is synthetic (no engine runs): documents of ten sentences, each sentence with one
finding, a fifth of them the same misspelt name so that identical findings group across
documents. Figures go to benchmarks/results/report-review.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

KINDS = ("entity_drift", "number_mismatch", "odd_rendering", "omission", "meaning_inversion")


def synthetic_run(findings: int) -> Any:
    from mtqa.checks import assign_ids
    from mtqa.model import (
        Document,
        DocumentResult,
        EngineInfo,
        Finding,
        Pair,
        RunResult,
        Segment,
    )

    per_doc = 10
    documents = []
    for d in range(max(1, findings // per_doc)):
        doc_id = f"story-{d:03d}"
        numbers = [d * 10 + i for i in range(per_doc)]
        mt = [f"Le ministre Blingen a payé {n} dollars à Paris lundi." for n in numbers]
        ref = [f"Minister Blinken paid {n + 1} dollars in Paris on Monday." for n in numbers]
        bt = [f"Minister Blingen paid {n} dollars in Paris on Monday." for n in numbers]

        def segments(side: str, texts: list[str], doc_id: str = doc_id) -> tuple[Segment, ...]:
            out, start = [], 0
            for i, text in enumerate(texts):
                out.append(Segment(doc_id, side, i, i, start, start + len(text), text))  # type: ignore[arg-type]
                start += len(text) + 1
            return tuple(out)

        pairs = tuple(
            Pair(doc_id, i, (i,), (i,), mt[i], ref[i], {"apertium": bt[i]}, 0.7)
            for i in range(per_doc)
        )
        found = []
        for i in range(per_doc):
            kind = KINDS[(d + i) % len(KINDS)]
            name = kind == "entity_drift"
            found.append(
                Finding(
                    doc=doc_id, kind=kind, severity="critical" if name else "major",
                    mt_index=i, ref_index=i, mt_text=mt[i],
                    mt_span="Blingen" if name else str(d * 10 + i),
                    ref_span="Blinken" if name else str(d * 10 + i + 1),
                    bt_span="Blingen" if name else None, engines=("apertium",),
                    detector="synthetic", message=f"A synthetic {kind} in MT {i + 1}.",
                )
            )
        result = DocumentResult(
            Document(doc_id, "\n".join(mt), "\n".join(ref)),
            segments("mt", mt), segments("ref", ref), {"apertium": tuple(bt)}, pairs,
            {"apertium": tuple({"chrf": 60.0, "bleu": 30.0} for _ in pairs)}, {},
        )
        documents.append(DocumentResult(**{**result.__dict__,
                                           "findings": tuple(assign_ids(result, found))}))
    return RunResult(
        name="many", created="2026-01-01T00:00:00+00:00", mtqa_version="bench", config={},
        engines=(EngineInfo("apertium", "apertium", {"engine": "apertium"}),),
        documents=tuple(documents), scores={}, timings={},
    )


def measure(findings: int) -> dict[str, Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from mtqa.report.html import render_html

    run = synthetic_run(findings)
    start = time.perf_counter()
    html = render_html(run)
    render_s = time.perf_counter() - start
    work = Path(tempfile.mkdtemp(prefix="mtqa-report-bench-"))
    path = work / "report.html"
    path.write_text(html, encoding="utf-8")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800",
                f"--user-data-dir={work / 'profile'}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(path.as_uri())
        page = driver.execute_script(
            "const t = performance.getEntriesByType('navigation')[0];"
            "return {load_ms: t.loadEventEnd - t.startTime,"
            " dom_nodes: document.getElementsByTagName('*').length,"
            " rows_view_height_px: document.getElementById('segments').scrollHeight};"
        )
        driver.execute_script(
            "const v = document.getElementById('view'); v.value = 'list';"
            "v.dispatchEvent(new Event('change'));"
        )
        page["list_view_height_px"] = driver.execute_script(
            "return document.getElementById('findings-list').scrollHeight"
        )
        page["list_groups"] = driver.execute_script(
            "return document.querySelectorAll('#compact > li.group').length"
        )
        page["list_top_level_lines"] = driver.execute_script(
            "return document.querySelectorAll('#compact > li').length"
        )
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)
    return {
        "findings": len(run.findings),
        "documents": len(run.documents),
        "render_s": round(render_s, 3),
        "html_bytes": len(html.encode("utf-8")),
        **page,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks/results/report-review.json")
    args = parser.parse_args()
    figures = measure(args.findings)
    args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
