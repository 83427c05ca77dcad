"""Which address the phones' server listens on: the laptop's address on the room's network
(the venue's Wi-Fi or the laptop's own hotspot) by default, or one the facilitator picks.

Stdlib only, and nothing is sent: connecting a UDP socket only asks the system which
interface it would route through.
"""

from __future__ import annotations

import ipaddress
import socket

LOOPBACK = "127.0.0.1"


def lan_address() -> str | None:
    """The IPv4 address of the interface the default route goes through, or None (no
    network at all: then only this laptop could open the page)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # private range: no packet leaves
        address = str(probe.getsockname()[0])
    except OSError:
        return None
    finally:
        probe.close()
    return None if ipaddress.ip_address(address).is_loopback else address


def candidates() -> list[str]:
    """Addresses to offer, the likely one first; loopback last (this laptop only)."""
    found: list[str] = []
    first = lan_address()
    if first:
        found.append(first)
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        address = str(info[4][0])
        ip = ipaddress.ip_address(address)
        if not ip.is_loopback and not ip.is_link_local and address not in found:
            found.append(address)
    found.append(LOOPBACK)
    return found
