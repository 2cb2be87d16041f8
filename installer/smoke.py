"""``python -m installer smoke ARCHIVE``: install a Linux build the way a person would, and use it.

Everything runs from the installed copy, with a fresh ``HOME`` and a ``PATH`` without the build's
Python, so a file PyInstaller left out (a Qt plugin, a migration, a translation, matplotlib's
data) fails here rather than on a marketer's desktop:

1. unpack the ``.tar.gz`` and run its ``install.sh``; check the menu entry, icons, metadata,
   and that every data file of ours (translations, fonts, icons, migrations) is installed;
2. ``engage-desktop --version``, and ``--help`` of every command and subcommand;
3. start the GUI the way the menu does (the ``.desktop`` entry's ``Exec``), see the first
   start's progress dialog while it builds the demo, and wait until the main window's
   campaigns table holds the demo's campaigns (``installer/probe.py``);
4. a secret goes into the OS keyring and back through the running GUI's vault; check the
   service the GUI started is the bundle's own program, not a Python;
5. send the demo's draft campaign to the sandbox with the bundled CLI and wait for it; the
   sandbox the service started is the bundle's program too;
6. a 50,000-row contacts import (dry run): its reading process is the frozen program again;
7. ``info``, ``segment list``, ``audit verify``, a chart and a PDF report; optional
   screenshots of the window and the composer;
8. quit the GUI: it exits 0 and its service and sandbox stop;
9. a second start renders a rich push page with QtWebEngine (``check_web_engine``).
"""

from __future__ import annotations

import json
import os
import shlex
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from installer.contents import DESKTOP_ID, ROOT, data_files
from installer.smoke_cli import check_every_help
from installer.smoke_processes import (
    Gui,
    SmokeFailure,
    children_of,
    descendants_of,
    executable_of,
    free_port,
    run_program,
    run_watching_children,
)

__all__ = ["SmokeFailure", "smoke_test"]

FIRST_START_TIMEOUT = 600.0  # builds the 20,000-profile demo on a loaded 2-core machine
DEMO_DRAFT = "Ouverture du magasin de Brest"  # the demo's push draft (core/demo)
KEPT_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS",
                  "XDG_RUNTIME_DIR", "QTWEBENGINE_CHROMIUM_FLAGS", "LANG", "LC_ALL", "TZ")  # fmt: skip


def say(message: str) -> None:
    print(f"[smoke {time.strftime('%H:%M:%S')}] {message}", flush=True)


def fresh_environment(home: Path) -> dict[str, str]:
    """A new user's session: only the display, D-Bus and locale are kept from ours."""
    env = {name: os.environ[name] for name in KEPT_VARIABLES if name in os.environ}
    env.update(
        HOME=str(home),
        PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        # A port of its own: another sandbox may answer on the default one on a shared machine.
        ENGAGE_SANDBOX_URL=f"http://127.0.0.1:{free_port()}",
    )
    home.mkdir(parents=True)
    return env


def unpack(archive: Path, into: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="tar")
    folders = [p for p in into.iterdir() if p.is_dir()]
    if len(folders) != 1:
        raise SmokeFailure(f"{archive} should hold one folder, found {[p.name for p in folders]}")
    return folders[0]


def install(unpacked: Path, env: dict[str, str]) -> Path:
    """Run install.sh; return the program the installed menu entry runs."""
    run_program([str(unpacked / "install.sh")], env, timeout=300)
    home = Path(env["HOME"])
    share = home / ".local" / "share"
    expected = [
        home / ".local" / "bin" / "engage-desktop",
        share / "applications" / f"{DESKTOP_ID}.desktop",
        share / "metainfo" / "io.engage.EngageDesktop.metainfo.xml",
        *(
            share / "icons" / "hicolor" / f"{s}x{s}" / "apps" / f"{DESKTOP_ID}.png"
            for s in (16, 256)
        ),
    ]
    missing = [str(path) for path in expected if not path.exists()]
    if missing:
        raise SmokeFailure(f"install.sh did not write: {', '.join(missing)}")
    return menu_program(share / "applications" / f"{DESKTOP_ID}.desktop")


def menu_program(desktop_file: Path) -> Path:
    """The program of the entry's ``Exec=`` line, which must be an installed executable."""
    for line in desktop_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            program = Path(shlex.split(line[len("Exec=") :])[0])
            if not os.access(program, os.X_OK):
                raise SmokeFailure(f"{desktop_file}: Exec names {program}, which cannot run")
            return program
    raise SmokeFailure(f"{desktop_file} has no Exec= line")


