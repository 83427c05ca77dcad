"""The phones' web server: aiohttp on an event loop in a thread of its own.

It listens only between `start()` and `stop()`, only on the address it is given (the LAN
address the facilitator chose, loopback in tests), and only answers under its session's random
code. Store calls run on one worker thread (never on the loop, never two writes at once); an
acknowledged ballot is committed before its answer leaves. `stop()` lets requests in flight
finish (a ballot accepted while closing is kept) and then closes the socket.

While a server is open the objects the app already holds are set aside from Python's cycle
collector (`gc.freeze`, undone when the last server stops): a full collection walks every object
of the app (Qt's wrappers, the tools, the store's mappings), 60–100 ms with the interpreter
held, and the first vote of a session used to pay it in the middle of sixty ballots.

The shell hears from it through `on_event(kind, value)`, called on a server thread:
« joined » (number of phones) and « stored » (the area whose data a phone changed).
`ui/phones.PhoneDoor` turns those into Qt signals.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from aiohttp import web

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.paths import resources_dir
from kitcop_desktop.phones import page_text
from kitcop_desktop.phones.session import (
    COOKIE,
    Limits,
    PhoneSession,
    RateLimiter,
    new_device_token,
    pseudonym,
    valid_token,
)

log = logging.getLogger(__name__)

COOKIE_AGE = 12 * 3600
HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    # One static file: its own inline style and script, talking only to this server.
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
}
Event = Callable[[str, Any], None]
FULL = (
    "La salle est complète\u00a0: plus aucun téléphone ne peut la rejoindre. "
    "Répondez avec l'animateur·rice."
)


_still_lock = threading.Lock()
_still = 0  # servers running: while > 0, what existed when the first opened is frozen


def _hold_still(delta: int) -> None:
    """Freeze the app's objects out of the cycle collector while phones may ask (see the
    module's docstring); give them back when the last server stops."""
    global _still
    with _still_lock:
        _still += delta
        if delta > 0 and _still == 1:
            gc.freeze()
        elif delta < 0 and _still == 0:
            gc.unfreeze()


class RoomFull(Exception):
    """A new phone while the room already has its number of phones."""


def page_path() -> Path:
    return resources_dir() / "phones" / "page.html"


def _json(data: dict[str, Any], status: int = 200) -> web.Response:
    return web.Response(
        text=json.dumps(data, ensure_ascii=False),
        status=status,
        content_type="application/json",
        headers=HEADERS,
    )


def _refusal(message: str, status: int) -> web.Response:
    return _json({"ok": False, "error": page_text.say(message)}, status)


