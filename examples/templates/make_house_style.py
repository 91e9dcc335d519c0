"""Make the example Word files for a house style (run from anywhere; rewrites them in place).

* `house-style.docx`: a Word template with Jinja tags (docxtpl), used with
  `briefing brief ARTICLE -o brief.docx --docx-template examples/templates/house-style.docx`.
  Open it in Word to see the tags; edit its layout and styles there, keep the tags.
* `agency/reference.docx`: a reference document (fonts, colours, A4 margins) that the
  `agency` template folder applies to Word output, like `--reference-docx`.

Tags (docxtpl): `{{ ... }}` inside a paragraph, `{%p ... %}` alone in a paragraph,
`{%tr ... %}` alone in a table row, `{{r link(text, url) }}` for a hyperlink. The
context is `brief`, the view model of briefing/render/view.py (BriefView).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from briefing.render.docx import add_field, save_docx

HERE = Path(__file__).parent
NAVY = RGBColor(0x1F, 0x3A, 0x5F)
TEAL = RGBColor(0x00, 0x6D, 0x77)
RED = RGBColor(0xB0, 0x00, 0x20)


def house_document() -> DocumentObject:
    """A document in the house style: A4, Liberation fonts, navy and teal headings."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2)
    styles = doc.styles
    styles["Normal"].font.name = "Liberation Serif"
    styles["Normal"].font.size = Pt(11)
    for name, size, colour in (("Title", 24, NAVY), ("Subtitle", 13, TEAL), ("Heading 1", 15, NAVY),
                               ("Heading 2", 12, TEAL)):
        font = styles[name].font
        font.name, font.size, font.color.rgb, font.italic = "Liberation Sans", Pt(size), colour, False
        rfonts = styles[name].element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)  # a theme font would win over the name
    for name in ("Header", "Footer"):
        styles[name].font.name = "Liberation Sans"
        styles[name].font.size = Pt(8)
        styles[name].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    doc.core_properties.author = "ACME analysis desk"
    return doc


def make_docx_template() -> DocumentObject:
    """The docxtpl template: the house style with the brief's layout in Jinja tags."""
    doc = house_document()
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.text = "{% if brief.marking %}{{ brief.marking }}{% endif %}"
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header.runs[0].font.bold, header.runs[0].font.color.rgb = True, RED
    section.header.add_paragraph("ACME analysis · {{ brief.running_head }}", style="Header")
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Page ")
    add_field(footer, "PAGE", "1")
    footer.add_run(" of ")
    add_field(footer, "NUMPAGES", "1")
    marking = section.footer.add_paragraph("{% if brief.marking %}{{ brief.marking }}{% endif %}")
    marking.alignment = WD_ALIGN_PARAGRAPH.CENTER
    marking.runs[0].font.bold, marking.runs[0].font.color.rgb = True, RED

    add = doc.add_paragraph
    add("{{ brief.title }}", style="Title")
    add("{%p if brief.subtitle %}")
    add("{{ brief.subtitle }}", style="Subtitle")
    add("{%p endif %}")
    add("{%p if brief.date_text %}")
    add("{{ brief.date_text }}")
    add("{%p endif %}")
    add("{%p if brief.bottom_line %}")
    add("{{ brief.bottom_line.title }}", style="Heading 1")
    add("{%p for line in brief.bottom_line.lines %}")
    bottom = add("{% if brief.several %}{{ line.headline }}{% if line.text %}: {% endif %}{% endif %}{{ line.text }}",
                 style="Intense Quote")
    bottom.alignment = WD_ALIGN_PARAGRAPH.LEFT
    add("{%p endfor %}")
    add("{%p endif %}")
    add("{%p for story in brief.stories %}")
    add("{%p if story.show_headline %}")
    add("{{ story.headline }}", style="Heading 1")
    add("{%p endif %}")
    add("{%p for block in story.blocks %}")
    add("{{ block.title }}", style="Heading 2")
    add('{%p if block.kind == "actors" %}')
    table = doc.add_table(rows=4, cols=2, style="Light List Accent 1")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = (("Name", "Role"), ("{%tr for actor in block.actors %}", ""),
            ("{{ actor.name }}", "{{ actor.role }}"), ("{%tr endfor %}", ""))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    add("{% if block.places %}Places: {{ block.places|join(', ') }}{% endif %}")
    add("{%p else %}")
    add("{%p for item in block.items %}")
    add("{{ item.text }}", style="List Bullet")
    add("{%p endfor %}")
    add("{%p endif %}")
    add("{%p endfor %}")
    add("{%p if story.sources %}")
    add("Sources", style="Heading 2")
    add("{%p for source in story.sources %}")
    add("{{r link(source.title, source.url) }}{% if source.published %} ({{ source.published }}){% endif %}",
        style="List Bullet")
    add("{%p endfor %}")
    add("{%p endif %}")
    add("{%p endfor %}")
    return doc


def main() -> None:
    for path, doc in ((HERE / "house-style.docx", make_docx_template()),
                      (HERE / "agency" / "reference.docx", house_document())):
        doc.core_properties.title = path.stem
        path.write_bytes(save_docx(doc))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
