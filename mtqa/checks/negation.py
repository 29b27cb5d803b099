"""Negation by scope: which clauses of a sentence are negated, in French and in English.

Owns the reading of polarity that ``meaning`` compares across the two sides. A sentence's
negations are grouped into **units**, one per negated predicate (``ne … jamais rien`` is
one unit; ``I did not go and never called`` is two), each with the kind of clause it sits
in: ``main``, ``sub``, or ``reporting`` (a negated verb of saying that reports a clause);
what a reporting verb reports counts as the main statement, before or after its verb.
Two strengths:

- **strong**: a verb or its argument negated — ``ne … pas/plus/jamais/rien/personne/
  aucun/nullement/point/ni``, colloquial ``pas`` without ``ne``, literary ``ne`` alone
  with *savoir*/*pouvoir*/*oser*; ``not``, ``n't``, ``never``, ``no``, ``none``,
  ``nothing``, ``nobody``, ``neither``/``nor``, ``cannot``.
- **weak**: a negative that a translation may render with or without a verbal negation —
  ``sans`` / ``without``, ``non`` + word, ``ne … guère`` / ``hardly``, ``à peine`` /
  ``barely``, privative adjectives (``unable``, ``unprecedented``, ``hopeless``),
  ``fail to``.

**Implicit negatives** (``threw out``, ``stood firm``, ``have yet to``, ``stay off``;
« a refusé de », « privés de ») are counted with the privative words: they may answer the
other side's negation, unless that side renders the word itself; so are opposites that say a
French negated verb in one word ("failed" = « n'a pas résisté », "broke the law" = « n'a pas
respecté la loi », "ignored"). « ne désemplit pas » (= always full) and « ne se résume pas à »
(= is more than) are litotes; « une faute de » is a noun, not « faute de » (= for lack of).

Forms that look negative and are not are left out on both sides: restrictive
``ne … que`` / ``nothing but`` (= only), ``pas moins de`` / ``no less than`` and the like
(quantities), bounds (``ne … pas avant`` / ``not … until``, ``pas au-dessous de`` / ``not
below``, which a translation may give as "only" or "above"), a superlative's ``jamais``
(``le deuxième plus chaud jamais enregistré``), ``non sans`` / ``not without`` (double
negation), ``non seulement`` / ``not only``, ``sans doute``, ``aucun doute``, ``nul
doute`` / ``no doubt``, expletive ``ne`` (``avant qu'il ne parte``, ``à moins que``,
``de peur que``, comparatives), ``ne cesse de`` (= keeps), ``ne saurait tarder`` (= soon),
``plus que jamais``, ``à jamais`` (= ever, forever), ``non-`` prefixes, ``non`` / ``no``
as a vote's answer (« ont voté non », "a no vote"), and « ne … plus … que » (= now only)
where the English says "only" or "just". « Sans » + a noun that makes an adverb (« sans
encombre » = safely) is a privative word; « faute de » against a noun of lack ("shortage")
is rendered.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from mtqa.checks import lexicon
from mtqa.checks.negation_words import (
    EN_LITOTES,
    EN_WEAK_RENDERED,
    FR_WEAK_RENDERED,
    IMPLICIT,
    LITOTES,
)
from mtqa.language.parse import Token

# --- French -------------------------------------------------------------------------------

_FR_WORDS = r"(?:pas|plus|jamais|rien|personne|aucune?s?|nullement|point|ni|nulle(?:ment)?|nul)"
_FR_STRONG = re.compile(
    r"(?<![\w-])(?:ne(?![\w-])|n')\s*(?:[\w'-]+\s+){0,4}?" + _FR_WORDS + r"(?![\w-])"
    # literary negation without "pas": ne saurait, ne pouvait, n'ose
    r"|(?<![\w-])(?:ne(?![\w-])|n')\s*(?:sa(?:i|u|v)\w*|su[st]?|pou(?:v|rr)\w*|peu[xt]|os\w*)"
    r"(?![\w-])"
    r"|(?<![\w-])(?:jamais|aucune?s?|ni|personne|rien)(?![\w-])"
    r"|(?<![\w-])pas(?![\w-])"
)
_FR_WEAK = re.compile(
    # « faute de remplir » = "because it did not meet"
    r"(?<![\w-])(?:(?:sans|non|a peine)(?![\w-])|faute d(?:e(?![\w-])|'))"
    r"|(?<![\w-])(?:ne(?![\w-])|n')\s*(?:[\w'-]+\s+){0,3}?guere(?![\w-])"
)
_FR_NOT_NEGATION = re.compile(
    r"(?<![\w-])(?:"
    r"sans (?:precedent|doute|cesse|compter|oublier|tarder|delai|exception|faute|plus|parler)"
    r"|(?:aucun|nul|pas de|sans|point de|hors de) doute|(?:ne|n') fait (?:aucun|pas de|nul) doute"
    r"|non seulement|non sans|pas sans|non plus|non loin|non moins|ou non|si non|sinon"
    r"|pas seulement|pas uniquement|d'aucuns"
    # « faute » as a noun with its determiner or adjective (« une double faute de son
    # adversaire », « la faute de l'arbitre »), not the locution « faute de » (= for lack of)
    r"|(?:la|une|des|les|sa|son|ses|leur|leurs|cette|double|grave|grosse|lourde|propre"
    r"|petite|premiere|seule|moindre|nouvelle|simple) faute d(?:e|')"
    # « non » as the answer of a vote or a question, a noun (« le camp du non », « ont voté
    # non »), as "no" in "a no vote"
    r"|(?:le|du|au|un|pour le|voter|vote|votes|votent|votant|dire|dit|disent|repondu) non"
    r"(?!\s+(?:pas|plus|seulement|sans|loin|moins)(?![\w-]))"
    # litotes: a negated negative adjective says the positive (pas rare = common)
    # (with or without "ne": « élevé mais pas déraisonnable », as "not unreasonable")
    r"|(?:(?:ne\s+|n'\s*)(?:[\w'-]+\s+){0,2})?pas\s+(?:(?:si|tres|du tout)\s+)?(?:rare|rares"
    r"|inutiles?|impossibles?|negligeables?|inconnue?s?|inhabituel\w*|anodine?s?"
    r"|inimaginables?|inconcevables?|deraisonnables?|improbables?|inattendue?s?|insignifiante?s?"
    r"|impensables?|sans (?:interet|importance|rappeler|evoquer))"
    # a superlative's "jamais" (= ever): le plus grand jamais vu, le deuxième plus chaud
    # jamais enregistré
    r"|(?:le|la|les|du|des|l')\s*(?:[\w'-]+ ){0,2}?(?:plus|moins|meilleure?s?|pire?s?)"
    r" (?:[\w'-]+ ){0,2}jamais"
    # a bound, not a negation: « ne … pas avant » (= only at, "not until"), « n'est pas
    # descendu au-dessous de 25 » (= stayed above), as "pas moins de"
    r"|(?:ne\s+|n'\s*)(?:[\w'-]+\s+){0,4}?pas\s+(?:[\w'-]+\s+){0,3}?(?:avant|au-dessous"
    r"|en dessous|en-dessous|en deca|sous la barre)"
    r"|pas mal|pas moins (?:de|que|d')|pas plus (?:de|que|d')|pas a pas"
    # (an elided « qu' » takes the next word with it: « ne peut être vendu qu'en ligne »)
    r"|(?:ne\s+|n'\s*)(?:(?!pas|plus|jamais|rien|personne|aucun|nul|guere)[\w'-]+\s+){0,3}"
    r"qu(?:e|'\w*)"
    r"|n'y a (?:plus|pas) qu(?:e|'\w*)|(?:ne\s+|n'\s*)rest\w* plus qu(?:e|'\w*)"
    # "ne cesse de", "n'ont jamais cessé d'y croire" (= keep on), as "never stopped" in English
    r"|(?:ne\s+|n'\s*)(?:\w+ ){0,2}(?:cess\w*|a cesse|avait cesse) d(?:e|'\w+)"
    r"|n'(?:a|avoir|ont) de cesse"
    r"|(?:ne\s+|n'\s*)saurai(?:t|ent) tarder"
    r"|rien que|de rien|ne serait-ce|n'importe|(?:plus|mieux|moins) que jamais"
    r"|(?<![\w'-])a (?:tout )?jamais|si jamais"
    r"|(?:le|la|les|un|une|du|des|ce|mon|ton|son|au|aux|faux|premiers?|quelques|deux|trois"
    r"|grands?|petits?|ses|mes|leurs?) pas"
    # « personne » as a noun (a person) after a determiner or an adjective: la seule personne,
    # une autre personne, toute personne (= anyone), never "nobody"
    r"|(?:la|une|cette|chaque|toute|quelle|sa|ma|ta|notre|votre|leur|seule|meme|autre"
    r"|premiere|derniere|bonne|jeune|vieille|tierce|moindre) personne"
    r")(?![\w-])"
)
_FR_AFFIX = re.compile(
    r"(?<![\w-])(?:in|im|il|ir)[a-z]{2,}(?:ables?|ibles?|iles?|connue?s?|egale?s?|attendue?s?"
    r"|suffisante?s?|justes?|legale?s?|regulier|reguliers|reguliere?s?|dependante?s?|exacte?s?"
    r"|stables?|certaine?s?|complete?s?|efficaces?|humaine?s?)(?![\w-])"
    # « peu » before a word: a weak quantity a translation may give as "not very" (peu
    # crédibles / not very credible), never a negation of its own
    r"|(?<![\w-])peu\s+(?!(?:de|d'|a|apres|avant|pres|a peu|ou)(?![\w-]))[a-z]{4,}(?![\w'-])"
    # « sans » + a noun that makes a positive adverb (sans encombre = safely, sans peine =
    # easily, sans réserve = fully): a translation may say it with or without "without"
    r"|(?<![\w-])sans (?:encombres?|difficultes?|peine|hesit\w*|relache|reserves?|ambages"
    r"|detours?|conteste|equivoque|incidents?|heurts?|accrocs?|faille"
    # (sans gravité = minor, sans danger = safe, sans frais = free of charge; sans
    # équivalent, sans égal, sans pareil = unmatched, more than any other)
    r"|gravite|danger|risques?|frais|equivalent|egale?s?|pareil(?:le)?s?|commune mesure"
    r"|rivale?s?)(?![\w'-])"
    # "non" as a prefix written apart: non gouvernementale, non négligeable
    r"|(?<![\w-])non\s+(?!(?:pour|dans|avec|sans|comme|plus|pas|seulement|loin|moins|dont"
    r"|leurs?|elles?|lui|ceux|celles?|celui|contre|parce|point)(?![\w-]))[a-z]{4,}(?![\w'-])"
)
# An expletive "ne" follows "que" (avant qu'il ne parte, plus grand qu'on ne le croit).
_FR_EXPLETIVE = re.compile(r"(?<![\w-])qu(?:e|')\s*(?:[\w'-]+\s+){0,2}?$")

# --- English ------------------------------------------------------------------------------

_EN_STRONG = re.compile(
    r"(?<![\w-])(?:not|never|no|none|nobody|nothing|neither|nor|cannot|no one|nowhere)(?![\w-])"
    r"|n't(?![\w-])"
)
_EN_WEAK = re.compile(
    r"(?<![\w-])(?:without|hardly|barely|scarcely|unable|fail(?:s|ed|ing)? to|lack(?:s|ed|ing)?"
    # "declined to comment" = « n'a pas souhaité commenter »
    r"|declin(?:e|es|ed|ing) to|refus(?:e|es|ed|ing) to"
    r")(?![\w-])"
)
# Privative words: they may render a French negation ("sans précédent" = "unprecedented")
# but are no negation a reader would miss on their own.
_EN_AFFIX = re.compile(
    r"(?<![\w-])(?:un[a-z]{4,}(?:ed|able|ible|ful|al|ent|ant|ive|ic|ous|y)|[a-z]{3,}less"
    # "non-stop", "non-profit": « sans escale », « à but non lucratif »
    r"|non-[a-z]{3,}"
    # irregular participles: "went unsold" (« n'a pas trouvé preneur »), "unbeaten" (« n'a
    # concédé aucune défaite »), "unpaid", "unseen"
    r"|un(?:sold|paid|beaten|seen|known|won|told|spoken|written|broken|done|bought|caught"
    r"|heard|hurt|shaken|taken|given|driven|chosen|forgotten|read|sung|met))(?![\w-])"
)
_EN_NOT_NEGATION = re.compile(
    r"(?<![\w-])(?:not only|no doubt|nothing but|not least|no sooner|no\.|whether or not"
    r"|if not|or not|not without|no less|no more than|no fewer|not less than|not more than"
    r"|not (?:(?:so|very|at all)\s+)?(?:uncommon|unusual|unlike|unreasonable|unknown|unheard"
    r"|unlikely|unimportant|insignificant|impossible|unthinkable|unexpected|negligible|rare"
    r"|infrequent|without)"
    # a bound, not a negation: "was not noticed until the next day" (= only then), as
    # « ne fut remarqué que le lendemain »; "did not fall below 25C" (= stayed above)
    # (the bound may come after a relative clause: "did not enter the school, which his
    # uncle had founded, until 1862")
    r"|(?:not|n't)\s+(?:[\w'-]+,?\s+){0,12}?(?:until|till|below)|not before"
    # "no" as the answer of a vote, a noun ("a no vote", "the no camp", "voted no"), as
    # « le non »
    r"|(?:a|the|voted?|votes|voting) no(?![\w-])"
    r"(?!\s+(?:one|longer|more|less|fewer|doubt|other|matter|sooner)(?![\w-]))"
    # "said no to the plan", "says no.", not "say no closures are planned"
    r"|(?:said|say|says|saying) no(?=\s*(?:[,.;:!?]|to\b|$))"
    r"|not to mention|none other|unless|under|until|united|universal\w*|unique\w*|union\w*"
    r"|unit\w*|university|universit\w*|uncle|unless|unlike|unlikely|nevertheless|nonetheless"
    r"|regardless|doubtless|unusual|unusually"
    # "has not stopped raining" = keeps raining, as "n'a cessé de pleuvoir"; "did not fail
    # to" = did
    r"|(?:not|never) (?:(?:stop|ceas)\w* (?:\w+ing|to)|fail\w* to))(?![\w-])"
    r"|n't (?:(?:stop|ceas)\w* (?:\w+ing|to)|fail\w* to)(?![\w-])"
)

# Verbs whose negation a translation may move into their complement ("je ne pense pas
# qu'il vienne" = "I think he will not come").
_NEG_RAISING = frozenset(
    "penser croire sembler paraître vouloir falloir estimer supposer imaginer "
    "think believe seem appear want expect suppose imagine likely".split()
)




def _words(text: str) -> list[str]:
    """Folded words, an elided article apart (« l'écart » → l', ecart)."""
    return re.split(r"[\s'’]+", lexicon.fold(text))


_CLITICS = frozenset("se s me m te t nous vous y en le la les l lui leur".split())


# "not far" (= near) is « non loin » or « près »: a negation only where the French says
# « loin » plainly.
_EN_NOT_FAR = re.compile(r"\s+(?:so\s+|too\s+|very\s+)?far(?![\w-])")
_FR_PLAIN_FAR = re.compile(r"(?<![\w-])(?<!non )(?<!pas )(?<!pas si )loin(?![\w-])")


def without_litotes(
    polarity: Polarity, language: str, other_text: str, text: str = ""
) -> Polarity:
    """``polarity`` less the negated litotes verbs that ``other_text`` (the other language)
    does not render, and, in English ``text``, a "not far" the French does not negate."""
    table = LITOTES if language == "fr" else EN_LITOTES
    other = _words(other_text)

    def rendered(lemma: str) -> bool:
        return any(word.startswith(stem) for stem in table[lemma] for word in other)

    def entry(lemma: str) -> str | None:
        """The table's verb for a lemma, or for a conjugated form the parser left as it
        was (« désemplit »): the infinitive's stem, five letters or more, begins it."""
        folded = lexicon.fold(lemma)
        if folded in table or language != "fr":
            return folded if folded in table else None
        return next((verb for verb in table if verb.endswith(("er", "ir"))
                     and len(verb) >= 7 and folded.startswith(verb[:-2])), None)

    def not_far(negation: Negation) -> bool:
        return (language == "en" and bool(_EN_NOT_FAR.match(text, negation.span[1]))
                and not _FR_PLAIN_FAR.search(lexicon.fold(other_text)))

    def litotes(negation: Negation) -> str | None:
        """The litotes verb of a negation: its predicate's lemma, or the verb its « ne »
        stands before (« ne désemplit pas »), should the parse hang it elsewhere."""
        verb = entry(negation.lemma)
        if verb is None and language == "fr" and text:
            inner = _words(text[negation.span[0]:negation.span[1]])
            inner = [w for w in inner[1:] if w and w not in _CLITICS]
            verb = entry(inner[0]) if inner else None
        return verb

    kept = tuple(n for n in polarity.strong
                 if ((verb := litotes(n)) is None or rendered(verb))
                 and not not_far(n))
    return replace(polarity, strong=kept) if len(kept) < len(polarity.strong) else polarity




