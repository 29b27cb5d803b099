"""The reviewer's loop in Chromium: triage by click and key, export → import round trip, the
compact list, and one numbering between messages, row labels and the search box."""

from __future__ import annotations

import json
import re
import time
from dataclasses import replace
from pathlib import Path

import pytest
from report_builders import bridge_document, make_run, mixed_document
from support import make_result
from test_report_browser import _errors, _keys, _select, driver  # noqa: F401  (fixture)

from mtqa.checks import assign_ids
from mtqa.model import RunResult
from mtqa.report.html import write_html
from mtqa.review import parse_decisions

pytestmark = pytest.mark.browser


def _with_ids(run: RunResult) -> RunResult:
    documents = tuple(replace(d, findings=tuple(assign_ids(d, d.findings))) for d in run.documents)
    return replace(run, documents=documents)


@pytest.fixture(scope="module")
def triage_run() -> RunResult:
    return _with_ids(make_run([bridge_document(), mixed_document()], name="triage"))


@pytest.fixture(scope="module")
def triage_report(triage_run: RunResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(triage_run, tmp_path_factory.mktemp("triage"))


def _open_fresh(driver: object, path: Path) -> None:  # noqa: F811
    driver.get(path.as_uri())  # type: ignore[attr-defined]
    driver.execute_script("localStorage.clear()")  # type: ignore[attr-defined]
    _settle()
    driver.get(path.as_uri())  # type: ignore[attr-defined]


def _settle() -> None:
    # Chromium commits localStorage to its browser process asynchronously; a page loaded
    # within milliseconds of a write may read the old value (a person never reloads so fast).
    time.sleep(0.5)


def _verdicts(driver: object) -> dict[str, str]:  # noqa: F811
    return driver.execute_script(  # type: ignore[attr-defined, no-any-return]
        "const out = {};"
        "document.querySelectorAll('#segments-table li.finding[data-id]').forEach(li => {"
        "  if (li.dataset.verdict) out[li.dataset.id] = li.dataset.verdict; });"
        "return out;"
    )


def _finding(driver: object, number: int) -> object:  # noqa: F811
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, f"f{number}")  # type: ignore[attr-defined]


