"""pandas views of a run, for notebooks: ``result.frames.segments``, ``.findings``, ``.scores``,
``.comparison``.

Built on first access from the RunResult (pandas is imported only then).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from mtqa.model import RunResult


class Frames:
    def __init__(self, result: RunResult) -> None:
        self._result = result

    @cached_property
    def segments(self) -> pd.DataFrame:
        """One row per alignment bead and engine: texts, back-translation, segment scores."""
        import pandas as pd

        rows: list[dict[str, Any]] = []
        for doc in self._result.documents:
            for pair in doc.pairs:
                for engine in doc.back_translations:
                    scores = doc.segment_scores.get(engine, ())
                    values = scores[pair.index] if pair.index < len(scores) else {}
                    rows.append(
                        {
                            "doc": doc.document.id,
                            "system": doc.document.system,
                            "pair": pair.index,
                            "bead": pair.kind,
                            "mt_index": pair.mt_index,
                            "ref_index": pair.ref_index,
                            "engine": engine,
                            "mt": pair.mt_text,
                            "bt": pair.bt.get(engine, "") if pair.mt else "",
                            "reference": pair.ref_text,
                            "similarity": pair.similarity if pair.aligned else None,
                            **dict(values),
                        }
                    )
        return pd.DataFrame(rows)

    @cached_property
    def findings(self) -> pd.DataFrame:
        """One row per finding (the findings.jsonl contract); ``counted`` is False for a
        finding a reviewer waived as a false alarm."""
        import pandas as pd

        columns = [
            "id", "doc", "kind", "severity", "mt_index", "ref_index", "mt_text", "mt_span",
            "ref_span", "bt_span", "engines", "detector", "message", "evidence", "confidence",
            "verdict", "note", "counted",
        ]
        rows = [{**f.to_json(), "counted": not f.waived} for f in self._result.findings]
        return pd.DataFrame(rows, columns=columns)

    @cached_property
    def scores(self) -> pd.DataFrame:
        """Corpus scores: one row per document (and ``*`` for the run) × engine × metric."""
        import pandas as pd

        rows = []
        scopes = [("*", self._result.scores)] + [
            (d.document.id, d.scores) for d in self._result.documents
        ]
        for doc, by_engine in scopes:
            for engine, scores in by_engine.items():
                for s in scores:
                    rows.append(
                        {
                            "doc": doc,
                            "engine": engine,
                            "metric": s.metric,
                            "score": s.score,
                            "ci_low": s.ci_low,
                            "ci_high": s.ci_high,
                            "signature": s.signature,
                        }
                    )
        return pd.DataFrame(rows)

    @cached_property
    def comparison(self) -> pd.DataFrame:
        """One row per system × metric (× engine; none for the error score): score, 95%
        interval, change and paired-bootstrap p-value against the baseline, direction."""
        import pandas as pd

        from mtqa.compare import ERROR_SCORE, higher_is_better

        columns = [
            "system", "engine", "metric", "score", "ci_low", "ci_high", "delta", "p_value",
            "significant", "higher_is_better", "baseline",
        ]
        comparison = self._result.comparison
        if comparison is None:
            return pd.DataFrame([], columns=columns)

        def frame_row(
            system: str, engine: str | None, metric: str, value: Any, baseline: bool
        ) -> dict[str, Any]:
            # value: an ErrorScore or a MetricScore (the same fields)
            ci95 = value.ci95
            return {
                "system": system, "engine": engine, "metric": metric, "score": value.score,
                "ci_low": ci95[0] if ci95 else None, "ci_high": ci95[1] if ci95 else None,
                "delta": value.delta, "p_value": value.p_value, "significant": value.significant,
                "higher_is_better": higher_is_better(metric), "baseline": baseline,
            }

        base = (comparison.baseline_system, comparison.baseline_engine)
        rows = [
            frame_row(system, None, ERROR_SCORE, e, system == base[0])
            for system, e in comparison.errors.systems.items()
        ]
        rows += [
            frame_row(row.system, row.engine, metric, s, (row.system, row.engine) == base)
            for row in comparison.rows
            for metric, s in row.scores.items()
        ]
        return pd.DataFrame(rows, columns=columns)