def without_restrictive(polarity: Polarity, text: str, other_text: str) -> Polarity:
    """``polarity`` (French) less the restrictive « ne … plus … que » (= "now only": « il ne
    reste plus que deux jours », « n'ouvre plus le soir qu'aux abonnés ») where the English
    ``other_text`` says "only", "just" or "merely". Without that word the « que » may open a
    clause the negated verb governs (« il ne croit plus que … » = "no longer believes")."""
    if not any(word in _ONLY for word in _words(other_text)):
        return polarity
    folded = lexicon.fold_keep_length(text)
    kept = tuple(n for n in polarity.strong
                 if not (folded[n.span[0]:n.span[1]].endswith("plus")
                         and _RESTRICTIVE_QUE.match(folded, n.span[1])))
    return replace(polarity, strong=kept) if len(kept) < len(polarity.strong) else polarity


_ONLY = frozenset(("only", "just", "merely", "solely", "mere"))
_RESTRICTIVE_QUE = re.compile(
    r"\s+(?:(?!(?:pas|jamais|rien|personne|aucune?s?|nulle?)(?![\w-]))[\w'-]+\s+){0,4}?"
    r"qu(?:e(?![\w-])|')"
)


def with_implicit(polarity: Polarity, text: str, language: str, other_text: str) -> Polarity:
    """``polarity`` plus the implicit negatives of ``text`` that ``other_text`` (the other
    language) does not render word for word, counted with the privative words."""
    folded = lexicon.fold_keep_length(text)
    other = _words(other_text)
    taken = [*polarity.affix, *polarity.weak, *(n.span for n in polarity.strong)]
    found = []
    for regex, stems in IMPLICIT[language]:
        for match in regex.finditer(folded):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if any(word.startswith(stem) for stem in stems for word in other):
                continue  # the other side has the word itself: it renders nothing else
            found.append((start, end))
    polarity = replace(polarity, implicit=tuple(found)) if found else polarity
    weak = polarity.weak
    if language == "en":
        weak = tuple(
            (start, end) for start, end in weak
            if not any(folded[start:end].startswith(word)
                       and any(w.startswith(stem) for stem in stems for w in other)
                       for word, stems in EN_WEAK_RENDERED.items())
        )
    else:
        weak = tuple(
            (start, end) for start, end in weak
            if not any(folded[start:end].startswith(word)
                       and any(w.startswith(stem) for stem in stems for w in other)
                       for word, stems in FR_WEAK_RENDERED.items())
        )
    if not found and weak == polarity.weak:
        return polarity
    return replace(polarity, weak=weak, affix=tuple(sorted((*polarity.affix, *found))))


