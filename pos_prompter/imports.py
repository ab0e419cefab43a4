"""What importing a rule pack, a catalog CSV or past orders would change, worked out without
writing, and the import itself: one path for the workspace's import dialog and the
command line (`pos-prompter import ... --dry-run` prints the same preview).

1. The file is read and checked. Any problem lists every error found (a rule pack's names
   the rule and field, a YAML error its line and column, a CSV's its line and column) and
   nothing can be applied.
2. The preview compares the file with the store without writing: added, changed and
   removed (rules by id and body, products by SKU and row; past orders are all new except
   those imported before, which the store skips), plus lint findings for a rule pack.
   Lint errors block publishing; warnings must be acknowledged.
3. Apply runs the store's own all-or-nothing import.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from pos_prompter.bootstrap import parse_pack_text, read_text
from pos_prompter.core.catalog import (
    OPTIONAL_COLUMNS,
    Catalog,
    Product,
    barcode_taken_problem,
    normalize_barcode,
    read_catalog_csv,
)
from pos_prompter.core.errors import UserError, ValidationError
from pos_prompter.core.lint import Finding, has_errors, lint
from pos_prompter.core.money import cents_str, format_money
from pos_prompter.core.past_orders import PastOrder, parse_orders_csv
from pos_prompter.core.rules import Rule, RulePack, rule_to_dict, settings_to_dict
from pos_prompter.core.said import QT_TRANSLATE_NOOP, Said, joined
from pos_prompter.store import ImportSummary, Store

RULES: Final = "rules"
CATALOG: Final = "catalog"
ORDERS: Final = "orders"
KINDS: Final = (RULES, CATALOG, ORDERS)
WHAT: Final = {RULES: QT_TRANSLATE_NOOP("problems", "rule pack"),
               CATALOG: QT_TRANSLATE_NOOP("problems", "catalog"),
               ORDERS: QT_TRANSLATE_NOOP("problems", "past orders")}
ITEMS: Final = {RULES: QT_TRANSLATE_NOOP("import", "rules"),
                CATALOG: QT_TRANSLATE_NOOP("import", "products"),
                ORDERS: QT_TRANSLATE_NOOP("import", "past orders")}
"""What each kind of file holds, as a count names it (said in the reader's language)."""
ORDERS_SOURCE: Final = "import"
"""The source past orders are recorded under, as `pos-prompter import orders` does, so an
order imported by either is not imported twice."""

Progress = Callable[[int, int], None]


# ---------------------------------------------------------------------- the preview


@dataclass(frozen=True)
class Preview:
    """What importing a file would change, worked out without writing anything."""

    kind: str
    path: Path
    added: tuple[str, ...]
    changed: tuple[str, ...]
    """Ids, each followed by what changes: 'latte-size-up: priority, say'."""
    removed: tuple[str, ...]
    unchanged: int
    findings: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = ()
    pack: RulePack | None = None
    products: tuple[Product, ...] = ()
    columns: frozenset[str] | None = None
    """The catalog columns the file has (None: all); the import keeps the others."""
    orders: tuple[PastOrder, ...] = ()
    merge: bool = False

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def blocked(self) -> bool:
        """Lint errors: this pack cannot be published."""
        return has_errors(self.findings)

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.notes_change)

    @property
    def notes_change(self) -> bool:
        return any(n.startswith("settings:") for n in self.notes)

    def counts(self) -> str:
        if self.kind == ORDERS:
            lines = sum(len(o.lines) for o in self.orders)
            return QT_TRANSLATE_NOOP("import", "{n} in the file ({lines} lines)").format(
                n=len(self.orders), lines=lines)
        return _counts(len(self.added), len(self.changed),
                       len(self.removed) if self.kind == RULES else None, self.unchanged)


def _counts(added: int, changed: int, removed: int | None, unchanged: int) -> Said | str:
    """'2 added, 1 changed, 0 removed, 5 unchanged' (no removed when None)."""
    parts: list[Said | str] = [QT_TRANSLATE_NOOP("import", "{n} added").format(n=added),
                               QT_TRANSLATE_NOOP("import", "{n} changed").format(n=changed)]
    if removed is not None:
        parts.append(QT_TRANSLATE_NOOP("import", "{n} removed").format(n=removed))
    parts.append(QT_TRANSLATE_NOOP("import", "{n} unchanged").format(n=unchanged))
    return joined(parts, ", ")


