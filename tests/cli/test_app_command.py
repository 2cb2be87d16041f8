"""``engage-desktop app``: add, list, edit and remove apps from the command line, real processes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engage_desktop", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_add_list_edit_remove(tmp_path: Path) -> None:
    ws = ["--workspace", str(tmp_path / "team.sqlite")]
    added = run_cli(
        "app", "add", "--name", "Boutique", "--project", "boutique-prod",
        "--android", "fr.boutique.app", "--time-zone", "Europe/Paris", "--json", *ws,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    app = json.loads(added.stdout)
    assert app["android_packages"] == ["fr.boutique.app"] and app["role"] == "admin"
    assert app["sending"] == "sandbox" and app["icon"] is False
    icon = tmp_path / "logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 120, 200)).save(buffer, "PNG")
    icon.write_bytes(buffer.getvalue())
    edited = run_cli(
        "app", "edit", str(app["id"]), "--ios", "fr.boutique.ios,fr.boutique.beta",
        "--icon", str(icon), "--json", *ws,
    )  # fmt: skip
    assert edited.returncode == 0, edited.stderr
    after = json.loads(edited.stdout)
    assert after["ios_bundle_ids"] == ["fr.boutique.ios", "fr.boutique.beta"]
    assert after["android_packages"] == ["fr.boutique.app"] and after["icon"] is True
    listing = run_cli("app", "list", *ws)
    assert "Boutique  project boutique-prod  Europe/Paris" in listing.stdout
    unconfirmed = run_cli("app", "remove", str(app["id"]), *ws)
    assert unconfirmed.returncode == 1
    assert "Removing app 'Boutique' deletes 0 campaigns, 0 profiles" in unconfirmed.stderr
    assert "Pass --confirm with the app's name" in unconfirmed.stderr
    wrong = run_cli("app", "remove", str(app["id"]), "--confirm", "boutique", *ws)
    assert wrong.returncode == 1 and "type the app's name 'Boutique'" in wrong.stderr
    removed = run_cli("app", "remove", str(app["id"]), "--confirm", "Boutique", "--json", *ws)
    assert removed.returncode == 0, removed.stderr
    assert json.loads(removed.stdout)["members"] == 1
    assert json.loads(run_cli("app", "list", "--json", *ws).stdout) == []


def test_bad_input_is_named_on_stderr(tmp_path: Path) -> None:
    ws = ["--workspace", str(tmp_path / "team.sqlite")]
    bad = run_cli("app", "add", "--name", "B", "--project", "Boutique_Prod", *ws)
    assert bad.returncode == 1
    assert "'Boutique_Prod' is not a Firebase project id" in bad.stderr
    assert "Traceback" not in bad.stderr
    zone = run_cli("app", "add", "--name", "B", "--project", "b-prod", "--time-zone", "Paris", *ws)
    assert "'Paris' is not a time zone name of the IANA database" in zone.stderr
    icon = run_cli("app", "add", "--name", "B", "--project", "b-prod", "--icon", "/nope.png", *ws)
    assert "Icon file not found: /nope.png" in icon.stderr
    missing = run_cli("app", "edit", "99", "--name", "X", *ws)
    assert missing.returncode == 1
    assert "There is no app with id 99 in this workspace." in missing.stderr
