"""Finding and loading brief templates.

A template is a folder:

    my-template/
        template.toml      name, description and the ordered [[sections]] (key, title, limit)
        brief.md.j2        Jinja2 renderings; each one is optional in a user's folder
        brief.html.j2
        brief.txt.j2
        reference.docx     optional: Word output takes its styles, fonts, colours and margins
        brief.docx         optional: a Word file with Jinja tags (docxtpl) used for Word output

`template.toml`::

    name = "standard"
    description = "Situation, actors and background."

    [[sections]]
    key = "situation"      # a section of the story, or "actors" (the actors table and places)
    title = "Situation"
    limit = 4              # most items (excerpts, or actors) shown

Keys: "situation", "background", "quotes", "figures", "timeline", "outlook" (sections of the
story; compose skips those it cannot build, and empty ones are not shown), "actors" (the actors
table and places) and "bottom_line": the first `limit` Situation sentences of each story (news
puts its bottom line first) as one paragraph (several stories: one line each) shown before the
stories; those sentences then leave Situation. A layout with "bottom_line" needs "situation".

Built-in templates live in the repository's `templates/<name>/` folder, shipped in a wheel as
`briefing/_templates/<name>/`. A name (`"standard"`) picks a built-in, a path a user's folder; a
string is a name when it is one, so write `./standard` for a folder called `standard`.

Template lookup (see `Template.loader`), first match wins:

1. `<builtin>/<file>`, e.g. `sitrep/brief.html.j2`: always that built-in's file (or standard's,
   when the built-in has none), so a user's `brief.html.j2` can `{% extends "sitrep/brief.html.j2" %}`
   and override only some blocks;
2. `<file>` in the template's own folder;
3. `<file>` in the built-in `standard` folder, so a folder may leave out any rendering.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import briefing

from .errors import UsageError

if TYPE_CHECKING:
    import jinja2

DEFAULT_TEMPLATE = "standard"
SPEC_FILE = "template.toml"
REFERENCE_DOCX = "reference.docx"
DOCX_TEMPLATE = "brief.docx"
BOTTOM_LINE = "bottom_line"
SITUATION = "situation"
_KEY = re.compile(r"[a-z][a-z0-9_-]*")


@dataclass(frozen=True)
class SectionSpec:
    """One section of a template's layout, in display order."""

    key: str
    title: str
    limit: int  # most items (excerpts, or actors) shown


@dataclass(frozen=True)
class Template:
    """A loaded template: its layout and the folder holding its renderings."""

    name: str
    description: str
    path: Path
    sections: tuple[SectionSpec, ...]
    builtin: bool = False

    @property
    def layout(self) -> tuple[str, ...]:
        """The section keys in display order."""
        return tuple(s.key for s in self.sections)

    def loader(self) -> jinja2.BaseLoader:
        import jinja2  # only when a text format is rendered

        """The Jinja2 loader for this template's renderings (lookup order: module docstring)."""
        standard = jinja2.FileSystemLoader(builtin_templates_dir() / DEFAULT_TEMPLATE)
        builtins = {
            folder.name: jinja2.ChoiceLoader([jinja2.FileSystemLoader(folder), standard])
            for folder in _builtin_folders()
        }
        return jinja2.ChoiceLoader([jinja2.PrefixLoader(builtins), jinja2.FileSystemLoader(self.path), standard])

    def file(self, name: str) -> Path | None:
        """A file of the template's own folder (e.g. REFERENCE_DOCX), or None when it has none."""
        path = self.path / name
        return path if path.is_file() else None

    def files(self) -> tuple[Path, ...]:
        """The files of the template's own folder (its spec, renderings and Word files)."""
        return tuple(sorted(p for p in self.path.iterdir() if p.is_file())) if self.path.is_dir() else ()

    def renderings(self) -> dict[str, Path]:
        """Each rendering this template uses (`brief.md.j2`, ...) and the file it comes from."""
        found: dict[str, Path] = {}
        for folder in (builtin_templates_dir() / DEFAULT_TEMPLATE, self.path):
            found.update({p.name: p for p in sorted(folder.glob("brief.*")) if p.is_file()})
        return dict(sorted(found.items()))

    def describe(self) -> str:
        """What `briefing templates show` prints: sections in order with limits, and the files used."""
        kind = "built-in" if self.builtin else "folder"
        lines = [f"{self.name}: {self.description}".rstrip(": "), f"  {kind}: {self.path}", "  sections:"]
        lines += [f"    {s.key:<12} {s.title!r:<24} limit {s.limit}" for s in self.sections]
        lines.append("  renderings:")
        for name, path in self.renderings().items():
            origin = "" if path.parent == self.path else f"  (from {path.parent.name})"
            lines.append(f"    {name}{origin}")
        return "\n".join(lines)


def builtin_templates_dir() -> Path:
    """The folder holding the built-in templates (wheel or source checkout)."""
    package = Path(briefing.__file__).parent
    shipped = package / "_templates"
    return shipped if shipped.is_dir() else package.parent / "templates"


def list_templates() -> list[Template]:
    """The built-in templates, by name."""
    return [_load_folder(folder, builtin=True) for folder in _builtin_folders()]


