"""The HTML report: escaping, self-containment, highlights, ordering and file writing.

The runs here are built by hand (no engine runs) but their scores are real sacrebleu scores
of the hand-written back-translations against the references.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import stat
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from report_builders import (
    ENGINES,
    EVIL,
    batch_run,
    bridge_document,
    evil_document,
    make_document,
    make_run,
    mixed_document,
)

from mtqa.errors import InputError
from mtqa.model import (
    FINDING_KINDS,
    SEVERITIES,
    Document,
    DocumentResult,
    EngineInfo,
    Finding,
    RunResult,
    Score,
)
from mtqa.report.html import REPORT_NAME, render_html, write_html

# --------------------------------------------------------------------------- parsing output


class Page(HTMLParser):
    """Collects every element, attribute and text node, and where the highlights sit."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[tuple[str, int, set[int], str]] = []  # column, container, findings, text
        self.containers = 0
        self._container_stack: list[int] = []
        self._script: tuple[dict[str, str | None], list[str]] | None = None

    _VOID = {"meta", "link", "input", "col", "br", "img", "hr", "rect", "line", "circle"}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag == "script":
            self._script = (a, [])
        if tag in self._VOID:
            return
        if tag == "div" and "txt" in (a.get("class") or "").split():
            self.containers += 1
            self._container_stack.append(self.containers)
        self.stack.append((tag, a))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None
        while self.stack:
            t, a = self.stack.pop()
            if t == "div" and "txt" in (a.get("class") or "").split():
                self._container_stack.pop()
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)
            return
        if self.stack and self.stack[-1][0] == "style":
            return
        self.text.append(data)
        marks = [a for t, a in self.stack if t == "mark"]
        if marks:
            column = next(
                (
                    c
                    for t, a in reversed(self.stack)
                    if t == "td"
                    for c in (a.get("class") or "").split()
                    if c in ("mt", "bt", "ref")
                ),
                "",
            )
            numbers = {int(n) for n in (marks[-1].get("data-f") or "").split()}
            container = self._container_stack[-1] if self._container_stack else 0
            self.marks.append((column, container, numbers, data))

    @property
    def all_text(self) -> str:
        return "".join(self.text)

    def highlighted(self, number: int, column: str) -> list[str]:
        """The text highlighted for a finding in one column, one string per text block."""
        by_container: dict[int, str] = {}
        for col, container, numbers, data in self.marks:
            if col == column and number in numbers:
                by_container[container] = by_container.get(container, "") + data
        return list(by_container.values())


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def evil_page() -> tuple[RunResult, str, Page]:
    run = make_run(
        [evil_document(), bridge_document()],
        name=f"run {EVIL['img']} {EVIL['attr']}",
        stats={"comparison": [{"system": EVIL["script"], "chrf": 50.5}], EVIL["img"]: EVIL["attr"]},
    )
    html = render_html(run)
    return run, html, parse(html)


# --------------------------------------------------------------------------- escaping


def test_no_injected_element_or_attribute_survives(evil_page: tuple[RunResult, str, Page]) -> None:
    _, _, page = evil_page
    tags = {t for t, _ in page.elements}
    assert "img" not in tags
    assert "b" not in tags  # the doc id's <b> must not become an element
    assert "i" not in tags
    attrs = {k for _, a in page.elements for k in a}
    assert not {a for a in attrs if a.startswith("on")}, attrs
    # Exactly the two scripts the report ships: its data and its code.
    assert [a.get("type") for a, _ in page.scripts] == ["application/json", None]


@pytest.mark.parametrize("name", sorted(EVIL))
def test_hostile_text_is_shown_as_text(evil_page: tuple[RunResult, str, Page], name: str) -> None:
    _, _, page = evil_page
    assert EVIL[name] in page.all_text


