"""summary.json is written a document at a time; its text is exactly ``dump_json`` of the
whole summary, so streaming changes no byte of the public file."""

from __future__ import annotations

import json
from dataclasses import replace

from report_builders import batch_run, make_run

from mtqa.report.files import summary, summary_parts
from mtqa.runfolder import dump_json


def test_streamed_text_is_the_indented_json_of_the_summary() -> None:
    run = batch_run()
    text = "".join(summary_parts(run))
    assert text == dump_json(json.loads(text))
    data = summary(run)
    assert [d["id"] for d in data["documents"]] == [d.document.id for d in run.documents]
    assert list(data)[list(data).index("documents") + 1] == "findings"
    assert data["findings"]["total"] == sum(len(d.counted_findings) for d in run.documents)
    per_document = sum(d["findings"]["total"] for d in data["documents"])
    assert per_document == data["findings"]["total"]


def test_a_run_without_documents_still_reads_as_json() -> None:
    run = replace(make_run([]), documents=())
    text = "".join(summary_parts(run))
    assert text == dump_json(json.loads(text))
    assert json.loads(text)["documents"] == []
    assert json.loads(text)["findings"]["total"] == 0