def describe_templates() -> str:
    """What `briefing templates` prints: each built-in template's name and description."""
    items = list_templates()
    width = max(len(t.name) for t in items)
    return "\n".join(f"{t.name:<{width}}  {t.description}" for t in items)


def load_template(name_or_dir: str | Path | Template | None = None) -> Template:
    """A built-in template by name, or a user's template folder by path (None: "standard").

    A Template is returned as is, so callers may pass either.
    """
    if isinstance(name_or_dir, Template):
        return name_or_dir
    if name_or_dir is None:
        name_or_dir = DEFAULT_TEMPLATE
    if isinstance(name_or_dir, str):
        builtin = {folder.name: folder for folder in _builtin_folders()}
        if name_or_dir in builtin:
            return _load_folder(builtin[name_or_dir], builtin=True)
        if not _looks_like_path(name_or_dir):
            choices = ", ".join(sorted(builtin))
            raise UsageError(f"unknown template {name_or_dir!r}; use one of: {choices}, or a folder path")
    folder = Path(name_or_dir).expanduser()
    if not folder.is_dir():
        raise UsageError("template folder not found", source=str(folder))
    return _load_folder(folder, builtin=False)


def copy_template(name_or_dir: str | Path, dest: str | Path) -> Path:
    """Copy a template into a new folder `dest` as a starting point; returns `dest`.

    The copy holds every file of the template's folder plus the standard renderings it
    falls back on, so each one is there to edit; `name` in its template.toml becomes the
    folder's name. Refuses (UsageError) when `dest` exists or its parent folder does not.
    """
    source = load_template(name_or_dir)
    dest = Path(dest).expanduser()
    if dest.exists():
        raise UsageError("already exists; copy to a new folder", source=str(dest))
    if not dest.parent.is_dir():
        raise UsageError(f"folder {str(dest.parent)!r} does not exist", source=str(dest))
    files = {p.name: p for p in sorted(source.path.iterdir()) if p.is_file() and not p.name.startswith(".")}
    for name, path in source.renderings().items():
        files.setdefault(name, path)
    try:
        dest.mkdir()
    except OSError as e:
        raise UsageError(f"cannot make the folder: {e.strerror or e}", source=str(dest)) from None
    name_line = f"name = {_toml_string(dest.name)}"
    try:
        for name, path in files.items():
            if name == SPEC_FILE:
                text = path.read_text(encoding="utf-8")
                text = re.sub(r"(?m)^name\s*=.*$", lambda _: name_line, text, count=1)
                (dest / name).write_text(text, encoding="utf-8")
            else:
                shutil.copyfile(path, dest / name)
    except OSError as e:
        shutil.rmtree(dest, ignore_errors=True)
        raise UsageError(f"cannot copy the template: {e.strerror or e}", source=str(dest)) from None
    return dest


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _builtin_folders() -> list[Path]:
    root = builtin_templates_dir()
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / SPEC_FILE).is_file())


def _looks_like_path(text: str) -> bool:
    return "/" in text or "\\" in text or text.startswith((".", "~")) or Path(text).is_dir()


def _load_folder(folder: Path, *, builtin: bool) -> Template:
    spec_path = folder / SPEC_FILE
    try:
        spec = tomllib.loads(spec_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"no {SPEC_FILE} in template folder", source=str(folder)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"cannot read: {e}", source=str(spec_path)) from None
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"bad TOML: {e}", source=str(spec_path)) from None
    try:
        return _parse_spec(spec, folder, builtin=builtin)
    except ValueError as e:
        raise UsageError(str(e), source=str(spec_path)) from None


def _parse_spec(spec: dict, folder: Path, *, builtin: bool) -> Template:
    name = spec.get("name", folder.name)
    description = spec.get("description", "")
    if not isinstance(name, str) or not isinstance(description, str):
        raise ValueError("name and description must be strings")
    raw = spec.get("sections")
    if not isinstance(raw, list) or not raw:
        raise ValueError("needs at least one [[sections]] entry")
    sections: list[SectionSpec] = []
    for number, entry in enumerate(raw, 1):
        if not isinstance(entry, dict):
            raise ValueError(f"section {number} must be a table")
        key, title, limit = entry.get("key"), entry.get("title"), entry.get("limit")
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            raise ValueError(f"section {number}: key must be lowercase letters, digits, '-' or '_'")
        if any(s.key == key for s in sections):
            raise ValueError(f"section {number}: key {key!r} appears twice")
        if title is None:
            title = key.replace("_", " ").replace("-", " ").capitalize()
        if not isinstance(title, str):
            raise ValueError(f"section {key!r}: title must be a string")
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValueError(f"section {key!r}: limit must be a whole number of at least 1")
        sections.append(SectionSpec(key=key, title=title, limit=limit))
    keys = [s.key for s in sections]
    if BOTTOM_LINE in keys and SITUATION not in keys:
        raise ValueError(f"{BOTTOM_LINE!r} is drawn from Situation: add a {SITUATION!r} section too")
    return Template(name, description, folder, tuple(sections), builtin=builtin)
