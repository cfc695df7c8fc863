"""Synonym groups turned into one searchable word each, for pages and queries alike.

Meilisearch ranks a page found through a synonym like one found with a typo, below every
page that holds the literal word: "cantine" brought the news that mention a canteen before
the "Restauration scolaire" page. So each group of the editors' vocabulary gets a word of
its own (its token), written into a page's stems after every term of the group that the page
holds, and a query's terms are replaced by the tokens of their groups. A page that says
"restauration scolaire" and one that says "cantine" then match "cantine" with the same exact
word, and the title, proximity and page-type rules decide between them.

Pages keep their literal stems, so a typo or a word that is in no group still finds them.
When editors change a group, the language's pages are indexed again (search.tasks); until
then Meilisearch's own synonyms send each token to the terms of its group.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from core.cached import SYNONYM_GROUPS, remembered

from . import engine
from .language import stems, words

# Tokens are fixed-length letter strings that no language writes, so that neither a prefix
# search nor a typo can turn one into another or into a real word.
TOKEN_PREFIX = "qz"
_TOKEN_LETTERS = 10


def group_token(term_stems: list[str]) -> str:
    """The token of a group, from the stems of its terms: the same group always gets the
    same token, in every process."""
    digest = hashlib.sha256("\n".join(sorted(term_stems)).encode()).digest()
    return TOKEN_PREFIX + "".join(chr(ord("a") + byte % 26) for byte in digest[:_TOKEN_LETTERS])


@dataclass(frozen=True)
class Vocabulary:
    """The terms of a language's groups, as stem sequences, and the tokens they stand for."""

    tokens: dict[tuple[str, ...], tuple[str, ...]]  # a term's stems -> its groups' tokens
    lengths: dict[str, tuple[int, ...]]  # a first stem -> the term lengths, longest first
    terms: dict[str, list[str]]  # a token -> its group's terms, as stems and as written

    def annotated(self, words: list[str]) -> list[str]:
        """A page's stems with the token of each term they hold after its last word; terms
        may overlap ("repas scolaire" holds "repas" too)."""
        after: dict[int, list[str]] = {}
        for start, word in enumerate(words):
            for length in self.lengths.get(word, ()):
                span = tuple(words[start : start + length])
                for token in self.tokens.get(span, ()):
                    after.setdefault(start + length - 1, []).append(token)
        annotated: list[str] = []
        for position, word in enumerate(words):
            annotated.append(word)
            annotated.extend(dict.fromkeys(after.get(position, ())))
        return annotated

    def replaced(self, words: list[str]) -> list[str]:
        """A query's stems with each term, the longest first, replaced by its tokens; the
        tokens come first, as the words kept longest (engine.matching_strategy)."""
        replaced: list[str] = []
        start = 0
        while start < len(words):
            for length in self.lengths.get(words[start], ()):
                tokens = self.tokens.get(tuple(words[start : start + length]))
                if tokens:
                    replaced.extend(tokens)
                    start += length
                    break
            else:
                replaced.append(words[start])
                start += 1
        unique = list(dict.fromkeys(replaced))
        tokens = [word for word in unique if word.startswith(TOKEN_PREFIX)]
        return tokens + [word for word in unique if not word.startswith(TOKEN_PREFIX)]


@lru_cache(maxsize=16)
def _build(groups: tuple[tuple[str, ...], ...], language_code: str) -> Vocabulary:
    tokens: dict[tuple[str, ...], list[str]] = {}
    terms: dict[str, list[str]] = {}
    for group in groups:
        term_stems = list(dict.fromkeys(filter(None, (stems(t, language_code) for t in group))))
        if len(term_stems) < 2:
            continue
        token = group_token(term_stems)
        # The terms as written (folded) too: Meilisearch highlights the words of a page's
        # text that a query's token stands for, and a stem is seldom a whole word.
        written = (" ".join(words(term)) for term in group)
        terms[token] = list(dict.fromkeys([*term_stems, *filter(None, written)]))
        for term in term_stems:
            tokens.setdefault(tuple(term.split()), []).append(token)
    lengths: dict[str, set[int]] = {}
    for span in tokens:
        lengths.setdefault(span[0], set()).add(len(span))
    return Vocabulary(
        tokens={span: tuple(dict.fromkeys(found)) for span, found in tokens.items()},
        lengths={first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()},
        terms=terms,
    )


def groups_of(language_code: str) -> list[list[str]]:
    """The terms of each of the editors' synonym groups of a language (cached until a group
    changes)."""
    from .models import SynonymGroup

    return remembered(
        SYNONYM_GROUPS,
        lambda: [
            group.term_list for group in SynonymGroup.objects.filter(language_code=language_code)
        ],
        language_code,
    )


def vocabulary(language_code: str) -> Vocabulary:
    """The current vocabulary of a language."""
    groups = tuple(tuple(group) for group in groups_of(language_code))
    return _build(groups, language_code)


def query_stems(query: str, language_code: str) -> str:
    """What a query is searched as: its stems, each term of a group replaced by the group's
    token ("" when the query holds only stop words)."""
    words = stems(query, language_code).split()
    return " ".join(vocabulary(language_code).replaced(words))


def query_params(query: str, language_code: str) -> tuple[str, str]:
    """A query as sent to the engine, and the matching strategy it is sent with."""
    sent = query_stems(query, language_code)
    return sent, engine.matching_strategy(sent, TOKEN_PREFIX)
