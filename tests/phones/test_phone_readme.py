"""#19 « done when »: the README tells a facilitator how to put phones and the laptop on one
network without internet: a hotspot on Windows, macOS and Linux, the address to choose, the
firewall, and the phone's own sharing when the laptop cannot."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def phones_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Voter depuis les téléphones, sans internet")
    return text[start : text.index("\n## ", start + 1)]


def test_the_readme_says_how_to_open_a_hotspot_on_each_system():
    section = phones_section()
    steps = {
        line.split("**")[1]: line
        for line in section.replace("\n  ", " ").splitlines()
        if line.startswith("- **")
    }
    assert {"Windows 10 et 11", "macOS", "Linux", "Sinon"} <= set(steps)
    assert "Point d'accès sans fil mobile" in steps["Windows 10 et 11"]
    assert "192.168.137.1" in steps["Windows 10 et 11"]
    assert "pare-feu" in steps["Windows 10 et 11"]
    assert "Partage Internet" in steps["macOS"] and "Autoriser" in steps["macOS"]
    assert "nmcli device wifi hotspot" in steps["Linux"] and "10.42.0.1" in steps["Linux"]
    assert "ufw allow 8765/tcp" in steps["Linux"]
    assert "partage de connexion d'un téléphone" in steps["Sinon"]
    assert "« Fermer aux téléphones »" in section and "127.0.0.1" in section
