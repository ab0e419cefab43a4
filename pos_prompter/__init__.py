"""pos-prompter: suggestive-selling prompts for shop tills."""

__version__ = "0.1.0"
