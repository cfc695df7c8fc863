"""Turn the demo content's compact block tuples into StreamField raw data, resolving
internal "/slug/" links to Wagtail page links. Page bodies and newsletters share the
converters: each StreamField keeps the block types it knows."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable

INTERNAL_LINK = re.compile(r'<a href="/([a-z0-9-]+)/?">')


def rich_text(html: str, resolve: Callable[[str], int | None]) -> str:
    """Rewrite `<a href="/slug/">` into a page link when the slug exists."""

    def replace(match: re.Match) -> str:
        page_id = resolve(match.group(1))
        if page_id is None:
            return match.group(0)
        return f'<a linktype="page" id="{page_id}">'

    return INTERNAL_LINK.sub(replace, html)


def _block(block_type: str, value) -> dict:
    # Ids derive from the content so that loading the demo twice gives identical data.
    digest = json.dumps([block_type, value], sort_keys=True)
    return {"type": block_type, "value": value, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, digest))}


def _table(value: dict) -> dict:
    return {
        "caption": value["caption"],
        "table": {
            "columns": [{"type": "text", "heading": heading} for heading in value["headers"]],
            "rows": [{"values": [str(cell) for cell in row]} for row in value["rows"]],
        },
    }


def _image(value: dict, resolve_image: Callable[[str], int]) -> dict:
    return {
        "image": resolve_image(value["image"]),
        "alt_text": value.get("alt_text", ""),
        "decorative": value.get("decorative", False),
    }


def _signup(value: dict, resolve_theme: Callable[[str], int]) -> dict:
    return {
        "heading": value["heading"],
        "intro": value.get("intro", ""),
        "themes": [_block("item", resolve_theme(slug)) for slug in value["themes"]],
    }


def _page_choice(value: dict, resolve: Callable[[str], int | None], **fields) -> dict:
    return {**fields, "page": resolve(value["page"])}


def body_stream(
    blocks: Iterable[tuple],
    resolve: Callable[[str], int | None],
    resolve_image: Callable[[str], int],
    resolve_theme: Callable[[str], int] | None = None,
) -> str:
    """JSON raw data for a BodyBlock or a newsletter's StreamField; `resolve_image` turns the
    key of a demo image (demo.images.DEMO_IMAGES) into the id of its Wagtail image, and
    `resolve_theme` the slug of a theme into its id (for the sign-up block)."""
    raw = []
    for block_type, value in blocks:
        if block_type == "heading":
            raw.append(_block("heading", value))
        elif block_type in ("paragraph", "text"):
            raw.append(_block(block_type, rich_text(value, resolve)))
        elif block_type == "callout":
            raw.append(
                _block(
                    "callout", {"title": value["title"], "text": rich_text(value["text"], resolve)}
                )
            )
        elif block_type == "faq":
            raw.append(
                _block(
                    "faq",
                    [
                        _block(
                            "item",
                            {
                                "question": item["question"],
                                "answer": rich_text(item["answer"], resolve),
                            },
                        )
                        for item in value
                    ],
                )
            )
        elif block_type == "table":
            raw.append(_block("table", _table(value)))
        elif block_type == "image":
            raw.append(_block("image", _image(value, resolve_image)))
        elif block_type == "newsletter_signup" and resolve_theme:
            raw.append(_block(block_type, _signup(value, resolve_theme)))
        elif block_type == "button":
            raw.append(_block(block_type, _page_choice(value, resolve, label=value["label"])))
        elif block_type == "featured_procedure":
            raw.append(_block(block_type, _page_choice(value, resolve, text=value["text"])))
        elif block_type in ("latest_news", "upcoming_events"):
            raw.append(_block(block_type, {"count": value}))
        else:
            raise ValueError(f"Unknown demo block type: {block_type}")
    return json.dumps(raw)


def list_stream(block_type: str, values: Iterable[str]) -> str:
    return json.dumps([_block(block_type, value) for value in values])
