"""Section quality on the annotated dev set: actors, roles, background, quote attribution.

    python benchmarks/sections_eval.py                       # the report (25 annotated CNN articles)
    python benchmarks/sections_eval.py --gold eval/annotations/cnndm-dev-fresh6-20.jsonl   # another set
    python benchmarks/sections_eval.py --errors              # also each article's misses and false finds
    python benchmarks/sections_eval.py --tiers               # quote speakers by the inference that gave them
    python benchmarks/sections_eval.py PATH/cnndm-dev.jsonl  # the texts from elsewhere

The gold set is `eval/annotations/cnndm-dev-25.jsonl`, made by hand following
`eval/annotations/guidelines.md` (which also defines the matching rules used here). It
holds ids, sentence indices, names, roles and speakers, never article text: the texts are
read from the evaluation data, and an article whose text hash or sentence count no longer
matches its annotation is reported and left out.

Printed per section:
- actors: precision, recall, F1 of actor names (people and organisations; a system actor
  matches a gold one when its name is the gold name or one of its variants; one match each);
- roles: of the gold people found that have a stated role, the share whose system role is
  right (word-overlap F1 >= 0.5 with one gold phrasing); also over all gold people with a role;
- background: precision, recall, F1 of background sentences;
- quotes: of the gold quote sentences the system finds, the share attributed correctly (a
  gold `null` is right only when the system gives no speaker), and how often a speaker it
  gives is wrong; quote-sentence detection precision and recall.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this tree's briefing, not an installed one
sys.path.insert(1, str(Path(__file__).resolve().parent))

from realign import realigned

from briefing.analysis import analyse
from briefing.model import Article, Document
from briefing.nlp.sentences import segment

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "cnndm-dev.jsonl"
DEFAULT_GOLD = ROOT / "eval" / "annotations" / "cnndm-dev-25.jsonl"
ROLE_F1 = 0.5
_ROLE_STOP = {"a", "an", "the", "of"}


def name_key(text: str) -> str:
    """Names compared without case, quotes, a leading "the" and a possessive."""
    text = text.replace("’", "'").replace("“", "").replace("”", "").replace('"', "").lower().strip()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"'s$", "", re.sub(r"\s+", " ", text))


def role_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w-]+", text.replace("’", "'").lower()) if w not in _ROLE_STOP]


def word_f1(a: Sequence[str], b: Sequence[str]) -> float:
    common = sum(min(a.count(w), b.count(w)) for w in set(a))
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def role_right(found: str | None, gold: Iterable[str]) -> bool:
    return found is not None and any(word_f1(role_words(found), role_words(g)) >= ROLE_F1 for g in gold)


def speaker_right(found: str | None, gold: dict) -> bool:
    """Whether a system speaker label matches a gold quote's speaker (see the guidelines)."""
    speaker, also = gold.get("speaker"), gold.get("also", [])
    if speaker is None:
        return found is None
    if found is None:
        return False
    f = name_key(found)
    for label in [speaker, *also, *gold.get("variants", [])]:
        g = name_key(label)
        if f == g or (len(f.split()) > 1 and (f in g or g in f)):
            return True
    return False


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Result:
    actors: Counts = field(default_factory=Counts)
    background: Counts = field(default_factory=Counts)
    quote_detection: Counts = field(default_factory=Counts)
    roles_found: int = 0  # gold people with a role that the system found
    roles_right: int = 0
    roles_all: int = 0  # gold people with a role
    roles_shown: int = 0  # roles the system gives gold people it found
    roles_shown_right: int = 0  # ... that are one of the gold phrasings
    quotes_found: int = 0  # gold quote sentences the system found
    quotes_right: int = 0
    speakers_given: int = 0  # of those, how many the system gave a speaker
    speakers_wrong: int = 0
    errors: list[str] = field(default_factory=list)
    tiers: dict[str, Counter[str]] = field(default_factory=dict)  # attribution tier -> right / wrong / none
    articles: int = 0
    by_kind: dict[str, Counts] = field(default_factory=dict)  # actor names by the gold kind (fp by the system's)
    places: Counts = field(default_factory=Counts)  # v2 files only
    outlook: Counts = field(default_factory=Counts)  # v2 files only
    figures_found: int = 0  # gold key figures a shown figure covers (v2 files only)
    figures_candidates: int = 0  # ... that any candidate figure covers
    figures_all: int = 0
    named_speakers: int = 0  # gold named speakers (people and organisations among the actors) with a quote
    named_shown: int = 0  # ... of whom the system attributes at least one quote sentence to them
    v2: int = 0  # articles with the version-2 fields


