"""Kernel siaga (:mod:`analisis.document.siaga`): kernel hangat yang dipakai ulang oleh render berikutnya.

Buku palsu kecil di folder sementara; ``IKU_KERNEL_SIAGA`` dinyalakan hanya di
sini (conftest akar mematikannya untuk tes lain). Setiap tes mematikan kernel
siaganya sendiri di akhir.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

from analisis.document import render, siaga

pytestmark = pytest.mark.lambat

AKAR = Path(__file__).resolve().parents[1]

INSTANSI = {
    "pemerintah": "Pemerintah Kabupaten Contoh", "nama_lengkap": "Dinas Sosial Kabupaten Contoh",
    "nama_perangkat_daerah": "Dinas Sosial", "nama_daerah": "Contoh", "jenis_daerah": "Kabupaten",
    "provinsi": "Kalimantan Tengah", "ibu_kota": "Kuala", "periode_renstra": {"awal": 2021, "akhir": 2026},
    "kepala": {"jabatan": "Kepala Dinas", "nama": "Fulan"},
}

#: Sel bab palsu: pid kernel, apakah ruang nama bab sebelumnya masih ada, dan nilai modul bantu proyek.
SEL = """
import os
import bantu
from IPython.display import Markdown, display
display(Markdown(f"PID {os.getpid()} SISA {'penanda' in globals()} BANTU {bantu.NILAI}"))
penanda = 1
"""


def _tulis_proyek(akar: Path, sel: str = SEL) -> SimpleNamespace:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    parameter = nbformat.v4.new_code_cell("tahun = 2024\nperiode = None")
    parameter.metadata["tags"] = ["parameters"]
    nb.cells = [parameter, nbformat.v4.new_markdown_cell("# BAB I PENDAHULUAN"), nbformat.v4.new_code_cell(sel)]
    folder = akar / "notebooks"
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / "01_pendahuluan.ipynb")
    (folder / "bantu.py").write_text("NILAI = 1\n", encoding="utf-8")
    return SimpleNamespace(akar=akar, notebooks=folder, rendered=akar / "rendered",
                           kernel=akar / "rendered" / render.FOLDER_SIAGA)


def _tambal(monkeypatch, akar: Path) -> None:
    """Parameter dan instansi palsu (seperti tests/test_render.py), data asli hanya untuk pemeriksaan berkas."""
    monkeypatch.setattr(render, "_muat_parameter", lambda tahun, periode: SimpleNamespace(
        tahun=tahun, periode=periode or "Triwulan I"))
    monkeypatch.setattr(render, "_muat_instansi", lambda: dict(INSTANSI))
    monkeypatch.setattr(render, "_akar", lambda: akar)
    monkeypatch.setattr(render, "_tahun_tersedia", lambda: (2025,))
    monkeypatch.setenv("IKU_DATA", str(AKAR / "data"))


def _siaga(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def _hidup(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # zombie (anak proses tes yang belum dipungut) = sudah berhenti
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def _tunggu_mati(pids: list[int], detik: float = 8.0) -> list[int]:
    batas = time.monotonic() + detik
    while time.monotonic() < batas and any(_hidup(p) for p in pids):
        for p in pids:  # kernel yang dimulai proses tes ini: pungut agar tidak menjadi zombie
            try:
                os.waitpid(p, os.WNOHANG)
            except ChildProcessError:
                pass
        time.sleep(0.1)
    return [p for p in pids if _hidup(p)]


def _teks(p: SimpleNamespace) -> str:
    return (p.rendered / "2025" / "IKU-2025-reviu.html").read_text(encoding="utf-8")


def test_render_berikutnya_memakai_kernel_siaga_dalam_keadaan_segar(tmp_path, monkeypatch):
    p = _tulis_proyek(tmp_path)
    _tambal(monkeypatch, tmp_path)
    monkeypatch.setenv("IKU_KERNEL_SIAGA", "60")
    try:
        render.render_tahun(2025, notebooks=p.notebooks, akar_keluaran=p.rendered, format=("html",), edisi="reviu")
        pertama = _siaga(p.kernel)
        assert 1 <= len(pertama) <= render._jumlah_inti()
        pid_siaga = {i["pid"] for i in pertama}
        assert all(_hidup(x) for x in pid_siaga)
        assert all(oct((p.kernel / n).stat().st_mode & 0o777) == "0o600" for n in os.listdir(p.kernel))

        # modul bantu proyek disunting di antara dua render: kernel siaga memuatnya ulang.
        # Edisi otomatis: syarat edisi final dihitung selagi bab dieksekusi, hasilnya sama dengan
        # menghitungnya lebih dulu (tanpa kernel siaga).
        (p.notebooks / "bantu.py").write_text("NILAI = 2\n", encoding="utf-8")
        dihitung = []
        asli = render._rencana_edisi
        monkeypatch.setattr(render, "_rencana_edisi", lambda *a, **k: dihitung.append(a) or asli(*a, **k))
        hasil = render.render_tahun(2025, notebooks=p.notebooks, akar_keluaran=p.rendered, format=("html",),
                                    edisi=None, paksa=True)
        monkeypatch.setattr(render, "_rencana_edisi", asli)
        assert len(dihitung) == 1 and dihitung[0][1] is None
        assert list(hasil.edisi) == list(asli(*dihitung[0])[2025][0]) == ["reviu", "final"]  # 2025 lengkap
        m = re.search(r"PID (\d+) SISA (\w+) BANTU (\d+)", _teks(p))
        assert m is not None
        assert int(m.group(1)) in pid_siaga  # kernel yang diparkir, bukan kernel baru
        assert m.group(2) == "False"  # ruang nama render sebelumnya tidak tersisa
        assert m.group(3) == "2"
        assert {i["pid"] for i in _siaga(p.kernel)} <= pid_siaga | {int(m.group(1))}

        # lingkungan lain (sidik lain): kernel siaga lama tidak dipakai dan dimatikan
        monkeypatch.setenv("IKU_UJI_SIDIK_LAIN", "1")
        render.render_tahun(2025, notebooks=p.notebooks, akar_keluaran=p.rendered, format=("html",),
                            edisi="reviu", paksa=True)
        baru = int(re.search(r"PID (\d+)", _teks(p)).group(1))
        assert baru not in pid_siaga
        assert _tunggu_mati(sorted(pid_siaga)) == []

        # folder .kernel dihapus (mis. rendered/ dibersihkan): kernel siaga berhenti sendiri
        sisa = [i["pid"] for i in _siaga(p.kernel)]
        assert baru in sisa
        for berkas in p.kernel.iterdir():
            berkas.unlink()
        p.kernel.rmdir()
        assert _tunggu_mati(sisa) == []
    finally:
        siaga.hentikan_semua(p.kernel)


_SKRIP = """
import sys, time
from pathlib import Path
from types import SimpleNamespace
from analisis.document import render
akar = Path(sys.argv[1])
render._muat_parameter = lambda tahun, periode: SimpleNamespace(tahun=tahun, periode=periode or "Triwulan I")
render._muat_instansi = lambda: {instansi!r}
render._akar = lambda: akar
render._tahun_tersedia = lambda: (2025,)
render.render_tahun(2025, notebooks=akar / "notebooks", akar_keluaran=akar / "rendered", format=("html",),
                    edisi="reviu")