@dataclass(frozen=True)
class Negation:
    """One negated predicate: where its words are, and the clause it belongs to."""

    span: tuple[int, int]  # character offsets of the negative words
    predicate: int | None  # token index of the negated predicate, None without a parser
    clause: str  # "main", "sub" or "" without a parser
    lemma: str  # lemma of the predicate ("" without a parser)


@dataclass(frozen=True)
class Polarity:
    """The negations of one sentence, strong and weak."""

    strong: tuple[Negation, ...]
    weak: tuple[tuple[int, int], ...]
    affix: tuple[tuple[int, int], ...] = ()  # impossible, unprecedented, hopeless
    implicit: tuple[tuple[int, int], ...] = ()  # of the affixes, the implicit negatives

    @property
    def any(self) -> bool:
        return bool(self.strong or self.weak)

    def clauses(self) -> Counter[str]:
        return Counter(n.clause for n in self.strong)


def _token_at(tokens: Sequence[Token], start: int, end: int) -> int | None:
    inside = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
    return inside[-1] if inside else None


def _predicate(tokens: Sequence[Token], index: int) -> int:
    """The verb (or the root) a negative word belongs to; in a verbless clause a verb
    governs ("found none of them serious"), that clause's head."""
    current = index
    for _ in range(8):
        token = tokens[current]
        if current != index and (token.pos in ("VERB", "AUX") or token.dep == "ccomp"):
            return current
        if token.head == current or token.dep == "ROOT":
            return current
        current = token.head
    return current