def _match_actors(gold: list[dict], system) -> tuple[dict[int, object], list]:
    """Gold index -> system actor (one each), and the unmatched system actors."""
    names = [name_key(g["name"]) for g in gold]
    keys = [{name_key(g["name"]), *(name_key(v) for v in g["variants"])} for g in gold]
    matched: dict[int, object] = {}
    rest = []
    for actor in system:  # the gold name itself first, then its variants
        hit = next((i for i, n in enumerate(names) if i not in matched and name_key(actor.name) == n), None)
        if hit is None:
            rest.append(actor)
        else:
            matched[hit] = actor
    extra = []
    for actor in rest:
        hit = next((i for i, k in enumerate(keys) if i not in matched and name_key(actor.name) in k), None)
        if hit is None:
            extra.append(actor)
        else:
            matched[hit] = actor
    return matched, extra


def evaluate(doc: Document, gold: dict, result: Result) -> None:
    """Score one annotated article into `result`."""
    tag = f"[line {gold['line']}]"
    analysis = analyse(doc)  # every part
    actors = analysis.actors.actors
    matched, extra = _match_actors(gold["actors"], actors)
    counts = Counts(tp=len(matched), fp=len(extra), fn=len(gold["actors"]) - len(matched))
    result.actors.add(counts)
    result.articles += 1
    for kind in ("person", "organization"):
        counts = result.by_kind.setdefault(kind, Counts())
        counts.add(Counts(tp=sum(1 for i in matched if gold["actors"][i]["kind"] == kind),
                          fp=sum(1 for a in extra if a.kind == kind),
                          fn=sum(1 for i, g in enumerate(gold["actors"]) if g["kind"] == kind and i not in matched)))
    result.errors += [f"{tag} actor missed: {g['name']}" for i, g in enumerate(gold["actors"]) if i not in matched]
    result.errors += [f"{tag} actor extra: {a.name} ({a.kind})" for a in extra]
    for i, g in enumerate(gold["actors"]):
        if g["kind"] == "person" and i in matched and matched[i].role:  # type: ignore[attr-defined]
            result.roles_shown += 1  # a role where the article states none is a wrong one
            result.roles_shown_right += bool(g["roles"]) and role_right(matched[i].role, g["roles"])  # type: ignore[attr-defined]
        if g["kind"] != "person" or not g["roles"]:
            continue
        result.roles_all += 1
        if i in matched:
            result.roles_found += 1
            role = matched[i].role  # type: ignore[attr-defined]
            if role_right(role, g["roles"]):
                result.roles_right += 1
            else:
                result.errors.append(f"{tag} role of {g['name']}: {role!r}, gold {g['roles'][0]!r}")

    flags = analysis.background
    found = {i for i, flag in enumerate(flags) if flag}
    truth = set(gold["background"])
    result.background.add(Counts(len(found & truth), len(found - truth), len(truth - found)))
    result.errors += [f"{tag} background missed: [{i}] {doc.sentences[i].text[:90]}" for i in sorted(truth - found)]
    result.errors += [f"{tag} background extra: [{i}] {doc.sentences[i].text[:90]}" for i in sorted(found - truth)]

    if "outlook" in gold:
        result.v2 += 1
        _score_v2(doc, gold, analysis, result, tag)
    score_quotes(doc, gold, analysis.quotes, result, tag)


def score_quotes(doc: Document, gold: dict, quotes: Iterable, result: Result, tag: str = "") -> None:
    """Score one article's quote sentences and speakers into `result` (detection, attribution, named speakers)."""
    found_quotes = {q.sentence: q for q in quotes}
    by_sentence = {i: q.speaker for i, q in found_quotes.items()}
    gold_quotes = {q["sentence"]: q for q in gold["quotes"]}
    variants = {g["name"]: g["variants"] for g in gold["actors"]}
    result.quote_detection.add(Counts(
        len(by_sentence.keys() & gold_quotes.keys()), len(by_sentence.keys() - gold_quotes.keys()),
        len(gold_quotes.keys() - by_sentence.keys()),
    ))
    for i, q in sorted(gold_quotes.items()):
        if i not in by_sentence:
            result.errors.append(f"{tag} quote missed: [{i}] {q['speaker']}")
            continue
        found_speaker = by_sentence[i]
        result.quotes_found += 1
        right = speaker_right(found_speaker, {**q, "variants": variants.get(q["speaker"], [])})
        result.quotes_right += right
        if found_speaker is not None:
            result.speakers_given += 1
            result.speakers_wrong += not right
        tier = found_quotes[i].tier.split("<")[0] or "no attribution"
        outcome = "none" if found_speaker is None else ("right" if right else "wrong")
        result.tiers.setdefault(tier, Counter())[outcome] += 1
        if not right:
            result.errors.append(f"{tag} quote [{i}] speaker {found_speaker!r}, gold {q['speaker']!r}")
    actor_names = {g["name"] for g in gold["actors"]}
    named = {q["speaker"] for q in gold["quotes"] if q.get("speaker") in actor_names}
    result.named_speakers += len(named)
    for speaker in named:
        sentences = [q for q in gold["quotes"] if q.get("speaker") == speaker]
        if any(speaker_right(by_sentence.get(q["sentence"]), {**q, "variants": variants.get(speaker, [])})
               for q in sentences if q["sentence"] in by_sentence):
            result.named_shown += 1
    extra = sorted(by_sentence.keys() - gold_quotes.keys())
    result.errors += [f"{tag} quote extra: [{i}] {by_sentence[i]!r}" for i in extra]


