"""Certified generalization bounds from Python.

Every call runs the ``boundbook`` executable with ``--format json`` and parses what it prints,
so the numbers are boundbook's: decimal strings rounded outward (``lower`` at most the exact
value, ``upper`` at least it), also available as exact ``fractions.Fraction`` values.

The executable is ``$BOUNDBOOK`` when set, else ``boundbook`` on ``PATH``, else
``~/.local/bin/boundbook`` (where ``scripts/install`` puts it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

__all__ = [
    "BoundbookError",
    "BoundbookNotFound",
    "Evaluation",
    "bounds",
    "check",
    "eval",
    "executable",
    "solve",
]

__version__ = "0.2.0"

Number = Union[int, Fraction, Decimal, str, float]


class BoundbookError(Exception):
    """boundbook refused or failed: ``message`` is what it printed on standard error (its
    ``error: …`` line or located diagnostics), ``exit_code`` its exit code (2 for bad input)."""

    def __init__(self, message: str, exit_code: int, arguments: Sequence[str]):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.arguments = list(arguments)


class BoundbookNotFound(BoundbookError):
    """No boundbook executable: set ``BOUNDBOOK`` or run ``scripts/install``."""


def executable() -> str:
    """The path of the boundbook executable that calls use."""
    explicit = os.environ.get("BOUNDBOOK")
    if explicit:
        if not (os.path.isfile(explicit) and os.access(explicit, os.X_OK)):
            raise BoundbookNotFound(f"BOUNDBOOK={explicit} is not an executable file", 127, [])
        return explicit
    found = shutil.which("boundbook")
    if found:
        return found
    local = Path.home() / ".local" / "bin" / "boundbook"
    if local.is_file() and os.access(local, os.X_OK):
        return str(local)
    raise BoundbookNotFound(
        "boundbook is not installed: run scripts/install in the boundbook repository, "
        "or set BOUNDBOOK to the executable's path",
        127,
        [],
    )


def _run(arguments: Sequence[str], accept: Iterable[int] = (0,)) -> str:
    command = [executable(), *arguments]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode not in set(accept):
        message = done.stderr.strip() or f"boundbook exited with status {done.returncode}"
        raise BoundbookError(message, done.returncode, command)
    return done.stdout


def _argument(key: str, value: Number) -> str:
    """``key=value`` with the value written exactly: an int, a Fraction (p/q), a Decimal or a
    string as given. A float is written as its shortest decimal form (``0.05`` → ``"0.05"``),
    which is the number typed, not the float's binary value; pass a string or Fraction to be
    explicit."""
    if isinstance(value, bool):
        raise TypeError(f"argument {key}: a bool is not a number")
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, Fraction):
        text = str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    elif isinstance(value, Decimal):
        text = format(value, "f")
    elif isinstance(value, float):
        text = repr(value)
    elif isinstance(value, str):
        text = value
    else:
        raise TypeError(f"argument {key}: expected an int, Fraction, Decimal, str or float, got {type(value).__name__}")
    return f"{key}={text}"


def _precision(precision: Optional[int]) -> List[str]:
    return [] if precision is None else ["--precision", str(int(precision))]


@dataclass(frozen=True)
class Evaluation:
    """One catalogue entry evaluated at exact arguments. ``lower`` and ``upper`` are decimal
    strings rounded outward; ``lower_fraction``/``upper_fraction`` are the same numbers
    exactly. ``vacuous``: a risk bound ≥ 1. ``delta``: the δ the bound holds with (None when
    it spends none)."""

    name: str
    lower: str
    upper: str
    exact: bool
    vacuous: bool
    delta: Optional[Fraction]
    hypotheses: List[str]
    precision: int
    arguments: Dict[str, str] = field(default_factory=dict)

    @property
    def lower_fraction(self) -> Fraction:
        return Fraction(self.lower)

    @property
    def upper_fraction(self) -> Fraction:
        return Fraction(self.upper)


def eval(name: str, precision: Optional[int] = None, **arguments: Number) -> Evaluation:  # noqa: A001
    """Evaluates a catalogue entry (``boundbook eval NAME key=value …``)."""
    output = _run(["eval", name, *(_argument(k, v) for k, v in arguments.items()), *_precision(precision), "--format", "json"])
    o = json.loads(output)
    return Evaluation(
        name=o["name"],
        lower=o["lower"],
        upper=o["upper"],
        exact=o["exact"],
        vacuous=o["vacuous"],
        delta=None if o["delta"] is None else Fraction(o["delta"]),
        hypotheses=list(o["hypotheses"]),
        precision=o["precision"],
        arguments=dict(o["arguments"]),
    )


def solve(name: str, parameter: str, target: Number, precision: Optional[int] = None, **arguments: Number) -> Union[int, Fraction]:
    """The least (or greatest) value of ``parameter`` for which the entry is ≤ ``target``
    (``boundbook solve``): an ``int`` for an integer parameter, otherwise a ``Fraction``
    proven to satisfy the condition."""
    goal = _argument("target", target).split("=", 1)[1]
    output = _run(
        [
            "solve",
            name,
            "--for",
            parameter,
            "--target",
            goal,
            *(_argument(k, v) for k, v in arguments.items()),
            *_precision(precision),
            "--format",
            "json",
        ]
    )
    o = json.loads(output)
    if o["exact"]:
        return int(o["value"])
    return Fraction(o["value"])


def check(paths: Union[str, os.PathLike, Sequence[Union[str, os.PathLike]]], precision: Optional[int] = None, jobs: Optional[int] = None) -> List[Dict[str, Any]]:
    """Checks notebooks (files or folders) and returns their reports, parsed, in path order
    (``docs/schema/report.schema.json``). A failed check is not an exception: read each
    report's ``status`` (0 all good, 1 a check failed, 2 bad input) and ``errors``. Raises
    ``BoundbookError`` only when boundbook printed no report (a usage error, a missing path)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    arguments = ["check", "--format", "jsonl", *_precision(precision)]
    if jobs is not None:
        arguments += ["--jobs", str(int(jobs))]
    arguments += [os.fspath(p) for p in paths]
    command = [executable(), *arguments]
    done = subprocess.run(command, capture_output=True, text=True)
    reports = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if not reports and done.returncode != 0:
        raise BoundbookError(done.stderr.strip() or f"boundbook exited with status {done.returncode}", done.returncode, command)
    return reports


def bounds() -> List[Dict[str, Any]]:
    """The catalogue: one dict per entry (name, family, summary, formula, citation,
    hypotheses, spends_delta, risk_bound, parameters)."""
    return json.loads(_run(["bounds", "--format", "json"]))["entries"]
