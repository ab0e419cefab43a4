"""The built app's entry point: the `pos-prompter` command, as `python -m pos_prompter` is.

One diagnostic besides: with POS_PROMPTER_STARTUP_PROBE=STORE set, the app does not run its
command line; it times a cold start to a till window ready to scan on the store file STORE
(exposed, painted once, scan field focused), prints "ready MS" and quits. The code it runs is
bench/_startup.py's CHILD_TILL, the very script bench/bench_startup.py times from the source
tree, copied in at build time as the module pos_prompter_startup_probe (pos-prompter.spec):
so the built app and the source tree are measured the same way, and the slow test
(tests/packaging/test_built_app.py) sees the built app's window come up.
"""

from __future__ import annotations

import os
import sys

PROBE = "POS_PROMPTER_STARTUP_PROBE"


def main() -> int:
    for name in ("stdout", "stderr"):  # Windows' windowed executable has neither
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    store = os.environ.get(PROBE)
    if store:
        sys.argv = [sys.argv[0], store]  # CHILD_TILL reads the store from sys.argv[1]
        import pos_prompter_startup_probe  # noqa: F401  (runs on import, as `python -c` does)

        return 0
    from pos_prompter.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