def test_run_name_doc_id_message_and_evidence_are_text(
    evil_page: tuple[RunResult, str, Page],
) -> None:
    run, _, page = evil_page
    text = page.all_text
    assert run.name in text
    assert run.documents[0].document.id in text
    evil = run.documents[0].findings[0]
    assert evil.message in text
    assert evil.detector in text
    for key, value in evil.evidence.items():
        assert key == "agreement" or str(key) in text  # agreement is shown as a badge
        if isinstance(value, str):
            assert value in text
    assert json.dumps(evil.evidence["nested"], ensure_ascii=False) in text
    # A stats key and a comparison cell are escaped too.
    assert EVIL["img"] in text and EVIL["script"] in text


def test_element_ids_are_unique(evil_page: tuple[RunResult, str, Page]) -> None:
    _, _, page = evil_page
    ids = [a["id"] for _, a in page.elements if a.get("id")]
    assert len(ids) == len(set(ids))
    # Every row and every finding can be linked to.
    assert sum(1 for i in ids if re.fullmatch(r"d\d+-(mt|ref)\d+", i or "")) == sum(
        len(d.pairs) for d in evil_page[0].documents
    )
    assert sum(1 for i in ids if re.fullmatch(r"f\d+", i or "")) == len(evil_page[0].findings)


def test_embedded_data_cannot_close_its_script(evil_page: tuple[RunResult, str, Page]) -> None:
    _, _, page = evil_page
    (attrs, payload), _ = page.scripts
    assert attrs.get("id") == "mtqa-data"
    assert not set("<>&") & set(payload)
    data = json.loads(payload)
    assert len(data["rows"]) == sum(len(d.pairs) for d in evil_page[0].documents)


def test_csp_forbids_network_and_pins_the_script_hash(
    evil_page: tuple[RunResult, str, Page],
) -> None:
    _, _, page = evil_page
    metas = [a for t, a in page.elements if t == "meta" and a.get("http-equiv")]
    assert [m["http-equiv"] for m in metas] == ["Content-Security-Policy"]
    policy = dict(
        (d.strip().split(" ", 1) + [""])[:2] for d in (metas[0]["content"] or "").split(";")
    )
    assert policy["default-src"] == "'none'"
    assert policy["img-src"] == "data:"
    code = page.scripts[1][1]
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
    assert policy["script-src"] == f"'sha256-{digest}'"
    assert "unsafe-inline" not in policy["script-src"]


def test_no_network_resource_is_referenced(evil_page: tuple[RunResult, str, Page]) -> None:
    _, html, page = evil_page
    for tag, attrs in page.elements:
        for key in ("src", "href", "action", "xlink:href", "srcset", "poster", "data"):
            value = attrs.get(key) or ""
            assert not re.match(r"\s*(https?:)?//", value, re.I), (tag, key, value)
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert not re.findall(r"url\(\s*['\"]?(?!#)", style)  # only in-page SVG patterns
    assert "@import" not in style


# --------------------------------------------------------------------------- highlights


@pytest.mark.parametrize("factory", [batch_run, lambda: make_run([evil_document()])])
def test_every_finding_is_highlighted_in_each_column(factory: Any) -> None:
    run = factory()
    page = parse(render_html(run))
    for number, f in enumerate(run.findings, start=1):
        for column, span in (("mt", f.mt_span), ("ref", f.ref_span), ("bt", f.bt_span)):
            if span is None:
                assert page.highlighted(number, column) == [], (number, column)
                continue
            shown = page.highlighted(number, column)
            assert shown, (number, f.kind, column)
            assert all(s == span for s in shown), (number, column, shown)
        if f.bt_span:
            # Highlighted in the back-translation of each engine that supports the finding.
            engines = f.engines or ENGINES
            expected = sum(
                1
                for d in run.documents
                if d.document.id == f.doc
                for p in d.pairs
                if f.mt_index in p.mt
                for e in engines
                if f.bt_span in p.bt[e]
            )
            assert len(page.highlighted(number, "bt")) == expected


