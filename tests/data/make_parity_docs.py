"""Write parity_docs.jsonl: 40 synthetic news-like documents for the native-vs-sumy parity test.

Deterministic (seeded); the words and templates are our own. The documents are
built to exercise the quirks the native methods must reproduce: repeated
sentences, sentences of stop words only, one-word sentences, capitalised stop
words, titles, paragraphs, pronoun openers and very short or long documents.

    python tests/data/make_parity_docs.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

PEOPLE = ["Maria Lopez", "the mayor", "Chen Wei", "the minister", "Amara Okafor", "the coach", "a spokesman",
          "the council", "Jonas Berg", "the investigators", "Priya Nair", "the union"]
PLACES = ["the harbour", "Riverton", "the northern district", "the old bridge", "Lakeside", "the capital",
          "the valley", "the airport", "the market square", "the coastal road"]
THINGS = ["budget", "flood defences", "rail line", "school meals", "water supply", "election", "festival",
          "hospital wing", "trade deal", "wind farm", "bus fares", "housing plan", "library", "curfew"]
VERBS = ["announced", "rejected", "approved", "delayed", "criticised", "defended", "expanded", "cancelled",
         "reviewed", "questioned", "welcomed", "postponed"]
ADJ = ["new", "controversial", "costly", "long-awaited", "temporary", "regional", "emergency", "revised"]
NUMS = ["two", "three", "dozens of", "hundreds of", "several", "four"]

TEMPLATES = [
    "{P} {V} the {A} {T} in {L} on Monday.",
    "The {A} {T} was {V} by {P} after weeks of debate.",
    "{P} said the {T} would cost more than expected.",
    "Officials in {L} {V} the plan, saying the {T} needed more work.",
    "He {V} the {T} and said it was not enough.",
    "She told reporters that the {A} {T} would go ahead.",
    "They {V} the decision about the {T} in {L}.",
    "It is not clear when the {T} will be finished.",
    "But {P} {V} the {A} {T} again.",
    "However, residents of {L} {V} the {T}.",
    "This is the {A} {T} that {P} {V} last year.",
    "These plans for the {T} were {V} by {P}.",
    "Also on the agenda was the {A} {T} for {L}.",
    "{N} people gathered at {L} to protest against the {T}.",
    "\"We will not accept this {T},\" said {P}.",
    "The {T} in {L}, which {P} {V}, affects {N} families.",
    "A report on the {A} {T} is expected next week.",
    "Why did {P} wait so long?",
    "It was, they said, all of it.",
    "Yes.",
    "Riverton.",
    "This week {P} {V} the {T}.",
    "The The {T} {T} {T} was {V} {V} in {L} {L}.",
]


def sentence(rng: random.Random) -> str:
    text = rng.choice(TEMPLATES).format(
        P=rng.choice(PEOPLE), V=rng.choice(VERBS), A=rng.choice(ADJ), T=rng.choice(THINGS),
        L=rng.choice(PLACES), N=rng.choice(NUMS))
    return text[0].upper() + text[1:]


def document(rng: random.Random, number: int) -> dict[str, str]:
    size = [1, 2, 3, 5, 8, 12, 20, 30, 45, 60][number % 10]
    sentences = [sentence(rng) for _ in range(size)]
    if size > 4 and number % 3 == 0:  # repeated sentences share one rating in sumy
        for _ in range(2):
            sentences.insert(rng.randrange(len(sentences)), rng.choice(sentences))
    paragraphs, i = [], 0
    while i < len(sentences):
        step = rng.randint(1, 4)
        paragraphs.append(" ".join(sentences[i:i + step]))
        i += step
    title = f"{rng.choice(PEOPLE).title()} {rng.choice(VERBS)} {rng.choice(THINGS)}" if number % 2 else ""
    return {"id": f"parity-{number:02d}", "title": title, "text": "\n\n".join(paragraphs)}


def main() -> None:
    rng = random.Random(20240603)
    out = Path(__file__).with_name("parity_docs.jsonl")
    with out.open("w", encoding="utf-8") as handle:
        for number in range(40):
            handle.write(json.dumps(document(rng, number)) + "\n")


if __name__ == "__main__":
    main()
