"""A vote with three proposals served to phones on loopback, and a phone that talks to it
over real HTTP (urllib, with its own cookie jar: one jar, one device)."""

from __future__ import annotations

import http.cookiejar
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

import pytest

from kitcop_desktop.phones.round_room import RoundRoom
from kitcop_desktop.phones.server import PhoneServer
from kitcop_desktop.phones.session import Limits
from kitcop_desktop.phones.vote_room import VoteRoom
from kitcop_desktop.storage import voting


@dataclass
class Answer:
    status: int
    data: Any


class Phone:
    """One participant's phone: it keeps the cookie the server gives it."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, method: str, path: str, body: bytes | None = None) -> Answer:
        request = urllib.request.Request(self.base + path, data=body, method=method)
        if body is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with self.opener.open(request, timeout=10) as response:
                raw = response.read()
                status = response.status
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            raw, status, kind = error.read(), error.code, error.headers.get_content_type()
        return Answer(status, json.loads(raw) if kind == "application/json" else raw.decode())

    def state(self, code: str) -> Answer:
        return self.request("GET", f"/{code}/etat")

    def vote(self, code: str, dots: dict[int, int] | Any) -> Answer:
        body = {"dots": {str(k): v for k, v in dots.items()}} if isinstance(dots, dict) else dots
        return self.request("POST", f"/{code}/bulletin", json.dumps(body).encode())


@pytest.fixture
def vote_id(store, workshop_id):
    with store.write() as s:
        vote = voting.create_vote_from_texts(
            s,
            workshop_id,
            [
                ("Un tiers-lieu <numérique> & partagé", None),
                ("Covoiturage 🚗", None),
                ("Budget participatif", None),
            ],
            "Priorisation des actions",
        )
        voting.set_settings(s, vote.id, dots_per_participant=3, max_per_item=2)
        return vote.id


def items_of(store, vote_id) -> list[int]:
    with store.read() as s:
        return [i.id for i in voting.get(s, vote_id).items]


@pytest.fixture
def serve(store, vote_id):
    """serve(limits=…) starts a server for the vote on loopback; all are stopped after."""
    started: list[PhoneServer] = []
    events: list[tuple[str, Any]] = []

    def start(limits: Limits | None = None) -> PhoneServer:
        server = PhoneServer(
            VoteRoom(store, vote_id),
            host="127.0.0.1",
            port=0,
            limits=limits,
            on_event=lambda kind, value: events.append((kind, value)),
        )
        server.start()
        server.events = events  # type: ignore[attr-defined]
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def serve_round(store):
    """serve_round(round_id, limits=…): a speaking round served on loopback; stopped after."""
    started: list[PhoneServer] = []

    def start(round_id: int, limits: Limits | None = None) -> PhoneServer:
        server = PhoneServer(RoundRoom(store, round_id), host="127.0.0.1", port=0, limits=limits)
        server.start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
