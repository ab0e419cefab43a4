"""The rule list's controller: a QObject without a widget that keeps the list's model in
step with the store and writes to it as the signed-in manager.

It owns reload (now, or in a worker thread: `reload_in_background`), the live results and
uplifts (`refresh_results`, `refresh_uplift`), and the writes: switch a rule on or off
(`set_active`, refused with lint's reason when the rule has errors: `core.rule_policy`),
duplicate (`duplicate`), delete (`delete`) and publish (`publish`, with the editor's
`RulePublisher`). What changed it says by signals; `RuleListView` shows it and asks.

Loads never overlap; asked again meanwhile, one more runs after; a load that read the
store before a change made here is not shown. Its worker jobs run on the `JobRunner`
handed down (the app's), else on the one of its top-level widget (`ui.jobs.jobs_of`).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from pos_prompter.core.catalog import Catalog
from pos_prompter.core.errors import UserError
from pos_prompter.core.money import Cents, format_money
from pos_prompter.core.rule_policy import activation_errors, unique_copy_id
from pos_prompter.core.rules import Rule
from pos_prompter.i18n import say, say_error, translate
from pos_prompter.store import Store
from pos_prompter.store.rule_store import RuleResults
from pos_prompter.store.sales_log import add_results, new_results
from pos_prompter.ui.jobs import JobRunner, StoreJob, deliver_to, jobs_of
from pos_prompter.ui.workspace.rules import listing
from pos_prompter.ui.workspace.rules.editor_context import EditorContext
from pos_prompter.ui.workspace.rules.list_model import RuleTableModel
from pos_prompter.ui.workspace.rules.listing import NO_RESULTS, ListData, RuleRow, load_rule
from pos_prompter.ui.workspace.rules.publisher import RulePublisher
from pos_prompter.ui.workspace.rules.uplift import NO_HOLDOUT, UpliftCell, read_uplifts

UPLIFT_AFTER_SALE_MS = 5000
"""After a commit, the uplifts are read again this much later (the commits meanwhile ride
along): a statistic of hundreds of orders need not move with each sale, and at a chain's
2,000 rules with a holdout a read takes ~0.1-0.2 s in the worker, during which the UI
thread (the till's too) waits for the GIL now and then: its largest gap goes from ~9 to
~22 ms (p50), 42 ms at p99 (bench/bench_rule_list_uplift.py)."""


class RulesController(QObject):
    """The rules of one store as the rule list shows them (`model`), and the manager's
    writes to them, audited as `actor`.

    Signals:
        loading_changed(bool): a background load started (True) or ended (False).
        data_shown(object): the model shows what a load read (the `ListData`), just after
            its reset.
        reloaded(): the model shows what a reload read (`reload`, or a background load,
            with the results logged since).
        has_uplifts_changed(bool): whether any rule has an uplift changed.
        results_updated(int): new prompt outcomes changed the results of that many rules.
        uplifts_updated(int): the uplift cells of that many rules changed in place.
        rules_changed(): rules were written to the store from here.
        rule_copied(str): a copy of a rule was saved (its new id) and is in the model.
        rule_deleted(str): a rule was deleted from the store; its row goes right after.
        message(str): a sentence for the manager: a write done or refused, a failed load.
    """

    loading_changed = Signal(bool)
    data_shown = Signal(object)
    reloaded = Signal()
    has_uplifts_changed = Signal(bool)
    results_updated = Signal(int)
    uplifts_updated = Signal(int)
    rules_changed = Signal()
    rule_copied = Signal(str)
    rule_deleted = Signal(str)
    message = Signal(str)

    def __init__(self, store: Store, actor: str, parent: QObject | None = None, *,
                 jobs: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.catalog = Catalog()
        self.currency = "USD"
        self.model = RuleTableModel(self.money, self)
        self.publisher = RulePublisher(store, actor, self)
        """Lints, confirms and saves the editor's rules (`publish`)."""
        self._jobs = jobs
        self._data: ListData | None = None
        """The last load shown (the next one takes over what did not change)."""
        self._revision = -1
        """The publish revision the model is at least as new as: a load that read an
        older one is not shown."""
        self._job: StoreJob | None = None
        """The background load under way (`reload_in_background`)."""
        self._again = False
        """Asked to reload while a load was under way: one more runs after it."""
        self._results: dict[str, RuleResults] = {}
        """Every rule's results (deleted rules' too), up to prompt event `_last_event`."""
        self._last_event = 0
        self._uplifts: dict[str, UpliftCell] = {}
        """The Uplift cells of the rules that have one, as last read."""
        self._uplift_job: StoreJob | None = None
        self._uplift_again = False
        self._uplift_timer = QTimer(self)
        self._uplift_timer.setSingleShot(True)
        self._uplift_timer.timeout.connect(self.refresh_uplift)
        self.uplift_delay_ms = UPLIFT_AFTER_SALE_MS
        """From a commit to the uplifts' next read (UPLIFT_AFTER_SALE_MS)."""
        self.model.active_change_requested.connect(self.set_active)
        self.publisher.published.connect(self.put_rule)

    def money(self, cents: Cents) -> str:
        return format_money(cents, self.currency)

    @property
    def jobs(self) -> JobRunner:
        """Where the worker jobs run: the runner handed down, else its top widget's."""
        if self._jobs is None:
            parent = self.parent()
            self._jobs = jobs_of(parent) if parent is not None else JobRunner(self)
        return self._jobs

    @property
    def data(self) -> ListData | None:
        """What the last load read (None before the first): the model shows it, but for
        the changes made here since (see `put_rule`)."""
        return self._data

    @property
    def loading(self) -> bool:
        """A background load is under way."""
        return self._job is not None

    @property
    def reading_uplifts(self) -> bool:
        """A read of the uplifts is under way in a worker (`refresh_uplift`)."""
        return self._uplift_job is not None

    @property
    def has_uplifts(self) -> bool:
        """Some rule has an uplift (a holdout)."""
        return bool(self._uplifts)

    # ------------------------------------------------------------------ loading

    def show(self, data: ListData) -> None:
        """Show what a load read (by `load_list`, here or in a worker): the rows in one
        model reset, then `data_shown`."""
        self._data = data
        self._revision = data.revision
        self.catalog = data.catalog
        self.currency = data.currency
        self._results = dict(data.results)  # refresh_results adds to it
        self._last_event = data.last_event
        had = bool(self._uplifts)
        self._uplifts = dict(data.uplifts)
        self.model.set_rows(data.rows)
        self.data_shown.emit(data)
        if had != bool(self._uplifts):
            self.has_uplifts_changed.emit(bool(self._uplifts))

    def reload(self, *, reuse: bool = True) -> None:
        """Read rules, results and catalog from the store again, now, on the UI thread
        (at chain size seconds when the catalog changed: see `reload_in_background`).
        `reuse=False` reads and builds everything again, taking over nothing from the last
        load (see `load_list`)."""
        self._again = False  # this shows everything published so far
        self.show(listing.load_list(self.store, self._data if reuse else None))
        self.reloaded.emit()

    @Slot()
    def reload_in_background(self) -> None:
        """Reload in a worker thread on a connection of its own: `loading_changed` says when
        it starts and ends, `reloaded` when the model shows it. Asked again while a load
        runs: one more runs after it (never two at once). A store without a file (in
        memory) reloads now."""
        if self.store.path is None:
            self.reload()
            return
        if self._job is not None:
            self._again = True
            return
        self._again = False
        previous = self._data
        job = StoreJob(self.store.path,  # no parent: the runner keeps it
                       lambda store, _progress: listing.load_list(store, previous))
        # Store trouble (the file gone, say) or a bug, already logged by StoreJob.
        deliver_to(job, self, lambda me: me._job is job,
                   lambda me, data: me._loaded(data, ""),
                   lambda me, headline, problems: me._loaded(
                       None, problems[0] if problems else headline))
        self._job = job
        self.loading_changed.emit(True)
        self.jobs.launch(job)

    def _loaded(self, data: ListData | None, problem: str) -> None:
        self._job = None
        shown = data is not None and data.revision >= self._revision
        if data is None:
            self.message.emit(translate("rules", "Could not read the rules again: {problem}")
                              .format(problem=say(problem)))
        elif shown:
            self.show(data)
            self.refresh_results()  # prompt outcomes logged since the load read them
        else:  # read before a change made here: the model shows newer than that
            self._again = True
        if self._again:
            self.reload_in_background()
        else:
            self.loading_changed.emit(False)
        if shown:
            self.reloaded.emit()

    def _wrote(self) -> None:
        """A change was written from here and is shown in place: a load that read the store
        before it is older than the model."""
        self._revision = self.store.publish_revision()
        if self._job is not None:
            self._again = True
        self.refresh_uplift()  # a holdout may have been set or taken off

    @Slot(str)
    def put_rule(self, rule_id: str) -> None:
        """A rule was saved elsewhere (the editor): show it as the store has it now."""
        rule = load_rule(self.store, rule_id)
        if rule is None:
            self.model.remove_rule(rule_id)
        else:
            self._put(rule)
        self._wrote()

    def _put(self, rule: Rule) -> None:
        """`rule` in the model, with the results and uplift its row has (or had)."""
        at = self.model.row_of(rule.id)
        results = self.model.row_at(at).results if at is not None \
            else self._results.get(rule.id)
        self.model.put_row(RuleRow.make(rule, results, self.catalog, self.money,
                                        self._uplifts.get(rule.id, NO_HOLDOUT)))

    # ------------------------------------------------------------------ live figures

    @Slot()
    def refresh_results(self) -> int:
        """Something was committed (a sale at any till): add the prompt outcomes logged
        since the last look to the results, in place. One grouped query over the new
        events only; rows whose figures did not move are not touched. Returns how many
        rules' results changed. When a rule has an uplift, the uplifts are read again in a
        worker a few seconds later (`refresh_uplift`, `uplift_delay_ms`): paying an order may
        change them without a new prompt event."""
        if self._uplifts and not self._uplift_timer.isActive():
            self._uplift_timer.start(self.uplift_delay_ms)
        read = new_results(self.store.db.conn, self._last_event)
        if read is None:  # a store busy or closing: the next commit tries again
            return 0
        new, self._last_event = read
        if not new:
            return 0
        changed: dict[str, RuleResults] = {}
        for rule_id, delta in new.items():
            changed[rule_id] = self._results[rule_id] = add_results(
                self._results.get(rule_id, NO_RESULTS), delta)
        count = self.model.update_results(changed)
        if count:
            self.results_updated.emit(count)
        return count

    @Slot()
    def refresh_uplift(self) -> None:
        """Read every rule's uplift again in a worker thread (a store without a file: now)
        and change the cells that moved, in place. Asked again while a read runs: one more
        runs after it, so the last one shown is never older than the last ask."""
        self._uplift_timer.stop()
        if self.store.path is None:
            self._uplifts_read(read_uplifts(self.store, self._uplifts))
            return
        if self._uplift_job is not None:
            self._uplift_again = True
            return
        self._uplift_again = False
        previous = self._uplifts  # replaced, never changed: the worker may read it
        job = StoreJob(self.store.path, lambda store, _progress: read_uplifts(store, previous))
        deliver_to(job, self, lambda me: me._uplift_job is job,
                   lambda me, cells: me._uplifts_read(cells),
                   lambda me, _headline, _problems: me._uplifts_read(None))
        self._uplift_job = job
        self.jobs.launch(job)

    def _uplifts_read(self, cells: dict[str, UpliftCell] | None) -> None:
        self._uplift_job = None
        if cells is not None:  # None: the read failed (StoreJob logged it)
            old, self._uplifts = self._uplifts, cells
            count = self.model.update_uplifts(  # a cell not worked out again is the same
                {rule_id: cells.get(rule_id, NO_HOLDOUT) for rule_id in {*old, *cells}
                 if old.get(rule_id) is not cells.get(rule_id)})
            if bool(old) != bool(cells):
                self.has_uplifts_changed.emit(bool(cells))
            if count:
                self.uplifts_updated.emit(count)
        if self._uplift_again:
            self.refresh_uplift()

    # ------------------------------------------------------------------ writes

    def _saved(self, rule: Rule) -> None:
        self._put(rule)
        self._wrote()
        self.rules_changed.emit()

    def rule(self, rule_id: str) -> Rule | None:
        """The rule of that id as the model has it (None: not in the list)."""
        at = self.model.row_of(rule_id)
        return self.model.row_at(at).rule if at is not None else None

    @Slot(str, bool)
    def set_active(self, rule_id: str, active: bool) -> bool:
        """Switch a rule on or off and publish it at once. A rule with lint errors is not
        switched on (the message says why). True when saved."""
        rule = self.rule(rule_id)
        if rule is None:
            return False
        if rule.active == active:
            return True
        changed = dataclasses.replace(rule, active=active)
        if active:
            with self.store.snapshot():
                settings = self.store.load_settings()
            errors = activation_errors(changed, (row.rule for row in self.model.rows),
                                       self.catalog, settings)
            if errors:
                self.message.emit(translate("rules", "Rule {rule} stays inactive: {problem} "
                                            "({fix})").format(
                    rule=rule_id, problem=say(errors[0].message), fix=say(errors[0].fix)))
                return False
        try:
            self.store.rules.save(changed, actor=self.actor)
        except UserError as exc:
            self.message.emit(translate("rules", "Could not save rule {rule}: {problem}")
                              .format(rule=rule_id, problem=say_error(exc)))
            return False
        self._saved(changed)
        self.message.emit((translate("rules", "Rule {rule} is now active: the tills use the "
                                     "change from now on.") if active else
                           translate("rules", "Rule {rule} is now inactive: the tills use the "
                                     "change from now on.")).format(rule=rule_id))
        return True

    def duplicate(self, rule_id: str) -> str | None:
        """Save a copy of a rule as a new inactive draft (`rule_copied`); its new id."""
        rule = self.rule(rule_id)
        if rule is None:
            return None
        new_id = unique_copy_id(rule.id, (row.rule.id for row in self.model.rows))
        copy = dataclasses.replace(rule, id=new_id, active=False)
        try:
            self.store.rules.save(copy, actor=self.actor)
        except UserError as exc:
            self.message.emit(translate("rules", "Could not duplicate rule {rule}: {problem}")
                              .format(rule=rule.id, problem=say_error(exc)))
            return None
        self._saved(copy)
        self.rule_copied.emit(new_id)
        self.message.emit(translate("rules", "Rule {rule} copied as {copy} (inactive until "
                                    "you switch it on).").format(rule=rule.id, copy=new_id))
        return new_id

    def delete(self, rule_id: str) -> bool:
        """Delete a rule from the store (`rule_deleted`), then its row. True when deleted
        (or already gone)."""
        try:
            removed = self.store.rules.delete(rule_id, actor=self.actor)
        except UserError as exc:
            self.message.emit(translate("rules", "Could not delete rule {rule}: {problem}")
                              .format(rule=rule_id, problem=say_error(exc)))
            return False
        self.rule_deleted.emit(rule_id)
        self.model.remove_rule(rule_id)
        self._wrote()
        if removed:
            self.rules_changed.emit()
        self.message.emit(translate("rules", "Rule {rule} deleted.").format(rule=rule_id))
        return True

    def publish(self, rule: Rule, context: EditorContext, *,
                window: QWidget | None = None) -> None:
        """Lint, confirm and save the editor's `rule` (`publisher`, whose signals say how it
        went); once saved, its row shows it."""
        self.publisher.publish(rule, context, window=window)
