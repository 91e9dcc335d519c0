"""Writing an output file atomically: all of it, or nothing; never over an input.

`write_atomic` writes through a temporary file in the output's folder
(`.NAME.PID-XXXXXXXX.tmp`, its name shortened when NAME is long) and renames it
into place; a temporary file a killed run left behind (its process gone, or an
hour old) is removed by the next write of the same output. `refuse_inputs` is the
guard every writer runs first: the output may not be any file the run reads.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError

# Temp files are made 0600; the finished file gets the usual mode for a new file.
_UMASK = os.umask(0)
os.umask(_UMASK)

STALE_SECONDS = 3600  # a temporary file this old is a leftover whatever its process
_LONG_NAME = 200  # bytes: longer output names get a shortened temporary name
_TEMP_REST = re.compile(r"(?:(\d+)-)?[a-z0-9_]{8}\.tmp")  # after the prefix: PID-random.tmp (PID- once absent)

InputPath = str | os.PathLike[str] | None


def refuse_inputs(output: str | os.PathLike[str], inputs: Iterable[InputPath]) -> None:
    """An OutputError when `output` is one of `inputs`: the same path once resolved (symlinks, `..`, another
    spelling), or the same file by device and inode (a hard link). None and '-' are skipped.

    `inputs` are files: expand folders and globs first (`sources.input_files`), and add what
    templates, reference documents and Word templates bring in.
    """
    target = _resolved(output)
    same = _file_id(output)
    for item in inputs:
        if item is None or os.fspath(item) == "-":
            continue
        if _resolved(item) == target or (same is not None and _file_id(item) == same):
            raise OutputError(f"the output would overwrite an input file ({os.fspath(item)})", source=str(output))


def _resolved(path: str | os.PathLike[str]) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return os.path.abspath(path)


def _file_id(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _temp_prefix(name: str) -> str:
    """`.NAME.` for the temporary file; a long NAME is cut and given a hash, so the temp name fits."""
    encoded = os.fsencode(name)
    if len(encoded) > _LONG_NAME:
        digest = hashlib.blake2b(encoded, digest_size=4).hexdigest()
        name = encoded[:150].decode("utf-8", "ignore") + "~" + digest
    return f".{name}."


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # another user's process, or no way to tell
        return False
    return False


def remove_stale_temps(folder: Path, name: str) -> None:
    """Remove temporary files an earlier write of `folder/name` left behind (a killed run)."""
    prefix = _temp_prefix(name)
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith(prefix) or not (match := _TEMP_REST.fullmatch(entry.name[len(prefix):])):
            continue
        with contextlib.suppress(OSError):
            if not entry.is_file(follow_symlinks=False):
                continue
            pid = int(match.group(1)) if match.group(1) else None
            if pid == os.getpid():
                continue
            if (pid is not None and _process_gone(pid)) or now - entry.stat(follow_symlinks=False).st_mtime > \
                    STALE_SECONDS:
                os.unlink(entry.path)


def _check_name(path: Path) -> None:
    """A clean OutputError for a name the file system cannot hold, or a folder where the file should be."""
    try:
        limit = os.pathconf(path.parent, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        limit = 255
    size = len(os.fsencode(path.name))
    if size > limit:
        raise OutputError(f"file name too long ({size} bytes; this file system allows {limit})", source=str(path))
    try:
        if path.is_dir():
            raise OutputError("is a folder, not a file", source=str(path))
    except OSError as e:
        if e.errno == errno.ENAMETOOLONG:
            raise OutputError("file name too long", source=str(path)) from None
        raise OutputError(f"cannot write: {e.strerror or e}", source=str(path)) from None


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write `data` (str as UTF-8) to `path` via a temp file in the same folder and `os.replace`.

    On any failure the temp file is removed and `path` is left as it was; an
    OSError becomes a one-line OutputError. A missing folder is not created.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"folder {str(folder)!r} does not exist", source=str(path))
    _check_name(path)
    remove_stale_temps(folder, path.name)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f"{_temp_prefix(path.name)}{os.getpid()}-", suffix=".tmp", dir=folder)
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
