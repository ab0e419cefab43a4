"""The command line in Spanish (issue 14.3): every help text, title and description of every
command comes from the Spanish catalog; the real program speaks Spanish under LANG=es (or a
store set to es) and English otherwise; English loads no Qt."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_prompter import i18n
from pos_prompter.cli import build_parser, main
from pos_prompter.i18n import build

LANGUAGE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _patterns() -> list[re.Pattern[str]]:
    """Each Spanish translation as a pattern (its {fields} match anything); one with no
    word of its own ("{name}", "{first}, {rest}") would match any text, and is left out."""
    root = ET.parse(build.ts_path("es")).getroot()
    texts = {m.findtext("translation") or "" for m in root.iter("message")}
    return [re.compile(".*".join(re.escape(part) for part in re.split(r"\{[a-z_]*\}", text))
                       + r"\Z", re.S) for text in texts
            if re.search(r"[^\W\d_]", re.sub(r"\{[a-z_]*\}", "", text))]


def _shown_texts(parser: argparse.ArgumentParser, path: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) of every help, description and group title a person can read."""
    if parser.description:
        yield path, parser.description
    for group in parser._action_groups:
        if group.title:
            yield path, group.title
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            yield f"{path} {'/'.join(action.option_strings) or action.dest}", action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    yield f"{path} {choice.dest}", choice.help
            for name, sub in action.choices.items():
                yield from _shown_texts(sub, f"{path} {name}")


def test_every_help_text_of_every_command_is_spanish(spanish: None) -> None:
    patterns = _patterns()
    shown = list(_shown_texts(build_parser()))
    assert len(shown) > 100
    english = [(where, text) for where, text in shown
               if not any(p.match(text) for p in patterns)]
    assert not english, f"help texts not from the Spanish catalog: {english[:8]}"


def test_the_check_above_sees_an_english_help_text(spanish: None) -> None:
    parser = argparse.ArgumentParser(prog="p", add_help=False)
    parser.add_argument("--x", help="an English help text")
    parser.add_argument("--y", help=i18n.translate("cli", "the store file"))
    english = [t for _, t in _shown_texts(parser) if not any(p.match(t) for p in _patterns())]
    assert english == ["an English help text"]


def _env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in LANGUAGE_VARS and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(values)
    return env


def _run(*args: object, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pos_prompter", *map(str, args)],
                          capture_output=True, encoding="utf-8", env=_env(**env),
                          timeout=120, check=False)


@pytest.mark.usefixtures("built_catalogs")
def test_the_real_program_speaks_spanish_under_lang_es(tmp_path: Path) -> None:
    helped = _run("--help", LANG="es_ES.UTF-8")
    assert helped.returncode == 0
    assert helped.stdout.startswith("uso: pos-prompter")
    assert "órdenes:" in helped.stdout
    assert "crear una tienda" in helped.stdout
    bad = _run("init", LANG="es_ES.UTF-8")
    assert bad.returncode == 2
    assert bad.stderr == "error: 'init' necesita --db RUTA, el archivo de la tienda a usar\n"
    db = tmp_path / "shop.db"
    made = _run("init", "--db", db, "--demo", "cafe", "--no-history", LANG="es_ES.UTF-8")
    assert made.stdout.startswith(f"Creada {db} a partir de la demostración cafe: ")
    assert "25 productos, 6 reglas" in made.stdout
    staff = _run("staff", "--db", db, "list", LANGUAGE="es")
    assert staff.stdout.split()[:5] == ["nombre", "función", "entra", "con", "estado"]


@pytest.mark.usefixtures("built_catalogs")
def test_the_store_setting_wins_over_the_system_language(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    assert _run("init", "--db", db, LANG="C").returncode == 0
    assert _run("settings", "--db", db, "language=es", LANG="C").returncode == 0
    assert _run("check", "--db", db, LANG="C").stdout == "correcto\n"
    assert _run("settings", "--db", db, "language=en", LANG="C").returncode == 0
    assert _run("check", "--db", db, LANG="es_ES.UTF-8").stdout == "ok\n"
    assert _run("check", "--db", tmp_path / "none.db", LANG="es_ES.UTF-8").stderr.startswith(
        "error: "), "no store to read a setting from: the system's language, no crash"


@pytest.mark.usefixtures("built_catalogs")
def test_english_imports_no_qt_and_spanish_imports_only_qtcore() -> None:
    probe = ("import sys; from pos_prompter.cli import main; main(['--version']); "
             "print(sorted(m for m in sys.modules if m.startswith('PySide6.Qt')))")
    english = subprocess.run([sys.executable, "-c", probe], capture_output=True,
                             encoding="utf-8", env=_env(LANG="C"), check=True)
    assert english.stdout.splitlines()[-1] == "[]"
    spanish = subprocess.run([sys.executable, "-c", probe], capture_output=True,
                             encoding="utf-8", env=_env(LANG="es_ES.UTF-8"), check=True)
    assert spanish.stdout.splitlines()[-1] == "['PySide6.QtCore']"
    assert i18n.language() == "en", "this process is untouched"


@pytest.fixture
def spanish_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  built_catalogs: None) -> Iterator[Path]:
    """A cafe demo store (no sales) whose `language` setting is es, the system English."""
    for name in LANGUAGE_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C")
    db = tmp_path / "cafe.db"
    assert main(["init", "--db", str(db), "--demo", "cafe", "--no-history"]) == 0
    assert main(["settings", "--db", str(db), "language=es"]) == 0
    yield db
    i18n.use_language("en")


DEMO_RULES = Path(__file__).resolve().parents[2] / "resources" / "demo" / "cafe" / "rules.yaml"


@pytest.mark.parametrize(("args", "says"), [
    (["report"], ["Resultados de las sugerencias, todo el historial", "Por regla: ninguno",
                  "Totales"]),
    (["lint"], ["0 errores, 0 avisos"]),
    (["practice", "list"], ["título", "nivel", "1 fácil"]),
    (["audit"], ["cuándo", "autor", "entidad"]),
    (["whatif", str(DEMO_RULES)], ["Simulación sobre 0 pedidos pagados", "se mostraría"]),
    (["suggest"], ["nota: ningún par de productos"]),
    (["practice", "results"], ["nota: aún no hay prácticas"]),
    (["staff", "list"], ["nombre", "función", "gerente", "formador", "cajero"]),
    (["settings"], ["(por defecto)", "# el idioma de la ventana"]),
    (["import", "rules", str(DEMO_RULES), "--dry-run"], ["(simulacro: no se cambió nada)"]),
])
def test_commands_say_their_results_in_spanish(
        spanish_store: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        says: list[str]) -> None:
    capsys.readouterr()
    main([*args, "--db", str(spanish_store)])
    captured = capsys.readouterr()
    shown = captured.out + captured.err
    missing = [text for text in says if text not in shown]
    assert not missing, shown
