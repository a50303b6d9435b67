# Ruang kerja IKU — target utama. `make bantuan` menampilkan daftar ini.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
TAHUN  ?=

.DEFAULT_GOAL := bantuan

$(BIN)/iku: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m ipykernel install --prefix $(VENV) --name python3 --display-name "Python 3 (IKU)" >/dev/null
	touch $@

.PHONY: pasang
pasang: $(BIN)/iku ## Buat lingkungan .venv dan pasang proyek beserta paket pengembangan

.PHONY: dokumen
dokumen: pasang ## Periksa data lalu render dokumen tahun berjalan (TAHUN=2025 untuk tahun lain)
	$(BIN)/iku periksa
	$(BIN)/iku render $(if $(TAHUN),--tahun $(TAHUN),)

.PHONY: semua
semua: pasang ## Render dokumen semua tahun 2024–2029 dan rendered/index.html
	$(BIN)/iku render --semua

.PHONY: periksa
periksa: pasang ## Validasi data/ dan cocokkan setiap angka tercetak dengan rumusnya
	$(BIN)/iku periksa

.PHONY: tes
tes: pasang ## Jalankan seluruh tes (rumus, skema, buku catatan, render)
	$(BIN)/python -m pytest

.PHONY: lab
lab: pasang ## Buka JupyterLab dengan lingkungan proyek sebagai kernel
	$(BIN)/jupyter lab notebooks/

.PHONY: bersihkan-notebook
bersihkan-notebook: pasang ## Hapus keluaran dari buku catatan sebelum commit
	$(BIN)/nbstripout notebooks/*.ipynb

.PHONY: bantuan
bantuan: ## Tampilkan daftar target
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-20s %s\n", $$1, $$2}'
