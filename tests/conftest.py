import os
import shutil
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parents[1]
os.environ.setdefault("IKU_ROOT", str(AKAR))


@pytest.fixture
def salinan_data(tmp_path) -> Path:
    """Salinan data/ yang boleh dirusak oleh tes."""
    tujuan = tmp_path / "data"
    shutil.copytree(AKAR / "data", tujuan)
    return tujuan
