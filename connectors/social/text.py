"""Each network's post text, built and counted the way the network counts it.

    summary("x", title=..., intro=..., link=..., hashtags=["#VieAssociative"])
    fit("bluesky", editors_text)
    fits("mastodon", text), length("x", text), limit("linkedin")

Networks count differently (sources: the project's API notes, api-contracts.md 1.4, 2, 3, 4.3
and 5):

- X: 280 weighted characters after NFC normalisation (twitter-text v3 configuration). Code
  points in a few ranges (Latin, accented letters, general punctuation) weigh 1, any other
  weighs 2, any emoji sequence (ZWJ, skin tone, flag, keycap) counts 2, and every link counts 23
  (t.co) whatever its length.
- Mastodon: 500 grapheme clusters, every link counting 23 (the instance default; an instance
  may allow more, `configuration.statuses.max_characters`).
- Bluesky: 300 grapheme clusters and 3000 UTF-8 bytes; links count in full.
- LinkedIn: 3000 characters of the text as sent, that is after `escape_little` (each reserved
  character then costs two). Whether LinkedIn counts the escapes is UNCONFIRMED: counting
  them can only err on the short side.
- Facebook: no limit is documented (UNCONFIRMED); we use the widely reported 63,206.

Our counts must never be below the network's, so wherever we cannot know what the network
does we count the longer way: LinkedIn and Facebook count UTF-16 units (an emoji outside the
BMP counts 2), and on X and Mastodon a link counts 23 only when their link detection surely
sees exactly that link (see `_link_cost`). X also links host names written without a scheme
("mairie.fr"), which URL_PATTERN does not see: on X such a word counts at least 23.

Known gaps, where a network may count more than we do: an emoji ZWJ sequence that X's emoji
list does not know (X then counts its parts), "HTTPS://" written in capitals, a link whose host
name is not ASCII running straight into another address. X also refuses any text holding
U+FEFF, U+FFFE, U+FFFF or U+202A-U+202E, whatever its length: that is not a length matter.

Texts are cut between grapheme clusters (never inside an accented letter built with a
combining mark, a flag or an emoji sequence), preferably between words, and never inside a
link; a cut text ends with "…".
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import regex

from .base import URL_PATTERN, escape_little

ELLIPSIS = "…"
# What X (t.co) and Mastodon count for a link, whatever its length.
LINK_LENGTH = 23
# A shortened title or introduction keeps at least this many words, or is left out: "Le…"
# says nothing.
MIN_WORDS_KEPT = 3

GRAPHEME = regex.compile(r"\X")

# twitter-text v3: code points in these ranges weigh 1, any other 2 (scale 100 = 1 character).
X_LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
# One emoji as UTS #51 builds them: a flag, a keycap, a skin-toned emoji, a pictograph (with
# its emoji variation selector or a subdivision flag's tags), joined by ZWJ into sequences.
# "©" and "®" count 2 here even without a variation selector: X may count them as emoji,
# and 2 is the longer count.
_EMOJI = (
    r"(?:\p{Regional_Indicator}{2}"
    r"|[\#*0-9]\uFE0F?\u20E3"
    r"|\p{Emoji_Modifier_Base}\p{Emoji_Modifier}"
    r"|\p{Extended_Pictographic}(?:\uFE0F|[\U000E0020-\U000E007E]+\U000E007F)?"
    r"|\p{Emoji_Presentation}"
    r"|\p{Emoji_Modifier})"
)
EMOJI_SEQUENCE = regex.compile(rf"{_EMOJI}(?:\u200D{_EMOJI})*")

# Pieces of twitter-text's link rules, kept to ASCII and without the brackets, parentheses and
# quotes whose rules are subtler: a host name label; a path and a query made of characters it
# accepts, ending on one it accepts as a last character.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_PATH = r"/(?:[A-Za-z0-9!*;:=+,.$/%#_~&@-]*[A-Za-z0-9+=_#/-])?"
_QUERY = r"\?[A-Za-z0-9!?*;:&=+$/%#_.,~@-]*[A-Za-z0-9&=_#/-]"
# The part of a URL_PATTERN link that twitter-text (from which Mastodon's link detection
# derives) surely links whole. What follows it is counted as plain text: the longer count if
# the network's link goes further. This finds no link: it reads those URL_PATTERN found.
_SURE_LINK = re.compile(
    rf"https?://(?P<host>{_LABEL}(?:\.{_LABEL})+)(?::[0-9]+)?(?P<path>{_PATH})?(?P<query>{_QUERY})?"
)
# Top-level domains twitter-text knows (it links no other): those a French town's links use.
# A link elsewhere counts the longer of 23 and its own length.
KNOWN_TLDS = frozenset(
    ("fr", "re", "gp", "mq", "gf", "yt", "pm", "nc", "pf", "wf", "eu")
    + ("com", "org", "net", "info", "paris", "bzh", "alsace", "corsica", "be", "ch", "lu", "mc")
)
# twitter-text links nothing right after these characters.
_NO_LINK_AFTER = frozenset(string.ascii_letters + string.digits + "@＠$#＃")
# twitter-text: a host name followed by one of these does not end on a top-level domain.
_HOST_CONTINUES = re.compile(r"[A-Za-z0-9@+-]")
_MAX_LINK_LENGTH = 4096
# X also links host names written without "https://" ("mairie.fr/agenda"), which URL_PATTERN
# leaves out. Whether X links one depends on its list of domains, so such a word counts the
# longer of 23 and its own length ("p.ex" too: counting long is the safe side).
_BARE_HOST = re.compile(
    rf"(?<![A-Za-z0-9@＠$#＃_./-])(?:{_LABEL}\.)+[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:{_PATH})?"
)

# Hashtag words: letters (with their combining marks) and decimal digits.
_HASHTAG_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+")
_LETTER = regex.compile(r"\p{L}")


def graphemes(text: str) -> list[str]:
    """The text's extended grapheme clusters: what a reader sees as one character."""
    return GRAPHEME.findall(text)


