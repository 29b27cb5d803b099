"""Language resources the detectors share, below them: text folding and words
(``text``), spaCy parses (``parse``) and the tenses read off them (``tenses``), WordNet
(``wordnet``, word senses in ``senses``), numbers in words (``numerals``), Apertium's
dictionaries (``apertium``) and the lexicon files of ``configs/`` (``lexicons``).

Nothing here imports from ``mtqa.checks``; everything is loaded on first use, so importing
this package loads nothing.
"""
