"""The PySide6 screens: the till window, its prompt card and its Qt models.

Only this package (and `pos_prompter.app`, which wires it up) imports Qt.
"""