def nfc(text: str) -> str:
    """The text in Unicode normalisation form C ("e" + combining acute becomes "é")."""
    return unicodedata.normalize("NFC", text)


def one_line(text: str) -> str:
    """The text in NFC on one line: runs of whitespace (newlines too) become one space."""
    return " ".join(nfc(text).split())


def utf16_length(text: str) -> int:
    """How many UTF-16 code units the text takes (a character outside the BMP takes 2)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def grapheme_length(text: str) -> int:
    """How many grapheme clusters the text has."""
    return len(graphemes(text))


def _x_plain_length(text: str) -> int:
    """X's weight of a text without links: 2 per emoji sequence, 1 or 2 per other code point."""
    total = position = 0
    for match in EMOJI_SEQUENCE.finditer(text):
        total += _x_weight(text[position : match.start()]) + 2
        position = match.end()
    return total + _x_weight(text[position:])


def _x_weight(text: str) -> int:
    """X's weight of these code points, none of them part of an emoji."""
    return sum(
        1 if any(low <= ord(char) <= high for low, high in X_LIGHT_RANGES) else 2 for char in text
    )


def x_length(text: str) -> int:
    """The length X gives the text: weighted, after NFC, links counting 23."""
    return _length_with_links(nfc(text), _x_plain_length, bare_hosts=True)


def mastodon_length(text: str) -> int:
    """The length Mastodon gives the text: grapheme clusters, links counting 23."""
    return _length_with_links(text, grapheme_length, bare_hosts=False)


def linkedin_length(text: str) -> int:
    """The length of the text as the LinkedIn backend sends it: escaped for the "little"
    format, in UTF-16 units. Whether LinkedIn counts the escapes is UNCONFIRMED."""
    return utf16_length(escape_little(text))


def _length_with_links(text: str, plain: Callable[[str], int], *, bare_hosts: bool) -> int:
    """The text's length where links cost `_link_cost` and the rest what `plain` says."""
    total = position = 0
    for start, end in _link_spans(text, bare_hosts=bare_hosts):
        total += plain(text[position:start]) + _link_cost(text, start, end, plain)
        position = end
    return total + plain(text[position:])


def _link_spans(text: str, *, bare_hosts: bool) -> list[tuple[int, int]]:
    """Where the text's links are, in order: URL_PATTERN's, and with `bare_hosts` the host
    names written without a scheme (outside those links)."""
    spans = list(_scheme_link_spans(text))
    if bare_hosts:
        spans += [
            match.span()
            for match in _BARE_HOST.finditer(text)
            if not any(start < match.end() and match.start() < end for start, end in spans)
        ]
    return sorted(spans)


