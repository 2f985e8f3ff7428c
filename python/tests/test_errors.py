"""Errors are exceptions with the program's message and column."""
import pytest

import dfdx
from conftest import run_cli

BAD = ["sin(x", "x^^2", "2 +", "(x))", "é + ", "x + )", "sin(x) * (2 + )"]


@pytest.mark.parametrize("text", BAD)
def test_syntax_errors_as_the_program_reports_them(text):
    with pytest.raises(dfdx.SyntaxError) as info:
        dfdx.parse(text)
    e = info.value
    out, err, status = run_cli("diff", text)
    assert status == 2 and out == ""
    first, line, caret = err.splitlines()[:3]
    assert first == "dfdx: syntax error at column %d: %s" % (e.column, e.message)
    assert str(e).splitlines() == [first[len("dfdx: "):], line, caret]
    assert isinstance(e, dfdx.Error) and isinstance(e, ValueError)


def test_domain_error_message_as_the_program():
    with pytest.raises(dfdx.DomainError) as info:
        dfdx.parse("ln(x)")(-1)
    _, err, status = run_cli("eval", "ln(x)", "x=-1")
    assert status == 2 and err.strip() == "dfdx: " + info.value.message and info.value.column is None


def test_answer_error_has_the_answers_column():
    with pytest.raises(dfdx.SyntaxError) as info:
        dfdx.check("x^2", "2*x +")
    assert info.value.column == 6 and info.value.text == "2*x +"


def test_tangent_point_errors():
    with pytest.raises(dfdx.SyntaxError) as info:
        dfdx.tangent("x^2", at="1+")
    assert info.value.column == 3
    with pytest.raises(dfdx.Error):
        dfdx.tangent("ln(x)", at=-1)


def test_the_line_of_a_multiline_text():
    with pytest.raises(dfdx.SyntaxError) as info:
        dfdx.parse("x +\n  (2 +")
    e = info.value
    assert (e.line, e.column) == ("  (2 +", 7)
    assert str(e).splitlines() == ["syntax error at column 7: " + e.message, "    (2 +", "        ^"]


def test_usage_errors():
    with pytest.raises(dfdx.UsageError, match="not '2x'"):
        dfdx.diff("x^2", var="2x")
    with pytest.raises(dfdx.UsageError, match="not 'pi', which is a constant"):
        dfdx.diff("x^2", var="pi")
    with pytest.raises(dfdx.UsageError, match="not 'sin', which is a function"):
        dfdx.diff("x^2", var="sin")
    with pytest.raises(TypeError):
        dfdx.parse(3)
    with pytest.raises(dfdx.LimitError):
        dfdx.parse("(" * 10000 + "x" + ")" * 10000)
