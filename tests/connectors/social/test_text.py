"""Post texts counted as each network counts them, and fitted to its limit."""

import string
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from connectors.social.base import URL_PATTERN
from connectors.social.text import (
    ELLIPSIS,
    RULES,
    fit,
    fits,
    graphemes,
    hashtag,
    length,
    limit,
    one_line,
    summary,
)

NETWORKS = ["x", "facebook", "linkedin", "mastodon", "bluesky"]
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # 👨‍👩‍👧‍👦
LONG_LINK = "https://www.ville-exemple.fr/fr/actualites/2025/fete-de-la-musique/"
PAGE = "https://ville-exemple.fr/agenda/"

# --- How each network counts --------------------------------------------------------------


def test_x_counts_a_long_link_as_23():
    assert len(LONG_LINK) > 60
    assert length("x", f"Programme : {LONG_LINK}") == len("Programme : ") + 23


def test_x_counts_a_short_link_as_23_too():
    assert length("x", "https://ville.fr") == 23


def test_x_weighs_accented_letters_1_and_emoji_2():
    assert length("x", "été") == 3
    assert length("x", "😀") == 2
    assert length("x", "市") == 2  # a CJK character weighs 2
    assert length("x", "…") == 2  # U+2026 is outside X's light ranges


@pytest.mark.parametrize(
    "emoji",
    [
        FAMILY,
        "👍🏽",
        "🇫🇷",
        "🏳️‍🌈",
        "1️⃣",
        "👩🏾‍💻",
        "❤️",
        "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    ],
)
def test_x_counts_any_emoji_sequence_2(emoji):
    assert length("x", emoji) == 2
    assert length("x", emoji * 3) == 6


def test_a_family_counts_2_on_x_and_1_grapheme_on_bluesky_and_mastodon():
    assert length("x", FAMILY) == 2
    assert length("bluesky", FAMILY) == 1
    assert length("mastodon", FAMILY) == 1
    assert length("facebook", FAMILY) == 11  # UTF-16 units: 4 emoji of 2, 3 joiners


def test_x_counts_after_nfc():
    assert length("x", "e\u0301te\u0301") == 3


def test_x_counts_a_host_name_without_scheme_as_a_possible_link():
    # X links "mairie.fr": counting 23 instead of 9 keeps the count on the safe side.
    assert length("x", "mairie.fr") == 23
    assert length("x", "Voir mairie.fr/agenda") == 5 + 23


def test_x_counts_in_full_a_link_it_may_not_make():
    unknown_tld = "https://ville.invalid/" + "a" * 40
    glued = "Voirhttps://ville.fr/" + "a" * 40  # X links nothing right after a letter
    assert length("x", unknown_tld) == len(unknown_tld)
    assert length("x", glued) == len(glued)


def test_mastodon_counts_graphemes_and_links_as_23():
    assert length("mastodon", f"Fête 🇫🇷 {LONG_LINK}") == len("Fête 🇫🇷 ") - 1 + 23


def test_bluesky_counts_links_in_full_and_checks_bytes():
    assert length("bluesky", LONG_LINK) == len(LONG_LINK)
    assert fits("bluesky", "é" * 300)
    assert not fits("bluesky", "é" * 301)
    assert length("bluesky", FAMILY * 200) == 200
    assert not fits("bluesky", FAMILY * 200)  # 5000 UTF-8 bytes, over 3000


def test_linkedin_counts_characters_escaped():
    assert length("linkedin", "(Sport) #Vie") == len(r"\(Sport\) \#Vie")
    assert fits("linkedin", "a" * 3000)
    assert not fits("linkedin", "a" * 2999 + "#")


def test_limits():
    assert [limit(network) for network in NETWORKS] == [280, 63_206, 3000, 500, 300]
    assert set(RULES) == set(NETWORKS)


def test_an_unknown_network_is_an_error():
    with pytest.raises(ValueError, match="myspace"):
        length("myspace", "Bonjour")


@given(st.text(alphabet=string.ascii_letters + " ,;!?'éèàçœÉ", max_size=400))
@settings(max_examples=50, deadline=None)
def test_plain_french_text_counts_its_letters_everywhere(text):
    for network in ("x", "mastodon", "bluesky", "facebook"):
        assert length(network, text) == len(text)


# --- Hashtags -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("Vie associative", "#VieAssociative"),
        ("écoles", "#Écoles"),
        ("Sport & loisirs", "#SportLoisirs"),
        ("Fête de l'été", "#FêteDeLÉté"),
        ("  Conseil   municipal 2025 ", "#ConseilMunicipal2025"),
        ("e\u0301lections", "#Élections"),
        ("!!!", ""),
        ("", ""),
        ("2025", ""),
    ],
)
def test_hashtag(name, tag):
    assert hashtag(name) == tag


