"""A failed or interrupted run (Ctrl-C, SIGTERM) leaves no partial output and loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import app
from briefing.render import files

runner = CliRunner()


def _interrupt(*args: object) -> None:
    raise KeyboardInterrupt


def test_interrupt_during_write_keeps_the_old_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    out.write_text("yesterday's brief")
    monkeypatch.setattr(files.os, "fsync", _interrupt)
    with pytest.raises(KeyboardInterrupt):
        files.write_atomic(out, "today's brief")
    assert out.read_text() == "yesterday's brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_ctrl_c_in_the_cli_leaves_no_file(monkeypatch: pytest.MonkeyPatch, example_path: Path,
                                         tmp_path: Path) -> None:
    monkeypatch.setattr(files.os, "replace", _interrupt)
    out = tmp_path / "brief.docx"
    result = runner.invoke(app, ["brief", str(example_path), "-o", str(out)])
    assert result.exit_code == 130
    assert result.stderr.strip() == "briefing: error: interrupted"
    assert list(tmp_path.iterdir()) == []


def _blocked_on_stdin(pid: int, timeout: float = 30.0) -> bool:
    """Wait until the process sleeps reading its stdin pipe (Linux /proc)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if "pipe" in Path(f"/proc/{pid}/wchan").read_text():
                return True
        except OSError:
            return False
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="needs Linux /proc")
def test_sigterm_stops_cleanly_with_no_output(tmp_path: Path) -> None:
    out = tmp_path / "brief.docx"
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "brief", "-", "-o", str(out)],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    try:
        proc.stdin.write(b"The council met on Monday. ")  # an article still arriving
        proc.stdin.flush()
        assert _blocked_on_stdin(proc.pid)
        os.kill(proc.pid, signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert stderr.decode().strip() == "briefing: error: interrupted"
    assert list(tmp_path.iterdir()) == []
