"""The store's and sign-in's sentences (core.said, issue 14.3) in Spanish through the real
command line under LANG=es_ES.UTF-8: a staff change refused, a PIN refused, `check` of a
damaged store and of a file that is no store, `backup` and `restore` refused, init over a
file, a tampered audit log. Each expected line is the whole Spanish sentence, so an English
word left in it fails."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from damage_support import damage_page

from pos_prompter.bootstrap import init_store

pytestmark = pytest.mark.slow  # several runs of the real program each

LANGUAGE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def spanish(*args: object, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The real program under a Spanish system."""
    env = {k: v for k, v in os.environ.items()
           if k not in LANGUAGE_VARS and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["LANG"] = "es_ES.UTF-8"
    return subprocess.run([sys.executable, "-m", "pos_prompter", *map(str, args)],
                          input=stdin, capture_output=True, encoding="utf-8", env=env,
                          timeout=120, check=False)


@pytest.fixture(scope="module")
def cafe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cafe demo (its staff hashed cheaply, as the suite does), made once."""
    path = tmp_path_factory.mktemp("cafe") / "cafe.db"
    init_store(path, "cafe").close()
    return path


@pytest.fixture
def shop(cafe: Path, tmp_path: Path) -> Path:
    path = tmp_path / "shop.db"
    path.write_bytes(cafe.read_bytes())
    return path


@pytest.mark.usefixtures("built_catalogs")
def test_staff_refusals_are_spanish(shop: Path) -> None:
    last = spanish("staff", "--db", shop, "disable", "manager")
    assert (last.returncode, last.stderr) == (1, "error: manager es el único gerente activo; "
                                                 "añada otro gerente antes de desactivarlo\n")
    blank = spanish("staff", "--db", shop, "add", "  ", stdin="1234\n")
    assert (blank.returncode, blank.stderr) == (
        2, "error: un nombre del personal no puede estar vacío\n")
    short = spanish("staff", "--db", shop, "passwd", "clerk", stdin="12\n")
    assert short.stderr == "error: PIN rechazado: un PIN tiene de 4 a 8 dígitos (0-9)\n"
    weak = spanish("staff", "--db", shop, "passwd", "manager", stdin="1234567890\n")
    assert weak.stderr == ("error: contraseña rechazada: una contraseña no puede ser solo "
                           "dígitos (un número es demasiado fácil de adivinar); use también "
                           "palabras o letras\n")
    taken = spanish("staff", "--db", shop, "add", "CLERK", stdin="1234\n")
    assert taken.stderr == "error: 'clerk' ya está en la lista de personal\n"


@pytest.mark.usefixtures("built_catalogs")
def test_check_of_a_damaged_store_and_of_no_store_is_spanish(shop: Path, tmp_path: Path
                                                               ) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    found = spanish("check", "--db", empty)
    assert found.returncode == 1
    assert found.stdout == (f"{empty} no es una tienda utilizable: está vacía (0 bytes), y se "
                            "dejó como estaba. Restaure la tienda desde una copia de seguridad, "
                            "o quite el archivo vacío y cree una tienda nueva con "
                            f"'pos-prompter init --db {empty}'\n")
    damage_page(shop, "settings")
    damaged = spanish("settings", "--db", shop)
    assert (damaged.returncode, damaged.stderr) == (2, (
        f"error: {shop} está dañada (SQLite encontró una página dañada) y se dejó como estaba: "
        f"ejecute 'pos-prompter check --db {shop}' para ver qué está dañado; no hay ninguna "
        "copia de seguridad automática a su lado; restaure una que guarde en otro lugar con "
        f"'pos-prompter restore ARCHIVO --db {shop}'\n"))
    missing = spanish("check", "--db", tmp_path / "nowhere.db")
    assert missing.stderr == (f"error: no hay ninguna tienda en {tmp_path / 'nowhere.db'} "
                              "(cree una con 'pos-prompter init --db "
                              f"{tmp_path / 'nowhere.db'}')\n")


@pytest.mark.usefixtures("built_catalogs")
def test_backup_and_restore_refusals_are_spanish(shop: Path, tmp_path: Path) -> None:
    over = spanish("backup", "--db", shop, "-o", shop)
    assert over.stderr == (f"error: {shop} ya existe: una copia de seguridad nunca sobrescribe "
                           "un archivo; elija otro nombre\n")
    itself = spanish("restore", shop, "--db", shop)
    assert itself.stderr == (f"error: {shop} es la propia tienda: indique una copia de "
                             "seguridad de ella\n")
    gone = spanish("restore", tmp_path / "gone.db", "--db", shop)
    assert gone.stderr == (f"error: no hay ninguna tienda en {tmp_path / 'gone.db'} (cree una "
                           f"con 'pos-prompter init --db {tmp_path / 'gone.db'}')\n")
    folder = spanish("restore", tmp_path, "--db", shop)
    assert folder.stderr == (f"error: {tmp_path} es una carpeta, no un archivo de tienda; "
                             "indique el propio archivo de la tienda con --db\n")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a store at all" * 300)
    refused = spanish("restore", bad, "--db", shop)
    assert refused.stderr == (
        f"error: {bad} no es una copia de seguridad buena ({bad} no es una tienda utilizable: "
        "no es una base de datos SQLite (o su primera página está dañada), y se dejó como "
        "estaba. Compruebe la ruta indicada con --db, o restaure la tienda desde una copia de "
        "seguridad); no se cambió nada. Indique otra copia de seguridad (vea 'pos-prompter "
        "check --db BACKUP')\n")
    assert refused.returncode == 2


@pytest.mark.usefixtures("built_catalogs")
def test_init_over_a_file_and_a_tampered_audit_log_are_spanish(shop: Path) -> None:
    again = spanish("init", "--db", shop)
    assert again.stderr == f"error: {shop} ya existe; elija otra ruta o quítelo primero\n"
    conn = sqlite3.connect(shop)
    try:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'audit_log'").fetchall()
        for name, _sql in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE audit_log SET actor = 'ana', at = '2026-12-01T10:02:00', "
                     "action = 'change' WHERE id = 2")
        for _name, sql in triggers:
            conn.execute(sql)
        conn.commit()
        entity, entity_id = conn.execute(
            "SELECT entity, entity_id FROM audit_log WHERE id = 2").fetchone()
    finally:
        conn.close()
    verified = spanish("audit", "--db", shop, "verify")
    assert verified.returncode == 1
    assert verified.stdout.startswith(
        f"la entrada de auditoría 2 (2026-12-01 10:02, {entity} {entity_id} cambiado por ana) "
        "se cambió a espaldas de la aplicación")
