"""Local stand-ins for the social networks' APIs (one module per network, each with its
pytest fixture), and what their tests share."""

from __future__ import annotations

import io

from PIL import Image as PillowImage

from connectors.social import Image


def sample_image(alt: str = "La place de la mairie un jour de marché.") -> Image:
    """A small real PNG, as a page's image reaches a backend."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (32, 24), (40, 110, 60)).save(buffer, "PNG")
    return Image(buffer.getvalue(), "image/png", alt, 32, 24, "mairie.png")
