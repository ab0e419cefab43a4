"""The module list of docs/ARCHITECTURE.md ("The modules"), drafted from each module's
docstring: its first sentence (asides in brackets dropped when long), grouped by layer and
feature; OVERRIDES where a docstring's first sentence is stale or cuts badly.

    .venv/bin/python docs/module_map.py            # the modules git tracks
    .venv/bin/python docs/module_map.py --tree     # every module in the working tree

Paste the output under "## The modules"; tests/test_docs.py checks every path it names.
A module that matches no group is reported on stderr.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

GROUPS = [  # (heading, pattern on the path): the first that matches
 ("core: money, products, orders",
  r"core/(money|catalog|order|bulk|pace|read_aloud|reward_progress)\.py"),
 ("core: the rule-pack language",
  r"core/(rules|rule_(?!policy)\w+|stored_rules|store_settings|theme_setting|guardrails)\.py"),
 ("core: reading what people import", r"core/(csv_table|past_orders|data_limits|excerpt)\.py"),
 ("core: prompts at the till", r"core/(engine|session|till_event)\.py"),
 ("core: lint and rule policy", r"core/(lint\w*|rule_policy)\.py"),
 ("core: results, suggestions, what-if",
  r"core/(results|uplift|stats|report_csv|suggest|whatif|sample_order|demo_history)\.py"),
 ("core: practice", r"core/(scenario|scoring|simulated|customer_turn)\.py"),
 ("core: people, errors, language, barcodes, backups", r"core/.*\.py"),
 ("store: the connection and the stores by concern",
  r"store/(__init__|base|store|rule_store|catalog_store|sales|auth)\.py"),
 ("store: what a scan writes, and the logs",
  r"store/(order_rows|history|sales_log|rule_listing|audit|audit_chain)\.py"),
 ("store: imports, reports, mining, replays",
  r"store/(past_import|reports|baskets|replay|catalog_edit|demo_history)\.py"),
 ("store: the file, its schema and its safety", r"store/.*\.py"),
 ("resources (beside core) and pack_files (in no layer: imported where a pack is read)",
  r"pos_prompter/(resources|pack_files)\.py"),
 ("bootstrap, seen_prompts, i18n (beside each other, over the store)",
  r"pos_prompter/(bootstrap|seen_prompts)\.py|i18n/.*\.py"),
 ("till and imports (the application services)", r"pos_prompter/(till|imports)\.py"),
 ("practice (Qt-free)", r"^pos_prompter/practice/.*\.py"),
 ("ui: the till window",
  r"ui/(__init__|till_\w+|prompt_panel|prompt_seen|answer_gate|order_model|order_columns|customer_type|threshold_mark|clerk_sign_in|status_line|store_info|style|widgets|list_model)\.py"),
 ("ui: app-wide pieces (scans, jobs, the store's watch, the way to the workspace)",
  r"ui/[a-z_]+\.py$"),
 ("ui: practice mode on screen", r"ui/practice/.*\.py"),
 ("ui: the workspace window and its pages", r"ui/workspace/[a-z_]+\.py$"),
 ("ui: the rules feature (ui/workspace/rules)", r"ui/workspace/rules/.*\.py"),
 ("app (the composition root)", r"pos_prompter/app\.py"),
 ("cli (the outermost layer)", r"cli/.*\.py|pos_prompter/__\w+__\.py"),
]
OVERRIDES = {  # where the docstring's first sentence is stale or cut badly
 "pos_prompter/store/migrations.py":
    "Versioned schema steps: a store made by an older version opens and upgrades in place; a "
    "new step is appended, a shipped one never edited.",
 "pos_prompter/store/store.py":
    "`Store`: one SQLite file per shop; owns the connection, transactions (`write`, "
    "`snapshot`) and settings, and builds `store.rules`, `.catalog`, `.sales`, `.staff` over "
    "itself.",
 "pos_prompter/store/audit_chain.py":
    "The audit log's hash chain: each entry hashes the one before it, so an entry changed, "
    "removed or inserted with plain SQL no longer links up (`verify_chain`).",
 "pos_prompter/store/rule_listing.py":
    "What the workspace's rule list reads besides results and uplift: every rule's stored "
    "text, one rule's, a stamp that moves when the catalog changes, and the report tables "
    "its uplifts come from.",
 "pos_prompter/i18n/__main__.py":
    "`python -m pos_prompter.i18n build|update` (see `i18n/build.py`).",
 "pos_prompter/i18n/build.py":
    "Build and refresh the translations: `build` compiles resources/i18n/*.ts into this "
    "package's .qm files; `update` runs lupdate over the translated modules (`TRANSLATED`).",
 "pos_prompter/i18n/core_texts.py":
    "Texts the core writes for people, listed for the translation catalog (context "
    "\"core\"): the core imports no Qt, so they are translated where they are shown.",
 "pos_prompter/ui/workspace/__init__.py":
    "The manager's workspace: its window, pages, sign-in and imports; the rules feature in "
    "`rules/`.",
 "pos_prompter/ui/workspace/window.py":
    "The manager's workspace window: its tabs (Rules, Audit log, Results, Suggestions, "
    "Staff, Settings, Catalog), File menu and status line, over the stores and job runner "
    "handed to it.",
 "pos_prompter/ui/__init__.py":
    "The PySide6 screens: the till window and everything on it, the workspace "
    "(`ui/workspace`), practice mode (`ui/practice`).",
 "pos_prompter/cli/barcodes.py":
    "`pos-prompter barcodes`: a printable PDF sheet of every active product's name, price "
    "and EAN symbol, to try a store with a real scanner.",
 "pos_prompter/cli/whatif.py":
    "`pos-prompter whatif`: a draft rule replayed over the paid orders of the last N days, "
    "before it is published.",
}


def modules(tree: bool) -> list[str]:
    if tree:
        return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pos_prompter").rglob("*.py")
                      if "__pycache__" not in p.parts)
    listed = subprocess.run(["git", "ls-files", "pos_prompter"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.split()
    return sorted(p for p in listed if p.endswith(".py"))


def first(path: str) -> str:
    """The module's line: its docstring's first sentence, shortened when long."""
    if path in OVERRIDES:
        return OVERRIDES[path]
    doc = ast.get_docstring(ast.parse((ROOT / path).read_text(encoding="utf-8"))) or ""
    para = " ".join(doc.split("\n\n")[0].split())
    match = re.match(r"(.+?[.!?])(\s|$)", para)
    line = match.group(1) if match else para
    if len(line) > 160:  # the asides go first
        while (shorter := re.sub(r" ?\([^()]*\)", "", line)) != line:
            line = shorter
    if len(line) > 190:
        cut = max(line.rfind("; ", 0, 185), line.rfind(", and ", 0, 185),
                  line.rfind(": ", 60, 185))
        line = line[:cut].rstrip(",;:") + "."
    return line


def main(argv: list[str]) -> int:
    grouped: dict[str, list[str]] = {}
    for path in modules("--tree" in argv):
        head = next((h for h, pattern in GROUPS if re.search(pattern, path)), None)
        if head is None:
            sys.stderr.write(f"no group for {path}\n")
            continue
        grouped.setdefault(head, []).append(path)
    for head, _pattern in GROUPS:
        sys.stdout.write(f"\n### {head}\n\n")
        for path in grouped.get(head, []):
            sys.stdout.write(f"- `{path}`: {first(path)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