def _place_names(gold: dict) -> list[set[str]]:
    out = []
    for p in gold.get("places", []):
        if isinstance(p, str):
            out.append({name_key(p)})
        else:
            out.append({name_key(p["name"]), *(name_key(v) for v in p.get("variants", []))})
    return out


def _score_v2(doc: Document, gold: dict, analysis, result: Result, tag: str) -> None:
    """Places, outlook and key figures, which version-2 files annotate."""
    from briefing.analysis.outlook import outlook_probabilities, outlook_threshold
    from briefing.sections import BUILDERS, Context

    truth = _place_names(gold)
    found = [name_key(p) for p in analysis.actors.places]
    hit = set()
    fp = 0
    for place in found:
        index = next((i for i, names in enumerate(truth) if place in names and i not in hit), None)
        if index is None:
            fp += 1
            result.errors.append(f"{tag} place extra: {place}")
        else:
            hit.add(index)
    result.places.add(Counts(len(hit), fp, len(truth) - len(hit)))
    result.errors += [f"{tag} place missed: {sorted(names)[0]}" for i, names in enumerate(truth) if i not in hit]
    probabilities = outlook_probabilities(analysis.parsed, analysis.dates, analysis.outlook) if analysis.dates else ()
    looks_ahead = {i for i, p in enumerate(probabilities) if i > 0 and p >= outlook_threshold()
                   and not analysis.background[i]}  # as What to watch decides
    expected = set(gold.get("outlook", []))
    result.outlook.add(Counts(len(looks_ahead & expected), len(looks_ahead - expected), len(expected - looks_ahead)))
    result.errors += [f"{tag} outlook missed: [{i}] {doc.sentences[i].text[:90]}"
                      for i in sorted(expected - looks_ahead)]
    result.errors += [f"{tag} outlook extra: [{i}] {doc.sentences[i].text[:90]}"
                      for i in sorted(looks_ahead - expected)]

    class Spec:
        key, title, limit = "figures", "Key figures", 4

    shown = BUILDERS["figures"].build(analysis, Spec(), Context(frozenset()))
    for figure in gold.get("figures", []):
        result.figures_all += 1
        numbers = re.findall(r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundreds?|thousands?|"
                             r"millions?|billions?|dozens?)\b", figure["text"].lower())

        def covers(sentence: int, phrase: str, figure: dict = figure, numbers: list = numbers) -> bool:
            return sentence == figure["sentence"] and any(n in phrase.lower() for n in numbers)

        if any(covers(e.sentence_index, e.label or "") for e in shown):
            result.figures_found += 1
        if any(covers(f.sentence, f.phrase) for f in analysis.figures):
            result.figures_candidates += 1
        else:
            result.errors.append(f"{tag} figure missed: [{figure['sentence']}] {figure['text']}")


