"""The published rules of a store, and what each has done so far: `store.rules`.

Every change is one transaction with its audit rows (by `actor`) and a new publish
revision, so a till in another process reloads the rules whole.
"""

from __future__ import annotations

import json

from pos_prompter.core.bulk import gc_paused
from pos_prompter.core.rules import Rule, RulePack, rule_to_dict
from pos_prompter.core.stored_rules import stored_rules
from pos_prompter.store.audit import Action, Change, record
from pos_prompter.store.base import ImportSummary, RuleResults, StoreCore, now_text
from pos_prompter.store.sales_log import results_since


class RuleStore:
    """The rules of one store (built by `Store` as `store.rules`)."""

    def __init__(self, store: StoreCore) -> None:
        self._store = store

    def load(self) -> list[Rule]:
        """The published rules, by id. Stored bodies are rules that were validated when
        saved: they are read back by `stored_rules` (the parser's conversions without its
        checks), decoded as one JSON array (one call instead of one per rule)."""
        with gc_paused():
            bodies = [body for (body,) in self._store.db.conn.execute(
                "SELECT body FROM rules ORDER BY id")]
            try:
                raws = json.loads(f"[{','.join(bodies)}]")
            except ValueError:
                raws = None
            if raws is None or len(raws) != len(bodies):  # not one JSON value each: one
                raws = [json.loads(body) for body in bodies]  # by one, as it always was
            rules = list(stored_rules(raws))
            # The decoded bodies go while the collector is still paused: it would otherwise
            # walk through all of them once, the moment it is back on.
            del bodies, raws
        return rules

    def replace(self, pack: RulePack, *, merge: bool = False,
                      actor: str | None = None) -> ImportSummary:
        """Make the store's rules the pack's (or, with `merge`, add and update only), and
        apply the pack's settings, in one transaction, with an audit row (by `actor`) for
        each rule and setting that changed."""
        old = {r["id"]: r["body"] for r in self._store.db.query("SELECT id, body FROM rules")}
        new: dict[str, str] = {r.id: json.dumps(rule_to_dict(r), sort_keys=True)
                               for r in pack.rules}
        added = sorted(k for k in new if k not in old)
        changed = sorted(k for k in new if k in old and old[k] != new[k])
        removed = [] if merge else sorted(k for k in old if k not in new)
        now = now_text()
        with self._store.write() as db:
            self._store.bump_revision()
            db.conn.executemany("DELETE FROM rules WHERE id = ?", [(rid,) for rid in removed])
            touched = set(added) | set(changed)
            db.conn.executemany(
                "INSERT INTO rules(id, kind, active, priority, body, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "kind=excluded.kind, active=excluded.active, "
                "priority=excluded.priority, body=excluded.body, "
                "updated_at=excluded.updated_at",
                [(rule.id, rule.kind, int(rule.active), rule.priority, new[rule.id], now)
                 for rule in pack.rules if rule.id in touched])
            if pack.settings is not None:  # the keys it leaves out keep the store's value
                self._store.save_settings(pack.settings_over(self._store.load_settings()),
                                         actor=actor)
            record(db, [*(Change("rule", k, "add", None, new[k], True) for k in added),
                        *(Change("rule", k, "change", old[k], new[k], True) for k in changed),
                        *(Change("rule", k, "remove", old[k], None, True) for k in removed)],
                   actor=actor)
        unchanged = len(new) - len(added) - len(changed)
        return ImportSummary(added=added, changed=changed, removed=removed, unchanged=unchanged)

    def save(self, rule: Rule, *, actor: str | None = None) -> str:
        """Publish one rule (new or changed), audited; returns "add", "change" or "same"."""
        body = json.dumps(rule_to_dict(rule), sort_keys=True)
        row = self._store.db.execute("SELECT body FROM rules WHERE id = ?", [rule.id]).fetchone()
        old = row[0] if row else None
        if old == body:
            return "same"
        action: Action = "add" if old is None else "change"
        with self._store.write() as db:
            self._store.bump_revision()
            db.execute(
                "INSERT INTO rules(id, kind, active, priority, body, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "kind=excluded.kind, active=excluded.active, priority=excluded.priority, "
                "body=excluded.body, updated_at=excluded.updated_at",
                [rule.id, rule.kind, int(rule.active), rule.priority, body, now_text()])
            record(db, [Change("rule", rule.id, action, old, body, True)], actor=actor)
        return action

    def delete(self, rule_id: str, *, actor: str | None = None) -> bool:
        """Remove one rule (its past prompt events stay for the reports), audited."""
        row = self._store.db.execute("SELECT body FROM rules WHERE id = ?", [rule_id]).fetchone()
        if row is None:
            return False
        with self._store.write() as db:
            self._store.bump_revision()
            db.execute("DELETE FROM rules WHERE id = ?", [rule_id])
            record(db, [Change("rule", rule_id, "remove", row[0], None, True)], actor=actor)
        return True

    def results(self) -> dict[str, RuleResults]:
        """What each rule has done so far, from the prompt outcome log."""
        return results_since(self._store.db.conn)[0]


__all__ = ["RuleResults", "RuleStore"]
