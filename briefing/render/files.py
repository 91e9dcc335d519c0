"""Writing an output file atomically: all of it, or nothing."""

from __future__ import annotations

import contextlib
import os
import tempfile
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
