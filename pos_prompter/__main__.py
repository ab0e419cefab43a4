"""`python -m pos_prompter`: the same as the `pos-prompter` command."""

from pos_prompter.cli import main

raise SystemExit(main())
