import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parents[1]
os.environ.setdefault("IKU_ROOT", str(AKAR))

# ``tests/tata_letak_ukur.py`` (pengukur halaman dan render bersama per sesi) sekali per sesi, sehingga
# ``import tata_letak_ukur`` di modul tes mana pun memakai satu modul dan satu simpanan render
# (mode impor pytest ``importlib`` tidak menaruh tests/ di sys.path).
if "tata_letak_ukur" not in sys.modules:
    _spec = importlib.util.spec_from_file_location("tata_letak_ukur", Path(__file__).with_name("tata_letak_ukur.py"))
    _modul = importlib.util.module_from_spec(_spec)
    sys.modules["tata_letak_ukur"] = _modul
    _spec.loader.exec_module(_modul)


@pytest.fixture
def salinan_data(tmp_path) -> Path:
    """Salinan data/ yang boleh dirusak oleh tes."""
    tujuan = tmp_path / "data"
    shutil.copytree(AKAR / "data", tujuan)
    return tujuan


@pytest.fixture
def folder(salinan_data, monkeypatch) -> Path:
    """Salinan data/ yang juga dipakai modul tanpa argumen folder (kinerja, evaluasi): IKU_DATA diarahkan ke sana."""
    monkeypatch.setenv("IKU_DATA", str(salinan_data))
    return salinan_data


# ----------------------------------------------------------------------------
# bantuan tes buku kerja (templat realisasi, cascading, impor)


