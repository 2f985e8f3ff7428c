"""libdfdx through ctypes: finding the library, its structs and its functions' signatures.

ctypes, not cffi: it is in the standard library, needs no build step and no compiler when the
package is installed, and the handful of structs the calls fill are mirrored below (a test
compiles the C headers and compares every size and offset with these mirrors).
"""
import ctypes
import ctypes.util
import os
from ctypes import (POINTER, Structure, c_bool, c_char_p, c_double, c_int, c_long, c_longlong, c_size_t,
                    c_uint, c_void_p)

_HERE = os.path.dirname(os.path.abspath(__file__))


def _candidates():
    """Where libdfdx may be, first found wins: $DFDX_LIB, the copy installed with the package,
    the source tree's build/ (running from a checkout), then the system's installed library."""
    env = os.environ.get("DFDX_LIB")
    if env:
        yield env
    yield os.path.join(_HERE, "libdfdx.so")
    yield os.path.join(_HERE, "..", "..", "build", "libdfdx.so")
    found = ctypes.util.find_library("dfdx")
    if found:
        yield found


def _load():
    tried = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append(path)
            continue
        return ctypes.CDLL(path)
    raise ImportError("libdfdx not found (tried %s); build it with `cmake --preset default && "
                      "cmake --build --preset default` or set DFDX_LIB" % ", ".join(tried))


lib = _load()
# what the library hands over (dx_print's string) is released with the C library's free
_libc = ctypes.CDLL(None)
_libc.free.argtypes = [c_void_p]
free = _libc.free

# --- structs (include/dfdx.h and include/dfdx/*.h, LP64) -------------------------------------


class Arg(Structure):
    _fields_ = [("kind", c_int), ("u", c_longlong)]  # the union: a pointer, a double or an integer


MSG_MAX_ARGS = 6


class Msg(Structure):
    _fields_ = [("id", c_int), ("nargs", c_uint), ("arg", Arg * MSG_MAX_ARGS)]


class Error(Structure):
    _fields_ = [("status", c_int), ("pos", c_long), ("end", c_long), ("msg", Msg)]


class ParseOpts(Structure):
    _fields_ = [("names", POINTER(c_char_p)), ("nnames", c_size_t), ("equation", c_bool)]


PARSE_MAX_NOTES = 8
CHECK_MAX_FOREIGN = 4


class ParseInfo(Structure):
    _fields_ = [("nnotes", c_size_t), ("notes", Msg * PARSE_MAX_NOTES), ("decimals", c_bool)]


class Buf(Structure):
    _fields_ = [("s", c_void_p), ("n", c_size_t), ("cap", c_size_t), ("limit", c_size_t), ("oom", c_bool),
                ("over", c_bool)]


class Slope(Structure):
    _fields_ = [("kind", c_int), ("exact", c_void_p), ("value", c_double), ("why", Msg)]


class Kink(Structure):
    _fields_ = [("u", c_void_p), ("at", c_void_p), ("kind", c_int), ("fleft", Slope), ("fright", Slope),
                ("sided", c_bool), ("left", Slope), ("right", Slope)]


MAX_KINKS = 8


class Derived(Structure):
    _fields_ = [("f", c_void_p), ("var", c_char_p), ("order", c_uint), ("derivative", c_void_p),
                ("nkinks", c_size_t), ("kink", Kink * MAX_KINKS)]


class Grad(Structure):
    _fields_ = [("f", c_void_p), ("n", c_size_t), ("vars", POINTER(c_char_p)), ("partial", POINTER(c_void_p))]


class Steps(Structure):
    _fields_ = [("f", c_void_p), ("var", c_char_p), ("start", c_void_p), ("step", c_void_p), ("n", c_size_t),
                ("result", c_void_p)]


class Equiv(Structure):
    _fields_ = [("kind", c_int), ("npoints", c_size_t), ("at", c_void_p), ("at_d", c_double), ("va", c_void_p),
                ("vb", c_void_p), ("da", c_double), ("db", c_double), ("nheld", c_size_t),
                ("held_name", c_void_p), ("held_value", c_void_p)]


class CheckResult(Structure):
    _fields_ = [("f", c_void_p), ("answer", c_void_p), ("var", c_char_p), ("order", c_uint),
                ("derivative", c_void_p), ("eq", Equiv), ("slip", c_int), ("slip_at", c_void_p),
                ("slipped", c_void_p), ("read", ParseInfo), ("nforeign", c_size_t),
                ("foreign", c_char_p * CHECK_MAX_FOREIGN), ("foreign_as", c_void_p * CHECK_MAX_FOREIGN)]


class Value(Structure):
    _fields_ = [("input", c_void_p), ("nvalues", c_size_t), ("names", c_void_p), ("values", c_void_p),
                ("exact", c_void_p), ("rational", c_bool), ("value", c_double), ("decimal", c_double),
                ("form", c_int), ("beyond", c_char_p)]


