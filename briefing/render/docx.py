"""Word (.docx) output with python-docx, in Word's styles.

Restyle a brief by changing the styles in Word, or start from a reference document
(`reference`: its styles, fonts, colours, page size and margins apply, as with pandoc's
--reference-doc); the text itself carries no hand formatting:

* "Title": the brief's title; "Subtitle": a single story's headline (when it differs from the title);
  the date is a Normal paragraph.
* "Heading 1": section titles, "Bottom line" and "Sources" (with several stories: each story's
  headline, a bookmark the contents and the bottom line link to, and "Heading 2" for its sections).
* With several stories, a contents list after the date: "TOC Heading", then one "Contents"
  paragraph per story, its headline a link to the story ("Hyperlink").
* "List Bullet": excerpts, sources and (several stories) bottom-line lines; "Bottom Line": a
  single story's bottom-line paragraph; "Strong": labels; "Hyperlink": source links.
* The actors table: "Light List Accent 1" (or "Table Grid" when the document lacks it), header
  row repeated on each page, no row split across a page, and, with a "Places" line after it,
  every row kept with the next, so that LibreOffice as Word keeps the table whole and on the
  page of that line (kept with the last row only, LibreOffice could still part them).
* Every page: a header with the title and date ("Header"), a footer with "Page N of M"
  ("Footer", PAGE and NUMPAGES fields) and, with a marking, the marking first in the header
  and last in the footer ("Marking"). The first page, which opens with the title itself, has a
  header of its own without it (the marking alone). A reference document's own header or
  footer with text or pictures is kept instead (as pandoc does), the marking still added to it.

Styles a reference document lacks are copied from python-docx's default template ("Marking",
"Bottom Line" and "Contents" are made when missing), so any .docx works as a reference.

The same Briefing always gives the same bytes: the core properties' dates come from the
brief's date (2000-01-01 when unknown) and the zip entries carry a fixed timestamp.
"""

from __future__ import annotations

import io
import re
import zipfile
from copy import deepcopy
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, nsmap, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.numbering import NumberingPart
from docx.section import _Footer, _Header
from docx.shared import Emu, Inches, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..errors import UsageError
from .view import ACTORS, Block, BriefView, Item, SourceItem, StoryLine

UNKNOWN_DATE = date(2000, 1, 1)
ZIP_DATE = (2000, 1, 1, 0, 0, 0)
TABLE_STYLES = ("Light List Accent 1", "Table Grid")
ACTOR_COLUMNS = ("Name", "Kind", "Role", "Mentions")
ACTOR_WIDTHS = (0.24, 0.20, 0.40, 0.16)  # shares of the text width
# Built-in styles the brief uses; copied from python-docx's default template when a reference lacks one.
BUILTIN_STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "Header", "Footer", "Strong",
                  "TOC Heading")
MARKING_STYLE = "Marking"
BOTTOM_LINE_STYLE = "Bottom Line"
CONTENTS_STYLE = "Contents"
CONTENTS_TITLE = "Contents"
RELATIONSHIP_NS = "{" + nsmap["r"] + "}"  # attributes naming a relationship: r:id, r:embed
# Characters XML 1.0 cannot hold; python-docx would refuse the text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render_docx(view: BriefView, reference: Path | None = None) -> bytes:
    """The brief as a .docx file's bytes (deterministic); `reference`: a .docx to take the styles from."""
    doc = _start(reference)
    set_properties(doc, view)
    _header_footer(doc, view)
    doc.add_paragraph(clean(view.title), style="Title")
    if view.subtitle:
        doc.add_paragraph(clean(view.subtitle), style="Subtitle")
    if view.date_text:
        doc.add_paragraph(view.date_text)
    if view.contents:
        doc.add_paragraph(CONTENTS_TITLE, style="TOC Heading")
        for story in view.contents:
            _add_internal_link(doc.add_paragraph(style=CONTENTS_STYLE), clean(story.headline), story.anchor)
    if view.bottom_line:
        doc.add_paragraph(clean(view.bottom_line.title), style="Heading 1")
        for line in view.bottom_line.lines:
            _add_bottom_line(doc, line, several=view.several)
    bookmark = 0
    for story in view.stories:
        if story.show_headline:
            bookmark += 1
            headline = clean(f"{story.headline} {story.tag}".strip())
            _bookmark(doc.add_paragraph(headline, style="Heading 1"), story.anchor, bookmark)
        heading = f"Heading {view.section_level}"
        for block in story.blocks:
            doc.add_paragraph(clean(block.title), style=heading)
            if block.kind == ACTORS:
                _add_actors(doc, block)
            else:
                for item in block.items:
                    _add_item(doc.add_paragraph(style="List Bullet"), item)
        if story.sources:
            doc.add_paragraph("Sources", style=heading)
            for source in story.sources:
                _add_source(doc.add_paragraph(style="List Bullet"), source)
    if view.also:
        doc.add_paragraph(clean(view.also_title), style="Heading 1")
        for line in view.also:
            para = doc.add_paragraph(style="List Bullet")
            if line.url:
                _add_hyperlink(para, clean(line.headline), line.url)
            else:
                para.add_run(clean(line.headline))
            para.add_run(" — " + clean(f"{line.count}, {line.outlets}" if line.outlets else line.count))
    return save_docx(doc)