def check_data_files(program: Path, root: Path = ROOT) -> int:
    """Every data file the spec adds (``contents.data_files``: translations, fonts, icons, Alembic
    revisions) is in the installed bundle: an exclude that catches one of ours, or a file
    install.sh did not copy, fails here, including those this run never reads (the French
    catalogues when the session is English). Returns how many there are."""
    internal = program.resolve().parent / "_internal"
    files = data_files(root)
    missing = [f"{folder}/{Path(source).name}" for source, folder in files
               if not (internal / folder / Path(source).name).is_file()]  # fmt: skip
    if missing:
        raise SmokeFailure(f"the installed bundle lacks {len(missing)} data files: {missing}")
    return len(files)


def wait_for(what: str, ready: Callable[[], bool], timeout: float, gui: Gui) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        gui.check_running(what)
        if time.monotonic() > deadline:
            raise SmokeFailure(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.5)


def cli_json(program: Path, env: dict[str, str], *args: str) -> Any:
    return json.loads(run_program([str(program), *args], env, timeout=120))


def check_processes_are_bundled(gui: Gui, program: Path, commands: tuple[str, ...]) -> None:
    """Every process the GUI started, and theirs, runs the installed bundle's own executables
    (``/proc/PID/exe``), never a Python interpreter; ``commands`` (``service``, ``sandbox``) are
    among them as ``PROGRAM COMMAND ...``."""
    bundle = program.resolve().parent
    tree = descendants_of(gui.process.pid)
    for command in commands:
        if not any(argv[1:2] == [command] for argv in tree.values()):
            raise SmokeFailure(f"the GUI's processes include no {command!r}: {tree}")
    for pid, argv in tree.items():
        exe = executable_of(pid)
        if exe is not None and bundle not in exe.parents:
            raise SmokeFailure(f"process {pid} {argv} runs {exe}, not a program of {bundle}")


def check_keyring(gui: Gui) -> str:
    """The running bundle's vault stores, reads back and deletes a secret; returns its backend."""
    keyring = gui.ask("vault")
    if not (keyring["round_trip"] and keyring["deleted"]):
        raise SmokeFailure(f"the bundle's keyring did not keep a secret: {keyring}")
    backend: str = keyring["backend"]
    return backend


def has_child(gui: Gui, command: str) -> bool:
    """The GUI has a child process running ``PROGRAM COMMAND ...``."""
    return any(argv[1:2] == [command] for argv in children_of(gui.process.pid).values())


def check_first_start_dialog(gui: Gui) -> dict[str, Any]:
    """The first start showed its progress dialog while it built the demo, and it moved."""
    shown = gui.first_start()
    if shown is None:
        raise SmokeFailure("the first start built the demo without showing its progress dialog")
    if not any(value > 0 for value in shown["values"]):
        raise SmokeFailure(f"the first start's progress dialog never moved: {shown}")
    return shown


def demo_draft(program: Path, env: dict[str, str]) -> int:
    campaigns = cli_json(program, env, "campaign", "list", "--app", "1", "--json")
    draft = next((c for c in campaigns if c["name"] == DEMO_DRAFT), None)
    if draft is None or draft["status"] != "draft":
        raise SmokeFailure(f"no draft named {DEMO_DRAFT!r} in the demo: {campaigns}")
    campaign_id: int = draft["id"]
    return campaign_id


def send(program: Path, env: dict[str, str], campaign_id: int) -> dict[str, Any]:
    """Send now, whatever the hour: the demo app's default quiet hours (21:00-08:00 in each
    recipient's zone) would hold a run at night until morning, so they are turned off first
    with the bundled CLI (which exercises ``app rules`` too); ``--yes`` answers the send's
    confirmation as a script must."""
    run_program([str(program), "app", "rules", "1", "--quiet", "off"], env, timeout=120)
    run_program(
        [str(program), "campaign", "send", str(campaign_id), "--yes", "--wait"], env, timeout=600
    )
    status: dict[str, Any] = cli_json(
        program, env, "campaign", "status", str(campaign_id), "--json"
    )
    if status["status"] != "completed" or status["sent"] == 0 or status["failed"]:
        raise SmokeFailure(f"the sandbox send did not complete cleanly: {status}")
    return status


