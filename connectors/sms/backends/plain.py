"""The webhook of the development backends (console, locmem): a plain form or JSON object,
to try the caller's webhook view by hand (curl) or in tests. Not authenticated: the
caller's URL secret is all that protects it.

- A delivery report: `id` (the provider id the backend gave), `status` (delivered, failed
  or sent), optional `reason` and `event_id`.
- A reply: `from` (the resident's number) and `text`.
"""

from __future__ import annotations

from django.http import HttpRequest

from ..base import (
    DELIVERED,
    FAILED,
    SENT,
    Receipt,
    Reply,
    WebhookError,
    is_opt_out,
    to_e164,
    webhook_fields,
)

STATUSES = {DELIVERED, FAILED, SENT}


def parse_plain_webhook(request: HttpRequest) -> list[Receipt | Reply]:
    """The receipt or reply of one call in the plain format; WebhookError if it is neither."""
    fields = webhook_fields(request)
    if "id" in fields and fields.get("status") in STATUSES:
        receipt = Receipt(
            provider_id=str(fields["id"]),
            status=fields["status"],
            reason=str(fields.get("reason", "")),
            event_id=str(fields.get("event_id", "")),
        )
        return [receipt]
    if fields.get("from") and "text" in fields:
        text = str(fields["text"])
        return [
            Reply(from_number=to_e164(str(fields["from"])), text=text, is_opt_out=is_opt_out(text))
        ]
    raise WebhookError("neither a receipt (id, status) nor a reply (from, text)")