def load(data: Path, gold_path: Path) -> tuple[list[tuple[Document, dict]], list[str]]:
    """The annotated documents, and why any were left out."""
    golds = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {g["id"]: g for g in golds}
    texts: dict[str, str] = {}
    titles: dict[str, str] = {}
    with data.open(encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            if item["id"] in wanted:
                texts[item["id"]] = item["text"]
                titles[item["id"]] = item.get("title") or ""
    docs, skipped = [], []
    for g in golds:
        text = texts.get(g["id"])
        if text is None:
            skipped.append(f"{g['id']}: not in {data}")
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != g["sha256"]:
            skipped.append(f"{g['id']}: text changed since it was annotated")
            continue
        doc = segment(Article(id=g["id"], text=text, title=titles.get(g["id"]) or ""))
        carried = realigned(g, doc)  # sentences the splitter has since joined: the annotation follows
        if carried is None:
            skipped.append(f"{g['id']}: {len(doc)} sentences now, {g['sentences']} when annotated")
            continue
        docs.append((doc, carried))
    return docs, skipped


def report(result: Result, n: int, seconds: float) -> str:
    def ratio(a: int, b: int) -> str:
        return f"{a / b:.3f} ({a}/{b})" if b else "n/a"

    ap, ar, af = result.actors.prf()
    bp, br, bf = result.background.prf()
    qp, qr, qf = result.quote_detection.prf()
    return "\n".join([
        f"Sections on {n} annotated articles ({seconds:.1f} s)",
        f"  actor names      P {ap:.3f}  R {ar:.3f}  F1 {af:.3f}   (tp {result.actors.tp}, fp {result.actors.fp}, "
        f"fn {result.actors.fn})",
        f"  roles right      {ratio(result.roles_right, result.roles_found)} of gold people found with a role; "
        f"{ratio(result.roles_right, result.roles_all)} of all gold people with a role; "
        f"right where shown {ratio(result.roles_shown_right, result.roles_shown)}",
        f"  background       P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}   (tp {result.background.tp}, "
        f"fp {result.background.fp}, fn {result.background.fn})",
        f"  quotes           attributed right {ratio(result.quotes_right, result.quotes_found)} of gold quote "
        f"sentences found; speaker given but wrong {ratio(result.speakers_wrong, result.speakers_given)}",
        f"  quote sentences  P {qp:.3f}  R {qr:.3f}  F1 {qf:.3f}",
        f"  named speakers   a quotation shown for {ratio(result.named_shown, result.named_speakers)}",
        *(f"  actors, {kind:<12} P {c.prf()[0]:.3f}  R {c.prf()[1]:.3f}  F1 {c.prf()[2]:.3f}"
          for kind, c in sorted(result.by_kind.items())),
        f"  false actors     {result.actors.fp / max(1, result.articles):.2f} per article",
        *([f"  places           P {result.places.prf()[0]:.3f}  R {result.places.prf()[1]:.3f}  "
           f"F1 {result.places.prf()[2]:.3f}   ({result.v2} articles with version-2 fields)",
           f"  outlook          P {result.outlook.prf()[0]:.3f}  R {result.outlook.prf()[1]:.3f}  "
           f"F1 {result.outlook.prf()[2]:.3f}",
           f"  key figures      shown {ratio(result.figures_found, result.figures_all)}; among candidates "
           f"{ratio(result.figures_candidates, result.figures_all)}"] if result.v2 else []),
    ])


def data_for(gold: Path) -> Path:
    """The eval file a gold file annotates, by its name ("bbc-dev-v2-a.jsonl" -> bbc-dev.jsonl)."""
    for stem in ("cnndm-dev", "cnndm-test", "bbc-dev", "bbc-test"):
        if gold.name.startswith(stem):
            return DEFAULT_DATA.parent / f"{stem}.jsonl"
    return DEFAULT_DATA


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, help="the articles (default: the eval file the gold file's "
                        "name starts with, e.g. bbc-test-v2.jsonl -> ../shared/eval/bbc-test.jsonl)")
    parser.add_argument("--gold", type=Path, nargs="+", default=[DEFAULT_GOLD],
                        help="the annotations (several files: pooled)")
    parser.add_argument("--errors", action="store_true", help="list each article's misses and false finds")
    parser.add_argument("--tiers", action="store_true",
                        help="quote speakers by the kind of inference that gave them: right / wrong / none")
    args = parser.parse_args(argv)
    docs, skipped = [], []
    for gold in args.gold:
        data = args.data or data_for(gold)
        if not data.exists():
            print(f"{data}: no such file (pass the path of the articles)", file=sys.stderr)
            return 2
        found, missed = load(data, gold)
        docs += found
        skipped += missed
    for reason in skipped:
        print(f"skipped {reason}", file=sys.stderr)
    result = Result()
    started = time.perf_counter()
    for doc, gold in docs:
        evaluate(doc, gold, result)
    print(report(result, len(docs), time.perf_counter() - started))
    if args.tiers:
        for tier, counts in sorted(result.tiers.items()):
            print(f"  tier {tier:<28} right {counts['right']:4d}  wrong {counts['wrong']:3d}  none {counts['none']:4d}")
    if args.errors:
        print("\n".join(result.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