def summary_words(summary: ImportSummary, kind: str) -> Said:
    """What an import did, as ImportSummary.describe(ITEMS[kind]) says it in English
    ('products: 2 added, 0 changed, 5 unchanged'), in the reader's language; past orders
    imported before are 'already imported'."""
    if kind == ORDERS:
        parts: list[Said | str] = [
            QT_TRANSLATE_NOOP("import", "{n} added").format(n=len(summary.added)),
            QT_TRANSLATE_NOOP("import", "{n} changed").format(n=len(summary.changed))]
        if summary.removed:
            parts.append(QT_TRANSLATE_NOOP("import", "{n} removed").format(
                n=len(summary.removed)))
        parts.append(QT_TRANSLATE_NOOP("import", "{n} already imported").format(
            n=summary.unchanged))
        counts = joined(parts, ", ")
    else:
        counts = _counts(len(summary.added), len(summary.changed),
                         len(summary.removed) if summary.removed else None, summary.unchanged)
    return Said("", "{items}: {counts}", {"items": ITEMS[kind], "counts": counts})


def _rule_body(rule: Rule) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(json.dumps(rule_to_dict(rule), sort_keys=True))
    return body


def _diff_keys(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [k for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)]


def preview_rules(store: Store, pack: RulePack, path: Path, *, merge: bool = False,
                  today: dt.date | None = None) -> Preview:
    """Compare a pack with the store's rules (by id and body, as `RuleStore.replace` does) and
    lint the rules the store would then have."""
    with store.snapshot():
        current = {r.id: r for r in store.rules.load()}
        catalog = store.catalog.load()
        settings = store.load_settings()
    incoming = {r.id: r for r in pack.rules}
    added = sorted(k for k in incoming if k not in current)
    changed: list[str] = []
    for rid in sorted(k for k in incoming if k in current and incoming[k] != current[k]):
        old, new = _rule_body(current[rid]), _rule_body(incoming[rid])
        if old != new:
            changed.append(f"{rid}: {', '.join(_diff_keys(old, new))}")
    removed = [] if merge else sorted(k for k in current if k not in incoming)
    notes: list[str] = []
    effective = settings
    if pack.settings is not None:
        effective = pack.settings_over(settings)  # the keys the pack gives, over the store's
        old_s, new_s = settings_to_dict(settings), settings_to_dict(effective)
        diffs = [f"{k} {old_s[k]} \N{RIGHTWARDS ARROW} {new_s[k]}"
                 for k in _diff_keys(old_s, new_s)]
        if diffs:
            notes.append(QT_TRANSLATE_NOOP("import", "settings: {changes}").format(
                changes="; ".join(diffs)))
    if merge:
        notes.append(QT_TRANSLATE_NOOP("import", "Merge: rules not in the pack stay as they "
                                                 "are."))
    result = list(incoming.values())
    if merge:
        result += [r for k, r in current.items() if k not in incoming]
    findings = tuple(f for f in lint(result, catalog, effective, today) if f.rule_id in incoming)
    return Preview(kind=RULES, path=path, added=tuple(added), changed=tuple(changed),
                   removed=tuple(removed), unchanged=len(incoming) - len(added) - len(changed),
                   findings=findings, notes=tuple(notes), pack=pack, merge=merge)


def _comparable(product: Product) -> Product:
    """A product with its barcodes as the store keeps them (normalized, sorted)."""
    return dataclasses.replace(product, barcodes=tuple(sorted(
        normalize_barcode(c) for c in product.barcodes)))


def _field_text(value: Any) -> str:
    if isinstance(value, frozenset):
        return "|".join(sorted(value))
    if isinstance(value, tuple):
        return "|".join(value)
    return "" if value is None else str(value)


def _product_changes(old: Product, new: Product) -> list[Said | str]:
    out: list[Said | str] = []
    for f in dataclasses.fields(Product):
        if not f.compare:  # where the row was in the file, not data
            continue
        before, after = getattr(old, f.name), getattr(new, f.name)
        if before != after:
            if f.name in ("price", "cost"):
                before = None if before is None else cents_str(before)
                after = None if after is None else cents_str(after)
            none = QT_TRANSLATE_NOOP("import", "(none)")
            out.append(Said("", "{field} {before} \N{RIGHTWARDS ARROW} {after}",
                            {"field": f.name, "before": _field_text(before) or none,
                             "after": _field_text(after) or none}))
    return out


