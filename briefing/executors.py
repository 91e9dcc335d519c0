"""Where per-article work runs: in this process, in worker processes, or on a Dask cluster."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

from .errors import UsageError


@contextmanager
def executor_for(workers: int = 1, dask_scheduler: str | None = None) -> Iterator[Executor | None]:
    """An executor for `workers` processes, or a Dask scheduler's (`pip install 'briefing[dask]'`); None: here.

    A Dask scheduler address is any `dask.distributed.Client` accepts ("tcp://host:8786", or a
    scheduler file's path); the client is closed when the block ends.
    """
    if dask_scheduler:
        try:
            from dask.distributed import Client
        except ImportError:
            raise UsageError("--dask-scheduler needs Dask: pip install 'briefing[dask]'") from None
        try:
            client = Client(dask_scheduler, timeout=10)
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {dask_scheduler}: {exc}") from None
        with client:
            yield client.get_executor()
    elif workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        from .nlp.entities import load_all

        with ProcessPoolExecutor(max_workers=workers, initializer=load_all) as pool:
            pool.submit(int)  # starts the workers now: they load their models while this process goes on
            yield pool
    else:
        yield None
