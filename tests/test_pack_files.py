"""pos_prompter.pack_files: the pack readers, out of bootstrap so the till starts without
PyYAML, and still reached through bootstrap as before (issue 14.2)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pos_prompter import bootstrap, pack_files


@pytest.mark.parametrize("name", sorted(bootstrap.PACK_NAMES))
def test_bootstrap_gives_the_pack_readers_of_pack_files(name: str) -> None:
    assert getattr(bootstrap, name) is getattr(pack_files, name)


def test_bootstrap_has_no_other_names_it_does_not_define() -> None:
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        bootstrap.no_such_name  # noqa: B018


def test_a_pack_read_through_bootstrap_is_read_by_pack_files() -> None:
    from pos_prompter.bootstrap import load_pack_file
    from pos_prompter.resources import demo_dir

    pack = load_pack_file(demo_dir("cafe") / "rules.yaml")
    assert pack.rules
    assert all(rule.id for rule in pack.rules)


def test_importing_bootstrap_reads_no_yaml_and_opens_no_store_module() -> None:
    code = ("import sys, pos_prompter.bootstrap\n"
            "print(sorted(m for m in ('yaml', 'pos_prompter.pack_files', 'pos_prompter.store',"
            " 'sqlite_utils') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert out.strip() == "[]"