def preview_catalog(store: Store, products: Sequence[Product], path: Path,
                    columns: frozenset[str] | None = None) -> Preview:
    """Compare catalog rows with the store's products by SKU. Refuses (ValidationError) a
    barcode that belongs to a product the file does not touch, as the import would.
    `columns` are the file's columns (None: all): as the import does, a product the store
    has keeps its values of the columns the file leaves out."""
    catalog: Catalog = store.catalog.load()
    kept = [] if columns is None else [c for c in OPTIONAL_COLUMNS if c not in columns]
    incoming = {p.sku for p in products}
    problems = []
    added: list[str] = []
    changed: list[str] = []
    unchanged = 0
    for p in products:
        for code in p.barcodes:
            owner = catalog.lookup(code)
            if owner is not None and owner.sku != p.sku and owner.sku not in incoming:
                problems.append(barcode_taken_problem(p, code, owner.sku))
        old = catalog.get(p.sku)
        if old is None:
            added.append(p.sku)
            continue
        if kept:
            p = dataclasses.replace(p, **{c: getattr(old, c) for c in kept})
        diffs = _product_changes(_comparable(old), _comparable(p))
        if diffs:
            changed.append(Said("", "{sku}: {changes}", {"sku": p.sku,
                                                         "changes": joined(diffs, "; ")}))
        else:
            unchanged += 1
    if problems:
        raise ValidationError(problems[:50], what=WHAT[CATALOG])
    left_alone = len(catalog) - (len(changed) + unchanged)
    notes = []
    if left_alone > 0:
        notes.append(QT_TRANSLATE_NOOP(
            "import", "{n} products in the store are not in the file: they stay as they are (an "
            "import never deletes products; set active to false instead).").format(n=left_alone))
    return Preview(kind=CATALOG, path=path, added=tuple(added), changed=tuple(changed),
                   removed=(), unchanged=unchanged, notes=tuple(notes),
                   products=tuple(products), columns=columns)


def preview_orders(store: Store, orders: Sequence[PastOrder], path: Path) -> Preview:
    """Past orders to add: the store skips those imported before (by the old till's order
    id), and its result says how many that was."""
    currency = store.load_settings().currency
    times = sorted(o.time for o in orders if o.time is not None)
    worth = format_money(sum(o.total for o in orders), currency)
    notes = [QT_TRANSLATE_NOOP("import", "{n} orders worth {amount} in all, {first} to {last}.")
             .format(n=len(orders), amount=worth, first=f"{times[0]:%Y-%m-%d}",
                     last=f"{times[-1]:%Y-%m-%d}") if times else
             QT_TRANSLATE_NOOP("import", "{n} orders worth {amount} in all.").format(
                 n=len(orders), amount=worth),
             QT_TRANSLATE_NOOP("import", "Orders imported before (the same order id) are "
                                         "skipped, never doubled.")]
    return Preview(kind=ORDERS, path=path, added=tuple(o.external_id for o in orders),
                   changed=(), removed=(), unchanged=0, notes=tuple(notes),
                   orders=tuple(orders))


def read_preview(store: Store, kind: str, path: Path, *, merge: bool = False,
                 today: dt.date | None = None, progress: Progress | None = None) -> Preview:
    """Read and check the file, then compare it with the store. Raises UserError (an
    InputError or a ValidationError listing every problem) when the file is refused."""
    if kind == RULES:
        pack = parse_pack_text(read_text(path, "rule pack"), str(path), progress)
        return preview_rules(store, pack, path, merge=merge, today=today)
    if kind == ORDERS:
        orders = parse_orders_csv(read_text(path, "past orders"), store.catalog.load())
        return preview_orders(store, orders, path)
    catalog_file = read_catalog_csv(read_text(path, "catalog"))
    return preview_catalog(store, catalog_file.products, path, catalog_file.columns)


def apply_preview(store: Store, preview: Preview, actor: str,
                  progress: Progress | None = None) -> ImportSummary:
    """Import what the preview was made from, all or nothing, audited as `actor`."""
    if preview.kind == RULES:
        assert preview.pack is not None
        return store.rules.replace(preview.pack, merge=preview.merge, actor=actor)
    if preview.kind == ORDERS:
        return store.sales.import_orders(preview.orders, source=ORDERS_SOURCE, progress=progress)
    return store.catalog.import_products(preview.products, progress, actor=actor,
                                 columns=preview.columns)


def refusal(exc: BaseException) -> tuple[str, list[str]]:
    """A headline and the list of problems for an exception raised while importing."""
    if isinstance(exc, ValidationError):
        count = len(exc.problems)
        return ((QT_TRANSLATE_NOOP("import", "The {what} is refused and nothing was changed: "
                                             "{n} problem.") if count == 1 else
                 QT_TRANSLATE_NOOP("import", "The {what} is refused and nothing was changed: "
                                             "{n} problems.")).format(what=exc.what, n=count),
                list(exc.problems))
    if isinstance(exc, UserError):
        said = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
        return (QT_TRANSLATE_NOOP("import", "Refused, nothing was changed: {message}").format(
            message=said), [said])
    text = f"{type(exc).__name__}: {exc}"  # a programming error: its own English words
    return (QT_TRANSLATE_NOOP("import", "Unexpected error ({error}); nothing was changed. The "
                                        "error is in the log.").format(error=text), [text])
