"""Tests mirror the package (issue 12, point 5): a newcomer who opens
`pos_prompter/<area>/<name>.py` finds its tests in `tests/<area>/`, in a module named after it:
`test_<name>.py`, or `test_<name>_<aspect>.py`, or with the folder's usual prefix
(`test_store_<name>...`, `test_cli_<name>...`, `test_till_<name>...`,
`test_workspace_<name>...`).

A module without one is listed in ELSEWHERE, with the tests that do cover it and why it has
none of its own. A new module needs a test module of its own, or a line there saying why not.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pos_prompter"
TESTS = ROOT / "tests"
PREFIXES = ("", "store_", "cli_", "till_", "workspace_")
"""The prefixes test modules of a folder take before the module's name."""

ELSEWHERE: dict[str, tuple[str, ...]] = {
    # --- the composition root and start-up, tested as a whole (a real app, a real CLI)
    "bootstrap.py": ("store/test_store_bootstrap.py", "cli/test_cli_init.py"),
    "resources.py": ("cli/test_cli_init.py", "practice/test_builtin_scenarios.py"),
    "imports.py": ("store/test_store_catalog_columns.py", "cli/test_cli_import_catalog.py",
                   "ui/workspace/test_workspace_import.py"),
    # --- the command line: every command is run as a user runs it, in a subprocess
    "cli/commands.py": ("cli/test_cli_basics.py",),
    "cli/common.py": ("cli/test_cli_basics.py", "cli/test_cli_hostile_inputs.py"),
    # --- the catalog's texts for what others write, tested where people read them
    "i18n/audit_words.py": ("i18n/test_cli_leftovers_spanish.py",
                            "ui/workspace/test_every_widget_spanish.py"),
    "i18n/qt_texts.py": ("ui/test_qt_texts_spanish.py",),
    "cli/metavars.py": ("i18n/test_metavars_spanish.py",),
    # --- schema steps, split by era, tested as the upgrade of real old stores
    "store/migrations_writes.py": ("store/test_store_migrations.py",
                                   "store/test_report_at_pay.py",
                                   "store/test_store_quick_check.py"),
    # --- core modules split out of a facade, tested through it (core.lint, core.rules)
    "core/lint_between.py": ("core/test_lint.py",),
    "core/lint_catalog.py": ("core/test_lint.py",),
    "core/lint_finding.py": ("core/test_lint.py", "core/test_lint_overlap.py"),
    "core/lint_lookup.py": ("core/test_lint.py", "core/test_lint_overlap.py"),
    "core/lint_prices.py": ("core/test_lint.py",),
    "core/lint_texts.py": ("core/test_lint.py", "ui/workspace/test_read_aloud.py"),
    "core/guardrails.py": ("core/test_rules.py", "core/test_engine.py"),
    "core/till_event.py": ("core/test_session.py", "test_till.py"),
    "core/theme_setting.py": ("ui/test_till_window_theme.py",
                              "cli/test_cli_settings_and_rush.py"),
    "core/rule_export.py": ("core/test_rules.py",),
    "core/rule_fields.py": ("core/test_rules.py",),
    "core/rule_model.py": ("core/test_rules.py",),
    "core/rule_parse.py": ("core/test_rules.py", "core/test_pack_strictness.py"),
    "core/rule_text.py": ("core/test_rules.py",),
    "core/store_settings.py": ("core/test_rules.py", "cli/test_cli_settings_and_rush.py"),
    # --- core modules tested under the name of the feature they serve
    "core/demo_history.py": ("store/test_demo_history.py",),
    "core/read_aloud.py": ("ui/workspace/test_read_aloud.py",),
    "core/uplift.py": ("core/test_results.py", "ui/workspace/test_rule_list_uplift.py"),
    # --- practice: played through the CLI and the trainer's window
    "practice/generated.py": ("cli/test_cli_practice_generate.py",
                              "practice/test_perfect_trainee.py"),
    "practice/library.py": ("store/test_store_practice.py", "ui/test_trainer_view.py"),
    "practice/practice_store.py": ("test_practice_store_readonly.py",
                                   "store/test_store_practice_copy.py"),
    "practice/results.py": ("cli/test_cli_practice.py", "ui/test_trainer_view.py"),
    "practice/runs.py": ("cli/test_cli_practice_simulate.py", "ui/test_trainer_view.py"),
    # --- the store by concern: each part through the Store that owns the connection
    "store/catalog_edit.py": ("ui/workspace/test_catalog_page.py",),
    "store/catalog_store.py": ("store/test_store_by_concern.py",
                               "store/test_store_load_catalog.py",
                               "store/test_store_import_products.py"),
    "store/order_rows.py": ("store/test_store_scan_writes.py",),
    "store/past_import.py": ("store/test_store_import_orders_rows.py",
                             "store/test_store_import_orders_indexes.py"),
    "store/rule_listing.py": ("ui/workspace/rules/test_listing.py",),
    "store/rule_store.py": ("store/test_store_by_concern.py", "store/test_store_rules.py",
                            "store/test_store_load_rules.py"),
    "store/sales.py": ("store/test_store_by_concern.py", "store/test_store_history.py",
                       "store/test_store_prompt_events.py"),
    "store/sales_log.py": ("ui/workspace/test_rule_list_uplift.py",
                           "ui/workspace/rules/test_listing.py"),
    # --- the till window's parts, tested through the window a clerk uses
    "ui/first_paint.py": ("ui/test_app_first_paint.py", "ui/test_till_first_load.py"),
    "ui/order_model.py": ("ui/test_order_table_model.py",),
    "ui/prompt_seen.py": ("ui/workspace/test_prompt_seen.py",),
    "ui/scan_router.py": ("ui/workspace/test_scan_router.py",
                          "ui/workspace/test_scans_reach_the_till.py"),
    "ui/staff_check.py": ("ui/test_clerk_sign_in.py", "ui/workspace/test_workspace_sign_in.py"),
    "ui/store_watcher.py": ("ui/test_live_reload.py",),
    "ui/style.py": ("ui/test_till_window.py", "ui/test_charts.py"),
    "ui/till_loads.py": ("ui/test_till_window.py", "ui/test_live_reload.py"),
    "ui/till_manager.py": ("ui/workspace/test_workspace_sign_in.py",),
    "ui/till_screen.py": ("ui/test_till_window.py", "ui/test_till_order_columns.py"),
    "ui/window_place.py": ("ui/xserver/test_x_workspace_place.py",
                           "ui/xserver/test_x_manager_beside.py"),
    "ui/workspace_door.py": ("ui/workspace/test_workspace_sign_in.py",
                             "ui/test_app_composition.py"),
    "ui/barcode_sheet.py": ("cli/test_cli_barcodes.py",),
    # --- the trainer's window (ui/practice), tested as one window
    "ui/practice/controller.py": ("ui/test_trainer_view.py", "ui/test_practice_window.py"),
    "ui/practice/trainer_models.py": ("ui/test_trainer_view.py",),
    "ui/practice/trainer_view.py": ("ui/test_trainer_view.py",),
    "ui/practice/widgets.py": ("ui/test_trainer_view.py", "ui/test_practice_window.py"),
    # --- the workspace's parts, tested through the window and pages a manager uses
    "ui/workspace/audit_view.py": ("ui/workspace/test_workspace_audit.py",
                                   "ui/workspace/test_workspace_audit_chain.py"),
    "ui/workspace/field_touch.py": ("ui/workspace/test_form_touch.py",),
    "ui/workspace/file_actions.py": ("ui/workspace/test_workspace_import.py",),
    "ui/workspace/import_dialog.py": ("ui/workspace/test_workspace_import.py",),
    "ui/workspace/layout_memory.py": ("ui/workspace/test_workspace_window.py",),
    "ui/workspace/office_style.py": ("ui/workspace/test_office_buttons.py",),
    "ui/workspace/report_models.py": ("ui/workspace/test_report_view.py",),
    "ui/workspace/rules_layout.py": ("ui/workspace/test_workspace_window.py",),
    "ui/workspace/settings_form.py": ("ui/workspace/test_settings_page.py",),
    "ui/workspace/workspace_load.py": ("ui/workspace/test_workspace_open.py",),
    # --- the rule editor and list split by job (issue 12.1): parts of the editor widget and
    # the list view, tested through them
    "ui/workspace/rules/editor_context.py": ("ui/workspace/rules/test_editor.py",
                                             "ui/workspace/rules/test_controller.py"),
    "ui/workspace/rules/editor_form.py": ("ui/workspace/test_rule_editor.py",),
    "ui/workspace/rules/editor_panes.py": ("ui/workspace/test_rule_editor.py",),
    "ui/workspace/rules/form_parts.py": ("ui/workspace/test_rule_editor.py",),
    "ui/workspace/rules/form_undo.py": ("ui/workspace/test_rule_editor.py",),
    "ui/workspace/rules/offer_section.py": ("ui/workspace/test_rule_editor.py",
                                            "ui/workspace/test_editor_same_offer.py"),
    "ui/workspace/rules/publish_status.py": ("ui/workspace/test_rule_editor.py",),
    "ui/workspace/rules/list_columns.py": ("ui/workspace/test_rule_list_uplift.py",
                                           "ui/workspace/test_workspace_rule_list.py"),
    "ui/workspace/rules/list_view.py": ("ui/workspace/test_workspace_rule_list.py",),
    "ui/workspace/rules/uplift.py": ("ui/workspace/test_rule_list_uplift.py",),
}
"""Modules with no test module of their own: their path under pos_prompter/, and the test
modules (under tests/) that cover them. Grouped, each group saying why."""


