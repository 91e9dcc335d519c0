"""Ingest from real material: feeds of every shape, raw XML, headlines, extraction, furniture and encodings.

Each test stands for a failure seen on real pages and feeds, with a small input made for it
(a file under tests/data/ingest, or built in the test).
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import app
from briefing.errors import InputError
from briefing.ingest import read_bytes, read_path
from briefing.ingest.feed import feed_title, is_feed, read_feed
from briefing.ingest.sources import collect
from briefing.options import ReadOptions

DATA = Path(__file__).parent / "data" / "ingest"
runner = CliRunner()

BRIDGE = "The old river bridge in Millbrook closed on Tuesday after engineers found deep cracks in two of its piers."


def _collect(*sources: str) -> tuple[list, list[tuple[str, str]]]:
    errors: list[tuple[str, str]] = []
    articles = collect(list(sources), ReadOptions(), on_error=lambda s, m: errors.append((s, m)))
    return articles, errors


# --- feeds -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["prefixed.rss", "utf16.rss", "utf32.rss", "channel.cdf"])
def test_feeds_of_every_shape_are_read_as_feeds(name: str) -> None:
    data = (DATA / name).read_bytes()
    assert is_feed(data, "") and is_feed(data, "text/xml")
    articles, errors = _collect(str(DATA / name))
    assert errors == []
    assert [a.title for a in articles] == ["Millbrook bridge closes after cracks found",
                                           "Valley grape harvest starts early"]
    assert articles[0].text == BRIDGE


def test_utf16_feed_without_a_declaration_and_big_endian_without_a_mark() -> None:
    text = (DATA / "prefixed.rss").read_text().replace("r:", "").replace(' xmlns:r="http://example.org/ns/rss"', "")
    bare = text.split("\n", 1)[1]  # no XML declaration
    for data in (bare.encode("utf-16"), text.replace("utf-8", "utf-16").encode("utf-16-be")):
        assert is_feed(data, "")
        articles = read_feed("f.rss", data=data, on_error=lambda s, m: None)
        assert articles[0].text == BRIDGE


def test_feed_titles_lose_their_html_and_entities() -> None:
    articles = read_feed(str(DATA / "html-titles.rss"), on_error=lambda s, m: None)
    assert [a.title for a in articles] == ["Millbrook bridge closes & traffic is diverted",
                                           "Grape harvest starts early – growers & pickers busy"]
    assert feed_title("Rates &lt; 5% <i>again</i>") == "Rates < 5% again"
    assert feed_title("AT&T and T-Mobile") == "AT&T and T-Mobile"


def test_xml_that_is_not_a_feed_is_never_briefed_as_markup(tmp_path: Path) -> None:
    articles, errors = _collect(str(DATA / "sitemap.xml"))
    assert articles == []
    assert errors == [(str(DATA / "sitemap.xml"), "XML with no article text (not a feed, nor a page): nothing to "
                                                   "brief")]
    with pytest.raises(InputError, match="XML with no article text"):
        read_bytes((DATA / "sitemap.xml").read_bytes(), "page", kind=None)  # text/xml from a server: sniffed
    result = runner.invoke(app, ["brief", str(DATA / "sitemap.xml"), "-o", str(tmp_path / "b.md")])
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert result.stderr.strip().splitlines() == [f"briefing: error: {DATA / 'sitemap.xml'}: XML with no article "
                                                  "text (not a feed, nor a page): nothing to brief"]


def test_xml_with_article_text_gives_its_prose() -> None:
    article = read_path(DATA / "story.xml")
    assert article.title == "Millbrook bridge closes after cracks found"
    assert article.text.split("\n\n")[0] == ("The old river bridge in Millbrook closed on Tuesday after engineers "
                                             "found deep cracks in two of its supporting piers.")
    assert "<" not in article.text and len(article.text.split("\n\n")) == 3
    assert str(article.published) == "2024-01-02"


def test_a_feed_given_as_one_article_is_refused_with_a_hint() -> None:
    with pytest.raises(InputError, match="an RSS/Atom feed, not an article: feeds are read by `briefing daily`"):
        read_path(DATA / "prefixed.rss")


def test_xhtml_with_an_xml_declaration_is_a_page() -> None:
    body = "".join(f"<p>{BRIDGE} Paragraph {i} goes on about the closure and its effects.</p>" for i in range(4))
    page = (f'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            f"<title>Bridge closes</title></head><body><article>{body}</article></body></html>")
    article = read_bytes(page.encode(), "page.xml")
    assert article.text.startswith(BRIDGE) and "<p>" not in article.text


def test_daily_reads_every_feed_shape_and_reports_the_raw_xml(tmp_path: Path) -> None:
    out = tmp_path / "day.md"
    sources = [str(DATA / n) for n in ("prefixed.rss", "utf16.rss", "channel.cdf", "sitemap.xml", "story.xml")]
    result = runner.invoke(app, ["daily", *sources, "--no-history", "-o", str(out)])
    assert "Traceback" not in result.output
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("briefing: error:")]
    assert errors == [f"briefing: error: {DATA / 'sitemap.xml'}: XML with no article text (not a feed, nor a page): "
                      "nothing to brief"]
    brief = out.read_text(encoding="utf-8")
    assert "deep cracks" in brief and "<" + "r:" not in brief and "urlset" not in brief


# --- headlines ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "title"), [
    ("site-suffix.html", "Senate passes budget bill after all-night session"),  # " | CNN Politics", og:site_name CNN
    ("host-suffix.html", "Tokyo issues first same-sex partnership certificates"),  # " - The Japan Times", by the host
    ("generic-title.html", "Council approves new transport plan"),  # <title>escenic</title>: og:title
    ("home-title.html", "Millbrook bridge closes after cracks found"),  # "Home | Millbrook Gazette": the <h1>
])
def test_page_titles_are_the_story_s_headline(name: str, title: str) -> None:
    assert read_path(DATA / name).title == title


def test_the_site_suffix_goes_only_when_it_is_the_site_s_name() -> None:
    from briefing.ingest.headline import choose_title, site_names, strip_site

    cnn = site_names("CNN", url="https://edition.cnn.com/2015/04/02/politics/x")
    assert strip_site("Senate passes bill | CNN Politics", cnn) == "Senate passes bill"
    assert strip_site("Senate passes bill — CNN", cnn) == "Senate passes bill"
    assert strip_site("CNN - Senate passes bill", cnn) == "Senate passes bill"
    assert strip_site("Senate passes bill - Reuters", cnn) == "Senate passes bill - Reuters"  # not this site
    assert strip_site("Ukraine war - live updates", cnn) == "Ukraine war - live updates"
    assert strip_site("Covid-19 cases rise in CNN poll", cnn) == "Covid-19 cases rise in CNN poll"
    assert strip_site("Home | CNN", cnn) == "Home"
    assert choose_title(["CNN | CNN Politics", "Home | CNN", "Senate passes bill | CNN"], cnn) == "Senate passes bill"
    google = site_names(url="https://news.google.com/rss/articles/x")
    assert strip_site("Google unveils new phone - The Verge", google) == "Google unveils new phone - The Verge"
    japan = site_names(url="https://www.japantimes.co.jp/news/x")
    assert strip_site("Tokyo issues certificates - The Japan Times", japan) == "Tokyo issues certificates"
    bbc = site_names(url="http://www.bbc.co.uk/news/world-123")
    assert strip_site("BBC News - Syria talks resume in Geneva", bbc) == "Syria talks resume in Geneva"


@pytest.mark.parametrize(("title", "url", "expected"), [
    ("Ukraine war - live updates", "https://news.example.org/live", "Ukraine war - live updates"),
    ("U.S. stocks fall - Reuters", None, "U.S. stocks fall - Reuters"),
    ("U.S. stocks fall - Reuters", "https://www.reuters.com/markets/us/stocks", "U.S. stocks fall"),
])
def test_a_title_part_that_is_not_the_site_s_name_stays(title: str, url: str | None, expected: str) -> None:
    page = (f"<html><head><title>{title}</title></head><body><article>"
            f"<p>{BRIDGE}</p><p>A second paragraph follows with more of the story.</p></article></body></html>")
    assert read_bytes(page.encode(), "live.html", url=url).title == expected


def test_a_trailing_part_repeated_across_a_site_s_pages_is_cut(tmp_path: Path) -> None:
    titles = ["Bridge closes after cracks found - Gazette Online", "Harvest starts early - Gazette Online",
              "Library opens late on Sundays - Gazette Online", "Lords wrong on detainees - Straw",
              "Straw defends detention law - Other Paper"]
    for number, title in enumerate(titles):
        (tmp_path / f"{number}.html").write_text(
            f"<html><head><title>{title}</title><meta property='og:title' content='{title}'></head>"
            f"<body><article><p>{BRIDGE}</p><p>Story {number} goes on "
            "here with a second sentence of its own.</p></article></body></html>", encoding="utf-8")
    articles, errors = _collect(str(tmp_path))
    assert errors == []
    assert [a.title for a in articles] == ["Bridge closes after cracks found", "Harvest starts early",
                                           "Library opens late on Sundays", "Lords wrong on detainees - Straw",
                                           "Straw defends detention law - Other Paper"]


def test_a_part_that_repeats_now_and_then_stays() -> None:
    from briefing.ingest.headline import strip_repeated_suffixes
    from briefing.model import Article

    titles = ["Lords wrong on detainees - Straw", "Blunkett row should end - Blair", "Choose hope over fear - Kennedy",
              "Schools plan will go ahead - Blair", "Budget passes", "Rates rise again", "Snow closes roads"]
    articles = [Article(id=str(i), text="x", title=t, source=f"day.jsonl:{i}") for i, t in enumerate(titles)]
    assert [a.title for a in strip_repeated_suffixes(articles)] == titles
    feed = [Article(id=str(i), text="x", title=f"{t} - Gazette", url=f"https://gazette.example/{i}")
            for i, t in enumerate(titles[4:])]
    assert [a.title for a in strip_repeated_suffixes(feed)] == titles[4:]


def test_feed_item_titles_lose_the_feed_s_site_name() -> None:
    feed = ("<rss version='2.0'><channel><title>Gazette Online - Top stories</title>"
            f"<item><title>Bridge closes after cracks found | Gazette Online</title><description>{BRIDGE}"
            "</description></item><item><title>Harvest starts - early</title><description>Farmers began the "
            "harvest early this year.</description></item></channel></rss>").encode()
    articles = read_feed("feed.rss", data=feed)
    assert [a.title for a in articles] == ["Bridge closes after cracks found", "Harvest starts - early"]


# --- extraction --------------------------------------------------------------------------------------------

def test_a_blog_post_precision_loses_is_read_whole() -> None:
    article = read_path(DATA / "blog-post.html")  # favouring precision keeps only "May 19, 2020"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 5 and len(article.text) > 500
    assert paragraphs[0].startswith("The drought has now lasted eleven weeks")
    assert paragraphs[-1].endswith("half of what it was last year.")


def test_a_table_layout_page_precision_refuses_is_read() -> None:
    article = read_path(DATA / "table-layout.html")  # favouring precision finds no text at all
    assert article.text.split("\n\n") == [
        "Workers finished repairing the harbour wall in Porthmoor on Wednesday, five months after winter storms "
        "broke a ten-metre section.",
        "The repairs cost 1.2 million pounds, paid for by the county council and a government flood defence grant.",
        "Fishermen said they could now moor their boats safely inside the harbour for the first time since January."]


def test_comments_are_not_taken_for_the_article() -> None:
    article = read_path(DATA / "comments-page.html")
    assert article.text.split("\n\n") == [
        "The town library will open late on Sundays from next month, the council said on Wednesday.",
        "Opening hours will run from noon until eight in the evening, two hours later than now."]


def test_lines_in_their_own_divs_are_neither_glued_nor_broken() -> None:
    from briefing.nlp.sentences import segment

    article = read_path(DATA / "div-lines.html")
    sentences = [s.text for s in segment(article).sentences]
    assert sentences == [
        "The old river bridge in Millbrook closed on Tuesday.", "Engineers found deep cracks in two of its piers.",
        "City officials said it would stay closed for three months.",
        "Traffic is being sent over the northern crossing, which adds twenty minutes to the journey into town for "
        "people who live on the east bank.", "Shop owners there said they feared losing customers during the closure."]


# --- encoding ----------------------------------------------------------------------------------------------

def _html_page(body: str, head: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return f"<html><head>{head}<title>Bridge closes</title></head><body><article>{paragraphs}</article></body></html>"


CAFE = ("The café on the bridge – a Millbrook landmark since 1921 – closed on Tuesday.\n"
        "Engineers found deep cracks in two of the bridge’s piers during a routine inspection.\n"
        "The owner said the closure would cost the café its summer trade.")


def test_one_bad_byte_in_a_utf8_page_is_dropped_with_a_note() -> None:
    data = _html_page(CAFE).encode().replace(b"routine", b"rou\xfftine")
    article = read_bytes(data, "page.html")
    assert "routine inspection" in article.text and "café" in article.text
    offset = data.index(b"\xff")
    assert article.notes == (f"dropped 1 byte that is not UTF-8 (the first at offset {offset})",)
    declared = _html_page(BRIDGE, '<meta charset="utf-8">').encode().replace(b"river", b"ri\x92ver")
    assert "river bridge" in read_bytes(declared, "page.html").text


def test_text_that_is_mostly_not_utf8_is_still_refused_with_the_hint() -> None:
    for data in (CAFE.encode("cp1252", errors="replace"), _html_page(CAFE).encode("cp1252", errors="replace"),
                 "Café au lait.".encode("latin-1")):
        with pytest.raises(InputError, match="--encoding"):
            read_bytes(data, "f.html")
    mixed = CAFE.encode() + b"\n" + CAFE.encode("cp1252", errors="replace") * 3
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_bytes(mixed, "m.txt")


def test_a_page_labelled_gb2312_that_is_valid_utf8_is_read_as_utf8() -> None:
    from briefing.ingest.web import FetchResult, to_article

    text = "北京市周二宣布新的交通计划。\n" + BRIDGE + "\nThe café owners said they were worried."
    data = _html_page(text, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode()
    article = read_bytes(data, "page.html")
    assert "北京市周二宣布新的交通计划。" in article.text and "café" in article.text
    fetched = FetchResult(url="http://x.example/a", final_url="http://x.example/a", content_type="text/html",
                          data=_html_page(text).encode(), charset="gb2312")
    assert "北京市周二宣布新的交通计划。" in to_article(fetched).text
    legacy = _html_page(text.replace("é", "e"), '<meta charset="gb2312">').encode("gb2312")
    assert "北京市周二宣布新的交通计划。" in read_bytes(legacy, "page.html").text  # a real gb2312 page
    latin = FetchResult(url="http://x.example/b", final_url="http://x.example/b", content_type="text/html",
                        data=_html_page(CAFE).encode("cp1252"), charset="windows-1252")
    assert "café on the bridge – a Millbrook landmark" in to_article(latin).text


def test_utf32_big_endian_and_utf16_xml_without_a_mark_are_text() -> None:
    text = "The council met on Monday and approved the plan. Café owners cheered the decision on Tuesday."
    assert read_bytes(codecs.BOM_UTF32_BE + text.encode("utf-32-be"), "a.txt").text == text
    story = (DATA / "story.xml").read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    article = read_bytes(story.encode("utf-16-le"), "story.xml")
    assert article.title == "Millbrook bridge closes after cracks found" and "\x00" not in article.text



# --- furniture ---------------------------------------------------------------------------------------------

FURNITURE = [
    "(function() {", "var player = document.getElementById('player');", "window.dataLayer = window.dataLayer || [];",
    "googletag.cmd.push(function() { googletag.display('ad-1'); });", "});",
    "Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
    "This content is created by our advertiser.",
    "We use cookies to improve your experience on our site.", "By continuing to use this site you agree to our terms.",
    "Subscribe to continue reading.", "This article is only available to subscribers.",
    "You have reached your limit of free articles.", "Already a subscriber? Sign in",
    "CNN's Jane Doe contributed to this report.", "The Associated Press contributed to this report.",
    "Reporting by John Smith; Editing by Jane Roe", "Additional reporting by Jane Roe in London.",
    "Jason Hanna reported and wrote from Atlanta.", "By Jane Doe and John Roe, CNN",
    "READ MORE: Council votes to close the bridge", "Read more: Why the bridge closed", "Related: Budget passes",
    "Photo: Getty Images", "(AP Photo/Evan Vucci)", "Photograph: Reuters", "Image copyright Getty Images",
    "Mandel Ngan/AFP via Getty Images", "AFP/Getty Images", "(Photo by Chip Somodevilla/Getty Images)",
    "Updated 10:32 AM ET, Tue May 19, 2020", "May 19, 2020", "Share this article",
]
NEWS_SENTENCES = [
    "The council voted on Monday to close the bridge.", "Various officials said (in a statement) that the plan stands.",
    "New York officials said the bridge would reopen.", "He said the drought contributed.",
    "By Monday, the council had voted to close it.", "Read more books, the minister told pupils.",
    "The company's subscribers rose to 5 million.", "MORE THAN 100 PEOPLE DIED IN THE FLOOD.",
    "Photos of the scene showed the damage.", "Reuters reported that talks had stalled.",
    "On May 19, 2020, the bridge closed.", "The vote was 5-2; the plan passed.", "Credit card debt rose 5% last year.",
    "Video footage showed the bridge collapsing.", "Apple (AAPL) shares rose 3% on Tuesday.",
    "The agency's cookie policy was criticised by regulators.", "Compiled by the central bank and sponsored by "
    "the Royal Bank of Scotland, the survey found that 39 nations of the 65 questioned were buying more gold.",
]


@pytest.mark.parametrize("sentence", FURNITURE)
def test_page_furniture_is_caught(sentence: str) -> None:
    from briefing.nlp.furniture import is_furniture_sentence

    assert is_furniture_sentence(sentence)


@pytest.mark.parametrize("sentence", NEWS_SENTENCES)
def test_news_sentences_are_not_furniture(sentence: str) -> None:
    from briefing.nlp.furniture import is_furniture_sentence

    assert not is_furniture_sentence(sentence)


def test_furniture_is_never_shown_and_never_the_lede() -> None:
    import briefing
    from briefing.model import Article

    text = "\n\n".join([
        "Photo: Getty Images", "READ MORE: Why the old bridge was never repaired",
        "The old river bridge in Millbrook closed on Tuesday after engineers found deep cracks in two of its piers.",
        "City officials said the bridge would stay closed for at least three months while repairs are designed.",
        "Advertisement", "Traffic is being sent over the northern crossing, adding twenty minutes to journeys.",
        "Subscribe to continue reading.", "Local shop owners on the east bank said they feared losing customers.",
        "The council will meet on Thursday to discuss a relief fund for businesses near the bridge.",
        "(function() {", "CNN's Jane Doe contributed to this report."])
    brief = briefing.brief(Article(id="bridge", text=text, title="Millbrook bridge closes"), sentences=3)
    story = brief.stories[0]
    shown = [e.text for section in story.sections for e in section.excerpts]
    assert shown, "the brief shows sentences"
    for furniture in ("Photo:", "READ MORE", "Advertisement", "Subscribe", "function", "contributed"):
        assert not any(furniture in s for s in shown), furniture
    situation = next(s for s in story.sections if s.key == "situation")
    assert situation.excerpts[0].text.startswith("The old river bridge in Millbrook closed on Tuesday")


def test_the_lede_is_the_first_sentence_that_is_not_furniture() -> None:
    import briefing
    from briefing.model import Article

    names = ["Ann Lee", "Bob Cray", "Cal Dunn", "Dee Fox", "Eve Gray", "Fay Hunt"]
    body = [f"Councillor {name} backed the budget that raises spending on schools, roads and council housing across "
            "the city." for name in names]
    text = "\n\n".join(["READ MORE: Council budget explained", "Snow closed the town hall.", *body])
    brief = briefing.brief(Article(id="budget", text=text, title="Council budget"), sentences=2)
    situation = next(s for s in brief.stories[0].sections if s.key == "situation")
    assert situation.excerpts[0].text == "Snow closed the town hall."  # ranked last, but the lede
    assert all("READ MORE" not in e.text for e in situation.excerpts)