class BantuImpor:
    """Bantuan bersama tes templat dan impor: cari kolom/baris, isi templat, potret data/, LibreOffice.

    Dipakai lewat fixture ``bantu`` (satu objek per sesi, tanpa keadaan).
    """

    SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

    @staticmethod
    def potret(folder: Path) -> dict[str, bytes]:
        """Isi setiap berkas di folder (termasuk berkas sementara yang tertinggal)."""
        return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    @staticmethod
    def kolom(ws, judul: str) -> int:
        """Nomor kolom berjudul ``judul`` di baris judul templat realisasi."""
        from analisis.input import xlsx

        for c in ws[xlsx.BARIS_JUDUL_KOLOM]:
            if c.value == judul:
                return c.column
        raise KeyError(judul)

    @staticmethod
    def baris_data(ws):
        """Nomor baris data sebuah lembar templat realisasi."""
        from analisis.input import xlsx

        return range(xlsx.BARIS_DATA, ws.max_row + 1)

    def cari_baris(self, ws, judul: str, nilai) -> int:
        """Baris data pertama yang kolom ``judul``-nya bernilai ``nilai``."""
        c = self.kolom(ws, judul)
        return next(r for r in self.baris_data(ws) if ws.cell(r, c).value == nilai)

    def tolak(self, jalur: Path, folder: Path, *potongan: str, **kw) -> str:
        """Impor ``jalur`` harus ditolak dengan setiap ``potongan`` di pesannya, dan data/ tetap sebita pun."""
        from analisis.core.kesalahan import KesalahanData
        from analisis.input import impor

        sebelum = self.potret(folder)
        with pytest.raises(KesalahanData) as e:
            impor.impor(jalur, folder=folder, **kw)
        pesan = str(e.value)
        for p in potongan:
            assert p in pesan
        assert self.potret(folder) == sebelum
        return pesan

    def lewat_libreoffice(self, jalur: Path, kerja: Path) -> Path:
        """Buka dan simpan ``jalur`` dengan LibreOffice Calc (tanpa makro), seperti perencana menyimpannya."""
        keluar = kerja / "libreoffice"
        keluar.mkdir(exist_ok=True)
        subprocess.run([self.SOFFICE, "--headless", f"-env:UserInstallation=file://{kerja / 'profil-lo'}", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", str(keluar), str(jalur)],
                       check=True, capture_output=True, timeout=300)
        hasil = keluar / jalur.name
        assert hasil.exists()
        return hasil

    def isi_penuh(self, jalur: Path) -> dict:
        """Isi setiap sel isian templat tahunan dengan angka setahun yang wajar; kembalikan angka yang diisi."""
        import openpyxl

        from analisis.input import impor, xlsx

        kolom, baris_data = self.kolom, self.baris_data
        wb = openpyxl.load_workbook(jalur)
        isian = {"ppks": [], "realisasi": {}, "spm": {}}

        ws = wb["PPKS per PAS"]
        c_lalu_d, c_lalu_t = kolom(ws, "Terdata periode lalu"), kolom(ws, "Tertangani periode lalu")
        c_d, c_t = kolom(ws, "Terdata (jiwa)"), kolom(ws, "Tertangani (jiwa)")
        for r in baris_data(ws):
            lalu = ws.cell(r, c_lalu_d).value
            if lalu == xlsx.TIDAK_ADA:
                ws.cell(r, c_d).value = ws.cell(r, c_t).value = xlsx.TIDAK_ADA
                continue
            terdata = int(lalu * 0.95)
            tertangani = int(terdata * 0.9)
            lalu_t = ws.cell(r, c_lalu_t).value
            if isinstance(lalu_t, int) and lalu_t > 0:  # dalam batas kewajaran impor (≤ 10× periode lalu)
                tertangani = min(tertangani, lalu_t * impor.FAKTOR_LONJAKAN)
            ws.cell(r, c_d).value, ws.cell(r, c_t).value = terdata, tertangani
            isian["ppks"].append((terdata, tertangani))

        ws = wb["Realisasi IKU-IKK"]
        c_kode, c_target, c_real, c_sumber = (kolom(ws, j) for j in ("Kode", "Target 2026", "Realisasi", "Sumber data"))
        c_pb, c_py = kolom(ws, "Pembilang"), kolom(ws, "Penyebut")
        for r in baris_data(ws):
            sel = ws.cell(r, c_real)
            rasio = not ws.cell(r, c_pb).protection.locked  # indikator persentase: pembilang dan penyebut
            if sel.protection.locked and not rasio:
                continue  # baris yang dihitung dari lembar lain
            nilai = round(ws.cell(r, c_target).value * 0.9, 2)
            if rasio and ws.cell(r, c_kode).value == "IKK-13":  # penyebut tetap DO: 10 kecamatan (data/instansi.yaml)
                ws.cell(r, c_pb).value, ws.cell(r, c_py).value = nilai / 10, 10  # realisasi = nilai / 10 × 10 × 100
            elif rasio:
                ws.cell(r, c_pb).value, ws.cell(r, c_py).value = nilai, 100  # realisasi = nilai / 100 × 100
            else:
                sel.value = nilai
            ws.cell(r, c_sumber).value = "Laporan bidang"
            isian["realisasi"][ws.cell(r, c_kode).value] = nilai

        ws = wb["SAKIP"]
        ws.cell(xlsx.BARIS_DATA, kolom(ws, "Nilai SAKIP")).value = 62.5

        ws = wb["SPM Penerima"]
        c_no, c_tp = kolom(ws, "No"), kolom(ws, "Target penerima 2026")
        for r in baris_data(ws):
            penerima = ws.cell(r, c_tp).value + 2
            ws.cell(r, kolom(ws, "Jumlah penerima layanan")).value = penerima
            ws.cell(r, kolom(ws, "Realisasi capaian (%)")).value = 100
            isian["spm"][ws.cell(r, c_no).value] = penerima
        ws = wb["SPM Mutu"]
        for r in baris_data(ws):
            ws.cell(r, kolom(ws, "Mutu layanan (%)")).value = 90

        ws = wb["PSKS"]
        for r in baris_data(ws):
            ws.cell(r, kolom(ws, "Jumlah")).value = ws.cell(r, kolom(ws, "Jumlah tahun lalu")).value + 1
            ws.cell(r, kolom(ws, "Bersertifikat / terakreditasi")).value = ws.cell(r, kolom(ws, "Bersertifikat tahun lalu")).value
        wb["LKS"].cell(xlsx.BARIS_DATA, kolom(wb["LKS"], "Jumlah LKS")).value = 10
        ws = wb["SDM Kesos"]
        for r in baris_data(ws):
            ws.cell(r, kolom(ws, "Jumlah (orang)")).value = ws.cell(r, kolom(ws, "Jumlah tahun lalu")).value
        ws = wb["Aset"]
        for r in baris_data(ws):
            ws.cell(r, kolom(ws, "Nilai (Rp)")).value = ws.cell(r, kolom(ws, "Nilai tahun lalu (Rp)")).value
        wb["Kemiskinan"].cell(xlsx.BARIS_DATA, kolom(wb["Kemiskinan"], "Nilai")).value = 6.95
        wb.save(jalur)
        return isian


@pytest.fixture(scope="session")
def bantu() -> BantuImpor:
    """Bantuan tes buku kerja (:class:`BantuImpor`)."""
    return BantuImpor()

