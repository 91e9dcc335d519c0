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

    [budget]               # optional; these are the defaults
    words = 350            # most words a story is shown in (headline, sections, actors; not its sources)
    article_share = 0.4    # ... and at most this share of its article's words (0: no such bound)
    least_words = 110      # ... but a short article's story may take this many, up to half its article
    line_words = 30        # most words of a story's line in the bottom line
    headline_words = 15    # most words of a headline made from an untitled article's lede

    [[sections]]
    key = "situation"      # a section of the story, or "actors" (the actors table and places)
    title = "Situation"
    limit = 4              # most items (excerpts, or actors) shown
    share = 4              # optional: its weight when the budget is shared out (defaults: SHARES)

A story's words are shared out among its sections by their `share` (`render.budget`): each
section first gets its part, then what some leave goes to the others, the weightiest first;
the items a section drops are its lowest-ranked.

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
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
QUOTES = "quotes"
_KEY = re.compile(r"[a-z][a-z0-9_-]*")


# How much of a story's word budget each section gets, by default (a template's `share` overrides).
SHARES = {"situation": 8.0, "bottom_line": 0.0, "actors": 2.0, "quotes": 1.5, "background": 2.0,
          "figures": 1.0, "timeline": 1.0, "outlook": 1.0}
DEFAULT_SHARE = 1.0


@dataclass(frozen=True)
class SectionSpec:
    """One section of a template's layout, in display order."""

    key: str
    title: str
    limit: int  # most items (excerpts, or actors) shown
    share: float = DEFAULT_SHARE  # its weight when a story's word budget is shared out


@dataclass(frozen=True)
class Budget:
    """How long a story may be (`[budget]` in template.toml)."""

    words: int = 350  # most words of a story as shown (headline, sections, actors; sources are not counted)
    article_share: float = 0.4  # ... and at most this share of its article's words; 0: no such bound
    line_words: int = 30  # most words of a story's line in the bottom line
    headline_words: int = 15  # most words of a headline cut from an untitled article's lede
    least_words: int = 110  # ... but a short article's story may take this many, up to half its article

    def story_words(self, article_words: int) -> int:
        """The words a story may take, given its article's length (0: unknown); `words` 0 is no bound. A short
        article's share would leave too few to tell it (0.4 of 130 words is 52): it may take `least_words`, up
        to half its article."""
        if not self.words:
            return 10**9
        if self.article_share and article_words:
            shared = int(self.article_share * article_words)
            return min(self.words, max(shared, min(self.least_words, article_words // 2)))
        return self.words


@dataclass(frozen=True)
class Template:
    """A loaded template: its layout and the folder holding its renderings."""

    name: str
    description: str
    path: Path
    sections: tuple[SectionSpec, ...]
    builtin: bool = False
    budget: Budget = Budget()

    def with_story_words(self, words: int | None) -> Template:
        """The template with every story bounded by `words` alone (None: as it is; 0: no bound)."""
        if words is None:
            return self
        return replace(self, budget=replace(self.budget, words=words, article_share=0.0))

    @property
    def layout(self) -> tuple[str, ...]:
        """The section keys in display order."""
        return tuple(s.key for s in self.sections)

    def loader(self) -> jinja2.BaseLoader:
        """The Jinja2 loader for this template's renderings (lookup order: module docstring).

        A file is found only inside its folder: a symlink leading out of it (to /etc/passwd, say)
        is not followed, so `{% include %}` cannot bring in other files.
        """
        import jinja2  # only when a text format is rendered

        folder_loader = _folder_loader()
        standard = folder_loader(builtin_templates_dir() / DEFAULT_TEMPLATE)
        builtins = {
            folder.name: jinja2.ChoiceLoader([folder_loader(folder), standard])
            for folder in _builtin_folders()
        }
        return jinja2.ChoiceLoader([jinja2.PrefixLoader(builtins), folder_loader(self.path), standard])

    def file(self, name: str) -> Path | None:
        """A file of the template's own folder (e.g. REFERENCE_DOCX), or None when it has none (a symlink
        leading out of the folder counts as none)."""
        path = self.path / name
        return path if path.is_file() and _inside(path, self.path) else None

    def files(self) -> list[Path]:
        """Every file the template brings in: its folder's files and the renderings it falls back on."""
        try:
            own = [p for p in self.path.iterdir() if p.is_file()]
        except OSError:
            own = []
        return [*own, *self.renderings().values()]

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
        lines += [f"    {s.key:<12} {s.title!r:<24} limit {s.limit}, share {s.share:g}" for s in self.sections]
        b = self.budget
        bound = (f", at most {b.article_share:g} of its article (a short one's: {b.least_words} words, up to half)"
                 if b.article_share else "")
        lines.append(f"  budget: {b.words} words a story{bound}; bottom line {b.line_words} words a story; "
                     f"headlines {b.headline_words} words")
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


@cache
def _folder_loader() -> type[jinja2.FileSystemLoader]:
    """A FileSystemLoader for one folder that finds nothing outside it, symlinks followed (made on first use, so
    Jinja2 is imported only when a text format renders)."""
    import jinja2

    class FolderLoader(jinja2.FileSystemLoader):
        def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
            source, filename, uptodate = super().get_source(environment, template)
            if not any(_inside(Path(filename), Path(folder)) for folder in self.searchpath):
                raise jinja2.TemplateNotFound(template)
            return source, filename, uptodate

    return FolderLoader


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path`, symlinks followed, is within `folder` (symlinks followed too)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


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
        share = entry.get("share", SHARES.get(key, DEFAULT_SHARE))
        if isinstance(share, bool) or not isinstance(share, (int, float)) or share < 0:
            raise ValueError(f"section {key!r}: share must be a number of at least 0")
        sections.append(SectionSpec(key=key, title=title, limit=limit, share=float(share)))
    keys = [s.key for s in sections]
    if BOTTOM_LINE in keys and SITUATION not in keys:
        raise ValueError(f"{BOTTOM_LINE!r} is drawn from Situation: add a {SITUATION!r} section too")
    return Template(name, description, folder, tuple(sections), builtin=builtin, budget=_budget(spec.get("budget")))


def _budget(raw: object) -> Budget:
    """The [budget] table (defaults for what it leaves out)."""
    if raw is None:
        return Budget()
    if not isinstance(raw, dict):
        raise ValueError("budget must be a table")
    unknown = set(raw) - {"words", "article_share", "line_words", "headline_words", "least_words"}
    if unknown:
        raise ValueError(f"budget: unknown key(s) {', '.join(sorted(unknown))}")
    values = {}
    for key in ("words", "line_words", "headline_words", "least_words"):
        if key in raw:
            value = raw[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"budget: {key} must be a whole number of at least 1")
            values[key] = value
    if "article_share" in raw:
        share = raw["article_share"]
        if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 <= share <= 1:
            raise ValueError("budget: article_share must be a number from 0 to 1")
        values["article_share"] = float(share)
    return Budget(**values)