def _marked(tokens: Sequence[Token], predicate: int) -> bool:
    """Whether a subordinating word (that, que, if, because) introduces the predicate."""
    near = {predicate} | {i for i, t in enumerate(tokens)
                          if t.head == predicate and t.dep.startswith("aux")}
    return any(t.dep == "mark" and t.pos == "SCONJ" and t.head in near for t in tokens)


# Reporting verbs: what they report is the sentence's main statement, whichever order the two
# come in (« X, ont assuré les groupes » / "the groups insisted that X"); a negated reporting
# verb is a clause of its own kind, "reporting" (« il n'a pas dit que X » is not "he said
# that not X").
_REPORTING = frozenset(
    # French and English side by side, so that both sides of a pair read alike
    "dire déclarer affirmer ajouter indiquer expliquer souligner préciser annoncer répondre "
    "assurer confier raconter rappeler insister noter avertir prévenir lancer conclure "
    "garantir promettre prétendre soutenir maintenir reconnaître admettre nier démentir "
    "répéter signaler rapporter confirmer écrire estimer juger considérer penser croire "
    "craindre regretter dénoncer "
    "say tell add state note explain announce reply respond insist stress assure warn claim "
    "argue confirm conclude promise maintain contend pretend acknowledge admit deny repeat "
    "report write estimate judge consider think believe feel fear regret denounce "
    # verbs of judging whose object is a small clause ("found neither of them sound")
    "find deem constater "
    "guarantee recall remind".split()
)


