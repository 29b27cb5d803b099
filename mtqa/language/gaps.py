"""Where an English sentence shows that a word is missing from it.

Owns ``missing_words``: the places where the parse of an English sentence has a slot that
clean English never leaves empty, and whether a noun or a verb belongs there:

- a noun: an article or possessive with no noun after it ("the of", "their.", "an,"), or
  with only an adjective English has no noun for ("our unfair, we"); a preposition after
  a noun with a finite verb or a conjunction for its object ("vials of have been", "for
  and functionality"); a preposition doubled ("with with"), or before "such as"; an
  adjective English has no noun for, read as a noun because nothing follows it ("by
  biological.");
- a verb: a modal followed by a noun phrase ("would a claim", "couldn't the eclipse"); a
  subject pronoun followed by a noun phrase, a preposition or "to" ("he on shows", "I to
  feel"); a word English has only as a noun or adjective read as the sentence's verb
  ("They usually food, drink"); "been by" with no participle; "to" before a determiner or
  "that".

Each pattern was checked against clean English (translated news references and WordNet's
example sentences), where it fires on well under one sentence in a thousand; hyphenated
compounds, fixed multiword expressions, nominalised adjectives (the poor), stranded
prepositions, question inversion and elliptic modals are left out for that reason. The
tagger's own confusions on clean text (a verb read as a noun) are why a word only counts
as "not a verb" or "not a noun" when WordNet knows it and has no such sense for it.
Without spaCy's parse or WordNet it finds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from mtqa.language.parse import Token
from mtqa.language.wordnet import english_lemma, wordnet_graph

_ARTICLES = frozenset({"the", "a", "an", "their", "its", "our", "my", "your"})
_SUBJECTS = frozenset({"i", "he", "she", "we", "they"})
_MODALS = frozenset({
    "can", "could", "will", "would", "may", "might", "must", "shall", "should",
    "ca", "wo",  # the tagger's halves of can't, won't
})
# Words after a subject pronoun that are not a missing verb's object: "we all", "they
# themselves", "he alone".
_AFTER_SUBJECT = frozenset({
    "all", "both", "each", "alone", "too", "themselves", "himself", "herself", "myself",
    "ourselves", "n't", "not", "'s", "'d", "'ll", "'re", "'ve", "'m",
})
# Prepositions that also introduce clauses or comparisons (as is, than was, like did).
_CLAUSAL_PREPOSITIONS = frozenset({
    "as", "than", "like", "that", "because", "so", "whether", "while", "if", "until",
    "since", "before", "after",
})
_RELATIVES = frozenset({"that", "which", "who", "whom", "whose"})
_MODAL_NOUNS = frozenset({"will", "can", "may", "must"})  # the will, a can
_END = frozenset(".;:!?")

Wanted = Literal["noun", "verb"]


@dataclass(frozen=True)
class Gap:
    """A slot of the sentence that a missing word would fill."""

    index: int  # the token that shows the slot (the article, the modal, the pronoun…)
    wanted: Wanted  # the part of speech the missing word has
    reason: str  # which pattern showed it


def _forms(token: Token) -> set[str]:
    return {token.lemma, token.text.lower(), english_lemma(token.text)}


def _has_sense(token: Token, pos: str, *, surface_only: bool = False) -> bool:
    net = wordnet_graph()
    forms = {token.text.lower()} if surface_only else _forms(token)
    return net is not None and any(net.synsets(form, pos) for form in forms)


def _verb_word(token: Token) -> bool:
    return _has_sense(token, "VERB")


def _known_non_verb(token: Token) -> bool:
    """WordNet knows the word, as a noun or adjective only (advice, food, contradictory)."""
    return token.text.isalpha() and not _verb_word(token) and (
        _has_sense(token, "NOUN") or _has_sense(token, "ADJ"))


def _adjective_only(token: Token) -> bool:
    """The word itself (not its lemma: others, renewables) is an adjective and nothing else,
    nor the plural of a noun spelt like one (divers: diver + s)."""
    return (
        token.text.isalpha()
        and _has_sense(token, "ADJ", surface_only=True)
        and not _has_sense(token, "NOUN", surface_only=True)
        and not _verb_word(token)
        and not _noun_plural(token.text)
    )


def _noun_plural(word: str) -> bool:
    """A regular English plural whose singular WordNet knows as a noun (divers, diver)."""
    net = wordnet_graph()
    low = word.lower()
    return net is not None and low.endswith("s") and bool(net.synsets(low[:-1], "NOUN"))


def _multiword(first: Token, second: Token) -> bool:
    """The two words are one WordNet entry (in vain, at large)."""
    net = wordnet_graph()
    return net is not None and bool(net.synsets(f"{first.text} {second.text}".lower()))


def _finite(token: Token) -> bool:
    return token.pos in ("VERB", "AUX") and token.feature("VerbForm") == "Fin"


def _ends_phrase(token: Token | None) -> bool:
    return token is None or (token.pos == "PUNCT" and token.text in _END)


def _article_gap(tokens: Sequence[Token], i: int) -> str | None:
    word, low = tokens[i], tokens[i].text.lower()
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    then = tokens[i + 2] if i + 2 < len(tokens) else None
    if low in _ARTICLES and word.pos in ("DET", "PRON"):
        if after is None or _ends_phrase(after) or after.text == "," or (
            after.pos in ("ADP", "CCONJ", "SCONJ", "PART")
            or (after.pos == "AUX" and after.text.lower() not in _MODAL_NOUNS)
            or (after.pos == "VERB" and _finite(after))
            or (after.pos == "PRON" and after.text.islower()
                and after.text.lower() in _RELATIVES)
        ):
            return "article_without_noun"
        if (
            low != "the"  # the poor, the French: nominalised adjectives
            and after.pos == "ADJ" and _adjective_only(after)
            and after.text.lower() not in ("own", "little", "few")
            and after.feature("Degree") != "Sup"  # at their best
            and then is not None
            and (then.pos in ("AUX", "ADP") or _finite(then) or _ends_phrase(then)
                 or (then.text == "," and i + 3 < len(tokens)
                     and tokens[i + 3].pos not in ("ADJ", "ADV", "CCONJ")))
        ):
            return "modifier_without_noun"
    if low in ("these", "those") and after is not None and after.pos == "ADJ" and (
        _adjective_only(after) and after.feature("Degree") != "Sup"
        and then is not None and (_ends_phrase(then) or then.text == ",")
    ):
        return "modifier_without_noun"
    before = tokens[i - 1] if i > 0 else None
    if low == "his" and before is not None and before.pos == "ADP" and (
        before.text.lower() not in ("of", "than", "as", "like")
    ) and after is not None and (after.pos in ("ADP", "CCONJ") or after.text in ",;:."):
        return "article_without_noun"  # by his for drugs (a friend of his is fine)
    return None


def _preposition_gap(tokens: Sequence[Token], i: int) -> str | None:
    word, low = tokens[i], tokens[i].text.lower()
    if word.pos != "ADP" or word.dep != "prep" or i + 1 >= len(tokens):
        return None
    before, after = (tokens[i - 1] if i > 0 else None), tokens[i + 1]
    if after.text.lower() == low:
        return "preposition_doubled"
    if after.text.lower() == "such" and i + 2 < len(tokens) and (
        tokens[i + 2].text.lower() == "as"
    ):
        return "preposition_before_such_as"
    # After a noun (not a verb: "the people he worked with are"), so not stranded.
    if low in _CLAUSAL_PREPOSITIONS or before is None or before.pos not in (
        "NOUN", "PROPN", "ADJ"
    ):
        return None
    if _finite(after):
        return "preposition_before_verb"
    if after.pos == "CCONJ" and i + 2 < len(tokens) and (
        tokens[i + 2].pos not in ("ADP", "ADV")  # before and after, in and out
        and after.text.lower() not in ("both", "either", "neither")
    ):
        return "preposition_before_conjunction"
    return None


def _noun_slot_gap(tokens: Sequence[Token], i: int) -> str | None:
    """An adjective English has no noun for, tagged as a noun because the noun it modified
    is gone (by biological.; a published in)."""
    word = tokens[i]
    if word.pos != "NOUN" or not word.text.islower() or i == 0:
        return None
    before = tokens[i - 1]
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if before.text.lower() == "the" or _multiword(before, word):
        return None
    if after is not None and (after.pos not in ("PUNCT", "ADP", "VERB", "AUX")
                              or after.text in ("-", "...")):
        return None
    return "noun_slot_holds_no_noun" if _adjective_only(word) else None


def _skip_adverbs(tokens: Sequence[Token], j: int) -> int:
    while j < len(tokens) and (
        (tokens[j].pos == "ADV" and tokens[j].text.lower() not in _AFTER_SUBJECT)
        or tokens[j].text.lower() in ("not", "n't")
    ):
        j += 1
    return j


_POSSESSIVES = frozenset({"its", "their", "our", "my", "your"})
_SUBORDINATORS = frozenset({
    "when", "if", "because", "although", "though", "while", "since", "unless", "whereas",
    "as", "once", "until", "whenever",
})


def _clause_start(tokens: Sequence[Token], i: int) -> int:
    """Where the clause holding ``i`` starts: after the last comma, semicolon, colon or
    dash before it, or after a subordinating conjunction."""
    for j in range(i - 1, -1, -1):
        if tokens[j].text in (",", ";", ":", "-", "–", "—", "(") or (
            tokens[j].text.lower() in _SUBORDINATORS and tokens[j].pos == "SCONJ"
        ):
            return j + 1
    return 0


def _opens_clause(tokens: Sequence[Token], j: int) -> bool:
    """The word at ``j`` is a subordinating conjunction opening a clause (As I watched;
    when you travel), not a comparison (as tall as I)."""
    if j < 0 or tokens[j].text.lower() not in _SUBORDINATORS:
        return False
    return j == 0 or tokens[j - 1].text in (",", ";", ":", "(") or tokens[j].pos == "SCONJ"


def _verb_gap(tokens: Sequence[Token], i: int) -> str | None:
    word, low = tokens[i], tokens[i].text.lower()
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if low in _MODALS and word.pos == "AUX" and before is not None and (
        before.pos not in ("PUNCT", "SCONJ", "CCONJ", "DET") and before.dep != "poss"
        and before.text.lower() not in ("what", "where", "how", "why", "when", "nor",
                                         "neither", "so")
    ):  # not a question (Could the…), nor the noun (his will)
        j = _skip_adverbs(tokens, i + 1)
        if j < len(tokens) and not (j + 1 < len(tokens) and tokens[j + 1].text == "-") and (
            tokens[j].pos in ("DET", "NOUN", "PROPN", "ADJ", "NUM")
            or (tokens[j].pos == "VERB" and _known_non_verb(tokens[j]))
        ):
            return "modal_without_verb"
    if (low in _SUBJECTS or (low in ("you", "it") and _opens_clause(tokens, i - 1))) and (
        word.pos == "PRON"
    ) and (
        before is None or _opens_clause(tokens, i - 1)
        or (before.text.lower() not in ("than", "as", "like", "and", "or")
            and before.pos != "AUX")  # are they…? taller than I
    ):
        j = _skip_adverbs(tokens, i + 1)
        if j < len(tokens) and tokens[j].text.lower() not in _AFTER_SUBJECT and (
            tokens[j].pos in ("DET", "NOUN", "ADP", "PART", "ADJ", "NUM")
            or tokens[j].text.lower() in ("this", "these", "those")
        ) and not (tokens[j].pos == "NOUN" and tokens[j].dep == "npadvmod"):
            return "subject_without_verb"
    if low in _POSSESSIVES and before is not None and before.pos in ("NOUN", "PROPN") and (
        not any(t.pos in ("VERB", "AUX") for t in tokens[_clause_start(tokens, i):i])
    ) and after is not None and after.pos in ("NOUN", "ADJ"):
        return "subject_without_verb"  # The committee its report (no verb yet)
    if word.pos == "VERB" and word.dep == "ROOT" and not low.endswith(("ed", "en", "ing")) and (
        _known_non_verb(word)
    ):
        return "verb_slot_holds_no_verb"
    if _subject_without_verb(tokens, i):
        return "subject_without_verb"  # The drought a large part of the harvest.
    if low == "been" and after is not None and after.text.lower() == "by" and not (
        i + 2 < len(tokens) and tokens[i + 2].text.lower() == "far"
    ):
        return "auxiliary_without_verb"
    if low == "to" and after is not None and (
        (word.pos == "PART" and after.pos == "DET")
        or (after.pos == "SCONJ" and after.text.lower() in ("that", "whether"))
    ):
        return "infinitive_without_verb"
    return None


_CLAUSE_ENDS = frozenset({",", ";", ":", "(", ")", "–", "—"}) | _END


def _subject_without_verb(tokens: Sequence[Token], i: int) -> bool:
    """A clause's subject followed straight by a determined noun phrase or a number, in a
    clause with no finite verb ("The drought a large part of the harvest", "When the
    writer the prize,"): the verb between them is gone. Not after a preposition or a verb
    (the noun is no subject then), and not where a finite verb follows in the clause (a
    contact relative: "the day the music died")."""
    word = tokens[i]
    if word.pos not in ("NOUN", "PROPN") or (i + 1 < len(tokens) and tokens[i + 1].text in (
        "'s", "’s", "-")):
        return False
    if word.text.lower().endswith("s") and _verb_word(word):
        return False  # the tagger's noun may be the verb (The female lays an egg)
    # an adverb only before a number (almost six billion), not of time (months later a)
    j = _skip_adverbs(tokens, i + 1)
    if j >= len(tokens) or not (
        (j == i + 1 and tokens[j].pos == "DET" and tokens[j].text.lower() in ("the", "a", "an"))
        or (tokens[j].pos == "NUM" and tokens[j].text.isalpha())
    ):
        return False
    start = _clause_start(tokens, i)
    end = next((k for k in range(i + 1, len(tokens)) if tokens[k].text in _CLAUSE_ENDS),
               len(tokens))
    before = tokens[start:i]
    if any(t.pos in ("ADP", "VERB", "AUX") or t.dep == "prep" for t in before):
        return False
    return not any(_finite(t) or t.pos == "AUX" for t in tokens[start:end])


_RULES: tuple[tuple[Wanted, Callable[[Sequence[Token], int], str | None]], ...] = (
    ("noun", _article_gap), ("noun", _preposition_gap), ("noun", _noun_slot_gap),
    ("verb", _verb_gap),
)


def missing_words(tokens: Sequence[Token]) -> list[Gap]:
    """The slots of an English sentence (spaCy tokens) where a noun or verb is missing."""
    if wordnet_graph() is None or not any(t.pos for t in tokens):
        return []

    def hyphenated(i: int) -> bool:
        return (i + 1 < len(tokens) and tokens[i + 1].text == "-") or (
            i > 0 and tokens[i - 1].text == "-")

    found: list[Gap] = []
    for i in range(len(tokens)):
        for wanted, rule in _RULES:
            reason = rule(tokens, i)
            if reason is not None and not hyphenated(i) and not hyphenated(i + 1):
                found.append(Gap(i, wanted, reason))
    return found


__all__ = ["Gap", "missing_words"]
