"""A TLS front for a plain local server: the real FCM path's HTTPS, ahead of the sandbox.

The sandbox speaks plain HTTP. A service configured for the real FCM path talks HTTPS to its
FCM address and to its key's ``token_uri``; pointing both at this proxy (certificate from the
test CA, trusted through ``TestCA.env()``) exercises certificate checks end to end, while the
sandbox behind it answers as Google would.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading

from .tls import TestCA


class TlsProxy:
    """Accepts TLS on 127.0.0.1:``port`` and forwards each connection to ``target_port``."""

    def __init__(self, ca: TestCA, target_port: int) -> None:
        self.ca = ca
        self.target_port = target_port
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def __enter__(self) -> TlsProxy:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the TLS proxy did not start")
        return self

    def __exit__(self, *_exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0, ssl=self.ca.server_context())
        )
        self.port = int(server.sockets[0].getsockname()[1])
        self._ready.set()
        self._loop.run_forever()
        server.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        # As a reverse proxy does (nginx's proxy_set_header Host): the upstream sees its own
        # address, which the sandbox checks (loopback name and its port).
        rewrite = (
            f"Host: 127.0.0.1:{self.port}\r\n".encode(),
            f"Host: 127.0.0.1:{self.target_port}\r\n".encode(),
        )
        await asyncio.gather(_pipe(reader, up_writer, rewrite), _pipe(up_reader, writer))


async def _pipe(
    source: asyncio.StreamReader,
    sink: asyncio.StreamWriter,
    rewrite: tuple[bytes, bytes] | None = None,
) -> None:
    with contextlib.suppress(ConnectionError, OSError):
        while data := await source.read(65536):
            if rewrite is not None:
                data = data.replace(*rewrite).replace(
                    rewrite[0].replace(b"127.0.0.1", b"localhost"), rewrite[1]
                )
            sink.write(data)
            await sink.drain()
    with contextlib.suppress(ConnectionError, OSError, RuntimeError):
        sink.close()
