"""A report of 1,000 findings stays usable: one compact line per finding, identical findings
grouped, and a page whose size grows by a few kilobytes per finding (no timing asserted; the
render time and the page's height are measured in benchmarks/report_review.py)."""

from __future__ import annotations

import re
import sys

from support import REPO_ROOT

from mtqa.report.html import render_html

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
from report_review import synthetic_run  # noqa: E402


def test_a_thousand_findings_list_and_group() -> None:
    run = synthetic_run(1000)
    assert len(run.findings) == 1000
    html = render_html(run)
    compact = html.split('id="compact"', 1)[1].split("</section>", 1)[0]
    assert compact.count('<li class="line') == 1000
    # The misspelt name found 200 times in 100 documents is one group.
    names = sum(f.kind == "entity_drift" for f in run.findings)
    docs = len({f.doc for f in run.findings if f.kind == "entity_drift"})
    assert re.search(rf"entity_drift &#39;Blingen&#39; ×{names} in {docs} documents", compact)
    # One line per finding, not a panel: the list adds well under a kilobyte per finding.
    assert len(compact.encode("utf-8")) / 1000 < 1000
    # The whole page, rows and triage controls included, stays a few kilobytes per finding.
    assert len(html.encode("utf-8")) / 1000 < 5000
    # Every finding can be triaged: one set of verdict buttons per finding, keyed by its id.
    assert html.count('class="triage"') == 1000
    assert len(set(re.findall(r'<li class="finding[^"]*"[^>]* data-id="(\w+)"', html))) == 1000
