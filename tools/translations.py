"""Keep the translation catalogues current: extract (lupdate), compile (lrelease), and make a pseudo-language.

Run through `make translations`. Sources are every module of the UI and app.py, so a new file is
extracted without being listed anywhere.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lms365_desktop"
FOLDER = PACKAGE / "translations"
STEM = "lms365_desktop"
LANGUAGES = ("de",)
# English is the source language, but a text like "%n day(s)" needs a catalogue to read "1 day"
# and "2 days": this one holds only the plural entries, made from the sources by rule.
ENGLISH = "en"
# Pseudo-language marks: every translated text is wrapped in them, so a test can see any text
# that did not go through the catalogue.
PSEUDO_OPEN, PSEUDO_CLOSE = "\u27e6", "\u27e7"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 (the project's venv has it)")
    return found


def sources() -> list[str]:
    """Every module whose strings are looked up at run time."""
    files = sorted((PACKAGE / "ui").rglob("*.py")) + [PACKAGE / "app.py"]
    return [str(path.relative_to(ROOT)) for path in files]


def catalogue(language: str) -> Path:
    return FOLDER / f"{STEM}_{language}.ts"


def write_catalogue(tree: ET.ElementTree, path: Path) -> None:
    """A .ts as lupdate writes it (its declaration and doctype), so the next lupdate reads it back."""
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def set_translation(message: ET.Element, value: str | tuple[str, ...]) -> None:
    """Make ``message`` finished with ``value``: a text, or a plural entry's forms (a tuple)."""
    translation = message.find("translation")
    translation.attrib.pop("type", None)
    translation.text = None
    for child in list(translation):
        translation.remove(child)
    if isinstance(value, tuple):
        for form in value:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = value


def mark_counted(path: Path) -> None:
    """Make every entry with a count (%n, %Ln) a plural one.

    pyside6-lupdate sees the count of ``self.tr(text, "", n)`` but not of
    ``QCoreApplication.translate(context, text, "", n)``, whose entries it writes as singular;
    Qt then never picks a plural form for them, in any language.
    """
    tree = ET.parse(path)
    changed = False
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        if message.get("numerus") != "yes" and ("%n" in source or "%Ln" in source):
            message.set("numerus", "yes")
            translation = message.find("translation")
            if translation.get("type") is None:  # a singular translation cannot serve as plural forms
                translation.set("type", "unfinished")
            translation.text = None
            for child in list(translation):
                translation.remove(child)
            changed = True
    if changed:
        write_catalogue(tree, path)


def update(languages=LANGUAGES) -> None:
    """Extract every tr()/translate() string into each catalogue, keeping what is translated."""
    FOLDER.mkdir(exist_ok=True)
    for language in languages:
        subprocess.run([tool("lupdate"), "-no-obsolete", "-locations", "none", "-target-language", language,
                        *sources(), "-ts", str(catalogue(language))], cwd=ROOT, check=True)
        mark_counted(catalogue(language))


def release(languages=LANGUAGES, folder: Path = FOLDER) -> list[Path]:
    """Compile each catalogue to the .qm the application loads."""
    out = []
    for language in languages:
        qm = folder / f"{STEM}_{language}.qm"
        subprocess.run([tool("lrelease"), "-silent", str(catalogue(language)), "-qm", str(qm)], cwd=ROOT, check=True)
        out.append(qm)
    return out


def pseudo(out_folder: Path, language: str = "de") -> Path:
    """A catalogue where every text is its source inside pseudo marks (plurals too), compiled to .qm.

    Built from a fresh extraction, so it covers exactly what lupdate finds in the code today.
    """
    out_folder.mkdir(parents=True, exist_ok=True)
    ts = out_folder / f"{STEM}_pseudo.ts"
    subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-target-language", language,
                    *sources(), "-ts", str(ts)], cwd=ROOT, check=True)
    mark_counted(ts)
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        marked = f"{PSEUDO_OPEN}{message.findtext('source') or ''}{PSEUDO_CLOSE}"
        # German (the target language) has two plural forms
        set_translation(message, (marked, marked) if message.get("numerus") == "yes" else marked)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = out_folder / f"{STEM}_pseudo.qm"
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)
    return qm


def english_plurals() -> int:
    """Extract the plural entries into the English catalogue and give each its two forms by rule.

    "(s)" and "(es)" become nothing in the singular and the ending in the plural; a text without
    them is the same in both. Returns how many entries it holds.
    """
    path = catalogue(ENGLISH)
    path.unlink(missing_ok=True)  # made anew from the sources each time: nothing in it is written by hand
    subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-source-language", ENGLISH, "-target-language", ENGLISH, *sources(), "-ts", str(path)],
                   cwd=ROOT, check=True)
    mark_counted(path)  # before choosing: lupdate's own -pluralonly misses translate()'s counts
    tree = ET.parse(path)
    for context in list(tree.getroot()):
        for message in [m for m in context.findall("message") if m.get("numerus") != "yes"]:
            context.remove(message)
        if context.find("message") is None:
            tree.getroot().remove(context)
    count = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        set_translation(message, (source.replace("(es)", "").replace("(s)", ""),
                                  source.replace("(es)", "es").replace("(s)", "s")))
        count += 1
    write_catalogue(tree, path)
    return count


def fill(language: str = "de") -> tuple[int, list[str]]:
    """Finish every unfinished entry whose source text is translated elsewhere or in the memory.

    The memory (tools/german/*.py) maps English source text to German; a plural entry maps
    to a (singular, plural) pair. Returns how many entries were filled and the sources still open.
    """
    sys.path.insert(0, str(Path(__file__).parent))
    from german import memory

    GERMAN = memory()

    path = catalogue(language)
    tree = ET.parse(path)
    known: dict[str, object] = {}
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation.get("type") is None:
            forms = [form.text or "" for form in translation.findall("numerusform")]
            known.setdefault(message.findtext("source"), tuple(forms) if forms else translation.text or "")
    filled, still_open = 0, []
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation.get("type") != "unfinished":
            continue  # finished already, or vanished from the code
        source = message.findtext("source")
        value = known.get(source, GERMAN.get(source))
        plural = message.get("numerus") == "yes"
        if value is None or plural != isinstance(value, tuple):
            still_open.append(source)
            continue
        set_translation(message, value)
        filled += 1
    write_catalogue(tree, path)
    return filled, still_open


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "fill", "release", "all", "pseudo"))
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "pseudo", help="folder for the pseudo catalogue")
    args = parser.parse_args(argv)
    if args.command in ("update", "all"):
        update()
    if args.command in ("fill", "all"):
        filled, still_open = fill()
        print(f"filled {filled} German entries; {len(still_open)} still unfinished")
        for source in still_open:
            print(f"  unfinished: {source!r}")
    if args.command in ("update", "all"):
        print(f"{english_plurals()} English plural entries")
    if args.command in ("release", "all"):
        for qm in release((*LANGUAGES, ENGLISH)):
            print(f"wrote {qm.relative_to(ROOT)}")
    if args.command == "pseudo":
        print(pseudo(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
