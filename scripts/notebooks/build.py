#!/usr/bin/env python3
"""Writes the notebooks from their readable source, one notebook per language.

    python3 scripts/notebooks/build.py            # scripts/notebooks/lesson2.md -> notebooks/lesson2.ipynb, lesson2.en.ipynb
    python3 scripts/notebooks/build.py --check    # fail when a notebook's cells differ from the source (CI)

The source is Markdown-like text, cell after cell:

    %% markdown [tag ...]        a markdown cell
    :: ru                        (optional) the Russian text follows, until ":: en" or the next cell
    :: en                        the English text
    %% code [tag ...]            a code cell (TypeScript), shared by both languages;
    ru| // a comment             a line only in the Russian notebook (the "ru| " is dropped)
    en| // a comment             a line only in the English notebook

Tags go into the cell's metadata.tags: "lesson" marks the original lesson's cells (the benchmark runs
those), "figure" a cell that must show a figure, "volatile" a cell whose printed lines depend on the
machine (scripts/notebooks/run.py does not compare them).

The built notebooks have no outputs: `python3 scripts/notebooks/run.py write` executes them and saves
the outputs. Building keeps the outputs of a code cell whose source and tags did not change, so a
rebuild after a markdown edit needs no re-execution.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LANGS = {"ru": "lesson2.ipynb", "en": "lesson2.en.ipynb"}
SOURCE = os.path.join(HERE, "lesson2.md")


def parse(text: str):
    """The source's cells: (kind, tags, {lang: text}) where a shared text is under both languages."""
    cells = []
    for m in re.finditer(r"^%% (markdown|code)([^\n]*)\n(.*?)(?=^%% |\Z)", text, re.M | re.S):
        kind, tags, body = m.group(1), m.group(2).split(), m.group(3)
        if kind == "markdown":
            parts = re.split(r"^:: (ru|en)[ \t]*\n", body, flags=re.M)
            if len(parts) == 1:
                by_lang = {lang: body for lang in LANGS}
            else:
                by_lang = dict(zip(parts[1::2], parts[2::2]))
                if parts[0].strip():
                    raise SystemExit(f"build.py: text before ':: ru' in a markdown cell: {parts[0][:60]!r}")
                if set(by_lang) != set(LANGS):
                    raise SystemExit(f"build.py: a markdown cell lacks a language: {body[:80]!r}")
        else:
            by_lang = {}
            for lang in LANGS:
                lines = []
                for line in body.split("\n"):
                    lm = re.match(r"^(ru|en)\| ?(.*)$", line)
                    if lm is None:
                        lines.append(line)
                    elif lm.group(1) == lang:
                        lines.append(lm.group(2))
                by_lang[lang] = "\n".join(lines)
        cells.append((kind, tags, {k: v.strip("\n") for k, v in by_lang.items()}))
    return cells


def old_outputs(path: str) -> dict:
    """Outputs of the existing notebook's code cells, by (source, tags)."""
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    out = {}
    for c in nb["cells"]:
        if c["cell_type"] == "code":
            key = ("".join(c["source"]), tuple(c["metadata"].get("tags", [])))
            out[key] = (c.get("outputs", []), c.get("execution_count"))
    return out


def notebook(cells, lang: str, previous: dict) -> dict:
    nb_cells = []
    for i, (kind, tags, by_lang) in enumerate(cells):
        src = by_lang[lang]
        cid = hashlib.sha1(f"{lang}:{i}:{kind}".encode()).hexdigest()[:12]
        meta = {"tags": tags} if tags else {}
        lines = src.splitlines(keepends=True)
        if kind == "markdown":
            nb_cells.append({"cell_type": "markdown", "id": cid, "metadata": meta, "source": lines})
        else:
            outputs, count = previous.get((src, tuple(tags)), ([], None))
            nb_cells.append({"cell_type": "code", "execution_count": count, "id": cid, "metadata": meta,
                             "outputs": outputs, "source": lines})
    return {
        "cells": nb_cells,
        "metadata": {
            "kernelspec": {"display_name": "TypeScript", "language": "typescript", "name": "tslab"},
            "language_info": {"codemirror_mode": {"mode": "typescript", "name": "javascript", "typescript": True},
                              "file_extension": ".ts", "mimetype": "text/typescript", "name": "typescript",
                              "version": "5.0"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def cells_of(nb: dict) -> list:
    return [(c["cell_type"], "".join(c["source"]), c["metadata"].get("tags", [])) for c in nb["cells"]]


def main() -> int:
    with open(SOURCE, encoding="utf-8") as f:
        cells = parse(f.read())
    if sys.argv[1:] == ["--check"]:
        stale = 0
        for lang, name in LANGS.items():
            path = os.path.join(ROOT, "notebooks", name)
            with open(path, encoding="utf-8") as f:
                have = cells_of(json.load(f))
            want = cells_of(notebook(cells, lang, {}))
            if have != want:
                stale += 1
                first = next((i for i, (a, b) in enumerate(zip(have, want)) if a != b), min(len(have), len(want)))
                print(f"build.py: notebooks/{name} differs from scripts/notebooks/lesson2.md (first at cell {first}): "
                      "run python3 scripts/notebooks/build.py, then python3 scripts/notebooks/run.py write", file=sys.stderr)
            else:
                print(f"build.py: notebooks/{name} matches its source")
        return 1 if stale else 0
    for lang, name in LANGS.items():
        path = os.path.join(ROOT, "notebooks", name)
        nb = notebook(cells, lang, old_outputs(path))
        with open(path, "w", encoding="utf-8") as f:
            json.dump(nb, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
        ncode = sum(1 for c in nb["cells"] if c["cell_type"] == "code")
        kept = sum(1 for c in nb["cells"] if c["cell_type"] == "code" and c["outputs"])
        print(f"build.py: wrote notebooks/{name}: {len(nb['cells'])} cells, {ncode} code ({kept} keep their outputs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