def test_overlapping_spans_keep_both_findings() -> None:
    page = parse(render_html(batch_run()))
    # Finding 3 ("n'ont pas salué") and 4 ("l'ouvrage") sit in the same MT sentence;
    # the fragment (5) sits in the second sentence of the same 2-1 bead.
    assert page.highlighted(3, "mt") == ["n'ont pas salué"]
    assert page.highlighted(4, "mt") == ["l'ouvrage"]
    assert page.highlighted(5, "mt") == ["la semaine dernière."]


def test_span_in_a_repeated_word_is_found_in_its_own_sentence() -> None:
    mt = ["Le chat dort.", "Le chat mange."]
    ref = ["The cat sleeps.", "The dog eats."]
    bts = {"marian": ["The cat sleeps.", "The cat eats."]}
    doc = make_document(
        "repeat",
        mt,
        ref,
        bts,
        [((0, 1), (0, 1))],
        [
            {
                "kind": "entity_drift",
                "severity": "major",
                "mt_index": 1,
                "ref_index": 1,
                "mt_span": "chat",
                "ref_span": "The",
                "engines": ["marian"],
            }
        ],
    )
    run = make_run([doc])
    run = RunResult(**{**run.__dict__, "engines": run.engines[:1]})
    html = render_html(run)
    page = parse(html)
    assert page.highlighted(1, "mt") == ["chat"]
    mt_cell = html.split('class="mt"', 1)[1].split("</td>", 1)[0]
    # The second "chat", in sentence 2, not the first.
    assert mt_cell.index("<mark") > mt_cell.index("dort.")
    ref_cell = html.split('class="ref"', 1)[1].split("</td>", 1)[0]
    assert ref_cell.index("<mark") > ref_cell.index("sleeps.")


def test_a_span_missing_from_its_row_is_reported_not_dropped() -> None:
    doc = bridge_document()
    wrong = Finding(**{**doc.findings[0].__dict__, "ref_span": "no such words"})
    doc = DocumentResult(**{**doc.__dict__, "findings": (wrong, *doc.findings[1:])})
    page = parse(render_html(make_run([doc])))
    assert "not found in this row: ref" in page.all_text
    assert page.highlighted(1, "mt") == ["Jean Dupont"]


def test_findings_without_a_bead_get_a_document_row() -> None:
    doc = mixed_document()
    stray = Finding(**{**doc.findings[0].__dict__, "mt_index": None, "ref_index": None})
    doc = DocumentResult(**{**doc.__dict__, "findings": (*doc.findings, stray)})
    html = render_html(make_run([doc]))
    assert 'id="d0-doc"' in html
    assert "findings on the whole document" in parse(html).all_text


# --------------------------------------------------------------------------- content


def test_header_lists_engines_signatures_skips_scores_and_counts() -> None:
    run = batch_run()
    text = parse(render_html(run)).all_text
    for e in run.engines:
        assert e.name in text
        assert e.signature_text in text
    assert "skipped" in text and str(run.engines[2].skipped) in text
    for engine, scores in run.scores.items():
        for s in scores:
            assert s.signature in text
            assert f"{s.ci_low:.1f}–{s.ci_high:.1f}" in text, (engine, s.metric)
    for kind in {f.kind for f in run.findings}:
        assert kind in text
    assert {f.kind for f in run.findings} == set(FINDING_KINDS)


def test_counts_table_matches_findings() -> None:
    run = batch_run()
    html = render_html(run)
    table = html.split("<h3>Findings</h3>", 1)[1].split("</table>", 1)[0]
    foot = re.findall(r"<td>(\d+)</td>", table.split("<tfoot>", 1)[1])
    by_sev = [sum(1 for f in run.findings if f.severity == s) for s in SEVERITIES]
    assert [int(n) for n in foot] == [*by_sev, len(run.findings)]


