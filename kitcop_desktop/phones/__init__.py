"""Phones in the room (#19): a small web page served by the laptop on the room's network.

Qt-free: `session` (the code, the devices, the limits), `server` (aiohttp in a thread of its
own), `vote_room` (what a phone may see of a vote and how its ballot is stored), `addresses`
(which interface to listen on), `qr` (the code's modules). The shell's side is
`ui/phones.py` (`PhoneDoor`: Qt signals out of the server's callbacks).
"""