print("SELESAI")
"""


def _proses(p: SimpleNamespace, **kw) -> list[str]:
    skrip = p.akar / "render.py"
    skrip.write_text(_SKRIP.format(instansi=INSTANSI), encoding="utf-8")
    env = dict(os.environ, IKU_KERNEL_SIAGA="60", IKU_DATA=str(AKAR / "data"),
               PYTHONPATH=os.pathsep.join([str(AKAR / "src"), os.environ.get("PYTHONPATH", "")]))
    return [sys.executable, str(skrip), str(p.akar)], env


def test_kernel_yang_diparkir_tidak_menahan_keluaran_pemanggil(tmp_path):
    """``subprocess.run(..., capture_output=True)`` selesai walaupun kernelnya tetap hidup sesudahnya."""
    p = _tulis_proyek(tmp_path)
    cmd, env = _proses(p)
    try:
        hasil = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
        assert hasil.returncode == 0, hasil.stderr
        assert "SELESAI" in hasil.stdout
        assert "ipython kernel" not in hasil.stderr + hasil.stdout  # pesan kernel tanpa induk tidak bocor
        assert all(_hidup(i["pid"]) for i in _siaga(p.kernel)) and _siaga(p.kernel)
    finally:
        siaga.hentikan_semua(p.kernel)


def test_kernel_berhenti_bila_proses_pemakainya_mati(tmp_path):
    p = _tulis_proyek(tmp_path, sel="import os, time\nopen('pid-kernel', 'w').write(str(os.getpid()))\ntime.sleep(120)\n")
    cmd, env = _proses(p)
    proses = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    berkas = p.notebooks / "pid-kernel"
    try:
        batas = time.monotonic() + 120
        while not berkas.exists() or not berkas.read_text():
            assert time.monotonic() < batas and proses.poll() is None
            time.sleep(0.1)
        pid = int(berkas.read_text())
        proses.send_signal(signal.SIGKILL)
        proses.wait(30)
        assert _tunggu_mati([pid]) == []
    finally:
        if proses.poll() is None:
            proses.kill()
        siaga.hentikan_semua(p.kernel)

