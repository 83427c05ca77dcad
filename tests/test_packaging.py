"""What packaging promises the laptops facilitators carry (issue #18), read from the files the
build tools read: pyproject.toml (Briefcase), the icons, constraints.txt, setup.sh, .ci/run."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
BRIEFCASE = PROJECT["tool"]["briefcase"]
APP_MODULE = "kitcop_desktop"
APP = BRIEFCASE["app"][APP_MODULE]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_briefcase_does_not_repeat_the_project_dependencies():
    """Briefcase merges [project].dependencies into every app's requires itself: a copy here
    drifts (a pin moved in one place only) and installs twice."""
    sections = [APP, *(APP.get(p, {}) for p in ("linux", "macOS", "windows"))]
    repeated = [r for s in sections for r in s.get("requires", [])]
    assert repeated == []


def test_the_app_describes_itself_and_has_no_placeholder():
    assert 0 < len(APP["description"]) <= 80
    assert "example" not in BRIEFCASE.get("author_email", "")
    assert BRIEFCASE["url"].startswith("https://")


def test_the_icons_each_platform_needs_are_real_images():
    stem = ROOT / APP["icon"]
    for suffix, kind in ((".png", "PNG"), (".ico", "ICO"), (".icns", "ICNS")):
        with Image.open(stem.with_suffix(suffix)) as image:
            assert image.format == kind
            assert min(image.size) >= 256


def test_briefcase_tests_get_every_plugin_the_suite_uses():
    """`briefcase dev --test` installs test_requires only: the suite's options need them."""
    dev = {_name(r) for r in PROJECT["project"]["optional-dependencies"]["dev"]}
    wanted = dev - {"ruff", "mypy"}  # the linters are not test dependencies
    assert {_name(r) for r in APP["test_requires"]} >= wanted


def test_the_tested_versions_are_pinned_and_used_by_setup_and_ci():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not pinned: {line}"
            pins[_name(name)] = version
    needed = {_name(r) for r in PROJECT["project"]["dependencies"]}
    for extra in ("dev", "package"):
        needed |= {_name(r) for r in PROJECT["project"]["optional-dependencies"][extra]}
    assert needed - set(pins) == set()
    assert "-c constraints.txt" in (ROOT / "setup.sh").read_text(encoding="utf-8")
    assert "-c constraints.txt" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_ci_runs_the_app_and_its_tests_as_briefcase_assembles_them():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "briefcase dev --no-input -- --version" in ci
    assert "briefcase dev --no-input --test" in ci
    # `briefcase dev --test` starts the module tests.<app module>; it must exist and end with
    # the line Briefcase reads the result from.
    runner = (ROOT / "tests" / f"{APP_MODULE}.py").read_text(encoding="utf-8")
    assert ">>>>>>>>>> EXIT {code} <<<<<<<<<<" in runner


def test_the_packaging_workflow_builds_and_runs_each_platform():
    text = (ROOT / ".github" / "workflows" / "package.yml").read_text(encoding="utf-8")
    for target in ("windows", "macOS", "linux"):
        assert f"target: {target}" in text
    for step in ("briefcase build", "briefcase package", "-- --version", "-- demo", "-- check"):
        assert step in text
    assert "upload-artifact" in text
