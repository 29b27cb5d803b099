"""Language resources the detectors share, below them: text folding and words
(``text``), spaCy parses (``parse``), the tenses read off them (``tenses``) and the words an
English sentence's grammar shows missing (``gaps``), WordNet
(``wordnet``, word senses in ``senses``), numbers in words (``numerals``) and the
quantities read from a sentence (``quantities``), Apertium's dictionaries (``apertium``),
FreeDict's (``freedict``) and the lexicon files of ``configs/`` (``lexicons``).

Nothing here imports from ``mtqa.checks``; everything is loaded on first use, so importing
this package loads nothing.
"""
