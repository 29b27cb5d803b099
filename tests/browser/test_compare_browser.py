"""The report's systems side by side in a real browser (headless chromium): every reference
sentence with each system's French, the words that differ from the baseline marked, and the
filters "only where systems differ" and "where SYSTEM regressed"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from report_builders import make_run
from support import make_result
from test_report_browser import driver  # noqa: F401  (the browser fixture)

from mtqa.compare import compare
from mtqa.model import DocumentResult, Finding, RunResult
from mtqa.report.html import write_html

pytestmark = pytest.mark.browser

REFS = [
    "The minister arrived in Paris on Monday.",
    "She met the president of the bank.",
    "Taxes will fall by 2% next year.",
    "The port received 300 ships in March.",
    "Traffic rose by 5%.",
    "Talks will resume in April.",
]
BASE = [
    "La ministre est arrivée à Paris lundi.",
    "Elle a rencontré le président de la banque de Blingen.",  # a misspelt name
    "Les impôts baisseront de 2 % l'an prochain.",
    "Le port a accueilli 300 navires en mars.",
    "Le trafic a augmenté de 5 %.",
    "Les pourparlers reprendront en avril.",
]


def name_error(mt_index: int, span: str) -> Finding:
    return Finding(
        "news",
        "entity_drift",
        "critical",
        mt_index,
        mt_index,
        BASE[mt_index],
        span,
        "x",
        None,
        (),
        "entities",
        "a misspelt name",
    )


def number_error(doc: str, mt_index: int, span: str, text: str) -> Finding:
    return Finding(
        doc,
        "number_mismatch",
        "critical",
        mt_index,
        mt_index,
        text,
        span,
        "y",
        None,
        (),
        "numbers",
        "a wrong number",
    )


def system(name: str, mt: list[str], findings: list[Finding]) -> DocumentResult:
    doc_id = "news" if name == "mt" else f"news@{name}"
    result = make_result(mt, REFS, bt={"apertium": REFS}, doc=doc_id)
    return replace(
        result,
        document=replace(result.document, system=name, source_id="" if name == "mt" else "news"),
        findings=tuple(replace(f, doc=doc_id) for f in findings),
    )


@pytest.fixture(scope="module")
def run() -> RunResult:
    base = system("mt", BASE, [name_error(1, "Blingen")])
    fixed_mt = list(BASE)
    fixed_mt[1] = "Elle a rencontré le président de la banque de Blinken."
    fixed_mt[2] = "Les impôts baisseront de 3 % l'an prochain."  # a new wrong number
    fixed = system("fixed", fixed_mt, [number_error("", 2, "3 %", fixed_mt[2])])
    other_mt = list(BASE)
    other_mt[3] = "Le port a accueilli 800 navires en mars."
    other = system(
        "other", other_mt, [name_error(1, "Blingen"), number_error("", 3, "800", other_mt[3])]
    )
    documents = [base, fixed, other]
    by_system = {d.document.system: [d] for d in documents}
    comparison = compare(by_system, ["apertium"], metrics=["chrf"], baseline=("mt", "apertium"))
    return make_run(documents, name="systems", stats={"comparison": comparison.to_json()})


@pytest.fixture(scope="module")
def report(run: RunResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(run, tmp_path_factory.mktemp("systems"))


@pytest.fixture()
def page(driver: object, report: Path) -> object:  # noqa: F811
    driver.get(report.as_uri())  # type: ignore[attr-defined]
    driver.get_log("browser")  # type: ignore[attr-defined]
    return driver


def _shown(page: object) -> list[str]:
    return page.execute_script(  # type: ignore[attr-defined, no-any-return]
        "return Array.from(document.querySelectorAll('#sbs-table > tbody'))"
        ".filter(b => !b.hidden && b.offsetParent !== null).map(b => b.id);"
    )


def _choose(page: object, value: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    Select(page.find_element(By.ID, "sbs-filter")).select_by_value(value)  # type: ignore[attr-defined]


def _status(page: object) -> str:
    from selenium.webdriver.common.by import By

    return str(page.find_element(By.ID, "sbs-status").text)  # type: ignore[attr-defined]


def test_every_reference_sentence_shows_every_system(page: object) -> None:
    from selenium.webdriver.common.by import By

    assert _shown(page) == [f"s0-ref{j + 1}" for j in range(len(REFS))]
    assert _status(page) == f"{len(REFS)} of {len(REFS)} rows"
    headers = [h.text for h in page.find_elements(By.CSS_SELECTOR, "#sbs-table thead th")]  # type: ignore[attr-defined]
    assert headers == ["Reference", "mt (baseline)", "fixed", "other"]
    row = page.find_element(By.ID, "s0-ref2")  # type: ignore[attr-defined]
    cells = row.find_elements(By.CSS_SELECTOR, "td.sbs-cell")
    assert [c.find_element(By.CSS_SELECTOR, ".txt").text for c in cells] == [
        BASE[1],
        "Elle a rencontré le président de la banque de Blinken.",
        BASE[1],
    ]
    # only the word that changed is marked, and only in the system that changed it
    assert [m.text for m in cells[1].find_elements(By.CSS_SELECTOR, "mark.sbs-chg")] == ["Blinken"]
    assert cells[2].find_elements(By.CSS_SELECTOR, "mark.sbs-chg") == []
    # the baseline's finding, struck through where a system does not have it
    assert "entity_drift" in cells[0].text
    assert "not in this system" in cells[1].text
    assert "not in this system" not in cells[2].text
    new = page.find_element(By.ID, "s0-ref3").find_elements(By.CSS_SELECTOR, ".sbs-new")  # type: ignore[attr-defined]
    assert [n.text for n in new] == ["new"]
    assert [e for e in page.get_log("browser") if e["level"] == "SEVERE"] == []  # type: ignore[attr-defined]


def test_filters_show_where_systems_differ_and_where_one_regressed(page: object) -> None:
    _choose(page, "differ")
    assert _shown(page) == ["s0-ref2", "s0-ref3", "s0-ref4"]
    assert _status(page) == f"3 of {len(REFS)} rows"
    _choose(page, "regressed:1")  # fixed: its new wrong number
    assert _shown(page) == ["s0-ref3"]
    _choose(page, "regressed:2")  # other: its wrong number
    assert _shown(page) == ["s0-ref4"]
    from selenium.webdriver.common.by import By

    reason = page.find_element(By.CSS_SELECTOR, "#s0-ref4 td.regressed .sbs-regressed").text  # type: ignore[attr-defined]
    assert reason.startswith("regressed: more weighted errors (0 → 10)")
    _choose(page, "all")
    assert len(_shown(page)) == len(REFS)
    assert [e for e in page.get_log("browser") if e["level"] == "SEVERE"] == []  # type: ignore[attr-defined]


def test_comparison_card_has_a_column_per_system_and_the_verdicts(page: object) -> None:
    from selenium.webdriver.common.by import By

    table = page.find_element(By.CSS_SELECTOR, "table.cmp-table")  # type: ignore[attr-defined]
    heads = [h.text for h in table.find_elements(By.CSS_SELECTOR, "thead th")]
    assert heads == ["Metric", "Direction", "mt (baseline)", "fixed", "other"]
    first = table.find_element(By.CSS_SELECTOR, "tbody tr")
    assert first.find_element(By.CSS_SELECTOR, "th").text.startswith("error score")
    assert "lower is better" in first.text
    verdicts = [v.text for v in page.find_elements(By.CSS_SELECTOR, ".verdict")]  # type: ignore[attr-defined]
    assert (
        len(verdicts) == 2 and verdicts[0].startswith("fixed ") and verdicts[1].startswith("other ")
    )
    # the card fits a 1280 px window: no horizontal scrolling
    width = page.execute_script(  # type: ignore[attr-defined]
        "const s = document.querySelector('table.cmp-table').parentElement;"
        "return [s.scrollWidth, s.clientWidth];"
    )
    assert width[0] <= width[1]
