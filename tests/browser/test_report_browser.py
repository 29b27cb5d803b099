"""The HTML report in a real browser: headless Debian chromium through the system chromedriver.

Opens a report from disk (file://) and checks what a reviewer would notice: no console
errors (a CSP violation is one), filters and search change the visible rows as they should,
j/k and / work, every finding has a highlighted span on screen. Saves screenshots to
$MTQA_TEST_ARTIFACTS (default: mtqa-test-artifacts in the temp folder) at 1280×800 and at a
narrow width.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_builders import batch_run, bridge_document, evil_document, make_run, mixed_document
from support import ARTIFACTS, REPO_ROOT

from mtqa.model import Pair, RunResult
from mtqa.numbering import anchor
from mtqa.report.html import write_html

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def _browser_available() -> bool:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        return False
    try:
        import selenium  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="module")
def run() -> RunResult:
    return make_run([bridge_document(), mixed_document(), evil_document()])


@pytest.fixture(scope="module")
def report(run: RunResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(run, tmp_path_factory.mktemp("run"))


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    if not _browser_available():
        if os.environ.get("CI") == "true":
            pytest.fail("chromium, chromedriver or selenium missing: browser tests must run in CI")
        pytest.skip("chromium, chromedriver or selenium not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1280,800",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture()
def page(driver: object, report: Path) -> object:
    """The report freshly loaded (filters at their defaults), console log emptied."""
    driver.get(report.as_uri())  # type: ignore[attr-defined]
    driver.get_log("browser")  # type: ignore[attr-defined]
    return driver


# --------------------------------------------------------------------------- helpers


def _row_ids(run: RunResult) -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
    """Row anchor -> (kind, severity, engines) of its findings, built from the run itself."""
    rows: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for pos, doc in enumerate(run.documents):
        for p in doc.pairs:
            rows[_anchor(pos, p)] = []
        for f in doc.findings:
            pair = next(
                (p for p in doc.pairs if f.mt_index is not None and f.mt_index in p.mt), None
            ) or next(p for p in doc.pairs if f.ref_index in p.ref)
            rows[_anchor(pos, pair)].append((f.kind, f.severity, f.engines))
    return rows


def _anchor(pos: int, pair: Pair) -> str:
    return anchor(pos, pair.mt, pair.ref)


def _visible(driver: object) -> list[str]:
    return driver.execute_script(  # type: ignore[attr-defined, no-any-return]
        "return Array.from(document.querySelectorAll('#segments-table > tbody'))"
        ".filter(b => !b.hidden && b.offsetParent !== null).map(b => b.id);"
    )


def _select(driver: object, control: str, value: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    Select(driver.find_element(By.ID, control)).select_by_value(value)  # type: ignore[attr-defined]


def _reset(driver: object) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.ID, "reset-filters").click()  # type: ignore[attr-defined]


def _errors(driver: object) -> list[dict[str, object]]:
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]  # type: ignore[attr-defined]


def _keys(driver: object, keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(keys).perform()  # type: ignore[arg-type]


def _status(driver: object) -> str:
    from selenium.webdriver.common.by import By

    return str(driver.find_element(By.ID, "status").text)  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- tests


def test_loads_without_console_errors_and_shows_every_row(page: object, run: RunResult) -> None:
    rows = _row_ids(run)
    assert sorted(_visible(page)) == sorted(rows)
    assert _status(page).startswith(f"{len(rows)} of {len(rows)} rows shown · ")
    assert f"{len(run.findings)} findings" in _status(page)
    assert _errors(page) == []
    # The hostile text did not run: no alert is open and the script tag is plain text.
    assert page.execute_script("return document.querySelectorAll('img').length") == 0  # type: ignore[attr-defined]


def test_kind_severity_and_engine_filters(page: object, run: RunResult) -> None:
    rows = _row_ids(run)
    for kind in sorted({f.kind for f in run.findings}):
        _select(page, "kind", kind)
        expected = {r for r, fs in rows.items() if any(k == kind for k, _, _ in fs)}
        assert set(_visible(page)) == expected, kind
        shown = sum(1 for fs in rows.values() for k, _, _ in fs if k == kind)
        assert f"· {shown} finding" in _status(page)
    _select(page, "kind", "")
    for severity in ("critical", "major", "minor"):
        _select(page, "sev", severity)
        expected = {r for r, fs in rows.items() if any(s == severity for _, s, _ in fs)}
        assert set(_visible(page)) == expected, severity
    _select(page, "sev", "")
    for engine in ("marian", "apertium"):
        _select(page, "engine", engine)
        expected = {r for r, fs in rows.items() if any(engine in e for _, _, e in fs)}
        assert set(_visible(page)) == expected, engine
        shown_engines = page.execute_script(  # type: ignore[attr-defined]
            "return Array.from(document.querySelectorAll('.bt-one'))"
            ".filter(e => e.offsetParent !== null).map(e => e.dataset.engine);"
        )
        assert set(shown_engines) == {engine}
    # Filters combine: a kind and a severity that never meet show nothing.
    _select(page, "engine", "")
    _select(page, "kind", "boilerplate")
    _select(page, "sev", "critical")
    assert _visible(page) == []
    assert "0 of" in _status(page)
    _reset(page)
    assert len(_visible(page)) == len(rows)
    assert _errors(page) == []


def test_summary_kind_links_filter_the_segments(page: object, run: RunResult) -> None:
    from selenium.webdriver.common.by import By

    rows = _row_ids(run)
    page.find_element(By.CSS_SELECTOR, 'a[data-kind="omission"]').click()  # type: ignore[attr-defined]
    assert set(_visible(page)) == {
        r for r, fs in rows.items() if any(k == "omission" for k, _, _ in fs)
    }
    assert page.find_element(By.ID, "kind").get_attribute("value") == "omission"  # type: ignore[attr-defined]


def test_document_links_open_that_documents_segments(page: object, run: RunResult) -> None:
    from selenium.webdriver.common.by import By

    assert len(run.documents) > 1
    last = len(run.documents) - 1
    page.find_element(By.CSS_SELECTOR, f'a[data-doc="{last}"]').click()  # type: ignore[attr-defined]
    assert sorted(_visible(page)) == sorted(
        _anchor(last, p) for p in run.documents[last].pairs
    )
    assert page.find_element(By.ID, "doc").get_attribute("value") == str(last)  # type: ignore[attr-defined]


def test_document_and_row_filters(page: object, run: RunResult) -> None:
    for pos, doc in enumerate(run.documents):
        _select(page, "doc", str(pos))
        assert sorted(_visible(page)) == sorted(_anchor(pos, p) for p in doc.pairs)
    _select(page, "doc", "")
    _select(page, "rows", "unaligned")
    unaligned = {
        _anchor(pos, p)
        for pos, d in enumerate(run.documents)
        for p in d.pairs
        if not p.aligned
    }
    assert set(_visible(page)) == unaligned and unaligned
    _select(page, "rows", "flagged")
    assert set(_visible(page)) == {r for r, fs in _row_ids(run).items() if fs}


def test_search_and_slash_focus(page: object, run: RunResult) -> None:
    from selenium.webdriver.common.by import By

    _keys(page, "/")
    search = page.find_element(By.ID, "q")  # type: ignore[attr-defined]
    assert page.switch_to.active_element == search  # type: ignore[attr-defined]
    _keys(page, "GRÈVES")  # case-insensitive, accented
    page.execute_script("return new Promise(r => setTimeout(r, 200))")  # type: ignore[attr-defined]
    assert _visible(page) == [_anchor(0, run.documents[0].pairs[5])]
    search.clear()  # clearing also leaves the field, so type into it directly
    search.send_keys("onmouseover")  # hostile text is searchable text
    page.execute_script("return new Promise(r => setTimeout(r, 200))")  # type: ignore[attr-defined]
    assert _visible(page) == [_anchor(2, run.documents[2].pairs[0])]
    assert _errors(page) == []


def test_j_and_k_move_between_visible_rows(page: object) -> None:
    order = _visible(page)

    def current() -> str:
        return str(
            page.execute_script(  # type: ignore[attr-defined]
                "const c = document.querySelector('tbody.current'); return c ? c.id : '';"
            )
        )

    _keys(page, "j")
    assert current() == order[0]
    _keys(page, "jj")
    assert current() == order[2]
    _keys(page, "k")
    assert current() == order[1]
    _select(page, "kind", "omission")  # moving skips hidden rows
    _keys(page, "\ue00c")  # Escape leaves the select
    page.execute_script("document.activeElement.blur()")  # type: ignore[attr-defined]
    _keys(page, "j")
    assert current() == _visible(page)[0]
    _keys(page, "o")
    assert page.execute_script(  # type: ignore[attr-defined]
        "return Array.from(document.querySelectorAll('tbody.current details.evidence'))"
        ".every(d => d.open);"
    )


def test_sort_orders(page: object, run: RunResult) -> None:
    as_served = _visible(page)
    _select(page, "sort", "order")
    in_order = [_anchor(pos, p) for pos, d in enumerate(run.documents) for p in d.pairs]
    assert _visible(page) == in_order
    _select(page, "sort", "score-asc")
    scores = page.execute_script(  # type: ignore[attr-defined]
        "const d = JSON.parse(document.getElementById('mtqa-data').textContent);"
        "const s = {}; d.rows.forEach(r => s[r.id] = r.score.marian);"
        "return Array.from(document.querySelectorAll('#segments-table > tbody'))"
        ".map(b => s[b.id]);"
    )
    numbers = [s for s in scores if s is not None]
    assert numbers == sorted(numbers) and scores[: len(numbers)] == numbers
    _select(page, "sort", "worst")  # the script's worst-first order is the one served
    assert _visible(page) == as_served


def test_every_finding_has_a_visible_highlight(page: object, run: RunResult) -> None:
    missing = page.execute_script(  # type: ignore[attr-defined]
        "const out = [];"
        "document.querySelectorAll('li.finding').forEach(li => {"
        "  const n = li.dataset.f;"
        "  const marks = Array.from(li.closest('tbody').querySelectorAll('mark.hl'))"
        "    .filter(m => m.dataset.f.split(' ').includes(n) && m.getClientRects().length);"
        "  if (!marks.length) out.push(n);"
        "});"
        "return [out, document.querySelectorAll('li.finding').length];"
    )
    assert missing == [[], len(run.findings)]


def test_anchor_link_opens_its_row(driver: object, report: Path, run: RunResult) -> None:
    target = _anchor(1, run.documents[1].pairs[3])
    assert target.startswith("d1-mt") or target.startswith("d1-ref")  # by sentence number
    driver.get(report.as_uri() + "#" + target)  # type: ignore[attr-defined]
    current = driver.execute_script(  # type: ignore[attr-defined]
        "return document.querySelector('tbody.current').id"
    )
    assert current == target
    assert _errors(driver) == []


def _viewport(driver: object, width: int, height: int) -> None:
    """Give the page exactly width × height CSS pixels (windows have a minimum width)."""
    driver.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def test_screenshots(driver: object, tmp_path_factory: pytest.TempPathFactory) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = write_html(batch_run(), tmp_path_factory.mktemp("shot"))
    _viewport(driver, 1280, 800)
    driver.get(path.as_uri())  # type: ignore[attr-defined]
    assert driver.save_screenshot(str(ARTIFACTS / "report.png"))  # type: ignore[attr-defined]
    driver.get(path.as_uri() + "#segments")  # type: ignore[attr-defined]
    assert driver.save_screenshot(str(ARTIFACTS / "report-segments.png"))  # type: ignore[attr-defined]
    _viewport(driver, 420, 900)
    driver.get(path.as_uri() + "#d0-mt1")  # type: ignore[attr-defined]
    assert driver.save_screenshot(str(ARTIFACTS / "report-narrow.png"))  # type: ignore[attr-defined]
    # Nothing spills sideways on a narrow window.
    overflow = driver.execute_script(  # type: ignore[attr-defined]
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    _viewport(driver, 1280, 800)
    assert overflow <= 0
    assert _errors(driver) == []


# --------------------------------------------------------------------------- the sample run


@pytest.fixture(scope="module")
def sample_run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`mtqa run configs/sample.toml` into a temporary folder (Apertium; Marian if cached)."""
    from support import apertium_required

    from mtqa.cli import main

    apertium_required()
    out = tmp_path_factory.mktemp("sample")
    mp = pytest.MonkeyPatch()
    mp.setenv("HF_HUB_OFFLINE", "1")  # never reach a hub from tests
    try:
        code = main(
            [
                "run",
                str(REPO_ROOT / "configs" / "sample.toml"),
                "--out",
                str(out / "run"),
                "--cache-dir",
                str(out / "cache"),
                "--quiet",
            ]
        )
    finally:
        mp.undo()
    assert code == 0
    return out / "run"


