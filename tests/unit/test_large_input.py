"""A large run announces itself: what it is about to do and an estimate of its time."""

from __future__ import annotations


def test_a_large_run_says_what_it_will_do_and_how_long() -> None:
    from mtqa.pipeline import ANNOUNCE_ABOVE, plan_message

    assert plan_message(3, ANNOUNCE_ABOVE, ["apertium"]) is None
    message = plan_message(1, 26000, ["apertium"])
    assert message is not None
    assert message.startswith("1 document, 26000 MT sentences: back-translating them (apertium)")
    minutes = int(message.split("about ")[1].split(" min")[0])
    # a neural engine on CPU takes far longer per sentence than the rule-based one
    slower = plan_message(1, 26000, ["marian"]) or ""
    assert int(slower.split("about ")[1].split(" min")[0]) > 5 * minutes