def _add_item(paragraph, item: Item) -> None:
    """An excerpt bullet: its label in bold first, a seen-before note after, in italics."""
    if item.label:
        paragraph.add_run(clean(item.label)).bold = True
        paragraph.add_run(" — ")
    paragraph.add_run(clean(item.before))
    if item.emphasis:
        paragraph.add_run(clean(item.stressed)).bold = True
        paragraph.add_run(clean(item.after))
    if item.tag:
        paragraph.add_run(f" {item.tag}").italic = True


def clean(text: str) -> str:
    """Text without the characters XML cannot hold."""
    return _NOT_XML.sub("", text)


def open_docx(path: Path, what: str) -> DocumentObject:
    """A .docx opened with python-docx, or a one-line UsageError naming the file."""
    if not path.is_file():
        raise UsageError(f"{what} not found", source=str(path))
    try:
        return Document(str(path))
    except Exception as e:  # python-docx raises zip, XML, KeyError and ValueError alike
        raise UsageError(f"{what} is not a Word .docx file ({e.__class__.__name__})", source=str(path)) from None


def save_docx(doc: DocumentObject) -> bytes:
    """The document's bytes, every zip entry dated ZIP_DATE (python-docx stamps the current time)."""
    out = io.BytesIO()
    doc.save(out)
    return fix_zip_dates(out.getvalue())


PROPERTY_LIMIT = 255


