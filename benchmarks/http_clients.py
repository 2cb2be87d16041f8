"""HTTP client arms on the same FCM messages against nginx: why the sender keeps ``http1``.

Every arm posts the same request bodies (one rendered FCM message per recipient) with 64 in
flight under uvloop, to one nginx (``return 200`` with an FCM answer; it uses a fraction of a
core, so the figure is the client's), and reports msg/s and its own CPU µs per message:

- ``http1``: the shipped client (``services/fcm/http1.py``), 64 keep-alive HTTP/1.1 connections;
- ``aiohttp``: aiohttp's client, 64 keep-alive connections;
- ``httpx_h2``: httpx with h2 (the ``bench`` extra), one HTTP/2 connection, 64 streams.

Each runs over TLS (a throw-away CA, the real FCM path); the HTTP/1.1 arms also in clear.
HTTP/2 in clear (prior knowledge) is left out: FCM speaks it only over TLS, and httpcore 1.0.9
failed on it against nginx with a stream protocol error. nginx must be installed (``apt-get install nginx-light``); without it the arms are
reported as not measured, with the reason.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import ssl
import statistics
import subprocess
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks._common import emit
from benchmarks._target import cpu_seconds, free_port, self_signed, wait_port

CONCURRENCY = 64
PATH = "/v1/projects/bench-project/messages:send"
AUTH = "Bearer ya29.bench-token-" + "x" * 180  # the size of a real access token
Post = Callable[[bytes], Awaitable[int]]


@dataclass(frozen=True)
class Nginx:
    plain_port: int
    tls_port: int
    ca_file: Path
    pid: int = 0  # the master process (its worker is its child)


NGINX_CONF = """
daemon off; worker_processes 1; pid {tmp}/nginx.pid; error_log {tmp}/error.log crit;
events {{ worker_connections 1024; }}
http {{
  access_log off; client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  keepalive_requests 10000000; keepalive_timeout 300s; http2_max_requests 10000000;
  http2_max_concurrent_streams 256; client_body_buffer_size 16k;
  default_type application/json;
  server {{ listen 127.0.0.1:{plain}; {routes} }}
  server {{
    listen 127.0.0.1:{tls} ssl http2; ssl_certificate {cert}; ssl_certificate_key {key};
    {routes}
  }}
}}
"""
ROUTES = """
  location = /token {{ return 200 '{{"access_token":"ya29.bench","expires_in":3600,"token_type":"Bearer"}}'; }}
  location / {{ return 200 '{{"name":"projects/bench-project/messages/0:1733212800000000%abcdef"}}'; }}
