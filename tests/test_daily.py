"""The daily brief end to end: folders, JSONL, feeds and pages on a local server, history, Dask."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from local_server import QuietServer

from briefing.api import documents
from briefing.cli import app
from briefing.compose import compose
from briefing.model import Actor, Excerpt, Section, Story
from briefing.options import RankOptions
from briefing.stories import group
from briefing.stories.merging import dangling, merge_actors, merge_stories, near_duplicate
from briefing.templates import load_template

DATA = Path(__file__).parent / "data" / "daily"
EVENTS = {"flood": ("flood-herald.txt", "flood-tribune.txt"), "election": ("election-daily.txt", "election-post.txt"),
          "launch": ("launch-wire.txt", "launch-journal.txt")}
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"NO_COLOR": None, "COLUMNS": "100"})


def _stories(data: dict) -> list[set[str]]:
    return [{Path(s["source"]).name.split(":")[0] for s in story["sources"]} for story in data["stories"]]


def test_folder_to_json_groups_the_events(tmp_path: Path) -> None:
    out = tmp_path / "daily.json"
    result = run("daily", str(DATA), "--no-history", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    stories = _stories(data)
    for files in EVENTS.values():
        assert set(files) in stories
    assert {"museum-local.txt"} in stories
    assert stories.index({"museum-local.txt"}) == len(stories) - 1  # one outlet: least important
    for story in data["stories"]:
        for section in story["sections"]:
            for item in section["items"]:
                source = next(s for s in story["sources"] if s["article_id"] == item["article_id"])
                text = (DATA / Path(source["source"]).name).read_text(encoding="utf-8")
                assert item["text"] in " ".join(text.split())


def test_story_threshold_sets_how_alike_one_storys_articles_are(tmp_path: Path) -> None:
    out = tmp_path / "daily.json"
    # The threshold is the pair probability at which articles still form one story: at 1.0 no pair is that sure.
    assert run("daily", str(DATA), "--no-history", "--story-threshold", "1.0", "-o", str(out)).exit_code == 0
    apart = _stories(json.loads(out.read_text(encoding="utf-8")))
    assert len(apart) == 7 and all(len(s) == 1 for s in apart)  # every article alone
    assert run("daily", str(DATA), "--no-history", "-o", str(out)).exit_code == 0
    default = _stories(json.loads(out.read_text(encoding="utf-8")))
    assert len(default) == 4  # three events of two articles each, and the museum alone
    assert run("daily", str(DATA), "--no-history", "--story-threshold", "0.0", "-o", str(out)).exit_code == 0
    together = _stories(json.loads(out.read_text(encoding="utf-8")))
    assert len(together) <= 4 and all(any(s <= t for t in together) for s in default)  # every candidate pair joins
    result = run("daily", str(DATA), "--no-history", "--story-threshold", "1.5")
    assert result.exit_code == 2 and "--story-threshold" in result.output


def test_situation_drops_near_duplicates_across_outlets() -> None:
    docs = documents([DATA / f for f in EVENTS["flood"]])
    spec = load_template("standard")
    result = compose(docs, spec, RankOptions(method="lead"), stories=group(docs))
    assert len(result.stories) == 1
    story = result.stories[0]
    shown = [e.text for e in story.section("situation").excerpts]
    assert {e.article_id for e in story.section("situation").excerpts} == {"flood-herald", "flood-tribune"}
    words = [frozenset(s.lower().split()) for s in shown]
    assert not any(near_duplicate(a, b) for i, a in enumerate(words) for b in words[i + 1:])
    names = [a.name for a in story.actors]
    assert names.count("Carlos Mazón") == 1
    mazon = next(a for a in story.actors if a.name == "Carlos Mazón")
    assert set(mazon.article_ids) == {"flood-herald", "flood-tribune"}


def test_merged_situation_leaves_out_sentences_that_lean_on_one_not_shown() -> None:
    """Among another outlet's sentences, "Its 573 students ..." would point at the wrong thing."""
    spec = next(s for s in load_template("standard").sections if s.key == "situation")
    a = Story("Attack on a university", (Section("situation", "Situation", (
        Excerpt("Militants killed 147 people at a university in Garissa on Thursday.", "a", 0, 3.0),
        Excerpt("Its students were sent home after the attack.", "a", 5, 2.5))),), (), (), ())
    b = Story("Kenya mourns", (Section("situation", "Situation", (
        Excerpt("The desks of the small school are empty.", "b", 0, 2.0),
        Excerpt("Its 573 students are staying home after three days of national mourning were announced.", "b", 1,
                1.9),
        Excerpt("But the government froze dozens of accounts linked to suspected terror supporters.", "b", 7,
                1.0))),), (), (), ())
    shown = [(e.article_id, e.sentence_index) for e in merge_stories([a, b], [spec]).section("situation").excerpts]
    assert shown == [("a", 0), ("b", 0), ("b", 1)]  # b's 1 follows its 0; a's 5 and b's 7 lean on unshown ones
    assert dangling(Excerpt("But it fell.", "x", 3), []) and not dangling(Excerpt("Italy voted.", "x", 3), [])
    lawyer = Excerpt("While he is an Israeli citizen, the lawyer is of Palestinian descent.", "x", 3, leans=True)
    assert dangling(lawyer, []) and not dangling(lawyer, [Excerpt("Ayman Odeh leads the list.", "x", 2)])