# --- Summaries ----------------------------------------------------------------------------


def test_a_summary_is_title_intro_link_and_hashtags():
    text = summary(
        "mastodon",
        title="Fête de la musique",
        intro="Concerts  sur la place\ndu marché.",
        link=PAGE,
        hashtags=["#Culture", "#Été"],
    )
    assert (
        text == f"Fête de la musique\n\nConcerts sur la place du marché.\n\n{PAGE}\n\n#Culture #Été"
    )


def test_an_empty_intro_leaves_no_empty_paragraph():
    assert summary("x", title="Travaux", intro=" ", link=PAGE) == f"Travaux\n\n{PAGE}"


def test_hashtags_go_first_from_the_last():
    intro = "mot " * 61  # "Titre", intro, link: 5 + 2 + 243 + 2 + 23 = 275 on X; "#Un" takes 5
    text = summary("x", title="Titre", intro=intro, link=PAGE, hashtags=["#Un", "#Deux"])
    assert text.endswith(f"{PAGE}\n\n#Un")
    assert intro.strip() in text


def test_then_the_intro_is_cut_at_a_word_boundary():
    intro = "Le conseil municipal se réunira " * 20
    text = summary("x", title="Conseil", intro=intro, link=PAGE, hashtags=["#Un"])
    title, cut, link = text.split("\n\n")
    assert (title, link) == ("Conseil", PAGE)
    assert cut.endswith(ELLIPSIS) and intro.startswith(cut[:-1]) and intro[len(cut) - 1] == " "
    assert length("x", text) > 270


def test_an_intro_with_less_than_three_words_left_is_dropped():
    title = "Titre " * 40  # 239 on X, with the link 264: room for "Un deux…" only
    text = summary("x", title=title, intro="Un deux trois quatre cinq", link=PAGE)
    assert text == f"{title.strip()}\n\n{PAGE}"


def test_then_the_title_is_cut():
    title = "Très long titre " * 30
    text = summary("x", title=title, intro="Une introduction", link=PAGE)
    cut, link = text.split("\n\n")
    assert link == PAGE and cut.endswith(ELLIPSIS) and title.startswith(cut[:-1])


def test_the_link_is_never_cut():
    link = "https://ville-exemple.fr/" + "a" * 300
    with pytest.raises(ValueError, match="too long"):
        summary("bluesky", title="Titre", intro="", link=link)
    assert summary("x", title="Titre", intro="", link=link) == f"Titre\n\n{link}"


def test_facebook_cuts_only_past_63206_characters():
    intro = "Compte rendu " * 6000
    text = summary("facebook", title="Conseil", intro=intro, link=PAGE)
    assert 63_000 < length("facebook", text) <= 63_206 and text.endswith(f"{ELLIPSIS}\n\n{PAGE}")


# --- An editor's own text -----------------------------------------------------------------


def test_fit_leaves_a_text_that_fits_alone():
    text = "Bonjour 👋\n\nÀ demain !"
    assert fit("bluesky", text) == text


def test_fit_cuts_at_a_word_boundary():
    assert fit("x", "mot " * 100) == "mot " * 68 + "mot…"  # 275 + 2 for "…"


