"""Packaging glue that pyproject.toml cannot express.

alembic/ and resources/ stay at the top of the repository (project card) and ship inside the
package as kitcop_desktop.migrations and kitcop_desktop.resources, so an installed wheel finds
them next to the code (kitcop_desktop/paths.py looks there first).
"""

from setuptools import find_packages, setup

MAPPED = {
    "kitcop_desktop.migrations": "alembic",
    "kitcop_desktop.migrations.versions": "alembic/versions",
    "kitcop_desktop.resources": "resources",
}

setup(
    packages=find_packages(include=["kitcop_desktop", "kitcop_desktop.*"]) + list(MAPPED),
    package_dir={"kitcop_desktop": "kitcop_desktop", **MAPPED},
)