def test_the_sentence_the_other_articles_tell_most_opens_a_merged_situation() -> None:
    spec = next(s for s in load_template("standard").sections if s.key == "situation")

    def story(article: str, *texts: str) -> Story:
        excerpts = tuple(Excerpt(t, article, i, 2.0 - i) for i, t in enumerate(texts))
        return Story(article, (Section("situation", "Situation", excerpts),))

    merged = merge_stories([
        story("a", "A year ago a magazine profiled the governor as a likely candidate.",
              "Shares in the company fell sharply."),
        story("b", "Governor Mike Pence signed the religious freedom law on Thursday."),
        story("c", "Apple and Walmart condemned the religious freedom law."),
    ], [spec])
    texts = [e.text for e in merged.section("situation").excerpts]
    assert texts[0] == "Governor Mike Pence signed the religious freedom law on Thursday."
    assert texts[1:] == ["A year ago a magazine profiled the governor as a likely candidate.",
                         "Shares in the company fell sharply.",
                         "Apple and Walmart condemned the religious freedom law."]


def test_merge_actors_joins_surnames_and_sums_mentions() -> None:
    merged = merge_actors([
        [Actor("Pedro Sánchez", "person", "Prime Minister", 2, (), 0, ("a",))],
        [Actor("Sánchez", "person", None, 1, (), 3, ("b",)), Actor("AEMET", "organization", None, 1, (), 1, ("b",))],
    ])
    assert [(a.name, a.mentions, a.role) for a in merged] == [("Pedro Sánchez", 3, "Prime Minister"),
                                                              ("AEMET", 1, None)]
    assert merged[0].article_ids == ("a", "b") and "Sánchez" in merged[0].variants


def test_merge_actors_joins_one_name_spelled_two_ways() -> None:
    merged = merge_actors([
        [Actor("Abdu Rabu Mansour Hadi", "person", "President", 6, (), 0, ("a",))],
        [Actor("Abdo Rabbo Mansour Hadi", "person", "President", 4, (), 0, ("b",)),
         Actor("Mike Hadi", "person", None, 1, (), 2, ("b",))],
    ])
    assert [(a.name, a.mentions) for a in merged] == [("Abdo Rabbo Mansour Hadi", 10), ("Mike Hadi", 1)]


def test_merge_actors_keeps_two_people_of_one_surname_apart() -> None:
    merged = merge_actors([
        [Actor("Ted Cruz", "person", "Sen.", 5, ("Cruz",), 0, ("a",))],
        [Actor("Rafael Cruz", "person", "his father", 2, ("Cruz",), 0, ("b",)),
         Actor("Cruz", "person", None, 1, (), 3, ("b",))],
    ])
    assert [(a.name, a.mentions) for a in merged] == [("Ted Cruz", 6), ("Rafael Cruz", 2)]


def test_a_name_one_article_places_is_no_organisation_in_the_story() -> None:
    docs = documents([DATA / f for f in EVENTS["election"]])
    spec = load_template("standard")
    result = compose(docs, spec, RankOptions(method="lead"), stories=group(docs))
    story = result.stories[0]
    assert "Accra" in story.places
    assert "Accra" not in [a.name for a in story.actors]
    assert "Mahamudu Bawumia" in [a.name for a in story.actors]


def test_jsonl_with_a_bad_line_to_markdown_and_docx(tmp_path: Path) -> None:
    lines = [json.dumps({"title": p.read_text().splitlines()[0], "text": p.read_text().split("\n", 2)[2],
                         "url": f"https://news.example/{p.stem}", "published": "2024-10-29"})
             for p in sorted(DATA.glob("*.txt"))]
    lines.insert(2, "{not json")
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    md = tmp_path / "daily.md"
    result = run("daily", str(source), "--no-history", "-o", str(md))
    assert result.exit_code == 3  # the bad line is reported, the brief is still made
    assert "articles.jsonl" in result.stderr and "line 3" in result.stderr
    text = md.read_text(encoding="utf-8")
    assert "Bottom line" in text and "Valencia" in text and "https://news.example/flood-herald" in text
    out = tmp_path / "daily.docx"
    assert run("daily", str(source), "--no-history", "-o", str(out)).exit_code == 3
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name.startswith("Heading")]
    assert any("Valencia" in h for h in headings) and any("Ghana" in h or "Mahama" in h for h in headings)