def _scheme_link_spans(text: str) -> Iterator[tuple[int, int]]:
    """URL_PATTERN's links, each reduced to the part the network surely links (what follows
    it counts as plain text, which is the longer count). When no part is sure, the span
    stops before the next "http" inside it, which may start a link of its own."""
    position = 0
    while match := URL_PATTERN.search(text, position):
        start = match.start()
        if sure := _SURE_LINK.match(text, start, match.end()):
            end = sure.end()
        else:
            next_scheme = text.find("http", start + 1, match.end())
            end = match.end() if next_scheme < 0 else next_scheme
        yield start, end
        position = end


def _link_cost(text: str, start: int, end: int, plain: Callable[[str], int]) -> int:
    """What the link text[start:end] counts: 23 when the network surely links exactly it,
    else the longer of 23 and its length as plain text (the network may not link it)."""
    link = text[start:end]
    if _surely_linked(text, start, end):
        return LINK_LENGTH
    return max(LINK_LENGTH, plain(link))


def _surely_linked(text: str, start: int, end: int) -> bool:
    """Whether twitter-text's rules link text[start:end] as one link, with nothing more."""
    sure = _SURE_LINK.fullmatch(text, start, end)
    if not sure or end - start > _MAX_LINK_LENGTH:
        return False
    if start and text[start - 1] in _NO_LINK_AFTER:
        return False
    host_ends_link = sure.group("path") is None and sure.group("query") is None
    if host_ends_link and _HOST_CONTINUES.match(text, end):
        return False
    return sure.group("host").rsplit(".", 1)[-1].lower() in KNOWN_TLDS


@dataclass(frozen=True)
class Rules:
    """How one network measures a post's text, and how much it accepts."""

    limit: int
    length: Callable[[str], int]
    max_bytes: int | None = None  # Bluesky: UTF-8 bytes, checked on top of `limit`

    def fits(self, text: str) -> bool:
        """Whether the network accepts this text's length."""
        if self.max_bytes is not None and len(text.encode("utf-8")) > self.max_bytes:
            return False
        return self.length(text) <= self.limit


RULES: dict[str, Rules] = {
    "x": Rules(limit=280, length=x_length),
    # UNCONFIRMED: Facebook documents no limit for a Page post's message; 63,206 characters
    # is the figure widely reported.
    "facebook": Rules(limit=63_206, length=utf16_length),
    "linkedin": Rules(limit=3000, length=linkedin_length),
    "mastodon": Rules(limit=500, length=mastodon_length),
    "bluesky": Rules(limit=300, length=grapheme_length, max_bytes=3000),
}


def rules(network: str) -> Rules:
    """The rules of this network ("x", "facebook", "linkedin", "mastodon", "bluesky")."""
    try:
        return RULES[network]
    except KeyError:
        raise ValueError(f"Unknown social network {network!r}.") from None


def length(network: str, text: str) -> int:
    """The text's length as this network counts it."""
    return rules(network).length(text)


def limit(network: str) -> int:
    """The longest text this network accepts, in its own count."""
    return rules(network).limit


def fits(network: str, text: str) -> bool:
    """Whether this network accepts the text's length (Bluesky: its bytes too)."""
    return rules(network).fits(text)


def hashtag(name: str) -> str:
    """A theme's name as a hashtag: "Vie associative" gives "#VieAssociative".

    Letters (accented ones too) and digits are kept, each word capitalised (which lets screen
    readers read the words apart), spaces and punctuation dropped. "" when no letter is left:
    networks do not make a hashtag of digits alone."""
    words = _HASHTAG_WORD.findall(nfc(name))
    tag = "".join(word[:1].upper() + word[1:] for word in words)
    return f"#{tag}" if _LETTER.search(tag) else ""