class TangentResult(Structure):
    _fields_ = [("f", c_void_p), ("var", c_char_p), ("kind", c_int), ("at", c_void_p), ("x", c_double),
                ("y", c_double), ("slope", c_double), ("intercept", c_double), ("exact", c_bool),
                ("exact_y", c_void_p), ("exact_slope", c_void_p), ("exact_intercept", c_void_p),
                ("line", c_void_p), ("decimals", c_bool), ("left", Slope), ("right", Slope), ("why", Msg)]


class VerifyPoint(Structure):
    _fields_ = [("kind", c_int), ("why", Msg), ("x", c_double), ("f", c_double), ("symbolic", c_double),
                ("numeric", c_double), ("abs_diff", c_double), ("rel_diff", c_double), ("tol", c_double),
                ("err", c_double)]


class VerifyResult(Structure):
    _fields_ = [("f", c_void_p), ("derivative", c_void_p), ("var", c_char_p), ("npoints", c_size_t),
                ("points", POINTER(VerifyPoint)), ("matched", c_size_t), ("mismatched", c_size_t)]


class XPoint(Structure):
    _fields_ = [("x", c_double), ("value", c_double), ("exact", c_void_p), ("exact_value", c_void_p),
                ("big", c_char_p)]


class Crit(Structure):
    _fields_ = [("at", XPoint), ("kind", c_int), ("mult", c_int), ("kink", c_bool), ("test", Msg)]


class Global(Structure):
    _fields_ = [("exists", c_bool), ("at", XPoint), ("endpoint", c_int), ("flat", c_size_t), ("ties", c_size_t),
                ("tie_x", c_double * 4), ("why", Msg)]


class Flat(Structure):
    _fields_ = [("from_", c_double), ("to", c_double), ("value", c_double), ("exact_from", c_void_p),
                ("exact_to", c_void_p), ("exact_value", c_void_p), ("kind", c_int)]


class ExtremaResult(Structure):
    _fields_ = [("f", c_void_p), ("df", c_void_p), ("var", c_char_p), ("polynomial", c_bool), ("degree", c_int),
                ("interval", c_bool), ("from_", c_double), ("to", c_double), ("grid", c_size_t),
                ("step", c_double), ("crit", POINTER(Crit)), ("ncrit", c_size_t), ("infl", POINTER(XPoint)),
                ("ninfl", c_size_t), ("flat", POINTER(Flat)), ("nflat", c_size_t), ("nowhere", c_bool),
                ("min", Global), ("max", Global)]


class LimMethod(Structure):
    _fields_ = [("note", Msg), ("via", c_int), ("via_at", c_void_p), ("compare", c_int), ("growth_hi", c_int),
                ("growth_lo", c_int), ("lhopital", c_int), ("series", c_int), ("parts", c_bool), ("rewrites", c_uint),
                ("lo", c_void_p), ("hi", c_void_p), ("wild", c_bool)]


class Lim(Structure):
    _fields_ = [("kind", c_int), ("exact", c_void_p), ("value", c_double), ("err", c_double),
                ("numeric", c_bool), ("method", LimMethod)]


class Point(Structure):
    _fields_ = [("at", c_void_p), ("inf", c_int)]


class LimitReport(Structure):
    _fields_ = [("f", c_void_p), ("var", c_char_p), ("at", Point), ("want_left", c_bool), ("want_right", c_bool),
                ("left", Lim), ("right", Lim), ("exists", c_bool), ("value", Lim), ("defined_at", c_bool),
                ("f_at", c_void_p), ("f_at_value", c_double), ("f_at_why", Msg), ("continuous", c_int),
                ("differentiable", c_int), ("dleft", Lim), ("dright", Lim)]


class DescendOpts(Structure):
    _fields_ = [("method", c_int), ("rate", c_double), ("beta", c_double), ("beta2", c_double), ("eps", c_double),
                ("tol", c_double), ("steps", c_long)]


class DescendRequest(Structure):
    _fields_ = [("vars", POINTER(c_char_p)), ("start", POINTER(c_double)), ("nvars", c_size_t),
                ("fixed", POINTER(c_char_p)), ("fixed_vals", POINTER(c_double)), ("nfixed", c_size_t),
                ("opts", DescendOpts), ("rates", POINTER(c_double)), ("nrates", c_size_t), ("rows", c_long),
                ("trace", c_bool), ("data", c_void_p)]


# the C type of each mirror, for the layout test
C_NAMES = {Arg: "dx_arg", Msg: "dx_msg", ParseOpts: "dx_parse_opts", ParseInfo: "dx_parse_info", Error: "dx_error", Buf: "dx_buf", Slope: "dx_slope", Kink: "dx_kink",
           Derived: "dx_derived", Grad: "dx_grad", Steps: "dx_steps", Equiv: "dx_equiv",
           CheckResult: "dx_check_result", Value: "dx_value", TangentResult: "dx_tangent_result", VerifyPoint: "dx_verify_point",
           VerifyResult: "dx_verify_result", XPoint: "dx_xpoint", Crit: "dx_crit", Global: "dx_global",
           Flat: "dx_flat", ExtremaResult: "dx_extrema_result", LimMethod: "dx_lim_method", Lim: "dx_lim",
           Point: "dx_point", LimitReport: "dx_limit_report", DescendOpts: "dx_descend_opts",
           DescendRequest: "dx_descend_request"}

