"""Writing an output file atomically: all of it, or nothing."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError

# Temp files are made 0600; the finished file gets the usual mode for a new file.
_UMASK = os.umask(0)
os.umask(_UMASK)


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write `data` (str as UTF-8) to `path` via a temp file in the same folder and `os.replace`.

    On any failure the temp file is removed and `path` is left as it was; an
    OSError becomes a one-line OutputError. A missing folder is not created.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"folder {str(folder)!r} does not exist", source=str(path))
    if path.is_dir():
        raise OutputError("is a folder, not a file", source=str(path))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
        tmp = None
    except OSError as e:
        raise OutputError(f"cannot write: {e.strerror or e}", source=str(path)) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return path


def refuse_inputs(output: Path, inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse (OutputError) an output that is one of the inputs: by resolved path, or the same file by inode.

    `inputs` are paths, folders (every file below them counts) and glob patterns;
    "-" (stdin), URLs and paths that do not exist are no files to protect.
    """
    import glob

    target = Path(output).resolve()
    existing = target.stat() if target.exists() else None
    for item in inputs:
        text = os.fspath(item)
        if text == "-" or "://" in text:
            continue
        path = Path(text)
        candidates = [path] if not glob.has_magic(text) or path.exists() else [Path(m) for m in glob.glob(text,
                                                                                                            recursive=True)]
        for candidate in candidates:
            if candidate.is_dir():  # a folder brings in its article files
                from ..ingest import KINDS

                inside = target.is_relative_to(candidate.resolve())
                if inside and target.is_file() and target.suffix.lower() in KINDS:
                    raise OutputError("the output would overwrite an input file", source=str(output))
                continue
            if candidate.resolve() == target or (existing is not None and candidate.exists()
                                                 and os.path.samefile(candidate, target)):
                raise OutputError("the output would overwrite an input file", source=str(output))
