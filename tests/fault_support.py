"""Real faults for the store tests, no mocks: a read-only folder or file, a small disk that
fills up, a file-size limit, the real command line run under them.

A read-only folder or file is made with permission bits for an ordinary user; root
ignores those, so as root it is a read-only bind mount of itself (a read-only filesystem,
as when a till's disk is remounted read-only after errors). A small disk is a tmpfs of its
own (root only). Each skips the test when this machine does not allow it.
"""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = os.geteuid() == 0


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> dict[str, str]:
    """Every file in `folder` with its digest: what must not change."""
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


def _umount(path: Path) -> None:
    """Unmount `path`; lazily when a file on it is still open (a failed test's store)."""
    if subprocess.run(["umount", str(path)], capture_output=True, check=False).returncode:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=True)


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """`path`, a file or a folder, read-only for real while inside; writable again after."""
    if not ROOT:
        mode = path.stat().st_mode & 0o777
        path.chmod(mode & ~0o222)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    bound = _mount("--bind", str(path), str(path))
    if bound.returncode != 0:
        pytest.skip(f"root without a read-only mount here: {bound.stderr.strip()}")
    try:
        remounted = _mount("-o", "remount,bind,ro", str(path))
        if remounted.returncode != 0:
            pytest.skip(f"cannot remount read-only: {remounted.stderr.strip()}")
        yield
    finally:
        _umount(path)


@contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """`folder` as a disk of its own of `size_kb` KiB (a tmpfs): root only, else skipped."""
    folder.mkdir(parents=True, exist_ok=True)
    if not ROOT:
        pytest.skip("a small disk of its own needs root (mount -t tmpfs)")
    mounted = _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder))
    if mounted.returncode != 0:
        pytest.skip(f"mount -t tmpfs is not allowed here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        _umount(folder)


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill the disk holding `disk` with one file, leaving about `leave` bytes free."""
    filler = disk / "filler"
    stat = os.statvfs(disk)
    free = stat.f_bavail * stat.f_frsize - leave
    with filler.open("wb") as file:
        try:
            while free > 0:
                file.write(b"\0" * min(free, 1 << 16))
                file.flush()
                free -= 1 << 16
        except OSError:  # ENOSPC: full
            pass
    return filler


def run_limited(args: list[str], *, fsize: int | None = None) -> subprocess.CompletedProcess[str]:
    """The real command line in a child process, under a file-size limit of `fsize` bytes
    (RLIMIT_FSIZE: writes past it fail with EFBIG; Python ignores SIGXFSZ)."""

    def limit() -> None:
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, "-m", "pos_prompter", *args], capture_output=True,
                          encoding="utf-8", env=env, preexec_fn=limit, timeout=120,
                          check=False)
