"""The wheel ships the built-in templates and data, and works from an install."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out),
         str(ROOT)],
        check=True, capture_output=True,
    )
    return next(out.glob("briefing-*.whl"))


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    builtin = {p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*") if p.is_file()}
    assert builtin, "no built-in templates in the source tree"
    for name in builtin:
        assert f"briefing/_templates/{name}" in names
    assert "briefing/cli.py" in names
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "briefing = briefing.cli:run" in zipfile.ZipFile(wheel).read(entry).decode()


def test_installed_wheel_makes_a_brief(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    out = tmp_path / "b.md"
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run(
        [sys.executable, "-c", "import briefing, sys; from briefing.cli import run; "
         "assert briefing.__file__.startswith(sys.argv[1]); sys.argv = sys.argv[1:]; run()",
         str(target), "brief", str(ROOT / "examples" / "baghdad-airport-strike.txt"), "-o", str(out)],
        env=env, capture_output=True, text=True, cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "## Situation" in out.read_text(encoding="utf-8")
