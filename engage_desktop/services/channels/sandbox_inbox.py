"""Where SMS and email of an app on the sandbox go: local inbox files, nothing leaves the machine.

The sandbox stands in for FCM over HTTP because the FCM path must be exercised end to end; for
SMS and email the smallest honest stand-in is a file the demo (or a person) can read: one JSON
line per SMS in ``sms-inbox.jsonl`` (to, body, segments, encoding) and an mbox, readable by any
mail client, in ``mail-inbox.mbox``, both in the sandbox's data folder, private (0600 files in
a 0700 folder). Every message is "delivered"; nothing is refused.
"""

from __future__ import annotations

import asyncio
import json
import mailbox
import os
from collections.abc import Sequence
from pathlib import Path

from engage_desktop.core.campaigns.senders import SANDBOX_FROM
from engage_desktop.core.content.sms import count_sms
from engage_desktop.services.channels.base import ChannelResult, EmailMessage, Kind, SmsMessage
from engage_desktop.services.channels.smtp import mime_message

SMS_INBOX = "sms-inbox.jsonl"
MAIL_INBOX = "mail-inbox.mbox"


def _private(path: Path) -> Path:
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    path.chmod(0o600)
    return path


class SandboxSms:
    """``ChannelSender[SmsMessage]`` appending to the sandbox's SMS inbox."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / SMS_INBOX
        self._lock = asyncio.Lock()

    async def send(self, batch: Sequence[SmsMessage]) -> list[ChannelResult]:
        async with self._lock:
            return await asyncio.to_thread(self._append, list(batch))

    def _append(self, batch: list[SmsMessage]) -> list[ChannelResult]:
        with _private(self.path).open("a", encoding="utf-8") as inbox:
            for sms in batch:
                count = count_sms(sms.body)
                line = {
                    "to": sms.to,
                    "body": sms.body,
                    "segments": count.segments,
                    "encoding": count.encoding,
                }
                inbox.write(json.dumps(line, ensure_ascii=False) + "\n")
        return [
            ChannelResult(Kind.DELIVERED, provider_id=f"sandbox-sms-{s.outbox_id}") for s in batch
        ]

    async def close(self) -> None:
        return None


class SandboxMail:
    """``ChannelSender[EmailMessage]`` appending to the sandbox's mbox."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / MAIL_INBOX
        self._lock = asyncio.Lock()

    async def send(self, batch: Sequence[EmailMessage]) -> list[ChannelResult]:
        async with self._lock:
            return await asyncio.to_thread(self._append, list(batch))

    def _append(self, batch: list[EmailMessage]) -> list[ChannelResult]:
        box = mailbox.mbox(_private(self.path))
        box.lock()
        try:
            for mail in batch:
                box.add(mime_message(mail, SANDBOX_FROM, ""))
            box.flush()
        finally:
            box.unlock()
            box.close()
        return [
            ChannelResult(Kind.DELIVERED, provider_id=f"sandbox-mail-{m.outbox_id}") for m in batch
        ]

    async def close(self) -> None:
        return None
