"""Words reduced to what they mean, the same way for pages and for queries.

Residents conjugate and inflect ("inscrire", "inscrit", "inscriptions"), drop accents and
ask questions; pages use other forms of the same words. Meilisearch does no stemming, so
each page is indexed a second time as stems (search.documents) and each query is searched
as stems (search.service): both go through `stems` here, so a word matches whatever form
either side used. Accents and case are folded before stemming, so that "creche" and
"crèche" give the same stem; stop words are dropped on both sides, so that a multi-word
synonym ("garde d'enfants") and the page text line up word for word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer

from .stopwords import STOP_WORDS

# Snowball algorithm of each content language; other languages are only folded.
ALGORITHMS = {
    "fr": "french",
    "en": "english",
    "nl": "dutch",
    "de": "german",
    "es": "spanish",
    "it": "italian",
}
_WORD = re.compile(r"\w+")
# A letter written twice or more in a row: French residents double or single a letter at
# will ("cantinne", "pasport", "adresse"/"addresse"), so French stems keep it once; digits
# keep theirs. Not in English: there it made "support" one typo from "sport", and a page
# saying "support" outranked the directory for "sports associations" (en-tuning, measured).
_REPEATED_LETTER = re.compile(r"([^\W\d_])\1+")
SINGLE_LETTER_LANGUAGES = frozenset({"fr"})
# Ligatures that NFKD leaves whole but residents type as two letters ("coeur", "oeuvre").
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case without accents or ligatures: "Crèche" and "creche" are one word."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The folded words of a text, apostrophes and hyphens splitting them as Meilisearch
    does ("d'état-civil" is "d", "etat", "civil")."""
    return _WORD.findall(fold(text))


@cache
def _stemmer(language_code: str):
    algorithm = ALGORITHMS.get(language_code)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


@cache
def folded_stop_words(language_code: str) -> frozenset[str]:
    """The language's stop words as `words` sees them (folded)."""
    return frozenset(fold(word) for word in STOP_WORDS.get(language_code, ()))


@lru_cache(maxsize=200_000)
def stem(word: str, language_code: str) -> str:
    """The stem of one folded word; in SINGLE_LETTER_LANGUAGES each run of a repeated letter
    is written once, so that a doubled or missing double letter is no typo ("cantinne" meets
    "cantine", "pasport" is one typo from "passeport"). Cached: a page's vocabulary repeats."""
    stemmer = _stemmer(language_code)
    stemmed = stemmer.stemWord(word) if stemmer else word
    if language_code in SINGLE_LETTER_LANGUAGES:
        return _REPEATED_LETTER.sub(r"\1", stemmed)
    return stemmed


def stems(text: str, language_code: str) -> str:
    """The text as space-separated stems, stop words left out."""
    stop_words = folded_stop_words(language_code)
    return " ".join(stem(word, language_code) for word in words(text) if word not in stop_words)
