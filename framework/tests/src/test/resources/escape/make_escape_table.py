"""Writes escape-table.json: inputs and Tornado's outputs for every tornado.escape function that
io.jornado.escape.Escape ports. EscapeConformanceTest checks each row.

Run from this directory with Tornado 6.5.7 (6.2 escapes ' as &#39;), e.g.
    PYTHONPATH=/path/to/tornado-6.5.7 /usr/bin/python3 make_escape_table.py

Values are written as JSON with ensure_ascii, so lone surrogates survive. Bytes are {"bytes": hex};
json_decode results and json_encode inputs are typed trees: {"int": "12"}, {"float": "1.5"},
{"str": s}, {"bool": b}, {"null": true}, {"list": [...]}, {"dict": [[key, value], ...]}.
An input that makes Tornado raise has {"error": exception class name} as its expected value.
"""
import itertools
import json
import math
import random

import tornado
import tornado.escape as e

assert tornado.version == "6.5.7", tornado.version


def extra_by_host(href):
    # EscapeConformanceTest has the same function under this name.
    if href.startswith("http://example.com"):
        return 'class="internal"'
    return '  class="external" rel="nofollow"\n'


CALLABLES = {"extra_by_host": extra_by_host}

rows = []


def data(value):
    if isinstance(value, bytes):
        return {"bytes": value.hex()}
    return value


def typed(value):
    if value is None:
        return {"null": True}
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int):
        return {"int": str(value)}
    if isinstance(value, float):
        return {"float": repr(value)}
    if isinstance(value, str):
        return {"str": value}
    if isinstance(value, list):
        return {"list": [typed(v) for v in value]}
    if isinstance(value, dict):
        return {"dict": [[k, typed(v)] for k, v in value.items()]}
    raise TypeError(value)


def row(fn, args, call, result=data):
    try:
        expect = result(call())
    except Exception as ex:  # noqa: BLE001 - the table records which inputs Tornado refuses
        expect = {"error": type(ex).__name__}
        if isinstance(ex, json.JSONDecodeError):
            expect["message"] = str(ex)
    rows.append({"fn": fn, "args": args, "expect": expect})


TEXTS = [
    "", "plain", "<script>alert('x')</script>", 'a "quoted" & <b>', "'", "&amp;", "caf\u00e9",
    "\u65e5\u672c\u8a9e", "emoji \U0001F600!", "\x00\x01\x1f\x7f", "tab\tnew\nline\r", "\u2028\u2029",
    "\ud800 lone", "\udfff", "a\u0301", "\ufeffbom", "&<>\"'&<>\"'", "\u00a0nbsp\u3000",
]
for t in TEXTS:
    row("xhtml_escape", [t], lambda: e.xhtml_escape(t))
row("xhtml_escape", [{"bytes": "3c636166c3a93e"}], lambda: e.xhtml_escape(b"<caf\xc3\xa9>"))
row("xhtml_escape", [{"bytes": "ff"}], lambda: e.xhtml_escape(b"\xff"))

ENTITIES = [
    "&amp;", "&lt;&gt;&quot;&#x27;&#39;", "&amp", "&ampfoo", "&amp;foo", "&notin;", "&notit;", "&not",
    "&noti", "&copy2024", "&COPY;", "&Copy;", "&unknown;", "&unknown", "&;", "&", "& amp;", "&#",
    "&#;", "&#x;", "&#X41;", "&#x41", "&#65", "&#065;", "&#0;", "&#13;", "&#128;", "&#x80;", "&#x81;",
    "&#150;", "&#x9f;", "&#xa0;", "&#1;", "&#11;", "&#x7f;", "&#xd800;", "&#xdfff;", "&#xfdd0;",
    "&#xfffe;", "&#x1fffe;", "&#x10ffff;", "&#x110000;", "&#99999999999999999999;", "&#x1F600;",
    "&#128512;", "&#x0041;&#x42;", "&#xZZ;", "&#x41g", "&#1a", "&&amp;", "&amp;&amp;", "a&b&c",
    "&NotNestedGreaterGreater;", "&nGt;", "&acE;", "&fjlig;", "&ThickSpace;", "&aacute;&Aacute;",
    "&aacute", "&AElig", "&AEligx", "&lt3", "&gtx", "&abcdefghijklmnopqrstuvwxyzabcdefghij;",
    "&ampabcdefghijklmnopqrstuvwxyzabcdefghij", "&caf\u00e9;", "&amp\u00e9", "&\U0001F600;",
    "&amp\U0001F600x", "&lt;\ud800", "no entities", "&\tamp;", "&\ramp;", "&amp\r", "&#x26;lt;",
    "&#38;#60;", "&frac12;&frac34;&half;", "&ngE;&nge;", "&nbsp;&ensp;",
]
for t in ENTITIES:
    row("xhtml_unescape", [t], lambda: e.xhtml_unescape(t))
