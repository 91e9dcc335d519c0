"""Where the per-article work runs changes nothing: a Dask LocalCluster of two worker processes, a pool of two
processes (`--workers 2`) and this process give the same daily brief."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import briefing
from briefing.render import render

DATA = Path(__file__).parent / "data" / "daily"


def _json(executor: object = None) -> dict:
    day = briefing.daily_brief([DATA], executor=executor, brief_date=None, record=False)
    return json.loads(render(day, "json"))


def test_two_dask_worker_processes_give_the_brief_of_one_process() -> None:
    distributed = pytest.importorskip("dask.distributed")
    here = _json()
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        on_cluster = _json(client.get_executor())
        assert len(client.scheduler_info()["workers"]) == 2
        assert sum(client.run(lambda: 1).values()) == 2
    assert on_cluster == here
    assert here["stories"], "the brief has stories"


def test_two_worker_processes_give_the_brief_of_one_process() -> None:
    with ProcessPoolExecutor(2) as pool:
        assert _json(pool) == _json()