def _clause(tokens: Sequence[Token], predicate: int) -> str:
    current = predicate
    for _ in range(8):
        token = tokens[current]
        if token.dep == "ccomp" and token.head != current and (
            tokens[token.head].lemma in _REPORTING or current < token.head
        ):
            # what a reporting verb reports, before or after it, is the sentence's main
            # statement, as it is in « X ne saurait …, a-t-il dit » ("X cannot …, the owner
            # said"; "the groups insisted that no cuts were planned")
            current = token.head
            continue
        if _marked(tokens, current):
            return "sub"
        if token.head == current or token.dep == "ROOT":
            return "main"
        if token.dep not in ("conj", "parataxis", "aux", "aux:tense", "cop", "xcomp"):
            return "sub"
        current = token.head
    return "sub"


Spans = list[tuple[int, int]]


def _spans(text: str, language: str) -> tuple[Spans, Spans, Spans]:
    folded = lexicon.fold_keep_length(text)  # one character out per character in
    strong_re, weak_re, affix_re, not_re = (
        (_FR_STRONG, _FR_WEAK, _FR_AFFIX, _FR_NOT_NEGATION) if language == "fr"
        else (_EN_STRONG, _EN_WEAK, _EN_AFFIX, _EN_NOT_NEGATION)
    )
    excluded = [m.span() for m in not_re.finditer(folded)]

    def kept(start: int, end: int) -> bool:
        return not any(s <= start < e or s < end <= e for s, e in excluded)

    strong = []
    for match in strong_re.finditer(folded):
        start, end = match.span()
        if not kept(start, end):
            continue
        words = folded[start:end]
        if language == "fr" and words.startswith(("ne", "n'")) and not words.endswith(
            ("pas", "plus", "jamais", "rien", "personne", "aucun", "aucune", "aucuns", "aucunes",
             "nullement", "point", "ni", "nul", "nulle")
        ) and _FR_EXPLETIVE.search(folded[max(0, start - 30) : start]):
            continue  # expletive "ne" after "que": avant qu'il ne puisse
        if language == "fr" and folded[max(0, start - 5) : start] == "sans ":
            continue  # "sans rien dire", "sans aucun": the weak "sans" is the negation
        strong.append((start, end))
    if language == "fr":
        # A bare "jamais", "aucun", "pas" or "ni" inside a "ne …" match is the same negation.
        strong = [
            (s, e) for s, e in strong
            if not any(os_ <= s and e <= oe and (os_, oe) != (s, e) for os_, oe in strong)
        ]
        # « aucun homme ne sera … », « personne n'a … »: the subject's negative word and the
        # « ne » of its verb are one negation
        strong = [
            (s, e) for s, e in strong
            if not (folded[s:e].startswith(("ne", "n'")) and any(
                oe <= s and _FR_SUBJECT_NEGATIVE.fullmatch(folded[os_:oe])
                and _FR_SAME_CLAUSE.fullmatch(folded[oe:s]) for os_, oe in strong))
        ]
        # a bare « personne » with no « ne » after it is the noun (par personne, en
        # personne); the pronoun's « ne » before it has made it part of that negation
        strong = [(s, e) for s, e in strong if folded[s:e] != "personne"
                  or _FR_NE_AFTER.match(folded, e)]
    weak = [m.span() for m in weak_re.finditer(folded) if kept(*m.span())
            and not (language == "fr" and _in_name(text, *m.span()))]
    weak = [w for w in weak if not any(s <= w[0] < e for s, e in strong)]
    affix = [m.span() for m in affix_re.finditer(folded) if kept(*m.span())]
    weak = [w for w in weak if not any(s <= w[0] < e for s, e in affix)]
    return strong, weak, affix


