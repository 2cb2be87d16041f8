"""The processes the smoke test drives: CLI runs, the GUI under its probe, their children."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any


class SmokeFailure(Exception):
    """A step of the smoke test failed; the message says which and shows the program's output."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def run_program(argv: list[str], env: dict[str, str], *, timeout: float) -> str:
    """Run to the end; its standard output, or ``SmokeFailure`` with the tail of what it said."""
    try:
        done = subprocess.run(
            argv, env=env, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailure(f"{' '.join(argv)} did not finish in {timeout:.0f} s") from exc
    if done.returncode != 0:
        raise SmokeFailure(
            f"{' '.join(argv)} exited with {done.returncode}:\n{done.stdout[-3000:]}"
            f"\n{done.stderr[-3000:]}"
        )
    return done.stdout


def run_watching_children(
    argv: list[str], env: dict[str, str], *, timeout: float
) -> list[list[str]]:
    """Run to the end like ``run_program``; the command lines of the children seen meanwhile."""
    seen: list[list[str]] = []
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(
            argv, env=env, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while process.poll() is None:
            seen.extend(child for child in children_of(process.pid).values() if child not in seen)
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                raise SmokeFailure(f"{' '.join(argv)} did not finish in {timeout:.0f} s")
            time.sleep(0.05)
        if process.returncode != 0:
            output.seek(0)
            said = output.read().decode(errors="replace")[-3000:]
            raise SmokeFailure(f"{' '.join(argv)} exited with {process.returncode}:\n{said}")
    return seen


def _parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return int(stat.rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None  # gone meanwhile


def is_running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def children_of(pid: int) -> dict[int, list[str]]:
    """``{child pid: command line}`` of the processes whose parent is ``pid`` (Linux ``/proc``)."""
    found: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _parent_of(int(entry.name)) == pid:
            try:
                raw = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            found[int(entry.name)] = [part.decode() for part in raw.split(b"\0") if part]
    return found


def executable_of(pid: int) -> Path | None:
    """The program file process ``pid`` runs (``/proc/PID/exe``); None once it is gone."""
    try:
        return Path(os.readlink(f"/proc/{pid}/exe"))
    except OSError:
        return None


def descendants_of(pid: int) -> dict[int, list[str]]:
    found = children_of(pid)
    for child in list(found):
        found.update(descendants_of(child))
    return found


class Gui:
    """The GUI started with ``ENGAGE_DESKTOP_PROBE=watch:FOLDER``; talks to it through files."""

    def __init__(self, process: subprocess.Popen[bytes], probe: Path, log: Path) -> None:
        self.process = process
        self.probe = probe
        self.log = log
        self.requests = 0

    @classmethod
    @contextmanager
    def start(cls, program: Path, env: dict[str, str], probe: Path) -> Iterator[Gui]:
        probe.mkdir(parents=True)
        log = probe.parent / "gui.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [str(program)],
                env={**env, "ENGAGE_DESKTOP_PROBE": f"watch:{probe}"},
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        gui = cls(process, probe, log)
        try:
            yield gui
        finally:
            if process.poll() is None:  # a failed step: leave nothing of ours running
                for pid in descendants_of(process.pid):
                    with suppress(OSError):
                        os.kill(pid, signal.SIGTERM)
                process.kill()
                process.wait(30)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]

    def check_running(self, waiting_for: str) -> None:
        code = self.process.poll()
        if code is not None:
            raise SmokeFailure(
                f"the GUI exited with {code} while waiting for {waiting_for}:\n{self.output()}"
            )

    def painted(self) -> bool:
        return (self.probe / "first-paint").exists()

    def campaigns_shown(self) -> bool:
        return (self.probe / "campaigns.json").exists()

    def first_start(self) -> dict[str, Any] | None:
        """What the first start's progress dialog showed (``probe.Probe.watch_progress``)."""
        path = self.probe / "first-start.json"
        if not path.exists():
            return None
        shown: dict[str, Any] = json.loads(path.read_text("utf-8"))
        return shown

    def campaigns(self) -> dict[str, Any]:
        shown: dict[str, Any] = json.loads((self.probe / "campaigns.json").read_text("utf-8"))
        return shown

    def ask(self, action: str, timeout: float = 60, **details: Any) -> dict[str, Any]:
        """Send one request to the probe and wait for its answer."""
        self.requests += 1
        name = f"request-{self.requests:03d}.json"
        partial = self.probe / f".{name}.partial"
        partial.write_text(json.dumps({"action": action, **details}), encoding="utf-8")
        partial.replace(self.probe / name)
        done = self.probe / name.replace("request-", "done-")
        deadline = time.monotonic() + timeout
        while not done.exists():
            if action != "quit":
                self.check_running(f"the answer to {action!r}")
            if time.monotonic() > deadline:
                raise SmokeFailure(f"the GUI did not answer {action!r} in {timeout:.0f} s")
            time.sleep(0.2)
        answer: dict[str, Any] = json.loads(done.read_text(encoding="utf-8"))
        if "error" in answer:
            raise SmokeFailure(f"the GUI could not {action}: {answer['error']}")
        return answer

    def check_rich_page(self) -> None:
        """QtWebEngine in the bundle: a rich push page loads and its text comes back."""
        answer = self.ask("rich-page", timeout=120)
        if "Bonjour de la boutique" not in str(answer.get("text")):
            raise SmokeFailure(f"the rich push page rendered as {answer}")

    def screenshots(self, folder: Path, campaign_id: int) -> list[Path]:
        """The main window, then the composer opened on ``campaign_id`` (after it settles)."""
        folder.mkdir(parents=True, exist_ok=True)
        main = folder / "bundle-main-window.png"
        self.ask("screenshot", path=str(main))
        self.ask("compose", campaign_id=campaign_id)
        time.sleep(8)  # the composer's previews (QtWebEngine among them) draw behind it
        composing = folder / "bundle-composing.png"
        self.ask("screenshot", path=str(composing))
        return [main, composing]

    def quit(self, timeout: float = 60) -> None:
        """Close the window: the GUI must exit 0 and stop the service (and its sandbox) it started."""
        started = descendants_of(self.process.pid)
        self.ask("quit")
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired as exc:
            raise SmokeFailure(f"the GUI did not exit {timeout:.0f} s after quitting") from exc
        if code != 0:
            raise SmokeFailure(f"the GUI exited with {code}:\n{self.output()}")
        deadline = time.monotonic() + 15
        while any(is_running(pid) for pid in started) and time.monotonic() < deadline:
            time.sleep(0.5)
        left = {pid: argv for pid, argv in started.items() if is_running(pid)}
        if left:
            raise SmokeFailure(f"processes the GUI started outlived it: {left}")