def test_charts_are_inline_svg_with_a_batch_document_chart() -> None:
    html = render_html(batch_run())
    page = parse(html)
    svgs = [a for t, a in page.elements if t == "svg" and a.get("role") == "img"]
    labels = [a["aria-label"] or "" for a in svgs]
    assert sum("chrF per segment" in label for label in labels) == 2  # one per engine
    assert any(label.startswith("Findings by kind") for label in labels)
    assert any("per document" in label for label in labels)
    single = parse(render_html(make_run([bridge_document()])))
    assert not any(
        "per document" in (a.get("aria-label") or "") for t, a in single.elements if t == "svg"
    )


def test_histogram_counts_every_aligned_segment() -> None:
    run = batch_run()
    page = parse(render_html(run))
    titles = [d for d in page.text if re.match(r"chrF \d+–\d+: \d+ segment", d)]
    aligned = sum(1 for d in run.documents for p in d.pairs if p.aligned)
    counted = [re.search(r": (\d+) seg", t) for t in titles]
    per_engine = sum(int(m.group(1)) for m in counted if m) / len(ENGINES)
    assert per_engine == aligned


def test_unaligned_material_is_shown_as_rows() -> None:
    run = batch_run()
    page = parse(render_html(run))
    bodies = [a for t, a in page.elements if t == "tbody" and "row" in (a.get("class") or "")]
    statuses = [c for a in bodies for c in (a["class"] or "").split() if c.startswith("status-")]
    assert statuses.count("status-mt-only") == 1  # "Partager cet article"
    assert statuses.count("status-ref-only") == 1  # "Work began in 2019."
    assert "Work began in 2019." in page.all_text
    assert "reference only: missing from the MT" in page.all_text


def test_rows_are_worst_first_by_default() -> None:
    run = batch_run()
    html = render_html(run)
    data = json.loads(parse(html).scripts[0][1])
    order_in_page = re.findall(r'<tbody id="([^"]+)"', html)
    assert order_in_page == [r["id"] for r in data["rows"]]
    keys = []
    for r in data["rows"]:
        score = r["score"]["marian"]
        keys.append((r["sev"], -1.0 if score is None else score))
    assert keys == sorted(keys)
    assert data["rows"][0]["sev"] == 0  # a critical row comes first
    assert data["rows"][-1]["sev"] == 3  # a row without findings comes last


def test_agreement_badge_warns_of_single_engine_evidence() -> None:
    text = parse(render_html(make_run([bridge_document()]))).all_text
    assert "one engine: possible back-translation noise" in text  # number_mismatch
    assert "all engines" in text  # entity_drift
    assert text.count("possible back-translation noise") == 1


def _card(html: str, title: str) -> Page:
    start = html.index(f"<h3>{title}</h3>")
    return parse(html[start : html.index('<div class="card', start)])


def test_comparison_renders_generically_when_present() -> None:
    comparison = {
        "baseline": "mt/marian",
        "units": 5,
        "metrics": ["chrf", "bleu"],
        "rows": [
            {"label": "mt/marian", "scores": {"chrf": {"score": 61.25, "p_value": None}}},
            {
                "label": "mt/apertium",
                "scores": {"chrf": {"score": 48.0, "p_value": 0.001}},
                "wins": 1,
                "ties": 2,
                "losses": 3,
            },
        ],
        "signatures": {"chrf": "nrefs:1|bs:1000"},
    }
    html = render_html(make_run([bridge_document()], stats={"comparison": comparison}))
    card = _card(html, "Comparison")
    headers = [d.strip() for d in card.text if d.strip()]
    for expected in (
        "mt/marian",
        "chrf, bleu",
        "label",
        "scores › chrf › score",
        "scores › chrf › p_value",
        "wins",
        "61.25",
        "48",
        "0.001",
        "nrefs:1|bs:1000",
    ):
        assert expected in headers, expected
    assert "Comparison" not in parse(render_html(make_run([bridge_document()], stats={}))).all_text


