"""Stop words per language: words that carry no meaning in a resident's query.

Kept short on purpose: a stop word is ignored both in queries and in pages, so only
articles, prepositions, pronouns and auxiliaries belong here, never a word that could
tell two pages apart ("pas", "sans", "plus" stay searchable).
"""

FRENCH = {
    "a", "à", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de", "des",
    "du", "elle", "en", "est", "et", "il", "ils", "j", "je", "l", "la", "le", "les", "leur",
    "leurs", "lui", "m", "ma", "me", "mes", "moi", "mon", "n", "ne", "nos", "notre", "nous",
    "on", "ou", "où", "par", "pour", "qu", "que", "qui", "s", "sa", "se", "ses", "son", "sur",
    "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y",
    "comment", "quel", "quelle", "quels", "quelles", "faire",
    # Semi-auxiliaries that only carry the intent ("je viens d'emménager", "je dois…").
    "viens", "vais", "dois", "peux", "veux", "voudrais", "souhaite",
}
ENGLISH = {
    "a", "an", "and", "are", "at", "be", "by", "do", "for", "from", "how", "i", "in", "is",
    "it", "my", "of", "on", "or", "the", "to", "what", "where", "with", "you", "your",
}
DUTCH = {
    "aan", "de", "den", "der", "die", "een", "en", "het", "hoe", "ik", "in", "is", "je",
    "met", "mijn", "naar", "of", "om", "op", "te", "van", "voor", "waar", "wat", "ze",
}

STOP_WORDS: dict[str, set[str]] = {"fr": FRENCH, "en": ENGLISH, "nl": DUTCH}
