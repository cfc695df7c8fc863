"""The demo's illustrations, drawn with Pillow rather than shipped as files: flat shapes,
no text (RGAA: no text in images), the same PNG bytes on every run so that the loader can
tell an unchanged image from a new one."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 675  # 16:9, as wide as the largest rendition of the image block
SUPERSAMPLING = 2  # drawn twice as large, then reduced: smooth edges


class Canvas:
    """Shapes in WIDTH × HEIGHT coordinates, drawn at SUPERSAMPLING times that size."""

    def __init__(self, background: str) -> None:
        size = (WIDTH * SUPERSAMPLING, HEIGHT * SUPERSAMPLING)
        self.image = Image.new("RGB", size, background)
        self.draw = ImageDraw.Draw(self.image)

    @staticmethod
    def _scaled(*values: float) -> list[float]:
        return [value * SUPERSAMPLING for value in values]

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: str, radius: float = 0):
        self.draw.rounded_rectangle(
            self._scaled(x0, y0, x1, y1), radius=radius * SUPERSAMPLING, fill=fill
        )

    def polygon(self, points: list[tuple[float, float]], fill: str) -> None:
        self.draw.polygon([tuple(self._scaled(x, y)) for x, y in points], fill=fill)

    def ellipse(self, x: float, y: float, rx: float, fill: str, ry: float | None = None) -> None:
        ry = rx if ry is None else ry
        self.draw.ellipse(self._scaled(x - rx, y - ry, x + rx, y + ry), fill=fill)

    def line(self, x0: float, y0: float, x1: float, y1: float, fill: str, width: float) -> None:
        self.draw.line(self._scaled(x0, y0, x1, y1), fill=fill, width=round(width * SUPERSAMPLING))

    def png(self) -> bytes:
        output = io.BytesIO()
        reduced = self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
        reduced.save(output, "PNG", optimize=True)
        return output.getvalue()


# -- waste collection: the two wheelie bins and a bottle bank on the pavement ----------------


def _brick_wall(canvas: Canvas) -> None:
    canvas.rect(0, 0, WIDTH, 470, "#c98b63")
    for row, top in enumerate(range(0, 470, 30)):
        offset = 40 if row % 2 == 0 else 0
        for left in range(offset - 80, WIDTH, 80):
            canvas.rect(left + 2, top + 2, left + 78, top + 28, "#d39a72", radius=2)
    canvas.rect(80, 120, 260, 470, "#2f5d7c", radius=4)  # front door
    canvas.ellipse(235, 300, 8, "#e8c547")
    canvas.rect(880, 110, 1100, 300, "#f4f1e8", radius=4)  # window
    canvas.rect(895, 125, 1082, 285, "#9cc7de")
    canvas.rect(985, 125, 992, 285, "#f4f1e8")
    canvas.rect(895, 202, 1082, 209, "#f4f1e8")


def _pavement_and_street(canvas: Canvas) -> None:
    canvas.rect(0, 470, WIDTH, 590, "#b8b4ac")
    for left in range(0, WIDTH, 120):
        canvas.line(left, 470, left, 590, "#a7a39b", 2)
    canvas.rect(0, 590, WIDTH, 604, "#8f8b84")  # kerb
    canvas.rect(0, 604, WIDTH, HEIGHT, "#5d6166")
    for left in range(40, WIDTH, 200):
        canvas.rect(left, 636, left + 110, 644, "#e9e6dd")


def _wheelie_bin(canvas: Canvas, left: float, lid: str) -> None:
    canvas.rect(left + 10, 330, left + 140, 345, "#3b3f44", radius=6)  # handle
    canvas.polygon([(left, 360), (left + 150, 360), (left + 138, 560), (left + 12, 560)], "#4b5056")
    canvas.rect(left - 8, 340, left + 158, 372, lid, radius=8)
    canvas.rect(left + 30, 400, left + 120, 410, "#3e4247")
    for wheel in (left + 22, left + 128):
        canvas.ellipse(wheel, 565, 22, "#222222")
        canvas.ellipse(wheel, 565, 8, "#777777")


def _bottle_bank(canvas: Canvas) -> None:
    canvas.rect(810, 300, 990, 560, "#2e7d4f", radius=40)
    canvas.ellipse(900, 300, 90, "#2e7d4f", ry=50)
    canvas.ellipse(900, 360, 22, "#1d4f32")  # the opening for bottles
    canvas.rect(820, 555, 980, 570, "#245f3c", radius=4)


def draw_waste_collection() -> bytes:
    canvas = Canvas("#ffffff")
    _brick_wall(canvas)
    _pavement_and_street(canvas)
    _wheelie_bin(canvas, 370, lid="#f2c200")  # packaging and paper
    _wheelie_bin(canvas, 570, lid="#9ea3a8")  # household waste
    _bottle_bank(canvas)
    return canvas.png()


# -- cold spell: brick houses under snow at night and a thermometer below zero -------------

SNOWFLAKES = [(80, 60), (260, 140), (420, 50), (610, 110), (790, 70), (940, 200), (1120, 60),
              (150, 230), (700, 210), (1050, 260), (340, 250), (500, 170)]  # fmt: skip


def _night_sky(canvas: Canvas) -> None:
    canvas.rect(0, 0, WIDTH, HEIGHT, "#1f3a5c")
    for n, (x, y) in enumerate(SNOWFLAKES):
        canvas.ellipse(x, y, 5 + n % 3 * 2, "#ffffff")
    canvas.ellipse(1030, 110, 45, "#f3efd9")  # crescent moon
    canvas.ellipse(1050, 95, 42, "#1f3a5c")


def _snowy_houses(canvas: Canvas) -> None:
    lit, dark = "#f5c75b", "#3a4a5c"
    for n, left in enumerate(range(0, WIDTH, 200)):
        eaves = 360 + n % 2 * 30
        canvas.polygon([(left, eaves), (left + 100, eaves - 90), (left + 200, eaves)], "#f7f9fc")
        canvas.rect(left + 8, eaves, left + 192, 600, "#a8573b" if n % 2 else "#b9694a")
        first, second = (lit, dark) if n % 3 else (dark, lit)
        canvas.rect(left + 40, eaves + 40, left + 90, eaves + 100, first, radius=3)
        canvas.rect(left + 115, eaves + 40, left + 165, eaves + 100, second, radius=3)
        canvas.rect(left + 80, 520, left + 120, 600, "#4a2f25", radius=3)
    canvas.rect(0, 600, WIDTH, HEIGHT, "#eef2f7")  # snow on the ground


def _thermometer(canvas: Canvas) -> None:
    canvas.rect(540, 180, 660, 560, "#ffffff", radius=50)
    canvas.rect(585, 210, 615, 520, "#dde3ea", radius=15)
    canvas.rect(585, 420, 615, 520, "#2f7fd0", radius=15)  # below the zero mark
    canvas.ellipse(600, 510, 32, "#2f7fd0")
    for y in range(230, 500, 30):
        canvas.line(620, y, 640, y, "#7b8794", 3)
    canvas.line(560, 390, 650, 390, "#d23b3b", 4)  # zero


def draw_cold_spell() -> bytes:
    canvas = Canvas("#1f3a5c")
    _night_sky(canvas)
    _snowy_houses(canvas)
    _thermometer(canvas)
    return canvas.png()


@dataclass(frozen=True)
class DemoImage:
    """An illustration of the demo; `key` names it in the content's ("image", …) blocks."""

    key: str
    title: str
    draw: Callable[[], bytes]


DEMO_IMAGES = {
    image.key: image
    for image in (
        DemoImage("bacs-de-collecte", "Bacs de collecte et colonne à verre", draw_waste_collection),
        DemoImage("grand-froid", "Maisons sous la neige et thermomètre", draw_cold_spell),
    )
}