def modules() -> list[str]:
    """Every module of the package but the packages' own files (`__init__`, `__main__`:
    an import and a call, run by every test and by tests/cli's subprocesses)."""
    return sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                  if not p.name.startswith("__"))


def has_own_tests(module: str) -> bool:
    path = Path(module)
    folder = TESTS / path.parent
    name = path.stem
    stems = [t.stem.removeprefix("test_") for t in folder.glob("test_*.py")]
    return any(s == p + name or s.startswith(p + name + "_") for s in stems for p in PREFIXES)


def test_every_module_has_a_test_module_of_its_own_or_says_where_it_is_tested() -> None:
    missing = [m for m in modules() if not has_own_tests(m) and m not in ELSEWHERE]
    assert not missing, (
        "modules with no test module in the mirrored folder (add tests/<area>/test_<name>.py, "
        "or an entry in tests/test_layout.py's ELSEWHERE saying where they are tested): "
        + ", ".join(missing))


def test_elsewhere_names_modules_and_tests_that_exist() -> None:
    present = set(modules())
    gone = [m for m in ELSEWHERE if m not in present]
    assert not gone, f"ELSEWHERE lists modules that are no more: {gone}"
    no_tests = [t for tests in ELSEWHERE.values() for t in tests if not (TESTS / t).is_file()]
    assert not no_tests, f"ELSEWHERE names test modules that are no more: {no_tests}"
    assert all(tests for tests in ELSEWHERE.values()), "every entry names its tests"


def test_the_rule_sees_a_module_with_tests_and_one_without() -> None:
    assert has_own_tests("core/pace.py")  # tests/core/test_pace.py
    assert has_own_tests("store/backup.py")  # tests/store/test_store_backup.py
    assert has_own_tests("till.py")  # tests/test_till.py, test_till_clerk.py
    assert not has_own_tests("ui/scan_router.py"), "its tests are under tests/ui/workspace/"
    assert not has_own_tests("core/lint_prices.py"), "test_lint.py is not lint_prices' own"


def test_no_two_test_modules_share_a_name() -> None:
    """The test folders are not packages, so pytest imports each test module by its file
    name: two of one name stop the whole run at collection ("import file mismatch")."""
    seen: dict[str, list[str]] = {}
    for path in TESTS.rglob("test_*.py"):
        seen.setdefault(path.name, []).append(str(path.relative_to(TESTS)))
    twice = {name: paths for name, paths in seen.items() if len(paths) > 1}
    assert not twice, f"test modules sharing a name: {twice}"