def test_fit_cuts_before_a_link_rather_than_inside_it():
    link = "https://ville-exemple.fr/" + "a" * 100
    assert fit("bluesky", "Voir " + "x" * 250 + " " + link) == "Voir " + "x" * 250 + ELLIPSIS
    assert fit("bluesky", "x" * 250 + link) == "x" * 250 + ELLIPSIS


def test_fit_sets_the_ellipsis_apart_after_a_link():
    text = "x " * 120 + f"Voir {LONG_LINK} anticonstitutionnellement " * 3
    assert fit("x", text) == "x " * 120 + f"Voir {LONG_LINK} {ELLIPSIS}"


def test_fit_cuts_a_single_long_word_between_graphemes():
    assert fit("x", "😀" * 200) == "😀" * 139 + ELLIPSIS
    assert fit("mastodon", FAMILY * 600) == FAMILY * 499 + ELLIPSIS


def test_fit_never_glues_the_ellipsis_to_the_last_cluster():
    # U+0600 (a "prepended" mark) joins the character after it into one grapheme cluster:
    # "\u0600…" would be a cluster that the text never had.
    text = "a" * 10 + "\u0600\n" + "b" * 300
    cut = fit("x", text)
    assert graphemes(cut)[-1] == ELLIPSIS
    assert cut.startswith("a" * 10 + "\u0600\nb")


# --- Properties ---------------------------------------------------------------------------

PLAIN_WORDS = st.sampled_from(
    ["la", "mairie", "conseil", "fête", "Noël", "œuvre", "l'école", "«", "»", "—", "…", "!"]
    + ["(info)", "#tag", "@user", "_x_", "a|b", "*", "~", "[1]", "{x}", "<b>", "\\", "10.30"]
    + ["mairie.fr", "M.Dupont", "中文", "ﬁn"]
)
EMOJI = st.sampled_from(
    [FAMILY, "😀", "👍🏽", "👍🏿", "🏳️‍🌈", "🇫🇷", "🇪🇺", "1️⃣", "❤️", "©", "👩🏾‍💻", "🧑‍🤝‍🧑", "☺", "♀️"]
    + ["🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", "🇫🇷🇫", "👍\u200d"]
)
COMBINING = st.builds(
    str.__add__,
    st.sampled_from("aeiouxﬁ 市"),
    st.text(st.characters(categories=["Mn", "Me"]), min_size=1, max_size=4),
)
LINK_HOSTS = ["ville-exemple.fr", "www.mairie.bzh", "saint-étienne.fr", "ville.invalid"]
LINK_PATHS = st.text(alphabet="abcdefé-_/0123456789", max_size=50)
LINKS = st.builds(
    lambda host, path: f"https://{host}/{path}", st.sampled_from(LINK_HOSTS), LINK_PATHS
)
ODD_URLS = st.sampled_from(
    [LONG_LINK, "https://ville.fr/x(y)", "http://localhost:8000/a", "https://ville.fr/a?b=1&c=2"]
    + [
        "https://a.fr/x»suite",
        "https://a.fr/x'https://b.fr",
        "xhttps://ville.fr/a",
        "https://é.fr/",
    ]
    + ["https://ville.fr/" + "a" * 120, "https://ville.fr.", "https://ville.fr+x", "(https://a.fr)"]
)
LONG_WORDS = st.builds(
    str.__mul__,
    st.sampled_from(["a", "é", "#", "😀", "市", FAMILY, "e\u0301"]),
    st.integers(50, 400),
)
# Mostly short words, so that cuts between words are tried often.
WORDS = st.one_of(
    PLAIN_WORDS,
    PLAIN_WORDS,
    PLAIN_WORDS,
    EMOJI,
    COMBINING,
    LINKS,
    ODD_URLS,
    st.text(min_size=1, max_size=20),
    LONG_WORDS,
)
GAPS = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", " \n ", "\u00a0"])
PARAGRAPHS = st.lists(st.tuples(WORDS, GAPS), max_size=60).map(
    lambda pairs: "".join(word + gap for word, gap in pairs)
)
THEMES = st.text(alphabet=string.ascii_letters + string.digits + " -'éèàÉçœ&", max_size=30)


