"""Average-linkage clustering over a sparse graph of pair probabilities, in time near-linear in its edges.

Two groups merge, the most alike first, while the mean probability over all the
pairs between them (a pair that is no edge counts 0) is at least `threshold`.
Only edges of the graph are ever looked at, so a day of 20,000 articles costs
what its candidate pairs cost, not 20,000 squared. Ties break by the smallest
member index, so the result is deterministic.
"""

from __future__ import annotations

import heapq

import numpy as np


def average_linkage(n: int, i: np.ndarray, j: np.ndarray, weight: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups of 0..n-1 (each sorted; singletons included), cut where the mean weight falls below threshold."""
    members: dict[int, list[int]] = {k: [k] for k in range(n)}
    links: dict[int, dict[int, float]] = {k: {} for k in range(n)}
    for a, b, w in zip(i.tolist(), j.tolist(), weight.tolist(), strict=True):
        if a != b and w > 0:
            links[a][b] = links[a].get(b, 0.0) + w
            links[b][a] = links[b].get(a, 0.0) + w
    heap = [(-round(w / 1.0, 12), min(a, b), a, b) for a in links for b, w in links[a].items() if a < b]
    heapq.heapify(heap)
    next_id = n
    while heap:
        negative, _, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        mean = links[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if round(mean, 12) != -negative:
            continue  # stale: one side has grown since
        if mean < threshold:
            break
        merged = sorted(members.pop(a) + members.pop(b))
        links_a, links_b = links.pop(a), links.pop(b)
        joined: dict[int, float] = {}
        for other, w in (*links_a.items(), *links_b.items()):
            if other not in (a, b):
                joined[other] = joined.get(other, 0.0) + w
        c = next_id
        next_id += 1
        members[c] = merged
        links[c] = joined
        for other, w in joined.items():
            links[other].pop(a, None)
            links[other].pop(b, None)
            links[other][c] = w
            m = w / (len(merged) * len(members[other]))
            heapq.heappush(heap, (-round(m, 12), min(merged[0], members[other][0]), c, other))
    return sorted(members.values(), key=lambda g: g[0])


def shifted(probabilities: np.ndarray, threshold: float) -> np.ndarray:
    """Probabilities moved on the logit scale so that `threshold` becomes 0.5 (a model's own cut, at 0.5)."""
    p = np.clip(probabilities, 1e-12, 1 - 1e-12)
    t = min(max(threshold, 1e-6), 1 - 1e-6)
    logit = np.log(p / (1 - p)) - np.log(t / (1 - t))
    return 1.0 / (1.0 + np.exp(-logit))
