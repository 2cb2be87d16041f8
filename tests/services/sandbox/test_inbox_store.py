"""The sandbox's kept inboxes: what a device received comes back after a restart, last N only."""

from __future__ import annotations

from pathlib import Path

from engage_desktop.services.sandbox.inbox_store import InboxStore


def test_inboxes_come_back_pruned_to_the_last_messages(tmp_path: Path) -> None:
    store = InboxStore(tmp_path / "inboxes.sqlite", keep=3)
    for i in range(5):
        store.add("tok-a", {"at": i, "message": {"notification": {"title": f"n°{i} é"}}})
    store.add("tok-b", {"at": 9, "message": {}})
    assert store.flush() == 6
    store.close()
    again = InboxStore(tmp_path / "inboxes.sqlite", keep=3)
    boxes = again.load()
    assert [m["at"] for m in boxes["tok-a"]] == [2, 3, 4]  # oldest first, last three kept
    assert boxes["tok-a"][-1]["message"]["notification"]["title"] == "n°4 é"
    assert len(boxes["tok-b"]) == 1
    again.clear()
    assert again.load() == {}
    again.close()


def test_the_inboxes_file_is_private(tmp_path: Path) -> None:
    from engage_desktop.services.sandbox.inbox_store import InboxStore

    folder = tmp_path / "sandbox"
    store = InboxStore(folder / "inboxes.sqlite", keep=10)
    store.close()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "inboxes.sqlite").stat().st_mode & 0o777 == 0o600