# --- enums used by the bindings -------------------------------------------------------------

OK, ESYNTAX, EDOMAIN, ELIMIT, EUSAGE, ENOMEM = range(6)
PLAIN, LATEX = 0, 1
SHOW_PLAIN, SHOW_LATEX, SHOW_JSON = 0, 1, 2
LIM_VALUE, LIM_POS_INF, LIM_NEG_INF, LIM_OSCILLATES, LIM_UNDEFINED, LIM_UNKNOWN = range(6)
EQ_ALGEBRA, EQ_POINTS, EQ_UNDEFINED, EQ_DIFFERENT, EQ_UNKNOWN = range(5)
GD, MOMENTUM, ADAM = range(3)

# --- signatures --------------------------------------------------------------------------------

P = c_void_p


def _sig(name, res, *args):
    fn = getattr(lib, name)
    fn.restype = res
    fn.argtypes = list(args)


_sig("dx_ctx_new", P)
_sig("dx_ctx_free", None, P)
_sig("dx_ctx_error", POINTER(Error), P)
_sig("dx_ctx_errmsg", P, P, c_int)
_sig("dx_ctx_clear_error", None, P)
_sig("dx_ctx_set_decimals", None, P, c_bool)
_sig("dx_parse", P, P, c_char_p, c_size_t)
_sig("dx_parse_ex", P, P, c_char_p, c_size_t, POINTER(ParseOpts), c_void_p)
_sig("dx_is_constant", c_bool, P)
_sig("dx_is_name", c_bool, c_char_p, c_size_t)
_sig("dx_is_variable", c_bool, P)
_sig("dx_is_number", c_bool, P)
_sig("dx_diff", P, P, P, c_char_p, c_uint)
_sig("dx_derivative", P, P, P, c_char_p, c_uint)
_sig("dx_derive", c_int, P, P, c_char_p, c_uint, POINTER(Derived))
_sig("dx_show_derivative", None, P, POINTER(Derived), c_int, POINTER(Buf))
_sig("dx_show_kink", None, P, POINTER(Derived), c_size_t, c_int, POINTER(Buf))
_sig("dx_gradient", c_int, P, P, POINTER(Grad))
_sig("dx_simplify", P, P, P)
_sig("dx_substitute", P, P, P, c_char_p, P)
_sig("dx_print", P, P, P, c_int)
_sig("dx_vars", c_size_t, P, P, POINTER(POINTER(c_char_p)))
_sig("dx_compile", P, P, P, POINTER(c_char_p), c_size_t)
_sig("dx_prog_free", None, P)
_sig("dx_prog_eval", c_int, P, P, POINTER(c_double), POINTER(c_double))
_sig("dx_prog_eval_n", c_size_t, P, c_size_t, POINTER(P), P)
_sig("dx_prog_set_fast", c_bool, P, c_bool)
_sig("dx_eval_const", c_int, P, P, POINTER(c_double))
_sig("dx_buf_free", None, POINTER(Buf))
_sig("dx_steps_build", c_int, P, P, c_char_p, POINTER(Steps))
_sig("dx_steps_free", None, POINTER(Steps))
_sig("dx_show_steps", None, P, POINTER(Steps), c_int, POINTER(Buf))
_sig("dx_check", c_int, P, P, c_char_p, c_uint, c_char_p, c_size_t, POINTER(CheckResult))
_sig("dx_show_check", None, P, POINTER(CheckResult), c_int, POINTER(Buf))
_sig("dx_eval_at", c_int, P, P, POINTER(c_char_p), POINTER(P), c_size_t, POINTER(Value))
_sig("dx_show_value", None, P, POINTER(Value), c_int, POINTER(Buf))
_sig("dx_tangent", c_int, P, P, c_char_p, c_char_p, POINTER(c_char_p), POINTER(P), c_size_t,
     POINTER(TangentResult))
_sig("dx_show_tangent", None, P, POINTER(TangentResult), c_int, POINTER(Buf))
_sig("dx_verify", c_int, P, P, c_char_p, POINTER(c_char_p), POINTER(P), c_size_t, POINTER(c_double), c_size_t,
     POINTER(VerifyResult))
_sig("dx_show_verify", None, P, POINTER(VerifyResult), c_int, POINTER(Buf))
_sig("dx_extrema", c_int, P, P, c_char_p, POINTER(c_double), POINTER(c_double), POINTER(ExtremaResult))
_sig("dx_extrema_free", None, POINTER(ExtremaResult))
_sig("dx_show_extrema", None, P, POINTER(ExtremaResult), c_int, POINTER(Buf))
_sig("dx_limit", c_int, P, P, c_char_p, Point, c_bool, c_bool, POINTER(LimitReport))
_sig("dx_show_limit", None, P, POINTER(LimitReport), c_int, POINTER(Buf))
_sig("dx_descend_defaults", None, POINTER(DescendOpts))
_sig("dx_descend", P, P, P, POINTER(DescendRequest))
_sig("dx_descend_lesson_free", None, P)
_sig("dx_show_descend", None, P, P, c_int, c_bool, POINTER(Buf))
