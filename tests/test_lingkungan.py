"""environment.yml (conda) dan pyproject.toml (pip) memasang paket yang sama."""

import re
import tomllib
from pathlib import Path

import yaml

AKAR = Path(__file__).resolve().parents[1]


def _nama(spes: str) -> str:
    return re.split(r"[<>=!~ \[]", spes.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _paket_pyproject() -> dict[str, str]:
    proj = tomllib.loads((AKAR / "pyproject.toml").read_text())["project"]
    semua = proj["dependencies"] + proj["optional-dependencies"]["dev"]
    return {_nama(s): s.replace(" ", "") for s in semua}


def _paket_conda() -> dict[str, str]:
    env = yaml.safe_load((AKAR / "environment.yml").read_text())
    hasil = {}
    for d in env["dependencies"]:
        if isinstance(d, str) and not d.startswith(("python=", "pip")):
            hasil[_nama(d)] = d.replace(" ", "")
    return hasil


def test_paket_sama():
    assert _paket_conda() == _paket_pyproject()


def test_environment_memasang_proyek_sendiri():
    env = yaml.safe_load((AKAR / "environment.yml").read_text())
    pip = [d for d in env["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert "-e ." in pip