def summary(
    network: str, *, title: str, intro: str, link: str, hashtags: Sequence[str] = ()
) -> str:
    """A page's post for this network: title, introduction, link and hashtags, each its own
    paragraph (the hashtags separated by spaces), fitted to the network's limit.

    Title and introduction are put on one line each, in NFC. When the whole does not fit,
    hashtags go first, from the last; then the introduction is shortened at a word boundary
    (ending with "…") or, when fewer than MIN_WORDS_KEPT words would be left, left out; then
    the title likewise. The link is never cut nor left out: ValueError if it does not fit
    alone."""
    network_rules = rules(network)
    title, intro = one_line(title), one_line(intro)
    tags = [tag for tag in (one_line(tag) for tag in hashtags) if tag]
    for count in range(len(tags), -1, -1):
        text = _paragraphs(title, intro, link, " ".join(tags[:count]))
        if network_rules.fits(text):
            return text
    short_intro = _shortened(intro, lambda cut: network_rules.fits(_paragraphs(title, cut, link)))
    if short_intro:
        return _paragraphs(title, short_intro, link)
    without_intro = _paragraphs(title, link)
    if network_rules.fits(without_intro):
        return without_intro
    short_title = _shortened(title, lambda cut: network_rules.fits(_paragraphs(cut, link)))
    if short_title:
        return _paragraphs(short_title, link)
    if network_rules.fits(link):
        return link
    raise ValueError(f"The link alone is too long for {network}: {link}")


def fit(network: str, text: str) -> str:
    """An editor's own text made to fit this network: unchanged if it fits, else cut (in
    NFC) at the last word boundary that fits and ended with "…".

    Never cut inside a link (the cut falls before it), an emoji sequence or a grapheme
    cluster. When not even the first word fits, the cut falls between grapheme clusters; when
    nothing fits, the text is just "…"."""
    network_rules = rules(network)
    if network_rules.fits(text):
        return text
    text = nfc(text)
    if network_rules.fits(text):
        return text
    for at_words in (True, False):
        cut = _longest_cut(text, _cuts(text, at_words=at_words), network_rules.fits)
        if cut:
            return cut
    return ELLIPSIS


def _paragraphs(*parts: str) -> str:
    """The non-empty parts, separated by blank lines."""
    return "\n\n".join(part for part in parts if part)


def _shortened(paragraph: str, accept: Callable[[str], bool]) -> str:
    """The paragraph cut at the last word boundary that `accept`s it and keeps at least
    MIN_WORDS_KEPT words, or ""."""
    cuts = _cuts(paragraph, at_words=True, min_words=MIN_WORDS_KEPT)
    return _longest_cut(paragraph, cuts, accept)


@dataclass(frozen=True)
class _Cut:
    """A place where a text may be cut: text[:end] is kept and `ending` follows."""

    end: int
    ending: str

    def apply(self, text: str) -> str:
        """The text cut here."""
        return text[: self.end] + self.ending


def _cuts(text: str, *, at_words: bool, min_words: int = 1) -> list[_Cut]:
    """Where the text may be cut, shortest first: before whitespace (at_words) or between any
    two grapheme clusters; never inside a link; dropping the whitespace before the cut; only
    where at least `min_words` words are kept.

    After a link the ellipsis is set apart (" …") so that no network takes it into the link.
    A cut where "…" would merge with the last kept cluster (after a prepended mark) is
    skipped."""
    links = [match.span() for match in URL_PATTERN.finditer(text)]
    inside_links = {offset for start, end in links for offset in range(start + 1, end)}
    link_ends = {end for _, end in links}
    cuts: list[_Cut] = []
    offset = kept_end = words = 0
    last_kept = ""
    after_gap = True
    for cluster in graphemes(text):
        gap = cluster[0].isspace()
        may_cut = (gap or not at_words) and offset not in inside_links and words >= min_words
        if may_cut and kept_end and (not cuts or cuts[-1].end != kept_end):
            ending = f" {ELLIPSIS}" if kept_end in link_ends else ELLIPSIS
            if _joins_cleanly(last_kept, ending):
                cuts.append(_Cut(kept_end, ending))
        if not cluster.isspace():
            if after_gap:
                words += 1
            kept_end, last_kept = offset + len(cluster), cluster
        after_gap = gap
        offset += len(cluster)
    return cuts


def _joins_cleanly(cluster: str, ending: str) -> bool:
    """Whether `ending` written after `cluster` leaves that cluster whole and unchanged."""
    return graphemes(cluster + ending)[0] == cluster


def _longest_cut(text: str, cuts: Sequence[_Cut], accept: Callable[[str], bool]) -> str:
    """The text cut at the longest of `cuts` that `accept`s it, or "" if none does.

    A binary search: a longer cut keeps more words and is never counted shorter."""
    best = ""
    low, high = 0, len(cuts)
    while low < high:
        middle = (low + high) // 2
        candidate = cuts[middle].apply(text)
        if accept(candidate):
            best, low = candidate, middle + 1
        else:
            high = middle
    return best