def test_statistics_render_nested_structures_as_tables() -> None:
    stats = {
        "engines": {"marian": {"hits": 3, "misses": 1}, "apertium": {"hits": 4, "misses": 0}},
        "aggregate": {"most_frequent_findings": [["entity_drift", 4], ["boilerplate", 3]]},
        "documents_resumed": 0,
        "documents_cached": 0,
    }
    html = render_html(make_run([bridge_document()], stats=stats))
    block = html.split('<div class="stats">', 1)[1].split("<h4>Resolved configuration", 1)[0]
    cells = [d.strip() for d in parse(block).text if d.strip()]
    assert cells[:6] == [
        "Statistics", "documents_resumed", "0", "documents_cached", "0", "Statistics › engines"
    ]
    assert ["marian", "3", "1", "apertium", "4", "0"] == cells[cells.index("misses") + 1 :][:6]
    assert ["entity_drift", "4", "boilerplate", "3"] == cells[-4:]


def test_word_diff_marks_what_differs() -> None:
    html = render_html(make_run([bridge_document()]))
    first = html.split('id="d0-mt1"', 1)[1].split("</tbody>", 1)[0]
    diff = first.split('class="diff"', 1)[1].split("</details>", 1)[0]
    assert re.search(r"<del[^>]*>Dupont inaugurated</del> <ins[^>]*>Dupond opened</ins>", diff)
    # Shared words stay plain, and case alone is no difference.
    assert "Mayor Jean <del" in diff
    assert diff.count("<del") == 1 and diff.count("<ins") == 1


def test_empty_run_renders() -> None:
    run = make_run([])
    text = parse(render_html(run)).all_text
    assert "No findings." in text
    assert "0 of 0 rows" in text


# --------------------------------------------------------------------------- writing


def test_write_html_writes_atomically(tmp_path: Path) -> None:
    run_dir = tmp_path / "runs" / "one"
    path = write_html(batch_run(), run_dir)
    assert path == run_dir / REPORT_NAME
    assert path.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert sorted(p.name for p in run_dir.iterdir()) == [REPORT_NAME]
    path.write_text("old", encoding="utf-8")
    write_html(batch_run(), run_dir)
    assert path.read_text(encoding="utf-8") != "old"
    assert sorted(p.name for p in run_dir.iterdir()) == [REPORT_NAME]


def test_write_html_gives_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = write_html(batch_run(), tmp_path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_write_html_refuses_a_file_as_run_dir(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="directory"):
        write_html(batch_run(), not_a_dir)


def test_batch_view_lists_worst_documents_with_links_and_macro_averages() -> None:
    result = _batch_result_for_aggregate()
    html = render_html(result)
    assert 'class="aggregate"' in html
    assert result.stats.aggregate is not None
    worst = result.stats.aggregate.worst_documents[0]
    position = [d.document.id for d in result.documents].index(worst)
    assert f'<a href="#segments" data-doc="{position}"><bdi>{worst}</bdi></a>' in html
    assert worst == "bad"
    assert "Macro averages: chrf_e 50.0" in html


def _batch_result_for_aggregate() -> RunResult:
    from dataclasses import replace

    from mtqa.runstats import RunStats, aggregate

    docs = []
    for name, value in (("good", 80.0), ("bad", 20.0), ("mid", 50.0)):
        score = Score("chrf", value, None, None, "sig")
        docs.append(
            DocumentResult(
                Document(name, "Bonjour.", "Hello."), (), (), {}, (), {}, {"e": (score,)}
            )
        )
    result = RunResult(
        "batch",
        "2026-01-01T00:00:00+00:00",
        "0",
        {"metrics": ["chrf"]},
        (EngineInfo("e", "apertium", {"engine": "apertium"}),),
        tuple(docs),
        {},
        {},
    )
    return replace(result, stats=RunStats(aggregate=aggregate(docs, ["e"], ["chrf"])))