def import_in_child_process(program: Path, env: dict[str, str], folder: Path) -> None:
    """50,000 rows: enough for the importer's reading process (``pipeline.CHILD_ROWS``), which
    a frozen program starts as itself with ``--multiprocessing-fork`` (``entry.py``)."""
    csv = folder / "contacts.csv"
    with csv.open("w", encoding="utf-8") as out:
        out.write("identifiant;prénom;nom;e-mail\n")
        for i in range(50_000):
            out.write(f"smoke-{i};Camille;Martin;camille.martin{i}@example.fr\n")
    argv = [str(program), "import", "contacts", "--app", "1", "--dry-run", str(csv)]
    seen = run_watching_children(argv, env, timeout=600)
    if not any("--multiprocessing-fork" in child for child in seen):
        raise SmokeFailure(f"the import read the file without its child process; saw {seen}")


def read_only_commands(program: Path, env: dict[str, str], folder: Path) -> None:
    """Commands that load what the GUI does not: the PDF report, the audit chain, counts."""
    info = cli_json(program, env, "info", "--json")
    if not info:
        raise SmokeFailure("`info --json` said nothing")
    if not cli_json(program, env, "segment", "list", "--app", "1", "--json"):
        raise SmokeFailure("the demo's segments are missing")
    run_program([str(program), "audit", "verify"], env, timeout=120)
    for argv, out in (
        (["chart", "trends", "--app", "1"], folder / "trends.png"),
        (["report", "--campaign", "1"], folder / "report.pdf"),
    ):
        run_program([str(program), *argv, "--out", str(out)], env, timeout=120)
        if not out.is_file() or out.stat().st_size < 1000:
            raise SmokeFailure(f"{' '.join(argv)} did not write {out}")


def check_web_engine(program: Path, env: dict[str, str], probe: Path) -> None:
    """QtWebEngine in the bundle renders the composer's rich push preview.

    A session of its own, ended by killing it: with the pip install as with the bundle, the GUI
    dies with SIGSEGV on exit once a rich push preview has existed (reported as a product bug,
    not the installer's), and the main session above must keep its strict clean-exit check.
    """
    with Gui.start(program, {**env, "ENGAGE_DESKTOP_NO_SERVICE": "1"}, probe) as gui:
        wait_for("the main window", gui.campaigns_shown, 300, gui)
        gui.check_rich_page()


def smoke_test(archive: Path, shots: Path | None = None) -> dict[str, Any]:
    """Run every step; raises ``SmokeFailure`` naming the first that failed."""
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="engage-smoke-") as tmp:
        folder = Path(tmp)
        env = fresh_environment(folder / "home")
        program = install(unpack(archive, folder / "download"), env)
        say(f"installed; the menu entry runs {program}")
        say(run_program([str(program), "--version"], env, timeout=60).strip())
        say(f"{check_data_files(program)} data files of ours are installed")
        say(f"all {check_every_help(program, env)} commands answer --help from the bundle")
        started = time.monotonic()
        with Gui.start(program, env, folder / "probe") as gui:
            wait_for("the first paint", gui.painted, 120, gui)
            timings["first_paint_s"] = round(time.monotonic() - started, 2)
            wait_for("the demo's campaigns in the main window", gui.campaigns_shown,
                     FIRST_START_TIMEOUT, gui)  # fmt: skip
            timings["campaigns_shown_s"] = round(time.monotonic() - started, 2)
            say(f"main window lists {gui.campaigns()['rows']} campaigns")
            shown = check_first_start_dialog(gui)
            say(f"the first start showed {shown['label']!r}, at {shown['values']} %")
            say(f"a secret went through the keyring ({check_keyring(gui)}) and back")
            wait_for("the service", lambda: has_child(gui, "service"), 60, gui)
            check_processes_are_bundled(gui, program, ("service",))
            draft = demo_draft(program, env)
            if shots is not None:
                say(f"screenshots: {gui.screenshots(shots, campaign_id=draft)}")
            status = send(program, env, draft)
            say(f"sent to the sandbox: {status['sent']} messages, {status['suppressed']}")
            check_processes_are_bundled(gui, program, ("service", "sandbox"))
            say("the service and the sandbox the GUI started run the bundle's own program")
            import_in_child_process(program, env, folder)
            say("50,000-row import (dry run) read in the bundle's child process")
            read_only_commands(program, env, folder)
            say("info, segment list, audit verify, chart and report ran from the bundle")
            gui.quit()
        say(f"quit cleanly; timings {timings}")
        check_web_engine(program, env, folder / "probe-web")
        say("QtWebEngine rendered a rich push page")
    return timings