def urls(text):
    """The links URL_PATTERN sees in the text."""
    return set(URL_PATTERN.findall(text))


def assert_cut_of(cut, source, *, at_words):
    """`cut` is `source`, or a prefix of it (ending between grapheme clusters, outside any
    link, at a word boundary when `at_words`) followed by the ellipsis."""
    if cut == source:
        return
    kept = cut.removesuffix(f" {ELLIPSIS}") if cut.endswith(f" {ELLIPSIS}") else cut[:-1]
    assert cut.endswith(ELLIPSIS) and kept and source.startswith(kept)
    assert not kept[-1].isspace()
    assert graphemes(kept) == graphemes(source)[: len(graphemes(kept))]
    assert not any(start < len(kept) < end for start, end in links_in(source))
    if at_words:
        assert source[len(kept)].isspace()
    if cut.endswith(f" {ELLIPSIS}"):
        assert any(end == len(kept) for _, end in links_in(source))


def links_in(text):
    """The spans of the links URL_PATTERN sees in the text."""
    return [match.span() for match in URL_PATTERN.finditer(text)]


def assert_graphemes_come_from(text, sources):
    """Every grapheme cluster of `text` but a final ellipsis is one of the sources'."""
    known = {cluster for source in sources for cluster in graphemes(source)}
    for cluster in graphemes(text):
        assert cluster in known | {ELLIPSIS, "\n", " "}, cluster


@pytest.mark.parametrize("network", NETWORKS)
@given(title=PARAGRAPHS, intro=PARAGRAPHS, link=LINKS, themes=st.lists(THEMES, max_size=6))
@settings(max_examples=200, deadline=None)
def test_a_summary_always_fits_and_keeps_its_parts_whole(network, title, intro, link, themes):
    tags = [tag for tag in map(hashtag, themes) if tag]
    text = summary(network, title=title, intro=intro, link=link, hashtags=tags)

    assert fits(network, text)
    paragraphs = text.split("\n\n")
    tags_line = paragraphs.pop() if paragraphs[-1] != link else ""
    assert paragraphs.pop() == link
    assert tags_line in [" ".join(tags[:count]) for count in range(len(tags) + 1)]
    sources = [part for part in (one_line(title), one_line(intro)) if part]
    assert len(paragraphs) <= len(sources)
    for index, (paragraph, source) in enumerate(zip(paragraphs, sources, strict=False)):
        assert_cut_of(paragraph, source, at_words=True)
        if paragraph != source:  # only the last paragraph kept is cut, and it keeps 3 words
            assert index == len(paragraphs) - 1 and not tags_line
            assert len(paragraph.removesuffix(ELLIPSIS).split()) >= 3
    if tags_line:
        assert paragraphs == sources
    assert urls(text) <= urls("\n".join(sources)) | {link}
    assert_graphemes_come_from(text, [*sources, link, *tags])


@pytest.mark.parametrize("network", NETWORKS)
@given(text=st.lists(PARAGRAPHS, min_size=1, max_size=4).map("\n\n".join))
@settings(max_examples=200, deadline=None)
def test_fit_always_fits_and_cuts_cleanly(network, text):
    result = fit(network, text)

    assert fits(network, result)
    source = unicodedata.normalize("NFC", text)
    if result in (text, source, ELLIPSIS):
        return
    assert_cut_of(result, source, at_words=False)
    kept = result.removesuffix(ELLIPSIS).rstrip(" ")
    if not source[len(kept)].isspace():
        # Cut inside the first word: only when no cut between words fits.
        assert not any(char.isspace() for char in kept.lstrip())
    assert urls(result) <= urls(source)
    assert_graphemes_come_from(result, [source])