_FR_SUBJECT_NEGATIVE = re.compile(r"aucune?s?|nulle?s?|personne|rien")
_FR_NE_AFTER = re.compile(r"(?:[\s,]+[\w-]+){0,5}?[\s,]+(?:ne(?![\w-])|n')")
_FR_SAME_CLAUSE = re.compile(r"(?:\s+[\w'-]+){0,4}\s+")


def _in_name(text: str, start: int, end: int) -> bool:
    """A weak word between two capitalised words is part of a name: Jean sans Terre."""
    before = re.search(r"(\w+)\s+$", text[:start])
    after = re.match(r"\s+(\w+)", text[end:])
    return bool(before and after and before.group(1)[:1].isupper()
                and after.group(1)[:1].isupper())


def polarity(text: str, language: str) -> Polarity:
    """The negations of a sentence, one strong unit per negated predicate."""
    strong_spans, weak, affix = _spans(text, language)
    tokens = lexicon.parse(text, language) if strong_spans else ()
    parsed = bool(tokens) and bool(tokens[0].pos)
    units: dict[int | tuple[int, int], Negation] = {}
    for start, end in strong_spans:
        index = _token_at(tokens, start, end) if parsed else None
        if index is None:
            units[(start, end)] = Negation((start, end), None, "", "")
            continue
        predicate = _predicate(tokens, index)
        if predicate in units:
            first = units[predicate]
            units[predicate] = Negation((first.span[0], max(first.span[1], end)), predicate,
                                        first.clause, first.lemma)
        else:
            clause = _clause(tokens, _contrasted(tokens, predicate, text, start)
                             if language == "en" else predicate)
            if clause == "main" and tokens[predicate].lemma in _REPORTING and any(
                t.head == predicate and t.dep == "ccomp" for t in tokens
            ):
                clause = "reporting"  # a negated verb that reports a clause
            units[predicate] = Negation((start, end), predicate, clause,
                                        tokens[predicate].lemma)
    strong = tuple(sorted(units.values(), key=lambda n: n.span))
    return Polarity(strong, tuple(weak), tuple(affix))


