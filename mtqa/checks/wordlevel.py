"""Word-level errors: questions asked of the word link between the French and the reference.

Owns four findings, each read off ``wordlink.link_pair`` for an aligned pair:

- ``omission`` — a reference noun, verb or adjective that no French word can mean
  (dictionary, WordNet synonym or derivation, cognate) and that no back-translation has,
  where the MT has no place left that could render it: an adjective whose noun's French
  counterpart stands bare (syntax), or a word between linked neighbours whose French
  counterparts have nothing unaccounted for between them, in a sentence whose other words
  are all accounted for (position);
- ``addition`` — a French noun, verb or adjective (or one phrase of them) that means no
  reference word, whose back-translated word the reference lacks, and for which the
  reference has no place left, in a sentence whose reference words are mostly accounted
  for; not the noun of a light-verb phrase (prendre en charge) or one the reference folds
  into a single word (salle d'audience / courtroom, à l'échelle mondiale / world-wide);
- ``meaning_inversion`` — a reference word that no French word means, where a French word
  in its place means its WordNet antonym (many / few, accept / reject, able / unable);
- ``odd_rendering`` — a reference noun that no French word means, where the one
  unaccounted French noun of the sentence means a WordNet hyponym of it: the MT says
  something more specific than the reference ("vaccin" for "substance"). The reverse, a
  more general word, is a translator's routine choice and is not reported.

Each check wants both witnesses, the dictionary link and the back-translation, and stays
silent where the sentence is a paraphrase (many words unaccounted for), on function and
light verbs, and on names. The witnesses of place (position and syntax) live in
``wordplace``. Without Apertium's dictionaries, spaCy or WordNet it finds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from mtqa.checks import lexicon, wordlink, wordplace
from mtqa.checks.base import CheckContext, finding
from mtqa.checks.wordlink import PairLinks
from mtqa.checks.wordplace import stop_words
from mtqa.language.parse import Token
from mtqa.language.text import fold, fold_keep_length
from mtqa.language.wordnet import wordnet_graph
from mtqa.model import DocumentResult, Finding, Pair

DETECTOR = "wordlevel"
_JUDGED_POS = frozenset({"NOUN", "VERB", "ADJ"})
# Antonymy also opposes adverbs and quantifiers (moins / more, proche / far).
_OPPOSABLE_POS = _JUDGED_POS | {"ADV"}
_QUANTIFIERS = frozenset({"more", "most", "many", "much", "less", "few"})
# English adjectives that work as determiners and render French determiners (aucun, tout,
# même, seul, tel), not content words.
_EN_DETERMINING = frozenset(
    "single whole entire very mere sole certain various several particular same own other "
    "such".split()
)
# Verbs that carry little meaning of their own and are rendered freely.
_EN_LIGHT = frozenset(
    "be have do make take get give go come put set keep let seem become use need want "
    "include provide allow help try begin start continue show find hold bring".split()
)
_FR_LIGHT = frozenset(
    "être avoir faire mettre prendre donner aller venir pouvoir devoir vouloir falloir "
    "sembler devenir rester permettre laisser tenir passer porter rendre trouver "
    "agir arriver savoir".split()  # savoir: ne saurait = cannot
)
# A sentence where this share of reference words is unaccounted for is a paraphrase.
_MIN_COVERAGE = 0.75
# Below this share, even an adjective whose noun's counterpart stands bare is not judged.
_MIN_MODIFIER_COVERAGE = 0.5
_MAX_POSITION_GAP = 0.35
# How many other words may stay unaccounted for on the other side while one word is judged
# missing or added. Measured on development data, any more lets free renderings through.
_MAX_OPEN = 0

# French complex prepositions and adverbial locutions: the nouns and adjectives inside them
# are function words (de la part de = from, à cause de = because of, en effet = indeed).
_FR_LOCUTIONS = re.compile(
    r"(?<!\w)(?:"
    r"(?:de la part|a cause|en raison|au lieu|au sein|a l'egard|au cours|a partir|en face"
    r"|au niveau|en matiere|a la suite|en vue|en fonction|au moyen|en cas|au bout|a l'issue"
    r"|a l'aide|en termes|a l'instar|au profit|en depit|a force|aux depens|a la place"
    r"|au detriment|en train|hors) (?:de|des|du|d')"
    r"|(?:par rapport|grace|quant|face) (?:a|au|aux)|en tant qu(?:e|')"
    r"|de maniere|de facon|a peu pres|en effet|en fait|a long terme|a court terme"
    r"|a moyen terme|tout a fait|de nouveau|a nouveau|en outre|par exemple|en general"
    r"|au moins|du moins|de plus en plus|en particulier|en revanche|en meme temps|a la fois"
    r"|en tout cas|bien entendu|tout de meme|d'ailleurs|sur place|a l'heure actuelle"
    r"|de toute facon|avoir lieu"
    r")(?:(?<=')|(?!\w))"
)


def _in_locution(word: Token, text: str) -> bool:
    """Whether a French word stands inside a complex preposition or adverbial locution."""
    return any(
        match.start() <= word.start < match.end()
        for match in _FR_LOCUTIONS.finditer(fold_keep_length(text))
    )


_FR_NEGATION = re.compile(
    r"(?<![\w-])(?:ne|n')\s*(?:[\w'-]+\s+){0,4}?(?:pas|plus|jamais|rien|aucune?)(?![\w-])"
    r"|(?<![\w-])(?:sans|aucune?|jamais)(?![\w-])"
)
_EN_NEGATION = re.compile(r"(?<![\w-])(?:not|never|no|without|none)(?![\w-])|n't(?![\w-])")


def _negation_count(text: str, language: str) -> int:
    pattern = _FR_NEGATION if language == "fr" else _EN_NEGATION
    return len(pattern.findall(fold_keep_length(text)))


def _ordinary(
    word: Token, sentence: Sequence[Token], language: str, light: Collection[str],
    function_words: bool,
) -> bool:
    """Neither tied to a number, nor a stop word (unless ``function_words``), nor a light
    verb, nor a name (or part of one: the entity checks own names)."""
    if _counted(word, sentence):
        return False
    if not function_words and (
        fold(word.text) in stop_words(language) or fold(word.lemma) in stop_words(language)
    ):
        return False
    if word.pos == "VERB" and word.lemma in light:
        return False
    return not (word.text[:1].isupper() and word.start > 0)


def _judged_english(links: PairLinks, index: int, *, function_words: bool = False) -> bool:
    """Whether a reference word is one the checks judge (``function_words``: quantifiers
    and the like too, for antonymy: many / few)."""
    word = links.english[index]
    if function_words:
        if word.pos not in _OPPOSABLE_POS or (
            word.lemma in lexicon.STOP_LEMMAS and word.lemma not in _QUANTIFIERS
        ):
            return False
    elif word.pos not in _JUDGED_POS or word.lemma in lexicon.STOP_LEMMAS:
        return False
    if not function_words and word.lemma.lower() in _EN_DETERMINING:
        return False  # not a single game = aucun match
    if not _ordinary(word, links.english_all, "en", _EN_LIGHT, function_words):
        return False
    net = wordnet_graph()
    return net is not None and net.known(word.lemma)


def _counted(word: Token, sentence: Sequence[Token]) -> bool:
    """A word tied to a number (25 millions de dollars, années 80): the number checks own
    units, amounts and dates."""
    index = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    if index is None:
        return False
    near = [sentence[i] for i in range(index - 3, index + 4) if 0 <= i < len(sentence)]
    children = [i for i, t in enumerate(sentence) if t.head == index and i != index]
    near += [sentence[i] for i in children] + [sentence[word.head]]
    # and the words below its noun complements (un chiffre en hausse de 14 %), not below
    # its subject (deux prévenus ont été condamnés)
    complements = {i for i in children if sentence[i].dep.startswith("nmod")}
    near += [t for t in sentence if t.head in complements]
    return any(
        t.pos == "NUM" or t.text in _NUMBER_SIGNS or any(c.isdigit() for c in t.text)
        for t in near
    )


_NUMBER_SIGNS = frozenset("% € $ £ ¥".split())


def _in_compound(word: Token, sentence: Sequence[Token]) -> bool:
    """A word of a noun compound (prize money) or of a hyphenated one (mid-September):
    one French word often renders it whole."""
    index = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    if index is None:
        return False
    hyphen = any(
        t.text in ("-", "\u2010", "\u2011") and t.start in (word.end, word.start - 1)
        for t in sentence
    )
    return hyphen or word.dep == "compound" or any(
        t.dep == "compound" and t.head == index for t in sentence
    )


def _judged_french(links: PairLinks, index: int, *, function_words: bool = False) -> bool:
    word = links.french[index]
    pos = _OPPOSABLE_POS if function_words else _JUDGED_POS
    if word.pos not in pos or not links.senses[index] or len(word.text) < 3:
        return False
    if not function_words and _in_locution(word, links.mt_text):
        return False  # au lieu de, en effet; an antonym may still invert au moins
    if not function_words and "-" in word.text.strip("-"):
        return False  # a compound the dictionary lacks (quasi-totalité, bien-être)
    return _ordinary(word, links.french_all, "fr", _FR_LIGHT, function_words)


def _absorbed(links: PairLinks, french: int) -> bool:
    """A French word that the reference renders together with the words around it:

    - the noun of a light-verb phrase (prendre en charge, avoir lieu, mettre en place);
    - a noun and its complement that the reference renders by one word (salle d'audience /
      courtroom, habitants du village / villagers);
    - a noun whose modifier the reference renders as an adverb (à l'échelle mondiale /
      world-wide, de manière rapide / quickly)."""
    sentence = links.french_all
    at = next((i for i, t in enumerate(sentence) if t.start == links.french[french].start), None)
    if at is None:
        return False
    head = sentence[sentence[at].head] if 0 <= sentence[at].head < len(sentence) else None
    if (
        head is not None and head.lemma in _FR_LIGHT and sentence[at].pos == "NOUN"
        and sentence[at].dep.split(":")[0] in ("obj", "obl")
    ):
        return True
    # N de N folded into one reference word: the head means something more general than
    # it (salle d'audience / courtroom), or the complement something it derives from
    # (habitants du village / villagers).
    complements = {
        t.start for t in sentence if t.head == at and t.dep == "nmod" and t.pos == "NOUN"
    }
    for f, token in enumerate(links.french):
        if (
            head is not None and token.start == head.start and head.pos == "NOUN"
            and sentence[at].dep == "nmod"
            and any(link.how == "hypernym" for link in links.of_french(f))
        ) or (
            token.start in complements
            and any(link.how in ("derivation", "similar") for link in links.of_french(f))
        ):
            return True
    modifiers = {t.start for t in sentence if t.head == at and t.pos in ("ADJ", "VERB")}
    for f, token in enumerate(links.french):
        if token.start in modifiers:
            for e in links.counterparts_of_french(f):
                word = links.english[e]
                if word.pos == "ADV" or word.dep in ("advmod", "npadvmod"):
                    return True
    return False


def _french_anywhere(word: Token, mt_text: str, french: Sequence[Token]) -> bool:
    """The English word also stands in the French (a loanword, a name) or looks like a
    French word of any part of speech."""
    if re.search(rf"(?<!\w){re.escape(fold(word.text))}(?!\w)", fold(mt_text)):
        return True
    return any(wordlink.cognates(f, word) for f in french)


def _omissions(pair: Pair, links: PairLinks) -> list[int]:
    english = range(len(links.english))
    judged = [e for e in english if _judged_english(links, e)]
    if not judged:
        return []
    coverage = sum(1 for e in english if wordplace.accounted_english(links, e)) / len(links.english)
    if coverage < _MIN_MODIFIER_COVERAGE:
        return []
    open_french = [
        f for f in range(len(links.french))
        if _judged_french(links, f) and not wordplace.accounted_french(links, f)
    ]
    # Position alone is trusted only in a sentence whose words are all accounted for;
    # syntax (the noun an adjective modifies has a bare counterpart) also in a freer one.
    by_position = coverage >= _MIN_COVERAGE and len(open_french) <= _MAX_OPEN
    french_all = wordlink.content_tokens_all(pair.mt_text)
    candidates = [
        e for e in judged
        if not links.of_english(e)
        and not _in_compound(links.english[e], links.english_all)
        and e not in links.covered_by_bt
        and not _french_anywhere(links.english[e], pair.mt_text, french_all)
        and (
            wordplace.modifier_slot_is_empty(links, e)
            or by_position and wordplace.slot_is_empty(
                links.english, e, links.counterparts_of_english, links.french,
                pair.mt_text, "fr", pair.ref_text, wordplace.taken_french(links))
        )
    ]
    return candidates if len(candidates) == 1 else []


def _additions(pair: Pair, links: PairLinks) -> list[tuple[int, dict[str, list[Token]]]]:
    if not links.english or not links.bt_tokens:
        return []
    english = range(len(links.english))
    coverage = sum(1 for e in english if wordplace.accounted_english(links, e)) / len(links.english)
    if coverage < _MIN_COVERAGE:
        return []  # many reference words are unaccounted for: a rewording
    candidates = []
    for f in range(len(links.french)):
        if not _judged_french(links, f) or wordplace.accounted_french(links, f):
            continue
        traced = wordplace.traced(links, f)
        if not any(traced.values()):
            continue  # no back-translation shows the word: one witness only
        if _absorbed(links, f):
            continue
        ref_lemmas = {t.lemma for t in links.english} | {
            t.lemma for t in lexicon.parse(pair.ref_text, "en")
        }
        if any(t.lemma in ref_lemmas for words in traced.values() for t in words):
            continue
        if not wordplace.slot_is_empty(links.french, f, links.counterparts_of_french, links.english,
                              pair.ref_text, "en", pair.mt_text, wordplace.taken_english(links, f)):
            continue
        candidates.append((f, traced))
    if len(candidates) == 1:
        return candidates
    # Several added words are one error when they are one phrase (un individu adulte) or
    # one word repeated; anything else is a rewording.
    if candidates and (
        len({fold(links.french[f].lemma) for f, _ in candidates}) == 1
        or _one_phrase(links, [f for f, _ in candidates])
    ):
        return candidates
    return []


def _one_phrase(links: PairLinks, indexes: Sequence[int]) -> bool:
    """Whether French words stand together, only function words between them."""
    starts = sorted(links.french[i].start for i in indexes)
    if len(starts) > 3:
        return False
    inside = [t for t in links.french_all if starts[0] < t.start < starts[-1]]
    return all(t.start in starts or t.pos not in wordplace.FILLING for t in inside)


def _substitutions(pair: Pair, links: PairLinks) -> list[tuple[int, int, str, str]]:
    """(French, English, relation, sense) where a reference word that nothing means faces a
    French word, in its place, related to it by antonymy, hypernymy or hyponymy only."""
    found = []
    for link in links.links:
        if link.how not in ("hypernym", "hyponym", "antonym"):
            continue
        e, f = link.english, link.french
        if not _judged_english(links, e, function_words=link.how == "antonym"):
            continue
        if not _judged_french(links, f, function_words=link.how == "antonym"):
            continue
        if links.meaning_linked_english(e) or e in links.covered_by_bt:
            continue
        if links.meaning_linked_french(f):
            continue
        gap = abs(wordplace.relative(links.english[e], links.english) - wordplace.relative(
            links.french[f], links.french))
        if gap > _MAX_POSITION_GAP:
            continue
        found.append((f, e, link.how, link.via))
    return found


def _single_substitution(links: PairLinks, f: int, e: int) -> bool:
    """Whether the two words are the only ones unaccounted for on each side."""
    open_english = [
        i for i in range(len(links.english))
        if _judged_english(links, i) and not links.meaning_linked_english(i)
        and i not in links.covered_by_bt
    ]
    open_french = [
        i for i in range(len(links.french))
        if _judged_french(links, i) and not links.meaning_linked_french(i)
    ]
    return open_english == [e] and open_french == [f]


def _grouped(
    links: PairLinks, added: list[tuple[int, dict[str, list[Token]]]]
) -> list[list[tuple[int, dict[str, list[Token]]]]]:
    """Added words, those of one phrase together (a repeated word stays one per place)."""
    if len(added) > 1 and len({fold(links.french[f].lemma) for f, _ in added}) > 1:
        return [sorted(added, key=lambda a: a[0])]
    return [[a] for a in added]


def _bt_word(traced: dict[str, list[Token]]) -> tuple[str | None, list[str]]:
    engines = [engine for engine, words in traced.items() if words]
    first = next((words[0].text for words in traced.values() if words), None)
    return first, engines


def check(result: DocumentResult, ctx: CheckContext) -> list[Finding]:
    """Single-word omissions, additions, antonyms and hypernyms in aligned pairs."""
    pairs = [p for p in result.pairs if p.aligned]
    if not pairs or wordnet_graph() is None or not lexicon.dictionary().available:
        return []
    wordlink.prefetch([p.mt_text for p in pairs], [p.ref_text for p in pairs])
    found: list[Finding] = []
    for pair in pairs:
        bts = {e: pair.bt[e] for e in ctx.engines if e in pair.bt}
        links = wordlink.link_pair(pair.mt_text, pair.ref_text, bts)
        if not links.french or not links.english:
            continue
        for e in _omissions(pair, links):
            word = links.english[e]
            found.append(finding(
                result, pair, kind="omission", severity="major", detector=DETECTOR,
                message=f"'{word.text}' of the reference has no counterpart in the MT "
                "nor in any back-translation",
                ref_span=pair.ref_text[word.start:word.end],
                engines=list(bts),
                evidence={"check": "word_omission", "pos": word.pos,
                          "reference_word_in_french": sorted(
                              wordlink.english_senses([word])[0])},
            ))
        for group in _grouped(links, _additions(pair, links)):
            first, last = links.french[group[0][0]], links.french[group[-1][0]]
            senses = sorted(set().union(*(links.senses[f] for f, _ in group)))
            traced = {e: [t for _, tr in group for t in tr.get(e, [])] for e in bts}
            bt_span, engines = _bt_word(traced)
            span = pair.mt_text[first.start:last.end]
            found.append(finding(
                result, pair, kind="addition", severity="major", detector=DETECTOR,
                message=f"'{span}' (\u2248 {', '.join(senses[:3])}) "
                "has no counterpart in the reference",
                mt_span=span, bt_span=bt_span, engines=engines,
                evidence={"check": "word_addition", "pos": first.pos,
                          "french_senses": senses},
            ))
        inverted = _negation_count(pair.mt_text, "fr") != _negation_count(pair.ref_text, "en")
        for f, e, how, sense in _substitutions(pair, links):
            french, english = links.french[f], links.english[e]
            if how == "antonym":
                if inverted:
                    continue  # a negation on one side may cancel the opposite
                found.append(finding(
                    result, pair, kind="meaning_inversion", severity="critical",
                    detector=DETECTOR,
                    message=f"'{french.text}' means '{sense}', the opposite of the "
                    f"reference's '{english.text}'",
                    mt_span=pair.mt_text[french.start:french.end],
                    ref_span=pair.ref_text[english.start:english.end],
                    engines=list(bts),
                    evidence={"check": "antonym", "relation": "antonym",
                              "french_sense": sense, "source": "WordNet"},
                ))
            else:
                # A translator generalises a word routinely (discussions for talks); a
                # French noun more specific than the reference's, as the one difference of
                # an otherwise matching sentence, says something the reference does not.
                if how != "hyponym" or not (
                    french.pos == english.pos == "NOUN" and _single_substitution(links, f, e)
                ):
                    continue
                relation = "more general" if how == "hypernym" else "more specific"
                found.append(finding(
                    result, pair, kind="odd_rendering", severity="major", detector=DETECTOR,
                    message=f"'{french.text}' means '{sense}', {relation} than the "
                    f"reference's '{english.text}'",
                    mt_span=pair.mt_text[french.start:french.end],
                    ref_span=pair.ref_text[english.start:english.end],
                    engines=list(bts),
                    evidence={"level": "sense", "check": how, "relation": how,
                              "french_sense": sense, "source": "WordNet"},
                ))
    return found
