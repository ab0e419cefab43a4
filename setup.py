"""Only the package list lives here; everything else is in pyproject.toml.

setuptools' packages.find does not look at package-dir, so it cannot find pos_prompter.demo,
which pyproject.toml maps to resources/demo. Find the code packages and add that one.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["pos_prompter*"]), "pos_prompter.demo"])
