"""The Jinja2 environment user templates run in: sandboxed, and bounded in time and size.

Jinja's `ImmutableSandboxedEnvironment` keeps a template away from Python's internals
but lets it loop and allocate without end (`range` loops nested, `'x' * 10**8`). Here:

- every loop iteration, call, attribute and item look-up is a step; a rendering may take
  `MAX_STEPS` of them and `MAX_SECONDS` of wall-clock time (`range` iterates by steps too);
- a value a template makes (by `*`, `+`, `~`, `%`, `**`, a filter or a method call) may have at
  most `MAX_LENGTH` items or characters, and an integer at most `MAX_INT_BITS` bits; a call or
  filter that would make more (`'x'|center(10**9)`, `'%0999999999d'|format(1)`) is refused
  before it allocates, where the size can be told from its arguments;
- the output of one rendering may have at most `MAX_OUTPUT` characters;
- `lipsum` is not offered (it makes text of any length).

Going past a bound raises `jinja2.exceptions.SecurityError`, a TemplateError, so renderers report
it as a template error. Each `Template.render` counts on its own, unless `budget()` opened
counters around several (a Word template's body, headers, footers and properties share one);
the environment is shared, the counters are per rendering (a context variable).
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from jinja2 import Template, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_STEPS = 2_000_000
MAX_SECONDS = 20.0
MAX_LENGTH = 1_000_000  # characters of a string, items of a list
MAX_OUTPUT = 20_000_000  # characters of one rendering
MAX_INT_BITS = 10_000
MAX_ARGUMENT = 100_000  # the largest number a filter or call may take (a width, a count)
_STEPS_FILTER = "_briefing_steps"
_WIDE_DIGITS = re.compile(r"\d{6,}")  # a format width or precision of 100,000 or more


class _Budget:
    """Steps taken and the deadline of one rendering."""

    def __init__(self) -> None:
        self.steps = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise SecurityError(f"the template takes more than {MAX_STEPS:,} steps")
        if not self.steps & 1023 and time.monotonic() > self.deadline:
            raise SecurityError(f"the template runs for more than {MAX_SECONDS:g} s")


_BUDGET: ContextVar[_Budget | None] = ContextVar("briefing_template_budget", default=None)


@contextmanager
def budget() -> Iterator[None]:
    """Fresh counters for one rendering."""
    token = _BUDGET.set(_Budget())
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _step() -> None:
    current = _BUDGET.get()
    if current is not None:  # None: compiling (constant folding), not rendering
        current.step()


def _check_size(value: Any) -> Any:
    """The value, or a SecurityError when it is larger than a template may make."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise SecurityError(f"the template makes a number of more than {MAX_INT_BITS:,} bits")
    if isinstance(value, str | bytes | list | tuple | dict | set | frozenset) and len(value) > MAX_LENGTH:
        raise SecurityError(f"the template makes a value of more than {MAX_LENGTH:,} characters or items")
    return value


def _length(value: Any) -> int:
    return len(value) if isinstance(value, Sized) else 0


def _bits(value: Any) -> int:
    return value.bit_length() if isinstance(value, int) else 0


