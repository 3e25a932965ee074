"""The pygame_gui theme: our shipped Noto Sans at one of three text sizes, and a visible keyboard focus."""
from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FONT_NAME = "noto"
#: Body text size in points for each text-size step.
SIZES = (15, 18, 22)

BG = (28, 32, 40)
PANEL = (38, 44, 56)
TEXT = (235, 235, 235)
ACCENT = (255, 196, 40)


def font_paths() -> dict:
    return {
        "regular_path": str(FONT_DIR / "NotoSans-Regular.ttf"),
        "bold_path": str(FONT_DIR / "NotoSans-Bold.ttf"),
        "italic_path": str(FONT_DIR / "NotoSans-Italic.ttf"),
        "bold_italic_path": str(FONT_DIR / "NotoSans-BoldItalic.ttf"),
    }


def body_size(step: int) -> int:
    return SIZES[max(0, min(len(SIZES) - 1, step))]


def _font(size: int, style: str | None = None) -> dict:
    font = {"name": FONT_NAME, "size": str(size), **font_paths()}
    if style:
        font[style] = "1"
    return font


def build(step: int) -> dict:
    """The theme dictionary for text-size step 0, 1 or 2."""
    s = body_size(step)
    theme = {
        "defaults": {
            "font": _font(s),
            "colours": {"dark_bg": "#262c38", "normal_text": "#ebebeb", "normal_border": "#50586a"},
        },
        "button": {
            "colours": {
                "normal_bg": "#3a4456", "hovered_bg": "#4b5870", "active_bg": "#2d6cdf",
                "selected_bg": "#ffc428", "selected_text": "#101010", "selected_border": "#ffffff",
                "disabled_bg": "#2a2f3a", "disabled_text": "#9098a8",
                "normal_border": "#5a6478", "hovered_border": "#8fa0c0",
            },
            "misc": {"border_width": "2", "shape": "rounded_rectangle", "shape_corner_radius": "6",
                     "text_horiz_alignment": "left", "text_horiz_alignment_padding": "10"},
        },
        "@current": {"colours": {"normal_bg": "#2d6cdf", "hovered_bg": "#3d7cef", "normal_border": "#9cc8ff"}},
        "text_entry_line": {
            "colours": {"dark_bg": "#141820", "normal_border": "#ffc428", "selected_bg": "#2d6cdf"},
            "misc": {"border_width": "2"},
        },
        "text_box": {"colours": {"dark_bg": "#1e222c", "normal_border": "#50586a"}, "misc": {"padding": "6,4"}},
        "label": {"misc": {"text_horiz_alignment": "left"}},
        "@title": {"font": _font(int(s * 1.5), "bold")},
        "@heading": {"font": _font(int(s * 1.15), "bold")},
        "@line": {"font": _font(int(s * 1.15))},
        "@centered": {"misc": {"text_horiz_alignment": "center"}},
    }
    # Each element type names its font itself: pygame_gui's text box otherwise keeps its own 14-point default.
    for element in ("button", "label", "text_box", "text_entry_line"):
        theme[element]["font"] = _font(s)
    return theme


def preload_list(step: int) -> list[dict]:
    s = body_size(step)
    fonts = [{"name": FONT_NAME, "point_size": size, "style": style}
             for size in (s, int(s * 1.15)) for style in ("bold", "italic")]
    # pygame_gui's own default font, which its HTML parser falls back to for some runs.
    return fonts + [{"name": "noto_sans", "point_size": 14, "style": style} for style in ("bold", "italic")]