@pytest.mark.slow
@pytest.mark.apertium
def test_sample_run_report(driver: object, sample_run_dir: Path) -> None:
    from mtqa.report.html import render_html
    from mtqa.runfolder import load_run

    report = sample_run_dir / "report.html"
    result = load_run(sample_run_dir)
    # Built once, rendered many: the saved run renders to the page the run itself wrote.
    assert render_html(result) == report.read_text(encoding="utf-8")
    assert result.findings, "the sample run should have findings to review"
    _viewport(driver, 1280, 800)
    driver.get(report.as_uri() + "#segments")  # type: ignore[attr-defined]
    listed, missing = driver.execute_script(  # type: ignore[attr-defined]
        "const items = document.querySelectorAll('li.finding'); const out = [];"
        "items.forEach(li => { const n = li.dataset.f;"
        "  const hit = Array.from(li.closest('tbody').querySelectorAll('mark.hl'))"
        "    .some(m => m.dataset.f.split(' ').includes(n));"
        "  if (!hit) out.push(n); });"
        "return [items.length, out];"
    )
    assert listed == len(result.findings)
    assert missing == []
    rows = sum(len(d.pairs) for d in result.documents)
    assert len(_visible(driver)) == rows
    _select(driver, "rows", "unaligned")
    assert len(_visible(driver)) == sum(
        1 for d in result.documents for p in d.pairs if not p.aligned
    )
    _reset(driver)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.get(report.as_uri() + "#segments")  # type: ignore[attr-defined]
    assert driver.save_screenshot(str(ARTIFACTS / "report-sample.png"))  # type: ignore[attr-defined]
    assert _errors(driver) == []