def test_triage_by_click_and_key_survives_reload_and_round_trips(
    driver: object,  # noqa: F811
    triage_report: Path,
    triage_run: RunResult,
    tmp_path: Path,
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    findings = triage_run.findings
    assert len(findings) >= 3
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    _open_fresh(driver, triage_report)
    assert _verdicts(driver) == {}

    # By click: finding 1 is a false alarm, with a note; finding 2 accepted.
    first = _finding(driver, 1)
    first.find_element(By.CSS_SELECTOR, 'button[data-v="false_alarm"]').click()  # type: ignore[attr-defined]
    note = first.find_element(By.CSS_SELECTOR, "input.note")  # type: ignore[attr-defined]
    note.send_keys("house style", Keys.ENTER)
    _finding(driver, 2).find_element(  # type: ignore[attr-defined]
        By.CSS_SELECTOR, 'button[data-v="accepted"]'
    ).click()
    # By key: the next finding on screen after 2 is marked fixed.
    on_screen = driver.execute_script(  # type: ignore[attr-defined]
        "return Array.from(document.querySelectorAll('#segments-table li.finding'))"
        ".map(li => li.dataset.f)"
    )
    _keys(driver, "n")
    current = driver.execute_script(  # type: ignore[attr-defined]
        "return document.querySelector('li.finding.fcur').dataset.f"
    )
    _keys(driver, "x")
    expected = {
        findings[0].id: "false_alarm",
        findings[1].id: "accepted",
        findings[int(current) - 1].id: "fixed",
    }
    assert current == on_screen[on_screen.index("2") + 1]
    assert _verdicts(driver) == expected
    # A false alarm is greyed and collapsed: its message is no longer displayed.
    assert not first.find_element(By.CSS_SELECTOR, ".msg").is_displayed()  # type: ignore[attr-defined]
    assert "marked false alarm" in driver.find_element(By.ID, "status").text  # type: ignore[attr-defined]

    # Kept in the browser: a reload shows the same verdicts and note.
    _settle()
    driver.get(triage_report.as_uri())  # type: ignore[attr-defined]
    assert _verdicts(driver) == expected
    assert _finding(driver, 1).find_element(  # type: ignore[attr-defined]
        By.CSS_SELECTOR, "input.note"
    ).get_attribute("value") == "house style"

    # Export: the decisions file mtqa run --decisions reads.
    driver.find_element(By.ID, "export-decisions").click()  # type: ignore[attr-defined]
    target = downloads / "decisions.json"
    for _ in range(50):
        if target.exists() and target.stat().st_size:
            break
        time.sleep(0.1)
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert {d["id"]: d["verdict"] for d in exported["decisions"]} == expected
    assert next(d for d in exported["decisions"] if d["id"] == findings[0].id)["note"] == (
        "house style"
    )
    assert set(parse_decisions(exported, source="export")) == set(expected)

    # Import into a browser that knows nothing: the same verdicts come back.
    _open_fresh(driver, triage_report)
    assert _verdicts(driver) == {}
    driver.find_element(By.ID, "import-decisions").send_keys(str(target))  # type: ignore[attr-defined]
    for _ in range(50):
        if _verdicts(driver):
            break
        time.sleep(0.1)
    assert _verdicts(driver) == expected
    assert "Imported 3 decisions" in driver.find_element(By.ID, "review-status").text  # type: ignore[attr-defined]
    assert _finding(driver, 1).find_element(  # type: ignore[attr-defined]
        By.CSS_SELECTOR, "input.note"
    ).get_attribute("value") == "house style"

    # A file of another shape is refused with its reason, and changes nothing.
    bad = tmp_path / "bad.json"
    bad.write_text('{"decisions": [{"id": "x", "verdict": "maybe"}]}', encoding="utf-8")
    driver.find_element(By.ID, "import-decisions").send_keys(str(bad))  # type: ignore[attr-defined]
    time.sleep(0.3)
    assert "Not imported" in driver.find_element(By.ID, "review-status").text  # type: ignore[attr-defined]
    assert _verdicts(driver) == expected
    assert _errors(driver) == []  # a CSP violation would be a console error


def test_compact_list_and_groups(
    driver: object,  # noqa: F811
    triage_report: Path,
    triage_run: RunResult,
) -> None:
    from selenium.webdriver.common.by import By

    _open_fresh(driver, triage_report)
    assert not driver.find_element(By.ID, "findings-list").is_displayed()  # type: ignore[attr-defined]
    _select(driver, "view", "list")
    assert driver.find_element(By.ID, "findings-list").is_displayed()  # type: ignore[attr-defined]
    assert not driver.find_element(By.ID, "segments-table").is_displayed()  # type: ignore[attr-defined]
    lines = driver.find_elements(By.CSS_SELECTOR, "#compact li.line")  # type: ignore[attr-defined]
    assert len(lines) == len(triage_run.findings)
    kind = triage_run.findings[0].kind
    _select(driver, "kind", kind)
    shown = driver.execute_script(  # type: ignore[attr-defined]
        "return Array.from(document.querySelectorAll('#compact li.line'))"
        ".filter(li => !li.hidden && li.closest('li.group') === null || "
        "(!li.hidden && !li.closest('li.group').hidden)).length"
    )
    assert shown == sum(f.kind == kind for f in triage_run.findings)
    # A line leads to its segment row, back in the rows view.
    _select(driver, "kind", "")
    first = driver.find_element(By.CSS_SELECTOR, "#compact li.line a")  # type: ignore[attr-defined]
    anchor = first.get_attribute("href").split("#", 1)[1]
    driver.execute_script("arguments[0].click()", first)  # type: ignore[attr-defined]
    assert driver.find_element(By.ID, "segments-table").is_displayed()  # type: ignore[attr-defined]
    assert driver.execute_script(  # type: ignore[attr-defined]
        "return document.querySelector('tbody.current').id"
    ) == anchor
    assert _errors(driver) == []


@pytest.fixture(scope="module")
def numbered_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[RunResult, Path]:
    """A real detector finding whose message names sentences: one name spelt two ways."""
    from mtqa.checks import detect
    from mtqa.checks.base import CheckContext

    mt = [
        "Le ministre Blinken est arrivé à Tachkent lundi.",
        "Il a rencontré le président du pays.",
        "Il a parlé de commerce.",
        "Ensuite, Blinkin a quitté la ville mardi.",
    ]
    ref = [
        "Minister Blinken arrived in Tashkent on Monday.",
        "He met the country's president.",
        "He talked about trade.",
        "Then Blinken left the city on Tuesday.",
    ]
    bt = [
        "Minister Blinken arrived in Tashkent on Monday.",
        "He met the president of the country.",
        "He spoke about trade.",
        "Then Blinkin left the city on Tuesday.",
    ]
    result = make_result(mt, ref, bt={"marian": bt}, doc="names")
    result = replace(result, findings=detect(result, CheckContext(engines=("marian",))))
    run = make_run([result], name="numbers")
    return run, write_html(run, tmp_path_factory.mktemp("numbers"))


def test_one_numbering_in_messages_labels_evidence_and_search(
    driver: object,  # noqa: F811
    numbered_report: tuple[RunResult, Path],
) -> None:
    from selenium.webdriver.common.by import By

    run, path = numbered_report
    _open_fresh(driver, path)
    rows = driver.execute_script(  # type: ignore[attr-defined]
        "return Array.from(document.querySelectorAll('#segments-table > tbody')).map(b => ["
        "  b.id, b.querySelector('a.anchor').textContent.replace(/\\s+/g, ' '),"
        "  Array.from(b.querySelectorAll('li.finding')).map(li => ["
        "    li.querySelector('.msg').textContent,"
        "    Array.from(li.querySelectorAll('dl.kv dt')).reduce((o, dt) =>"
        "      (o[dt.textContent] = dt.nextElementSibling.textContent, o), {})])]);"
    )
    messages = [(label, msg, ev) for _, label, items in rows for msg, ev in items]
    all_labels = sorted(label for _, label, _ in rows)
    numbered = [(label, msg, ev) for label, msg, ev in messages if re.search(r"MT \d", msg)]
    assert numbered, "a message naming sentence numbers"
    for label, message, evidence in numbered:
        own = re.match(r"MT (\d+) ↔ ref (\d+)", label)
        assert own, label
        mentioned = re.findall(r"MT (\d+(?:, \d+)*)", message)
        numbers = {int(n) for group in mentioned for n in group.split(", ")}
        # The finding's own row number is the one its message gives for it, and the
        # evidence panel says the same.
        assert int(own.group(1)) in numbers, (label, message)
        assert evidence["MT sentence"] == f"MT {own.group(1)}"
        assert evidence["reference sentence"] == f"ref {own.group(2)}"
        # Every sentence a message names is found by searching its label.
        for n in numbers:
            search = driver.find_element(By.ID, "q")  # type: ignore[attr-defined]
            search.clear()
            search.send_keys(f"MT {n}")
            driver.execute_script("return new Promise(r => setTimeout(r, 200))")  # type: ignore[attr-defined]
            labels = sorted(driver.execute_script(  # type: ignore[attr-defined]
                "return Array.from(document.querySelectorAll('#segments-table > tbody'))"
                ".filter(b => !b.hidden)"
                ".map(b => b.querySelector('a.anchor').textContent.replace(/\\s+/g, ' '))"
            ))
            # Exactly the row holding MT sentence n (not the rows merely mentioning it).
            assert labels == [lbl for lbl in all_labels if lbl.startswith(f"MT {n} ")], (n, labels)
    # Anchors are the sentence numbers too.
    assert {r[0] for r in rows} >= {f"d0-mt{i}" for i in range(1, 5)}
    assert _errors(driver) == []