row("xhtml_unescape", [{"bytes": "266c743b"}], lambda: e.xhtml_unescape(b"&lt;"))

URLS = [
    "", "abc", "a b", "a+b", "a/b", "a?b=c&d=e", "~-._", "!*'();:@&=+$,/?#[]", "caf\u00e9",
    "\u65e5\u672c", "\U0001F600", "\x00\x1f\x7f", "100%", "a\u00a0b", "\ud800", "x\udc00y",
    " leading and trailing ", "\u2028",
]
for t in URLS:
    for plus in (True, False):
        row("url_escape", [t, plus], lambda: e.url_escape(t, plus=plus))
row("url_escape", [{"bytes": "ff2f20"}, True], lambda: e.url_escape(b"\xff/ ", plus=True))
row("url_escape", [{"bytes": "ff2f20"}, False], lambda: e.url_escape(b"\xff/ ", plus=False))

ENCODED = [
    "", "abc", "a+b", "a%20b", "a%2Bb", "%2f%2F", "%", "%4", "%zz", "%%41", "%41%", "%C3%A9",
    "%c3%a9", "%C3", "%C3%28", "%E6%97%A5", "%F0%9F%98%80", "%ED%A0%80", "%FF%FE", "%80abc",
    "caf\u00e9%20", "\u00e9%41", "%C3\u00e9%A9", "\u65e5%E6%97%A5", "%F0%9F\U0001F600%98%80",
    "+%2B+", "%00%1F", "%e2%82%ac%e2%82", "%uD800", "\ud800%41", "%F0%9F%98", "%C0%80", "%C1%BF",
    "%F5%80%80%80", "%E0%80%80", "%E0%A0%80", "%F4%90%80%80", "%F4%8F%BF%BF", "%ED%9F%BF", "%F0%80%80%80x",
    "%E6%97", "%E6%97x",
]
for t in ENCODED:
    for plus in (True, False):
        row("url_unescape", [t, plus], lambda: e.url_unescape(t, plus=plus))
        row("url_unescape_bytes", [t, plus], lambda: e.url_unescape(t, encoding=None, plus=plus))
for raw in (b"a+%41%ff", b"%e9+", b"\xc3\xa9%41+"):
    for plus in (True, False):
        row("url_unescape_bytes", [data(raw), plus], lambda: e.url_unescape(raw, encoding=None, plus=plus))

JSON_VALUES = [
    None, True, False, 0, -1, 2**63 - 1, 2**63, -(2**64), 1.5, -0.0, 0.1, 1e16, 1e-5, 1.0e-7,
    123456789.125, 1e300, 5e-324, 1.7976931348623157e308, float("nan"), float("inf"), float("-inf"),
    2.0**-44, 1e23, 9007199254740993.0, 0.3, 2.5e-5, 1e-4, 1.234e-4, 1.23e22, 1e15, 9.999999999999999e15,
    *[random.Random(7).choice([1, -1]) * random.Random(i).uniform(0, 1) * 10.0 ** random.Random(i + 1000).randint(-30, 30)
      for i in range(30)],
    "", "plain", "</script>", "<</", "a/b", "\"quoted\" \\ back", "\b\f\n\r\t\x00\x1f\x7f",
    "caf\u00e9", "\U0001F600", "\ud800", "\u2028\u2029", [], {}, [1, "two", [3.0, None]],
    {"a": 1, "b": [True, False], "c": {"d": "</"}}, {"\u00e9": "\u00e9", "</k>": "v"},
]
for v in JSON_VALUES:
    row("json_encode", [typed(v)], lambda: e.json_encode(v))

JSON_TEXTS = [
    "null", "true", "false", "0", "-0", "-1", "12345678901234567890", "-9223372036854775808",
    "9223372036854775807", "9223372036854775808", "1.0", "-0.0", "1e2", "1E-2", "1.5e+3", "1e400",
    "-1e400", "0.1", "NaN", "Infinity", "-Infinity", '""', '"abc"', '"\\u00e9"', '"\\ud83d\\ude00"',
    '"\\ud800"', '"\\udc00\\ud800"', '"\\ud800x"', '"caf\u00e9"', '"\\/\\"\\\\\\b\\f\\n\\r\\t"',
    "[]", "{}", "[1, 2.0, \"3\", null, true]", '{"a": {"b": [1, {"c": null}]}}',
    '{"k": 1, "j": 2, "k": 3}', " \t\n\r[ 1 , 2 ] \n", '{"\u00e9": "\U0001F600"}',
    "", " ", "nul", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{'a': 1}", "01", "1.", ".5", "-",
    "+1", "1e", "1e+", "0x10", "\"unterminated", "\"bad\\x\"", "\"\\u12\"", "\"\\uZZZZ\"",
    "\"ctl\x01\"", "\"tab\tin\"", "[1] x", "\ufeff[1]", "nan", "infinity", "[\u00a01]", "tru",
    "{\"a\":1}}", "\"\\ud800\\udc00\"", "1.5E3", "-01", "[\"\U0001F600\", \"\\q\"]",
    "\n\n  [1,\n \U0001F600]", '"\\u00e', "[" * 3 + "]" * 2, '{"a": 1 "b": 2}', '"\\u004G"',
]
for t in JSON_TEXTS:
    row("json_decode", [t], lambda: e.json_decode(t), result=typed)