def _contrasted(tokens: Sequence[Token], predicate: int, text: str, start: int) -> int:
    """The word a contrastive "not" sets its words against ("is rebalancing, not
    collapsing", "in May, not June"): a "not" after a comma before words without a subject
    or an auxiliary of their own negates an alternative to that word, in its clause."""
    if not text[:start].rstrip().endswith(","):
        return predicate
    if any(t.head == predicate and t.dep.startswith(("nsubj", "aux", "expl"))
           for t in tokens):
        return predicate
    head = tokens[predicate].head
    if head == predicate:
        return predicate
    # the verb of that word's clause ("is" of "is rebalancing", parsed as a noun)
    return head if tokens[head].pos in ("VERB", "AUX") else _predicate(tokens, head)


@dataclass(frozen=True)
class Disagreement:
    """How the negations of the MT and of the reference differ."""

    how: str  # "count" or "moved"
    mt_span: tuple[int, int] | None
    ref_span: tuple[int, int] | None


def compare(mt: Polarity, ref: Polarity, bt: Sequence[Polarity] = ()) -> Disagreement | None:
    """A negation the two sides do not share, or None.

    Strong units are counted per side; a weak negative (``sans``, ``without``, ``hardly``)
    on the side with fewer strong units may stand for one of them. With equal counts, a
    negation found in a main clause on one side and a subordinate clause on the other is
    reported only when a back-translation places it where the MT does.
    """
    gap = len(ref.strong) - len(mt.strong)
    if not mt.any and not ref.any:
        return None
    if mt.any != ref.any:
        bare = mt if not mt.any else ref
        other = ref if not mt.any else mt
        if not bare.affix and not other.weak and len(other.implicit) >= len(other.strong):
            return None  # a negated implicit negative says the positive: « aucun n'est
            # reparti bredouille » = "all went home with a prize"
        if bare.affix and len(other.strong) + len(other.weak) <= len(bare.affix):
            return None  # "impossible" = "not possible", "sans précédent" = "unprecedented"
        mt_span = (mt.strong[0].span if mt.strong else mt.weak[0]) if mt.any else None
        ref_span = (ref.strong[0].span if ref.strong else ref.weak[0]) if ref.any else None
        return Disagreement("count", mt_span, ref_span)
    if gap > 0 and gap > max(0, len(mt.weak) + len(mt.affix) - len(ref.weak) - len(ref.affix)):
        extra = _unmatched(ref.strong, mt.strong)
        return Disagreement("count", None, extra.span if extra else None)
    if gap < 0 and -gap > max(0, len(ref.weak) + len(ref.affix) - len(mt.weak) - len(mt.affix)):
        extra = _unmatched(mt.strong, ref.strong)
        return Disagreement("count", extra.span if extra else None, None)
    if gap == 0 and mt.strong and mt.clauses() != ref.clauses() and "" not in mt.clauses():
        if any(n.lemma in _NEG_RAISING for n in (*mt.strong, *ref.strong)):
            return None
        if any(b.clauses() == mt.clauses() and len(b.strong) == len(mt.strong) for b in bt):
            moved_mt = _unmatched(mt.strong, ref.strong, by_clause=True)
            moved_ref = _unmatched(ref.strong, mt.strong, by_clause=True)
            if moved_mt and moved_ref and _same_predicate(moved_mt.lemma, moved_ref.lemma):
                return None  # one verb negated on both sides, in clauses built differently
            return Disagreement("moved", moved_mt.span if moved_mt else None,
                                moved_ref.span if moved_ref else None)
    return None


def _same_predicate(french: str, english: str) -> bool:
    """Whether a French and an English predicate are one verb (dictionary or WordNet):
    « pour ne rien gagner » and "and earn nothing" negate the same thing."""
    if not french or not english:
        return False
    folded = lexicon.fold(french)
    if any(folded.startswith(stem) for stem in EN_LITOTES.get(english, ())) or any(
            english.startswith(stem) for stem in LITOTES.get(folded, ())):
        return True  # a litotes verb and its rendering: "ruled out" / « écarté »
    senses = lexicon.dictionary().french_senses([french]).get(french, frozenset())
    if english in senses:
        return True
    net = lexicon.wordnet()
    return net is not None and any(net.synonyms(sense, english, "VERB") for sense in senses)


def _unmatched(more: Sequence[Negation], fewer: Sequence[Negation], *,
               by_clause: bool = False) -> Negation | None:
    """A negation of ``more`` without a counterpart (same clause kind) in ``fewer``."""
    left = Counter(n.clause for n in fewer)
    for negation in more:
        if left[negation.clause] > 0:
            left[negation.clause] -= 1
        else:
            return negation
    return None if by_clause else (more[-1] if more else None)
