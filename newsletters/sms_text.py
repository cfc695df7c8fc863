"""Compose, for SMS: the text that leaves (the editor's text and, unless the message is an
urgent alert, the town's opt-out mention) and what it costs in segments."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from connectors.sms.encoding import TextStats, analyse

from .models import SmsMessage, SmsSettings


def outgoing_text(text: str, *, urgent: bool, stop_mention: str) -> str:
    """The message as recipients receive it: the opt-out mention on its own line at the end
    of every message that is not an urgent alert (the law asks for a free way to object)."""
    # Composed accents: a decomposed "é" would force the whole message into UCS-2. A
    # browser sends a textarea's line breaks as CR LF: a CR would cost one more character.
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").strip())
    if urgent or not stop_mention:
        return text
    return f"{text}\n{unicodedata.normalize('NFC', stop_mention.strip())}"


def text_of(sms: SmsMessage, settings: SmsSettings) -> str:
    return outgoing_text(sms.text, urgent=sms.urgent, stop_mention=settings.stop_mention)


def check_length(stats: TextStats, max_segments: int) -> None:
    """Refuse a message longer than the town allows, saying by how much."""
    if stats.segments > max_segments:
        raise ValidationError(
            ngettext(
                "Le message compte %(segments)d segments (%(encoding)s) : %(max)d au plus est "
                "autorisé. Raccourcissez-le.",
                "Le message compte %(segments)d segments (%(encoding)s) : %(max)d au plus sont "
                "autorisés. Raccourcissez-le.",
                max_segments,
            )
            % {"segments": stats.segments, "encoding": stats.encoding, "max": max_segments},
            code="too_long",
        )


def checked_stats(text: str, settings: SmsSettings) -> TextStats:
    """The outgoing text's figures, refusing an empty or too long message."""
    if not text.strip():
        raise ValidationError(_("Le message est vide."), code="empty")
    stats = analyse(text)
    check_length(stats, settings.max_segments)
    return stats