row("json_decode", [{"bytes": "efbbbf5b315d"}], lambda: e.json_decode(b"\xef\xbb\xbf[1]"), result=typed)
row("json_decode", [{"bytes": "7b2261223a2022c3a9227d"}], lambda: e.json_decode('{"a": "\u00e9"}'.encode()),
    result=typed)

SQUEEZE = [
    "", "   ", "a  b", " a\t\n b ", "\x00a\x01\x02b\x1f", "a\x7fb", "\u00a0a  b\u00a0", "\u3000x\u3000",
    "x\x85", "\x1c a \x1d", "line1\r\n\r\nline2", "\u2028a\u2029", "a\u00a0 \u00a0b", "caf\u00e9  \U0001F600",
]
for t in SQUEEZE:
    row("squeeze", [t], lambda: e.squeeze(t))

for t in ("abc", "\u00e9", ""):
    row("utf8", [t], lambda: e.utf8(t))
row("utf8", ["\U0001F600"], lambda: e.utf8("\U0001F600"))
row("utf8", ["a\ud800"], lambda: e.utf8("a\ud800"))
for raw in (b"abc", b"caf\xc3\xa9", b"\xf0\x9f\x98\x80", b"\xff", b"\xc3", b"\xed\xa0\x80", b""):
    row("to_unicode", [data(raw)], lambda: e.to_unicode(raw))

LINK_TEXTS = [
    "Hello http://tornadoweb.org!", "www.example.com", "see www.example.com/path?q=1&r=2.",
    "https://example.com/a/b/c?x=1", "ftp://files.example.com/pub", "mailto:someone@example.com",
    "javascript:alert(1)", "(http://example.com/in-parens)", "http://en.wikipedia.org/wiki/Foo_(bar)",
    "http://example.com/a_very_long_path_segment_here/and/more/stuff?query=string&more=1",
    "http://www.example.com/wpstyle/?p=364.", "http://example.com:8080/path/to/page.html",
    "<http://example.com/?a=1&b=2>", "\"http://example.com/\"", "http://\u00e9xample.com/caf\u00e9",
    "x http://example.com/\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600/abc/def",
    "http://example.com/?aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&bbbb=c",
    "http://a.co/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "www.x.com/very/long/path/that/goes/on/and/on",
    "https:///triple/slash/path/that/is/long/enough/to/shorten", "no links here", "",
    "foo-http://example.com", "HTTP://EXAMPLE.COM", "wwwexample.com", "_www.example.com", "\u00e9www.example.com",
    "http://example.com/a&amp;b&lt;c", "http://example.com/x&yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
    "http://example.com/trailing...", "two http://a.com and http://b.com/x", "http://example.com/\u3000tail",
    "http://example.com/\x1cx", "http://a.example.com/first/second", "file:///etc/passwd",
]
OPTIONS = list(itertools.product(
    (False, True),
    ("", "  rel=\"nofollow\" ", {"callable": "extra_by_host"}),
    (False, True),
    (["http", "https"], ["http", "ftp", "mailto", "file", "https"]),
))
for t in LINK_TEXTS:
    for shorten, extra, require, protocols in OPTIONS:
        extra_value = CALLABLES[extra["callable"]] if isinstance(extra, dict) else extra
        row("linkify", [t, shorten, extra, require, protocols],
            lambda: e.linkify(t, shorten=shorten, extra_params=extra_value, require_protocol=require,
                              permitted_protocols=protocols))
row("linkify", [{"bytes": "7777772e6578616d706c652e636f6d"}],
    lambda: e.linkify(b"www.example.com"))

with open("escape-table.json", "w", encoding="ascii", newline="\n") as out:
    out.write('{"tornado": "%s", "rows": [\n' % tornado.version)
    out.write(",\n".join(json.dumps(r, ensure_ascii=True) for r in rows))
    out.write("\n]}\n")
print(len(rows), "rows")
