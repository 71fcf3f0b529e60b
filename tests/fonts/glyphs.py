#!/usr/bin/python3
"""Fails when a character of the texts the page draws is missing from the font subset that draws it.

The page's fonts are DejaVu subsets made by pyftsubset (src/app/CMakeLists.txt) and baked into
ImGui's atlas over the ranges listed in src/app/main.cpp; a character outside both is drawn as
'?'. Checked, each against the fonts that draw it:
  - rule pages (assets/rules/*.md): the UI font; code spans and blocks the mono font (with its
    fallback from the UI font); top-level headings the large font;
  - packs (assets/packs/**/*.json), the app's and the engine's string literals (messages, labels;
    not the CLI's text renderer): the UI font;
  - sample requests (assets/samples/*): the mono font (the editor) and the UI font (the form).
Usage: glyphs.py SOURCE_DIR UI_TTF MONO_TTF. Prints each missing character with where it is.
"""
import pathlib
import re
import sys

from fontTools.ttLib import TTFont


def ranges(main_cpp: str, name: str) -> set:
    body = re.search(r"constexpr ImWchar " + name + r"\[\] = \{(.*?)\};", main_cpp, re.S)
    if not body:
        sys.exit(f"glyphs: no {name} in src/app/main.cpp")
    text = re.sub(r"//[^\n]*", "", body.group(1))
    values = [int(v, 16) for v in re.findall(r"0x([0-9A-Fa-f]+)", text)]
    out = set()
    for lo, hi in zip(values[0::2], values[1::2]):
        out.update(range(lo, hi + 1))
    return out


def cmap(path: str) -> set:
    return set(TTFont(path).getBestCmap().keys())


def literals(source: str) -> str:
    """The string literals of a C++ file (comments left out: they are never drawn)."""
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    out = []
    for line in source.splitlines():
        out.extend(re.findall(r'"((?:[^"\\]|\\.)*)"', re.sub(r'^\s*//.*', "", line)))
    return "\n".join(out)


def main() -> int:
    src, ui_ttf, mono_ttf = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    main_cpp = (src / "src/app/main.cpp").read_text(encoding="utf-8")
    ui_font, mono_font = cmap(ui_ttf), cmap(mono_ttf)
    ui = ranges(main_cpp, "ui_ranges") & ui_font
    mono = (ranges(main_cpp, "mono_ranges") & mono_font) | (ranges(main_cpp, "mono_fallback_ranges") & ui_font)
    large = ranges(main_cpp, "large_ranges") & ui_font
    ignorable = {0x09, 0x0A, 0x0D, 0xFE0F, 0x200D}  # layout, not glyphs
    missing = {}

    def need(text: str, font: set, font_name: str, where: str):
        for ch in text:
            cp = ord(ch)
            if cp in ignorable or cp in font:
                continue
            missing.setdefault((ch, font_name), where)

    texts = 0
    for page in sorted((src / "assets/rules").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        code = re.findall(r"```.*?```", text, re.S) + re.findall(r"`[^`\n]+`", text)
        need(re.sub(r"```.*?```", "", text, flags=re.S), ui, "ui", page.name)
        need("".join(code), mono, "mono", page.name)
        need("".join(re.findall(r"^# (.*)$", text, re.M)), large, "large", page.name)
        texts += 1
    for pack in sorted((src / "assets/packs").rglob("*.json")):
        need(pack.read_text(encoding="utf-8"), ui, "ui", str(pack.relative_to(src)))
        texts += 1
    for folder in ("src/app", "src/core"):
        for f in sorted((src / folder).rglob("*.[ch]pp")):
            if f.name == "render.cpp":  # the CLI's text and Markdown reports: a terminal draws them
                continue
            need(literals(f.read_text(encoding="utf-8")), ui, "ui", str(f.relative_to(src)))
            texts += 1
    for sample in sorted((src / "assets/samples").glob("*.*")):
        if sample.suffix not in (".json", ".xml"):
            continue
        text = sample.read_text(encoding="utf-8")
        need(text, mono, "mono", sample.name)
        need(text, ui, "ui", sample.name)
        texts += 1
    for (ch, font_name), where in sorted(missing.items()):
        print(f"glyphs: U+{ord(ch):04X} {ch!r} ({where}) is not in the {font_name} font's subset")
    print(f"glyphs: {texts} texts checked, {len(missing)} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
