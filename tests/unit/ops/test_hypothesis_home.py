"""The command keeps Hypothesis's caches out of the folder it runs in (no stray `.hypothesis/`)."""

from __future__ import annotations

import os
from pathlib import Path

from auditor._cli import HYPOTHESIS_HOME_ENV, keep_hypothesis_home_out_of_the_project


def test_a_temporary_home_unless_the_environment_names_one(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(HYPOTHESIS_HOME_ENV, raising=False)
    keep_hypothesis_home_out_of_the_project()
    home = Path(os.environ[HYPOTHESIS_HOME_ENV])
    assert home.is_dir() and not home.is_relative_to(tmp_path)
    home.rmdir()
    monkeypatch.setenv(HYPOTHESIS_HOME_ENV, str(tmp_path / "mine"))
    keep_hypothesis_home_out_of_the_project()
    assert os.environ[HYPOTHESIS_HOME_ENV] == str(tmp_path / "mine")