"""


@contextmanager
def nginx() -> Iterator[Nginx | str]:
    """An nginx for the arms (or the reason there is none)."""
    binary = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if binary is None:
        yield "nginx is not installed (apt-get install nginx-light)"
        return
    with tempfile.TemporaryDirectory() as tmp:
        ca_file, cert, key = self_signed(Path(tmp))
        plain, tls = free_port(), free_port()
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                tmp=tmp, plain=plain, tls=tls, cert=cert, key=key, routes=ROUTES.format()
            )
        )
        proc = subprocess.Popen([binary, "-c", str(conf), "-p", tmp], stderr=subprocess.DEVNULL)
        try:
            for port in (plain, tls):
                wait_port(port)
            yield Nginx(plain, tls, ca_file, proc.pid)
        finally:
            proc.terminate()
            proc.wait(10)


def bodies(count: int) -> list[bytes]:
    """The same FCM request bodies every arm sends: one template, stamped per recipient."""
    from engage_desktop.core.outbox.payload import compile_body

    template = compile_body(
        {"title": "Soldes d'hiver", "body": "Jusqu'à -50 % sur toute la boutique ce week-end"},
        analytics_label="bench",
        validate_only=False,
    )
    return [template.render(f"t{i:09d}:APA91b" + "x" * 140, f"ed-1-{i}") for i in range(count)]


async def _drive(post: Post, messages: list[bytes]) -> tuple[int, float, float]:
    """(acknowledged, wall s, CPU s) for ``messages`` posted with CONCURRENCY in flight."""
    feed = iter(messages)
    ok = 0

    async def worker() -> None:
        nonlocal ok
        for body in feed:
            if await post(body) == 200:
                ok += 1

    cpu0, t0 = cpu_seconds(), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return ok, time.perf_counter() - t0, cpu_seconds() - cpu0


async def _http1(
    host: str, port: int, tls: bool, messages: list[bytes]
) -> tuple[int, float, float]:
    from engage_desktop.services.fcm.http1 import Http1Pool

    pool = Http1Pool(host, port, tls=tls, limit=CONCURRENCY)
    headers = f"Authorization: {AUTH}\r\nContent-Type: application/json\r\n".encode()

    async def post(body: bytes) -> int:
        return (await pool.post(PATH, headers, body)).status

    try:
        return await _drive(post, messages)
    finally:
        pool.close()


async def _aiohttp(
    url: str, context: ssl.SSLContext | None, messages: list[bytes]
) -> tuple[int, float, float]:
    import aiohttp

    connector = aiohttp.TCPConnector(limit=CONCURRENCY, ssl=context if context else False)
    headers = {"Authorization": AUTH, "Content-Type": "application/json"}
    async with aiohttp.ClientSession(connector=connector) as session:

        async def post(body: bytes) -> int:
            async with session.post(url + PATH, data=body, headers=headers) as response:
                await response.read()
                return response.status

        return await _drive(post, messages)


async def _httpx_h2(
    url: str, context: ssl.SSLContext | None, messages: list[bytes]
) -> tuple[int, float, float]:
    import httpx

    headers = {"Authorization": AUTH, "Content-Type": "application/json"}
    async with httpx.AsyncClient(
        http1=False, http2=True, verify=context or False, base_url=url
    ) as client:

        async def post(body: bytes) -> int:
            response = await client.post(PATH, content=body, headers=headers)
            return response.status_code

        return await _drive(post, messages)


def _figure(n: int, ok: int, wall: float, cpu: float) -> dict[str, Any]:
    return {
        "messages": n,
        "acknowledged": ok,
        "msg_per_s": round(ok / wall, 1),
        "cpu_us_per_msg": round(cpu / max(ok, 1) * 1e6, 1),
    }


def _loop_run(work: Awaitable[tuple[int, float, float]]) -> tuple[int, float, float]:
    import uvloop

    async def main() -> tuple[int, float, float]:
        return await work

    return uvloop.run(main())


def measure_arms(messages: list[bytes], rounds: int = 3, warmup: int = 2_000) -> dict[str, Any]:
    """Every arm on ``messages``, ``rounds`` times interleaved (so a busy machine weighs on all
    arms alike); medians. The fastest over TLS is named."""
    try:
        import h2  # noqa: F401
        import httpx  # noqa: F401  # the bench extra
    except ImportError:
        return {"not_measured": "httpx[http2] is not installed (pip install -e '.[bench]')"}
    with nginx() as target:
        if isinstance(target, str):
            return {"not_measured": target}
        ca = str(target.ca_file)

        def context() -> ssl.SSLContext:  # one per run: httpx sets ALPN "h2" on the one it gets
            return ssl.create_default_context(cafile=ca)

        os.environ["SSL_CERT_FILE"] = str(target.ca_file)  # http1's default context trusts it
        tls_url = f"https://localhost:{target.tls_port}"
        runs: dict[str, Callable[[list[bytes]], Awaitable[tuple[int, float, float]]]] = {
            "http1_tls": lambda m: _http1("localhost", target.tls_port, True, m),
            "aiohttp_tls": lambda m: _aiohttp(tls_url, context(), m),
            "httpx_h2_tls": lambda m: _httpx_h2(tls_url, context(), m),
            "http1_plain": lambda m: _http1("127.0.0.1", target.plain_port, False, m),
            "aiohttp_plain": lambda m: _aiohttp(f"http://127.0.0.1:{target.plain_port}", None, m),
        }
        samples: dict[str, list[dict[str, Any]]] = {name: [] for name in runs}
        for run in runs.values():
            _loop_run(run(messages[:warmup]))
        for _ in range(rounds):
            for name, run in runs.items():
                samples[name].append(_figure(len(messages), *_loop_run(run(messages))))
    out: dict[str, Any] = {name: _median(figures) for name, figures in samples.items()}
    tls_arms = {k: v["msg_per_s"] for k, v in out.items() if k.endswith("_tls")}
    out["fastest_over_tls"] = max(tls_arms, key=lambda k: tls_arms[k])
    out["target"] = (
        "nginx 1 worker, return 200; 64 in flight, uvloop; same bodies for every arm; "
        f"median of {rounds} interleaved rounds"
    )
    return out


def _median(figures: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "messages": figures[0]["messages"],
        "acknowledged": min(f["acknowledged"] for f in figures),
        "msg_per_s": statistics.median(f["msg_per_s"] for f in figures),
        "cpu_us_per_msg": statistics.median(f["cpu_us_per_msg"] for f in figures),
        "rounds": len(figures),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks http_clients")
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = {"benchmark": "http_clients", **measure_arms(bodies(args.messages), args.rounds)}
    emit(result, args.json)
    return 0
