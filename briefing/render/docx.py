"""Word (.docx) output with python-docx, in Word's built-in styles only.

Restyle a brief by changing the styles in Word; nothing is formatted by hand:

* "Title": the brief's title; "Subtitle": a single story's headline (when it differs from the title);
  the date is a Normal paragraph.
* "Heading 1": section titles and "Sources" (with several stories: each story's headline, and
  "Heading 2" for its sections).
* "List Bullet": excerpts and sources; "Strong": the "Places:" label; "Hyperlink": source links.
* The actors table: "Light List Accent 1" (or "Table Grid" when the default template lacks it),
  header row repeated on each page.

The same Briefing always gives the same bytes: the core properties' dates come from the
brief's date (2000-01-01 when unknown) and the zip entries carry a fixed timestamp.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, date, datetime

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph

from .view import ACTORS, Block, BriefView, SourceItem

UNKNOWN_DATE = date(2000, 1, 1)
ZIP_DATE = (2000, 1, 1, 0, 0, 0)
TABLE_STYLES = ("Light List Accent 1", "Table Grid")
ACTOR_COLUMNS = ("Name", "Kind", "Role", "Mentions")
# Characters XML 1.0 cannot hold; python-docx would refuse the text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render_docx(view: BriefView) -> bytes:
    """The brief as a .docx file's bytes (deterministic)."""
    doc = Document()
    _set_properties(doc, view)
    doc.add_paragraph(_clean(view.title), style="Title")
    if view.subtitle:
        doc.add_paragraph(_clean(view.subtitle), style="Subtitle")
    if view.date_text:
        doc.add_paragraph(view.date_text)
    for story in view.stories:
        if story.show_headline:
            doc.add_paragraph(_clean(story.headline), style="Heading 1")
        heading = f"Heading {view.section_level}"
        for block in story.blocks:
            doc.add_paragraph(_clean(block.title), style=heading)
            if block.kind == ACTORS:
                _add_actors(doc, block)
            else:
                for item in block.items:
                    doc.add_paragraph(_clean(item.text), style="List Bullet")
        if story.sources:
            doc.add_paragraph("Sources", style=heading)
            for source in story.sources:
                _add_source(doc.add_paragraph(style="List Bullet"), source)
    out = io.BytesIO()
    doc.save(out)
    return _fix_zip_dates(out.getvalue())


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _set_properties(doc: DocumentObject, view: BriefView) -> None:
    props = doc.core_properties
    when = datetime.combine(view.date or UNKNOWN_DATE, datetime.min.time(), tzinfo=UTC)
    props.title = _clean(view.title)
    props.subject = "Briefing"
    props.author = "briefing"
    props.last_modified_by = "briefing"
    props.comments = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = when


def _add_actors(doc: DocumentObject, block: Block) -> None:
    if block.actors:
        names = {s.name for s in doc.styles if s.type == WD_STYLE_TYPE.TABLE}
        style = next((s for s in TABLE_STYLES if s in names), None)
        table = doc.add_table(rows=1, cols=len(ACTOR_COLUMNS), style=style)
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on each page
        for cell, text in zip(header.cells, ACTOR_COLUMNS, strict=True):
            cell.text = text
        for actor in block.actors:
            cells = table.add_row().cells
            for cell, text in zip(cells, (actor.name, actor.kind, actor.role, str(actor.mentions)),
                                  strict=True):
                cell.text = _clean(text)
    if block.places:
        para = doc.add_paragraph()
        para.add_run("Places:", style="Strong")
        para.add_run(" " + _clean(", ".join(block.places)))


def _add_source(para: Paragraph, source: SourceItem) -> None:
    if source.url:
        _add_hyperlink(para, _clean(source.title), source.url)
    else:
        para.add_run(_clean(source.title))
    if source.source:
        para.add_run(" — " + _clean(source.source))
    if source.published:
        para.add_run(f" ({source.published})")


def _add_hyperlink(para: Paragraph, text: str, url: str) -> None:
    """A run of `text` linking to `url`, in the built-in "Hyperlink" character style."""
    styles = para.part.document.styles
    if "Hyperlink" not in [s.name for s in styles if s.type == WD_STYLE_TYPE.CHARACTER]:
        style = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER, builtin=True)
        style.base_style = styles["Default Paragraph Font"]
        style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        style.font.underline = True
        style.priority = 99
        style.unhide_when_used = True
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), para.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = para.add_run(text, style="Hyperlink")
    link.append(run._r)  # moves the run into the link
    para._p.append(link)


def _fix_zip_dates(data: bytes) -> bytes:
    """The same zip with every entry dated ZIP_DATE (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info))
    return out.getvalue()