class _News(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        name = self.path.strip("/")
        if name == "feed.xml":
            items = "".join(
                f"<item><title>{p.stem}</title><link>{base}/{p.stem}.html</link>"
                f"<description>{p.read_text().splitlines()[2]}</description></item>"
                for p in sorted(DATA.glob("*.txt"))
            ) + (f"<item><title>Gone</title><link>{base}/gone.html</link><description>Storm clouds gathered over "
                 "the harbour on Friday as ferries stayed in port. Sailors waited for the wind to drop."
                 "</description></item>")
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>{items}</channel></rss>'
            self._send(200, body.encode(), "application/rss+xml")
        elif name.endswith(".html") and (DATA / f"{name[:-5]}.txt").exists():
            title, _, text = (DATA / f"{name[:-5]}.txt").read_text().partition("\n\n")
            paragraphs = "".join(f"<p>{s}.</p>" for s in text.strip().rstrip(".").split(". "))
            page = (f"<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
                    f"<article><h1>{title}</h1>{paragraphs}</article><footer>© Local News</footer></body></html>")
            self._send(200, page.encode(), "text/html; charset=utf-8")
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def news_server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), _News)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_feed_and_pages_from_a_local_server(news_server: str, tmp_path: Path) -> None:
    out = tmp_path / "daily.json"
    result = run("daily", f"{news_server}/feed.xml", f"{news_server}/museum-local.html", "--allow-private",
                 "--no-history", "--workers", "2", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "gone.html" in result.stderr and "feed item's own text" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    urls = {s["url"] for story in data["stories"] for s in story["sources"]}
    assert f"{news_server}/flood-herald.html" in urls
    assert f"{news_server}/museum-local.html" in urls
    flood = next(st for st in data["stories"] if any("flood-herald" in (s["url"] or "") for s in st["sources"]))
    assert {s["url"] for s in flood["sources"]} == {f"{news_server}/flood-herald.html",
                                                    f"{news_server}/flood-tribune.html"}
    text = " ".join(i["text"] for s in flood["sections"] for i in s["items"])
    assert "Home | World" not in text and "Local News" not in text


def test_private_addresses_need_allow_private(news_server: str, tmp_path: Path) -> None:
    result = run("daily", f"{news_server}/feed.xml", "--no-history", "-o", str(tmp_path / "d.md"))
    assert result.exit_code == 3
    assert "private" in result.stderr or "loopback" in result.stderr
    assert not (tmp_path / "d.md").exists()


def test_history_marks_repeated_stories_as_seen(tmp_path: Path) -> None:
    history = tmp_path / "history.sqlite3"
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    flood = [str(DATA / f) for f in EVENTS["flood"]]
    assert run("daily", *flood, "--history", str(history), "-o", str(first)).exit_code == 0
    both = [*flood, *(str(DATA / f) for f in EVENTS["launch"])]
    assert run("daily", *both, "--history", str(history), "-o", str(second)).exit_code == 0
    assert not any(s["seen"] for s in json.loads(first.read_text())["stories"])
    seen = {s["headline"]: s["seen"] for s in json.loads(second.read_text())["stories"]}
    assert [v for k, v in seen.items() if "Valencia" in k] == [True]
    assert [v for k, v in seen.items() if "Ariane" in k] == [False]
    listing = run("history", "--history", str(history)).stdout.strip().splitlines()
    assert len(listing) == 2 and all("Daily brief" in line for line in listing)


def test_terminal_output() -> None:
    result = run("daily", str(DATA), "--no-history")
    assert result.exit_code == 0
    assert "Bottom line" in result.stdout and "Valencia" in result.stdout


def test_dask_local_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        out = tmp_path / "daily.json"
        result = run("daily", str(DATA), "--no-history", "--dask-scheduler", cluster.scheduler_address,
                     "-o", str(out))
        assert result.exit_code == 0, result.output
    local = tmp_path / "local.json"
    assert run("daily", str(DATA), "--no-history", "-o", str(local)).exit_code == 0
    assert json.loads(out.read_text()) == json.loads(local.read_text())


def test_nothing_is_dropped_every_article_has_its_story_or_line(tmp_path: Path) -> None:
    out = tmp_path / "daily.json"
    assert run("daily", str(DATA), "--no-history", "--stories", "2", "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["stories"]) == 2 and data["also_today"]
    placed = [a for story in data["stories"] for a in story["article_ids"]]
    placed += [s["article_id"] for line in data["also_today"] for s in line["sources"]]
    assert sorted(placed) == sorted(p.stem for p in DATA.glob("*.txt"))  # every article, once
    line = data["also_today"][0]
    assert line["articles"] == len(line["sources"]) and line["outlets"]
    for fmt in ("md", "txt", "html"):
        page = tmp_path / f"daily.{fmt}"
        assert run("daily", str(DATA), "--no-history", "--stories", "2", "-o", str(page)).exit_code == 0
        assert "Also today" in page.read_text(encoding="utf-8") and line["headline"] in page.read_text(encoding="utf-8")


def test_a_daily_brief_is_dated_by_its_newest_article_else_today() -> None:
    from datetime import date

    import briefing

    undated = briefing.daily_brief([DATA / "flood-herald.txt"])
    assert undated.date == date.today()
    assert briefing.daily_brief([DATA / "flood-herald.txt"], brief_date=date(2024, 10, 30)).date == date(2024, 10, 30)