class PhoneServer:
    """Serve `room` (a `phones/vote_room.VoteRoom`, or any object with kind, area, state,
    submit) to phones. `start()` returns the URL to show; `stop()` undoes it entirely."""

    def __init__(
        self,
        room: Any,
        *,
        host: str,
        port: int = 0,
        limits: Limits | None = None,
        on_event: Event | None = None,
        session: PhoneSession | None = None,
    ) -> None:
        self.room = room
        self.host = host
        self.port = port
        self.session = session or PhoneSession(limits=limits or Limits())
        self.on_event = on_event or (lambda _kind, _value: None)
        self.page = page_text.page()  # in the app's language, chosen when opened
        self.bound_port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._store_worker: ThreadPoolExecutor | None = None  # writes, one at a time
        self._read_worker: ThreadPoolExecutor | None = None  # reads, beside the writer (WAL)
        self._waiting: list[tuple[str, Any, asyncio.Future[Any]]] = []
        self._writing = False
        self._rate: RateLimiter | None = None
        self._address_rate: RateLimiter | None = None
        self._holding = False  # this server keeps the app's objects frozen (`_hold_still`)
        self.refused: dict[str, int] = {}  # why requests were refused, counted (tests, bench)

    # --- life -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def busy(self) -> bool:
        """Phones' inputs waiting for, or in, a write (read from the UI thread: a hint)."""
        return self._writing or bool(self._waiting)

    @property
    def code(self) -> str:
        return self.session.code

    @property
    def address(self) -> str:
        """What a participant types: « http://192.168.1.12:8765 »."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.bound_port}"

    @property
    def url(self) -> str:
        """The QR code's URL: the address and the code."""
        return f"{self.address}/{self.code}"

    def start(self, timeout: float = 10.0) -> str:
        """Bind and serve; raises OSError (address taken, interface gone) with nothing left
        listening."""
        if self.running:
            return self.url
        limits = self.session.limits
        self._rate = RateLimiter(limits.rate_count, limits.rate_window)
        self._address_rate = RateLimiter(limits.address_rate_count, limits.rate_window)
        self._store_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kitcop-phones")
        self._read_worker = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kitcop-phones-r")
        started = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                runner = web.AppRunner(
                    self._app(), access_log=None, handle_signals=False, shutdown_timeout=5.0
                )
                loop.run_until_complete(runner.setup())
                site = web.TCPSite(runner, self.host, self.port, backlog=128)
                loop.run_until_complete(site.start())
                self._runner = runner
                self.bound_port = int(runner.addresses[0][1])
            except BaseException as exc:  # reported to start()'s caller
                failure.append(exc)
                started.set()
                loop.close()
                return
            started.set()
            try:
                loop.run_forever()
            finally:
                loop.close()

        self._thread = threading.Thread(target=run, name="kitcop-phone-server", daemon=True)
        self._thread.start()
        if not started.wait(timeout):
            raise OSError("Le serveur des téléphones n'a pas démarré.")
        if failure:
            self._thread.join(timeout)
            self._thread = None
            self._store_worker.shutdown(wait=False)
            self._read_worker.shutdown(wait=False)
            exc = failure[0]
            raise exc if isinstance(exc, OSError) else OSError(str(exc))
        if not self._holding:
            self._holding = True
            _hold_still(+1)
        return self.url

    def stop(self, timeout: float = 10.0) -> None:
        """Stop listening; requests in flight finish first (their ballots are kept)."""
        loop, runner, thread = self._loop, self._runner, self._thread
        if thread is None or loop is None:
            return

        async def shut() -> None:
            if runner is not None:
                await runner.cleanup()
            loop.stop()

        if thread.is_alive():
            loop.call_soon_threadsafe(lambda: asyncio.ensure_future(shut()))
            thread.join(timeout)
        for worker in (self._store_worker, self._read_worker):
            if worker is not None:
                worker.shutdown(wait=True)
        self._thread = self._loop = self._runner = None
        if self._holding:
            self._holding = False
            _hold_still(-1)

    # --- the application ---------------------------------------------------------------------
    def _app(self) -> web.Application:
        app = web.Application(
            client_max_size=self.session.limits.max_body, middlewares=[self._guard]
        )
        app.router.add_get("/", self._page)
        app.router.add_get("/{code}", self._page)
        app.router.add_get("/{code}/etat", self._state)
        app.router.add_post("/{code}/bulletin", self._submit)  # a vote's ballot
        app.router.add_post("/{code}/postit", self._submit)  # a board's post-it
        app.router.add_post("/{code}/mot", self._submit)  # a round's word, a ROTI's score
        return app

    def _refuse(self, why: str, message: str, status: int) -> web.Response:
        self.refused[why] = self.refused.get(why, 0) + 1
        return _refusal(message, status)

    @web.middleware
    async def _guard(self, request: web.Request, handler: Callable[..., Any]) -> web.StreamResponse:
        token = request.cookies.get(COOKIE)
        assert self._rate is not None and self._address_rate is not None
        if valid_token(token):
            allowed = self._rate.allow(str(token))
        else:
            allowed = self._address_rate.allow(str(request.remote))
        if not allowed:
            return self._refuse(
                "rate", ("Trop de demandes d'un coup : attendez quelques secondes."), 429
            )
        length = request.content_length
        if length is not None and length > self.session.limits.max_body:
            return self._refuse("size", ("Cette demande est trop grosse."), 413)
        code = request.match_info.get("code")
        # The page itself holds nothing of the vote: it asks, and only the right code answers.
        if code is not None and request.path.count("/") > 1 and not self.session.code_matches(code):
            return self._refuse(
                "code",
                ("Ce code ne correspond à rien d'ouvert aux téléphones : vérifiez-le sur l'écran."),
                404,
            )
        try:
            response: web.StreamResponse = await handler(request)
        except web.HTTPRequestEntityTooLarge:
            return self._refuse("size", ("Cette demande est trop grosse."), 413)
        return response

    def _device(self, request: web.Request) -> tuple[str, str | None]:
        """(pseudonym, a new cookie to set or None); refuses a new phone in a full room."""
        token = request.cookies.get(COOKIE)
        fresh = None
        if not valid_token(token):
            token = fresh = new_device_token()
        assert token is not None
        before = len(self.session.devices)
        if not self.session.join(token):
            raise RoomFull
        if len(self.session.devices) != before:
            self.on_event("joined", len(self.session.devices))
        return pseudonym(token), fresh

    @staticmethod
    def _with_cookie(response: web.Response, fresh: str | None) -> web.Response:
        if fresh is not None:
            response.set_cookie(
                COOKIE, fresh, max_age=COOKIE_AGE, httponly=True, samesite="Strict", path="/"
            )
        return response

    async def _in_store(self, fn: Callable[[], Any], *, write: bool = False) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._store_worker if write else self._read_worker, fn)

    async def _written(self, device: str, payload: Any) -> Any:
        """This phone's input, stored with whatever else arrived meanwhile: one transaction
        (one commit) per batch, each input in its own savepoint (`room.submit_many`), so
        sixty phones voting at once wait for a few commits, not sixty. Returns the answer or
        the InvalidInput for this one; its answer leaves only after the commit."""
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._waiting.append((device, payload, future))
        if not self._writing:
            self._writing = True
            asyncio.ensure_future(self._write_batches())
        return await future

    async def _write_batches(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                inputs = [(device, payload) for device, payload, _f in batch]
                try:
                    results = await self._in_store(
                        partial(self.room.submit_many, inputs), write=True
                    )
                except Exception as exc:  # the whole batch failed: each phone is told
                    log.exception("phone batch")
                    results = [exc] * len(batch)
                for (_d, _p, future), result in zip(batch, results, strict=True):
                    if not future.done():
                        future.set_result(result)
        finally:
            self._writing = False

    async def _page(self, request: web.Request) -> web.Response:
        return web.Response(
            body=self.page, content_type="text/html", charset="utf-8", headers=HEADERS
        )

    async def _state(self, request: web.Request) -> web.Response:
        try:
            device, fresh = self._device(request)
        except RoomFull:
            return self._refuse("full", FULL, 403)
        try:
            data = await self._in_store(lambda: self.room.state(device))
            if isinstance(data.get("message"), str):
                data = {**data, "message": page_text.say(data["message"])}
        except Exception:
            log.exception("phone state")
            return self._refuse(
                "error",
                ("La page est momentanément indisponible : réessayez dans un instant."),
                503,
            )
        return self._with_cookie(_json(data), fresh)

    async def _submit(self, request: web.Request) -> web.Response:
        try:
            device, fresh = self._device(request)
        except RoomFull:
            return self._refuse("full", FULL, 403)
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return self._refuse("size", ("Cette demande est trop grosse."), 413)
        try:
            payload = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            payload = None
        answer = await self._written(device, payload)
        if isinstance(answer, InvalidInput):
            return self._with_cookie(self._refuse("invalid", str(answer), 400), fresh)
        if isinstance(answer, Exception):
            return self._refuse(
                "error", ("Votre envoi n'a pas pu être enregistré : réessayez."), 503
            )
        self.on_event("stored", self.room.area)
        if isinstance(answer, dict) and isinstance(answer.get("message"), str):
            answer = {**answer, "message": page_text.say(answer["message"])}
        return self._with_cookie(_json(answer), fresh)
