"""Practice mode: the practice store beside the real one, scenarios, the practice game
(shared/spec/practice.md). Qt-free; the window is in pos_prompter.ui.practice."""
