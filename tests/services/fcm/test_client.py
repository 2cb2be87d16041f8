"""What the FCM client makes of transport failures: a refused certificate is the endpoint's
fault, not the message's, so it counts as unreachable (the app pauses) rather than as an
attempt that could fail the row."""

from __future__ import annotations

import asyncio
from pathlib import Path

from engage_desktop.services.fcm.client import FcmClient, Verdict
from engage_desktop.services.fcm.http1 import Http1Pool
from tests.support.tls import make_test_ca


class _NoTokens:
    """Never asked: the TLS handshake fails before any header is written."""

    async def token(self) -> str:
        return "unused"

    def invalidate(self, token: str) -> None:
        pass


def test_a_refused_certificate_is_unreachable_with_the_reason(tmp_path: Path) -> None:
    ca = make_test_ca(tmp_path / "ca")  # not trusted by this process

    async def scenario() -> tuple[Verdict, bool, str | None, str | None]:
        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writer.close()

        server = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=ca.server_context())
        pool = Http1Pool("localhost", server.sockets[0].getsockname()[1], tls=True)
        client = FcmClient(pool, "", "p", _NoTokens())  # type: ignore[arg-type]
        try:
            result = await client.send(b"{}")
        finally:
            pool.close()
            server.close()
            await server.wait_closed()
        return result.verdict, result.unreachable, result.error_code, result.error_message

    verdict, unreachable, code, message = asyncio.run(scenario())
    assert (verdict, unreachable, code) == (Verdict.RETRY, True, "TLS_CERTIFICATE")
    assert message is not None and "certificate of localhost:" in message
    assert "unable to get local issuer certificate" in message