def set_properties(doc: DocumentObject, view: BriefView) -> None:
    """Core properties from the brief alone (title, fixed author, dates from the brief's date)."""
    props = doc.core_properties
    when = datetime.combine(view.date or UNKNOWN_DATE, datetime.min.time(), tzinfo=UTC)
    title = clean(view.title)
    # Word caps core properties at 255 characters; a long headline is cut at a word there.
    props.title = title if len(title) <= PROPERTY_LIMIT else title[: PROPERTY_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    props.subject = "Briefing"
    props.author = "briefing"
    props.last_modified_by = "briefing"
    props.comments = props.keywords = props.category = props.content_status = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = when


# --- the document and its styles ------------------------------------------------------------------


def _start(reference: Path | None) -> DocumentObject:
    """A new document, or the reference document emptied of its text (its last section kept)."""
    if reference is None:
        doc = Document()
    else:
        doc = open_docx(reference, "reference document")
        body = doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
    _ensure_styles(doc)
    return doc


def _ensure_styles(doc: DocumentObject) -> None:
    names = {s.name for s in doc.styles}
    missing = [name for name in BUILTIN_STYLES if name not in names]
    if missing:
        default = _default_template()
        for name in missing:
            element = deepcopy(default.styles[name].element)
            for child in element.findall(qn("w:link")) + element.findall(qn("w:rsid")):
                element.remove(child)
            for num_id in element.iter(qn("w:numId")):  # List Bullet's bullets
                num_id.set(qn("w:val"), _copy_numbering(default, doc, num_id.get(qn("w:val"))))
            doc.styles.element.append(element)
    if MARKING_STYLE not in names:
        style = doc.styles.add_style(MARKING_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.bold = True
        style.font.all_caps = True
        style.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.paragraph_format.space_before = style.paragraph_format.space_after = Pt(0)
    if BOTTOM_LINE_STYLE not in names:
        style = doc.styles.add_style(BOTTOM_LINE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.next_paragraph_style = doc.styles["Normal"]
        style.font.size = Pt(12)
        style.paragraph_format.left_indent = Inches(0.15)
        style.paragraph_format.space_after = Pt(12)
        border = OxmlElement("w:pBdr")
        left = OxmlElement("w:left")
        for attr, value in (("val", "single"), ("sz", "24"), ("space", "8"), ("color", "4F81BD")):
            left.set(qn(f"w:{attr}"), value)
        border.append(left)
        style.element.get_or_add_pPr().append(border)
    if CONTENTS_STYLE not in names:
        style = doc.styles.add_style(CONTENTS_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.paragraph_format.left_indent = Inches(0.15)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(3)


@lru_cache(maxsize=1)
def _default_template() -> DocumentObject:
    return Document()


def _copy_numbering(source: DocumentObject, doc: DocumentObject, num_id: str) -> str:
    """Copy list definition `num_id` of `source` into `doc` under new ids; returns its new numId."""
    src = source.part.numbering_part.element
    (num,) = src.xpath(f'w:num[@w:numId="{num_id}"]')
    abstract_id = num.xpath("w:abstractNumId/@w:val")[0]
    (abstract,) = src.xpath(f'w:abstractNum[@w:abstractNumId="{abstract_id}"]')
    dst = _numbering(doc)
    new_abstract = str(max((int(v) for v in dst.xpath("w:abstractNum/@w:abstractNumId")), default=-1) + 1)
    new_num = str(max((int(v) for v in dst.xpath("w:num/@w:numId")), default=0) + 1)
    abstract, num = deepcopy(abstract), deepcopy(num)
    abstract.set(qn("w:abstractNumId"), new_abstract)
    num.set(qn("w:numId"), new_num)
    num.find(qn("w:abstractNumId")).set(qn("w:val"), new_abstract)
    abstracts, nums = dst.xpath("w:abstractNum"), dst.xpath("w:num")
    if abstracts:
        abstracts[-1].addnext(abstract)
    else:
        dst.insert(0, abstract)
    (nums[-1] if nums else abstract).addnext(num)
    return new_num


def _numbering(doc: DocumentObject) -> BaseOxmlElement:
    """The document's list definitions (w:numbering), made when it has none."""
    try:
        return doc.part.numbering_part.element
    except NotImplementedError:  # python-docx cannot make a numbering part itself
        part = NumberingPart(PackURI("/word/numbering.xml"), CONTENT_TYPE.WML_NUMBERING,
                             parse_xml(f"<w:numbering {nsdecls('w')}/>"), doc.part.package)
        doc.part.relate_to(part, RELATIONSHIP_TYPE.NUMBERING)
        return part.element


# --- header and footer ----------------------------------------------------------------------------


def _has_own_content(part: _Header | _Footer) -> bool:
    """Whether a (reference document's) header or footer holds text or pictures of its own."""
    if part.is_linked_to_previous:
        return False
    element = part._element
    return any(text.strip() for text in element.itertext()) or next(element.iter(qn("w:drawing")), None) is not None


def _empty(part: _Header | _Footer) -> None:
    for child in list(part._element):
        part._element.remove(child)


def _copy_content(source: _Header | _Footer, target: _Header | _Footer) -> None:
    """`target` holds a copy of `source`'s paragraphs and tables, pictures and links included."""
    _empty(target)
    rels = source.part.rels
    for child in source._element:
        copy = deepcopy(child)
        for element in copy.iter():
            for name, value in element.attrib.items():
                if name.startswith(RELATIONSHIP_NS) and value in rels:
                    rel = rels[value]
                    element.set(name, target.part.relate_to(
                        rel.target_ref if rel.is_external else rel.target_part, rel.reltype, rel.is_external))
        target._element.append(copy)


def _header_footer(doc: DocumentObject, view: BriefView) -> None:
    """Every page's header and footer (module docstring); the first page's header leaves the title out."""
    doc.settings.odd_and_even_pages_header_footer = False
    for section in doc.sections:
        header, footer = section.header, section.footer
        own_header, own_footer = _has_own_content(header), _has_own_content(footer)
        section.different_first_page_header_footer = not own_header
        header.is_linked_to_previous = footer.is_linked_to_previous = False
        if own_header:
            if view.marking:
                first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
                first.insert_paragraph_before(clean(view.marking), style=MARKING_STYLE)
        else:
            _empty(header)
            if view.marking:
                header.add_paragraph(clean(view.marking), style=MARKING_STYLE)
            header.add_paragraph(clean(view.running_head), style="Header")
            first_header, first_footer = section.first_page_header, section.first_page_footer
            first_header.is_linked_to_previous = first_footer.is_linked_to_previous = False
            _empty(first_header)
            first_header.add_paragraph(clean(view.marking or ""), style=MARKING_STYLE if view.marking else "Header")
            if own_footer:
                _copy_content(footer, first_footer)
            else:
                _empty(first_footer)
                _page_numbers(first_footer)
            if view.marking:
                first_footer.add_paragraph(clean(view.marking), style=MARKING_STYLE)
        if not own_footer:
            _empty(footer)
            _page_numbers(footer)
        if view.marking:
            footer.add_paragraph(clean(view.marking), style=MARKING_STYLE)


def _page_numbers(footer: _Footer) -> None:
    pages = footer.add_paragraph("Page ", style="Footer")
    pages.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(pages, "PAGE", "1")
    pages.add_run(" of ")
    add_field(pages, "NUMPAGES", "1")


def add_field(para: Paragraph, code: str, shown: str) -> None:
    """A Word field (e.g. PAGE) as Word writes it: begin, instruction, separate, result, end."""
    def char(kind: str) -> None:
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        para.add_run()._r.append(fld)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    para.add_run()._r.append(instr)
    char("separate")
    para.add_run(shown)
    char("end")


# --- body -------------------------------------------------------------------------------------------


def _add_bottom_line(doc: DocumentObject, line: StoryLine, *, several: bool) -> None:
    if not several:
        doc.add_paragraph(clean(line.text), style=BOTTOM_LINE_STYLE)
        return
    para = doc.add_paragraph(style="List Bullet")
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), line.anchor)
    run = para.add_run(clean(line.line))
    link.append(run._r)
    para._p.append(link)


def _bookmark(para: Paragraph, name: str, number: int) -> None:
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(number))
    para._p.insert(para._p.index(para._p.r_lst[0]) if para._p.r_lst else len(para._p), start)
    para._p.append(end)


def _text_width(doc: DocumentObject) -> int:
    section = doc.sections[-1]
    try:
        width = section.page_width - section.left_margin - section.right_margin
    except TypeError:  # a section without page size or margins
        width = 0
    return width if width > 0 else Inches(6)


def _add_actors(doc: DocumentObject, block: Block) -> None:
    if block.actors:
        names = {s.name for s in doc.styles if s.type == WD_STYLE_TYPE.TABLE}
        style = next((s for s in TABLE_STYLES if s in names), None)
        table = doc.add_table(rows=1, cols=len(ACTOR_COLUMNS), style=style)
        table.autofit = False
        widths = [Emu(int(_text_width(doc) * share)) for share in ACTOR_WIDTHS]
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on each page
        for cell, text in zip(header.cells, ACTOR_COLUMNS, strict=True):
            cell.text = text
        for actor in block.actors:
            cells = table.add_row().cells
            for cell, text in zip(cells, (actor.name, actor.kind, actor.role, str(actor.mentions)),
                                  strict=True):
                cell.text = clean(text)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
            for cell in column.cells:
                cell.width = width
        for row in table.rows:
            row.cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row never breaks across pages
        if block.places:  # the table stays whole, on the page of the "Places" line after it
            for row in table.rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True
    if block.places:
        para = doc.add_paragraph()
        if block.actors:  # else the block is headed "Places"
            para.add_run("Places:", style="Strong")
            para.add_run(" ")
        para.add_run(clean(", ".join(block.places)))


def _add_source(para: Paragraph, source: SourceItem) -> None:
    if source.url:
        _add_hyperlink(para, clean(source.title), source.url)
    else:
        para.add_run(clean(source.title))
    if source.outlet:
        para.add_run(" — " + clean(source.outlet))
    if source.source:
        para.add_run(" — " + clean(source.source))
    if source.published:
        para.add_run(f" ({source.published})")


def _add_hyperlink(para: Paragraph, text: str, url: str) -> None:
    """A run of `text` linking to `url`, in the built-in "Hyperlink" character style."""
    _link(para, text).set(qn("r:id"), para.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))


def _add_internal_link(para: Paragraph, text: str, bookmark: str) -> None:
    """A run of `text` linking to a bookmark of the document, in the "Hyperlink" character style."""
    _link(para, text).set(qn("w:anchor"), bookmark)


def _link(para: Paragraph, text: str) -> BaseOxmlElement:
    """A w:hyperlink (its target still to set) holding a run of `text` in the "Hyperlink" style."""
    styles = para.part.document.styles
    if "Hyperlink" not in [s.name for s in styles if s.type == WD_STYLE_TYPE.CHARACTER]:
        style = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER, builtin=True)
        if "Default Paragraph Font" in [s.name for s in styles]:
            style.base_style = styles["Default Paragraph Font"]
        style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        style.font.underline = True
        style.priority = 99
        style.unhide_when_used = True
    link = OxmlElement("w:hyperlink")
    run = para.add_run(text, style="Hyperlink")
    link.append(run._r)  # moves the run into the link
    para._p.append(link)
    return link


def fix_zip_dates(data: bytes) -> bytes:
    """The same zip with every entry dated ZIP_DATE."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info))
    return out.getvalue()
