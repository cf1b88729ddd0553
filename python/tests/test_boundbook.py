"""Tests of the Python package against the real boundbook executable ($BOUNDBOOK)."""

import json
import os
import subprocess
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

import boundbook

REPOSITORY = Path(__file__).resolve().parents[2]


def test_eval_returns_outward_rounded_ends_as_strings_and_fractions():
    b = boundbook.eval("binomial_test", errors=7, n=100, delta="0.05", precision=256)
    assert b.name == "binomial_test"
    assert b.upper.startswith("0.127458015582970281745267991084043006")
    assert b.lower < b.upper and b.lower_fraction < b.upper_fraction
    assert b.upper_fraction == Fraction(b.upper)
    assert b.delta == Fraction(1, 20)
    assert b.vacuous is False
    assert b.hypotheses == ["test_set_independent", "zero_one_loss"]
    assert b.precision == 256


def test_eval_of_an_exact_utility_and_a_vacuous_bound():
    c = boundbook.eval("binomial", n=100, k=50)
    assert c.exact and c.lower == c.upper == "100891344545564193334812497256"
    assert c.delta is None
    v = boundbook.eval("hoeffding_test", risk=Fraction(1, 2), n=2, delta=0.05)
    assert v.vacuous is True
    assert v.arguments == {"risk": "1/2", "n": "2", "delta": "0.05"}


def test_solve_gives_an_int_for_an_integer_parameter():
    n = boundbook.solve("hoeffding_test", "n", target="0.01", risk=0, delta="0.05")
    assert isinstance(n, int)
    # The least n: the bound holds at n and fails at n - 1.
    assert Fraction(boundbook.eval("hoeffding_test", risk=0, n=n, delta="0.05").upper) <= Fraction("0.01")
    assert Fraction(boundbook.eval("hoeffding_test", risk=0, n=n - 1, delta="0.05").lower) > Fraction("0.01")


def test_errors_are_exceptions_with_boundbooks_message_and_exit_code():
    with pytest.raises(boundbook.BoundbookError) as caught:
        boundbook.eval("binomial_test", errors=7, n=5, delta="0.05")
    assert caught.value.exit_code == 2
    assert caught.value.message.startswith("error: binomial_test: parameter 'errors' is outside its domain")
    with pytest.raises(boundbook.BoundbookError) as unknown:
        boundbook.eval("binomial_tset", errors=7, n=100, delta="0.05")
    assert "did you mean 'binomial_test'" in str(unknown.value)
    with pytest.raises(TypeError):
        boundbook.eval("binomial", n=True, k=1)


def test_check_returns_the_parsed_reports_of_a_folder(tmp_path):
    reports = boundbook.check(REPOSITORY / "notebooks", jobs=2)
    assert len(reports) >= 4
    assert all(r["status"] == 0 and r["schema_version"] == 1 for r in reports)
    assert [r["file"] for r in reports] == sorted(r["file"] for r in reports)
    claims = [s for r in reports for s in r["statements"] if s["kind"] == "claim"]
    assert claims and all(c["passed"] for c in claims)


def test_check_reports_failures_and_bad_notebooks_without_raising(tmp_path):
    failing = tmp_path / "failing.md"
    failing.write_text("```bound\nclaim sqrt(2) > 1.5\n```\n")
    broken = tmp_path / "broken.md"
    broken.write_text("```bound\nlet x = 1 +\n```\n")
    reports = boundbook.check([broken, failing])
    assert [r["status"] for r in reports] == [2, 1]
    assert reports[0]["errors"][0]["line"] == 2
    assert reports[1]["statements"][0]["verdict"] == "refuted"
    with pytest.raises(boundbook.BoundbookError) as missing:
        boundbook.check(tmp_path / "no-such.md")
    assert missing.value.exit_code == 2
    assert "no such file or folder" in missing.value.message


def test_bounds_lists_the_catalogue_with_parameters():
    entries = {e["name"]: e for e in boundbook.bounds()}
    assert "binomial_test" in entries and "kl_inv_upper" in entries
    test = entries["binomial_test"]
    assert test["spends_delta"] and test["risk_bound"]
    assert [p["name"] for p in test["parameters"]] == ["errors", "n", "delta"]


def test_the_executable_comes_from_BOUNDBOOK(monkeypatch, tmp_path):
    monkeypatch.setenv("BOUNDBOOK", str(tmp_path / "nothing-here"))
    with pytest.raises(boundbook.BoundbookNotFound):
        boundbook.eval("binomial", n=4, k=2)