def _check_binop(op: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too large, before it is made."""
    if op == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(times, int) and _length(seq) * max(times, 0) > MAX_LENGTH:
                raise SecurityError(f"the template makes a value of more than {MAX_LENGTH:,} characters or items")
        if isinstance(left, int) and isinstance(right, int) and _bits(left) + _bits(right) > MAX_INT_BITS:
            raise SecurityError(f"the template makes a number of more than {MAX_INT_BITS:,} bits")
    elif op == "**":
        if isinstance(right, int | float) and abs(right) * max(_bits(left) if isinstance(left, int) else 64, 1) \
                > MAX_INT_BITS:
            raise SecurityError(f"the template makes a number of more than {MAX_INT_BITS:,} bits")
    elif op == "+":
        if _length(left) + _length(right) > MAX_LENGTH:
            raise SecurityError(f"the template makes a value of more than {MAX_LENGTH:,} characters or items")
    elif op == "%" and isinstance(left, str) and _WIDE_DIGITS.search(left):
        raise SecurityError("the template formats with a width or precision that is too large")


def _check_arguments(name: str, args: tuple[Any, ...], kwargs: dict[str, Any], owner: Any = None) -> None:
    """Refuse a call or filter that would make too much, judged by its arguments (and, for a string's method,
    the string: `owner`)."""
    values = [*args, *kwargs.values()]
    if any(isinstance(v, int) and not isinstance(v, bool) and abs(v) > MAX_ARGUMENT for v in values):
        raise SecurityError(f"{name}: a number larger than {MAX_ARGUMENT:,} is not taken")
    strings = [v for v in ([owner] if isinstance(owner, str) else []) + values if isinstance(v, str)]
    if name in ("format", "format_map") and any(_WIDE_DIGITS.search(v) for v in strings):
        raise SecurityError("the template formats with a width or precision that is too large")
    text = strings[0] if strings else ""
    width = max((v for v in values if isinstance(v, int) and not isinstance(v, bool)), default=0)
    if name == "indent":  # each line gets the width
        estimate = len(text) + width * (text.count("\n") + 1)
    elif name == "expandtabs":
        estimate = len(text) + width * text.count("\t")
    elif name == "replace":  # (text, old, new): at worst `new` at every position
        estimate = len(text) + (len(strings[2]) if len(strings) > 2 else 0) * (len(text) + 1)
    else:
        estimate = 0
    if estimate > MAX_LENGTH:
        raise SecurityError(f"{name}: the result would have more than {MAX_LENGTH:,} characters")


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)  # keeps jinja's pass_context / pass_environment marks
    def run(*args: Any, **kwargs: Any) -> Any:
        _step()
        _check_arguments(name, args, kwargs)
        return _check_size(func(*args, **kwargs))

    return run


def _steps(iterable: Any) -> Iterator[Any]:
    """What a `{% for %}` loop iterates, one step per item."""
    for item in iterable:
        _step()
        yield item


def _range(*args: int) -> Iterator[int]:
    _check_arguments("range", args, {})
    for number in range(*args):
        _step()
        yield number


def _bounded_concat(parts: Iterable[str]) -> str:
    """`environment.concat`: the output of a rendering (or a macro, a block), within MAX_OUTPUT."""
    pieces, size = [], 0
    for part in parts:
        size += len(part)
        if size > MAX_OUTPUT:
            raise SecurityError(f"the template's output is longer than {MAX_OUTPUT:,} characters")
        pieces.append(part)
    return "".join(pieces)


class _BoundedCodeGenerator(CodeGenerator):
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # `a ~ b`: checked after it is made
        self.write("environment.checked(")
        super().visit_Concat(node, frame)
        self.write(")")


class _BoundedTemplate(Template):
    def render(self, *args: Any, **kwargs: Any) -> str:
        """Rendered within a budget of its own, or the one `budget()` opened around it."""
        if _BUDGET.get() is not None:
            return super().render(*args, **kwargs)
        with budget():
            return super().render(*args, **kwargs)


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """An immutable sandbox whose renderings are bounded (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _BoundedCodeGenerator
    template_class = _BoundedTemplate

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = {name: _bounded_filter(name, func) for name, func in self.filters.items()}
        self.filters[_STEPS_FILTER] = _steps
        self.globals.pop("lipsum", None)
        self.globals["range"] = _range
        self.concat = _bounded_concat  # type: ignore[assignment]
        self.checked = _check_size

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Parsed as usual, then every `{% for %}` iterates through the step counter."""
        tree = super()._parse(source, name, filename)
        for loop in list(tree.find_all(nodes.For)):
            loop.iter = nodes.Filter(loop.iter, _STEPS_FILTER, [], [], None, None, lineno=loop.lineno)
        return tree

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        _step()
        _check_binop(operator_name, left, right)
        return _check_size(super().call_binop(context, operator_name, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # jinja's parameter names
        _step()
        bound = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        _check_arguments(getattr(bound, "__name__", ""), args, kwargs, getattr(bound, "__self__", None))
        return _check_size(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        _step()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _step()
        return super().getitem(obj, argument)

