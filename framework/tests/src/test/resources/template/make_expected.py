"""Writes conformance.json: templates rendered by Tornado 6.5.7, for TemplateConformanceTest.

Run with: PYTHONPATH=/tmp/t65 /usr/bin/python3 make_expected.py (from this directory), where
/tmp/t65 holds Tornado 6.5.7's source. Each case names templates (a DictLoader's dict), the one
to render, the loader options and the JSON arguments; JSON objects arrive as ObjectDicts (the
Java side passes Maps, whose keys read as attributes). FIXTURES are functions both sides define.
The result is the output text (Tornado's bytes decoded as UTF-8) or the error's type and str().
"""
import json
import re
import traceback

import tornado
from tornado.escape import to_unicode
from tornado.template import DictLoader, ParseError, Template
from tornado.util import ObjectDict

assert tornado.version == "6.5.7", tornado.version

# Autoescape and apply functions receive bytes in Tornado and str in Jornado: decode first.
FIXTURES = {
    "shout": lambda s: to_unicode(s).upper() + "!",
    "wrap": lambda s: "<b>" + to_unicode(s) + "</b>",
    "_tt_modules": ObjectDict(Bold=lambda s: "<b>%s</b>" % s),
    "py_escape": lambda s: repr(to_unicode(s)),
}

# From tornado/test/template_test.py AutoEscapeTest.
AUTOESCAPE = {
    "escaped.html": "{% autoescape xhtml_escape %}{{ name }}",
    "unescaped.html": "{% autoescape None %}{{ name }}",
    "default.html": "{{ name }}",
    "include.html": "escaped: {% include 'escaped.html' %}\nunescaped: {% include 'unescaped.html' %}\n"
                    "default: {% include 'default.html' %}\n",
    "escaped_block.html": "{% autoescape xhtml_escape %}{% block name %}base: {{ name }}{% end %}",
    "unescaped_block.html": "{% autoescape None %}{% block name %}base: {{ name }}{% end %}",
    "escaped_extends_unescaped.html": "{% autoescape xhtml_escape %}{% extends \"unescaped_block.html\" %}",
    "escaped_overrides_unescaped.html": "{% autoescape xhtml_escape %}{% extends \"unescaped_block.html\" %}"
                                        "{% block name %}extended: {{ name }}{% end %}",
    "unescaped_extends_escaped.html": "{% autoescape None %}{% extends \"escaped_block.html\" %}",
    "unescaped_overrides_escaped.html": "{% autoescape None %}{% extends \"escaped_block.html\" %}"
                                        "{% block name %}extended: {{ name }}{% end %}",
    "raw_expression.html": "{% autoescape xhtml_escape %}expr: {{ name }}\nraw: {% raw name %}",
}
BY_FILENAME = {
    "foo.html": "   \n\t\n asdf\t   ",
    "bar.js": " \n\n\n\t qwer     ",
    "baz.txt": "\t    zxcv\n\n",
    "include.html": "  {% include baz.txt %} \n ",
    "include.txt": "\t\t{% include foo.html %}    ",
}

CASES = [
    # name, {file: source}, arguments, loader options
    ("expression", {"t.html": "Hello {{ name }}!"}, {"name": "Ann"}),
    ("expression_escaped", {"t.html": "{{ s }}"}, {"s": "<a href=\"x\">'&'</a>"}),
    ("none_renders_none", {"t.html": "[{{ None }}][{{ x }}]"}, {"x": None}),
    ("numbers_and_bools", {"t.html": "{{ 1 + 2 }} {{ 2.5 * 2 }} {{ True }} {{ 10 / 4 }}"}, {}),
    ("list_and_dict", {"t.html": "{{ [1, 'a'] }} {{ {'k': None} }}"}, {}),
    ("unicode", {"t.html": "{{ s }} caf\u00e9 \u2603"}, {"s": "\u00fcml\u00e4ut"}),
    ("comment", {"t.html": "a{# hidden {{ x }} #}b"}, {}),
    ("escapes", {"t.html": "{{! x }} {%! y %} {#! z #}"}, {}),
    ("innermost_braces", {"t.html": "{{{ 1 }}}{{{{ 2 }}}}"}, {}),
    ("lone_brace", {"t.html": "a { b } {c} {"}, {}),
    ("if_elif_else", {"t.html": "{% for n in [1, 2, 3] %}{% if n == 1 %}one{% elif n == 2 %}two"
                                "{% else %}many{% end %} {% end %}"}, {}),
    ("for_tuple_targets", {"t.html": "{% for i, (k, v) in enumerate(pairs) %}{{ i }}:{{ k }}={{ v }};"
                                     "{% end %}"}, {"pairs": [["a", 1], ["b", 2]]}),
    ("for_dict_items", {"t.html": "{% for k, v in sorted(d.items()) %}{{ k }}{{ v }}{% end %}"},
     {"d": {"b": 2, "a": 1}}),
    ("for_else", {"t.html": "{% for x in xs %}{{ x }}{% else %}empty{% end %}"}, {"xs": []}),
    ("for_break_continue", {"t.html": "{% for x in range(10) %}{% if x == 2 %}{% continue %}{% end %}"
                                      "{% if x > 4 %}{% break %}{% end %}{{ x }}{% end %}"}, {}),
    ("while_loop", {"t.html": "{% set i = 0 %}{% while i < 3 %}{{ i }}{% set i += 1 %}{% end %}"}, {}),
    ("while_break", {"t.html": "{% set i = 0 %}{% while True %}{% set i = i + 1 %}"
                               "{% if i > 3 %}{% break %}{% end %}{{ i }}{% end %}"}, {}),
    ("set_tuple", {"t.html": "{% set a, b = 1, 2 %}{{ a + b }}"}, {}),
    ("set_leaks_from_loop", {"t.html": "{% for x in [1, 2] %}{% set last = x %}{% end %}{{ last }} {{ x }}"}, {}),
    ("raw", {"t.html": "{% raw s %}|{{ s }}"}, {"s": "<i>"}),
    ("autoescape_none", {"t.html": "{% autoescape None %}{{ s }}"}, {"s": "<i>"}),
    ("autoescape_whole_file", {"t.html": "{{ s }}{% autoescape None %}{{ s }}"}, {"s": "<i>"}),
    ("autoescape_function", {"t.html": "{% autoescape shout %}{{ s }}"}, {"s": "hi"}),
    ("loader_autoescape_none", {"t.html": "{{ s }}"}, {"s": "<i>"}, {"autoescape": None}),
    ("explicit_escape_functions", {"t.html": "{% autoescape None %}{{ escape(s) }} {{ xhtml_escape(s) }} "
                                             "{{ url_escape(q) }} {{ url_escape(q, plus=False) }} "
                                             "{{ json_encode(d) }}"},
     {"s": "<'\">", "q": "a b/c&d", "d": {"k": ["v", 1, None, True]}}),
    ("json_encode_script", {"t.html": "{% autoescape None %}{{ json_encode('</script>\u00e9') }}"}, {}),
    ("apply", {"t.html": "{% apply shout %}hello {{ name }}{% end %}"}, {"name": "ann"}),
    ("apply_output_not_escaped", {"t.html": "{% apply wrap %}x{% end %}"}, {}),
    ("module", {"t.html": "{% module Bold(s) %}"}, {"s": "<x>"}),
    ("comment_directive", {"t.html": "a{% comment anything {{ here }} %}b"}, {}),
    ("try_except", {"t.html": "{% try %}{{ d['missing'] }}{% except KeyError %}no key{% end %}"},
     {"d": {}}),
    ("try_except_bare", {"t.html": "{% try %}a{{ 1 / 0 }}{% except %}b{% end %}"}, {}),
    ("try_except_as", {"t.html": "{% try %}{{ int('x') }}{% except ValueError as e %}{{ e }}{% end %}"}, {}),
    ("try_except_tuple", {"t.html": "{% try %}{{ [][1] }}{% except (KeyError, IndexError) %}caught{% end %}"}, {}),
    ("try_except_parent", {"t.html": "{% try %}{{ [][1] }}{% except LookupError %}lookup{% end %}"}, {}),
    ("try_else_finally", {"t.html": "{% try %}a{% except %}b{% else %}c{% finally %}d{% end %}"}, {}),
    ("try_finally_on_error", {"t.html": "{% try %}{% try %}{{ x }}{% finally %}F{% end %}"
                                        "{% except NameError %}N{% end %}"}, {}),
    ("import_math", {"t.html": "{% import math %}{{ math.floor(2.7) }} {{ math.sqrt(16) }}"}, {}),
    ("from_import", {"t.html": "{% from math import ceil, pi %}{{ ceil(2.1) }} {{ pi }}"}, {}),
    ("whitespace_html_single", {"t.html": "<p>\n\n   a    b\t\tc   \n\n  </p>\n"}, {}),
    ("whitespace_txt_all", {"t.txt": "<p>\n\n   a    b   \n\n  </p>\n"}, {}),
    ("whitespace_js_single", {"t.js": "var x = 1;\n\n\n    var y  =  2;\n"}, {}),
    ("whitespace_pre_kept", {"t.html": "<pre>\n  a    b\n\n</pre>\n   x   \n\n"}, {}),
    ("whitespace_directive_oneline", {"t.html": "a\n\n  b{% whitespace oneline %}c\n\n   d  \n e"}, {}),
    ("whitespace_directive_all", {"t.html": "{% whitespace all %}  a\n\n  b"}, {}),
    ("whitespace_loader_oneline", {"t.txt": "  a\n\n  b  {{ x }}\n"}, {"x": 1}, {"whitespace": "oneline"}),
    ("whitespace_around_directives", {"t.html": "<ul>\n  {% for x in xs %}\n    <li>{{ x }}</li>\n  {% end %}\n</ul>\n"},
     {"xs": ["a", "b"]}),
    ("extends_blocks", {"base.html": "<title>{% block title %}Default{% end %}</title>"
                                     "<body>{% block body %}{% end %}</body>",
                        "t.html": "{% extends \"base.html\" %}ignored{% block body %}Hi {{ name }}{% end %}"},
     {"name": "<Ann>"}),
    ("extends_three_levels", {"a.html": "[{% block x %}A{% end %}|{% block y %}A{% end %}|{% block z %}A{% end %}]",
                              "b.html": "{% extends 'a.html' %}{% block y %}B{% end %}{% block z %}B{% end %}",
                              "t.html": "{% extends 'b.html' %}{% block z %}C{{ v }}{% end %}"},
     {"v": 3}),
    ("extends_nested_blocks", {"base.html": "{% block outer %}<{% block inner %}i{% end %}>{% end %}",
                               "t.html": "{% extends 'base.html' %}{% block inner %}I{% end %}"}, {}),
    ("extends_block_autoescape_per_file", {"base.html": "{% autoescape None %}{{ s }}{% block b %}{{ s }}{% end %}",
                                           "t.html": "{% extends 'base.html' %}{% block b %}{{ s }}{% end %}"},
     {"s": "<i>"}),
    ("extends_relative_path", {"dir/base.html": "base:{% block b %}{% end %}",
                               "dir/t.html": "{% extends 'base.html' %}{% block b %}child{% end %}"},
     {}, None, "dir/t.html"),
    ("include", {"header.html": "<h1>{{ title }}</h1>", "t.html": "{% include 'header.html' %}body"},
     {"title": "T"}),
    ("include_shares_namespace", {"inc.html": "{% set y = x * 2 %}", "t.html": "{% set x = 2 %}{% include 'inc.html' %}{{ y }}"}, {}),
    ("include_own_autoescape", {"inc.html": "{{ s }}", "t.html": "{% autoescape None %}{{ s }}{% include 'inc.html' %}"},
     {"s": "<i>"}),
    ("include_in_loop", {"item.html": "({{ x }})", "t.html": "{% for x in [1, 2] %}{% include 'item.html' %}{% end %}"}, {}),
    ("include_block_in_child", {"base.html": "{% include 'part.html' %}",
                                "part.html": "[{% block p %}part{% end %}]",
                                "t.html": "{% extends 'base.html' %}{% block p %}child{% end %}"}, {}),
    ("format_methods", {"t.html": "{{ '%s-%05.1f' % (a, 3.14159) }} {{ '{:>4}|{!r}'.format(a, a) }}"}, {"a": "x"}),
    ("attribute_of_object", {"t.html": "{{ user.name }} {{ user['tags'][0] }} {{ len(user.tags) }}"},
     {"user": {"name": "Ann", "tags": ["a", "b"]}}),
    ("str_methods", {"t.html": "{{ ', '.join(w.upper() for w in []) if False else ', '.join(words) }}"},
     {"words": ["x", "y"]}),
    ("list_comprehension", {"t.html": "{{ [x * x for x in range(4) if x] }}"}, {}),
    ("float_repr", {"t.html": "{{ 0.1 + 0.2 }} {{ 1e16 }} {{ 1 / 3 }} {{ 2.0 ** 70 }}"}, {}),
    ("big_int", {"t.html": "{{ 2 ** 100 }} {{ -7 // 2 }} {{ -7 % 3 }}"}, {}),
    ("html_name_default_escape", {"t.txt": "{{ s }}"}, {"s": "<&>"}),
    ("multiline_expression_line", {"t.html": "a\nb\n{{ '\\n'.join(['x', 'y']) }}\n"}, {}),
    ("error_name", {"t.html": "line1\n{{ missing }}"}, {}),
    ("error_key", {"t.html": "\n\n{{ d['k'] }}"}, {"d": {}}),
    ("error_zero_division", {"t.html": "{{ 1 // 0 }}"}, {}),
    ("error_type", {"t.html": "{{ 'a' + 1 }}"}, {}),
    ("error_in_include", {"inc.html": "\n{{ nope }}", "t.html": "{% include 'inc.html' %}"}, {}),
    ("parse_unknown_operator", {"t.html": "a\n{% foo %}"}, {}),
    ("parse_missing_end", {"t.html": "{% if x %}\nno end"}, {}),
    ("parse_extra_end", {"t.html": "x{% end %}"}, {}),
    ("parse_empty_expression", {"t.html": "{{ }}"}, {}),
    ("parse_empty_block", {"t.html": "{% %}"}, {}),
    ("parse_missing_end_expression", {"t.html": "{{ x "}, {}),
    ("parse_missing_end_block", {"t.html": "{% if x "}, {}),
    ("parse_missing_end_comment", {"t.html": "\n{# x "}, {}),
    ("parse_except_on_for", {"t.html": "{% for x in y %}{% except %}{% end %}"}, {}),
    ("parse_elif_on_while", {"t.html": "{% while x %}{% elif y %}{% end %}"}, {}),
    ("parse_extends_missing_path", {"t.html": "{% extends %}"}, {}),
    ("parse_include_missing_path", {"t.html": "{% include '' %}"}, {}),
    ("parse_set_missing", {"t.html": "{% set %}"}, {}),
    ("parse_apply_missing", {"t.html": "{% apply %}x{% end %}"}, {}),
    ("parse_block_missing_name", {"t.html": "{% block %}x{% end %}"}, {}),
    ("parse_import_missing", {"t.html": "{% import %}"}, {}),
    ("parse_else_outside", {"t.html": "a{% else %}"}, {}),
    ("parse_break_outside_loop", {"t.html": "{% break %}"}, {}),
    ("parse_break_in_apply", {"t.html": "{% for i in [] %}{% apply foo %}{% break %}{% end %}{% end %}"}, {}),
    ("parse_details_line", {"foo.html": "\n\n{{"}, {}, None, "foo.html"),
    ("tornado_try", {"t.html": "{% try %}\ntry{% set y = 1/x %}\n{% except %}-except\n{% else %}-else\n"
                               "{% finally %}-finally\n{% end %}"}, {"x": 0}),
    ("tornado_try_no_error", {"t.html": "{% try %}\ntry{% set y = 1/x %}\n{% except %}-except\n{% else %}-else\n"
                                        "{% finally %}-finally\n{% end %}"}, {"x": 1}),
    ("tornado_if_empty_body", {"t.html": "{% if True %}{% else %}{% end %}"}, {}),
    ("tornado_break_continue", {"t.html": "{% for i in range(10) %}\n    {% if i == 2 %}\n        {% continue %}\n"
                                          "    {% end %}\n    {{ i }}\n    {% if i == 6 %}\n        {% break %}\n"
                                          "    {% end %}\n{% end %}"}, {}),
    ("tornado_manual_minimize_whitespace", {"foo.txt": "{% for i in items\n  %}{% if i > 0 %}, {% end %}{#\n"
                                                       "  #}{{i\n  }}{% end\n%}"},
     {"items": [0, 1, 2, 3, 4]}, None, "foo.txt"),
    ("tornado_non_ascii_name", {"t\u00e9st.html": "hello"}, {}, None, "t\u00e9st.html"),
    ("tornado_custom_escape", {"foo.py": "{% autoescape py_escape %}s = {{ name }}\n"},
     {"name": "';sys.exit()"}, None, "foo.py"),
    ("tornado_custom_escape_list", {"foo.py": "{% autoescape py_escape %}s = {{ name }}\n"},
     {"name": ["not a string"]}, None, "foo.py"),
    ("tornado_whitespace_directive", {"foo.html": "{% whitespace oneline %}\n    {% for i in range(3) %}\n"
                                                  "        {{ i }}\n    {% end %}\n{% whitespace all %}\n"
                                                  "    pre\tformatted\n"}, {}, None, "foo.html"),
    ("tornado_whitespace_loader_single", {"bar.txt": "\t\tbar\n\n"}, {}, {"whitespace": "single"}, "bar.txt"),
    ("tornado_whitespace_loader_all", {"foo.html": "\t\tfoo\n\n"}, {}, {"whitespace": "all"}, "foo.html"),
    ("error_where_expression", {"test.html": "one\ntwo{{1/0}}\nthree\n        "}, {}, None, "test.html"),
    ("error_where_directive", {"test.html": "one\ntwo{%if 1/0%}\nthree{%end%}\n        "}, {}, None, "test.html"),
    ("error_where_include", {"base.html": "{% include 'sub.html' %}", "sub.html": "{{1/0}}"}, {}, None, "base.html"),
    ("error_where_extends_base", {"base.html": "{{1/0}}", "sub.html": "{% extends 'base.html' %}"}, {}, None, "sub.html"),
    ("error_where_extends_sub", {"base.html": "{% block 'block' %}{% end %}",
                                 "sub.html": "\n{% extends 'base.html' %}\n{% block 'block' %}\n{{1/0}}\n{% end %}\n"},
     {}, None, "sub.html"),
    ("error_where_multi_includes", {"a.html": "{% include 'b.html' %}", "b.html": "{% include 'c.html' %}",
                                    "c.html": "{{1/0}}"}, {}, None, "a.html"),
    ("parse_missing_end_for_in_block", {"base.html": "x", "t.html": "{% block a %}{% for x in y %}{% end %}"}, {}),
]


for _main in sorted(AUTOESCAPE):
    CASES.append(("autoescape_" + _main, AUTOESCAPE, {"name": "Bobby <table>s"}, None, _main))
    CASES.append(("autoescape_off_" + _main, AUTOESCAPE, {"name": '<>&"'}, {"autoescape": None}, _main))
for _main in sorted(BY_FILENAME):
    CASES.append(("whitespace_by_filename_" + _main, BY_FILENAME, {}, None, _main))


def sorted_sets(message):
    """Python prints sets in hash order, which varies between runs: sort their items."""
    return re.sub(r"\{('[^{}]*')\}",
                  lambda m: "{" + ", ".join(sorted(m.group(1).split(", "))) + "}", message)


def where(tb):
    """The template line of the innermost generated-code frame, as Tornado's line comments say."""
    found = re.findall(r"# (\S+):(\d+)", tb)
    return "%s:%s" % found[-1] if found else None


def run():
    results = []
    for case in CASES:
        name, templates, args = case[0], case[1], case[2]
        options = case[3] if len(case) > 3 and case[3] is not None else {}
        main = case[4] if len(case) > 4 else "t." + next(
            (n for n in templates if n.startswith("t.")), "t.html").split(".")[-1]
        namespace = dict(FIXTURES)
        namespace.update(objects(args))
        entry = {"name": name, "templates": templates, "main": main, "args": args,
                 "options": options}
        try:
            loader = DictLoader(templates, **options)
            entry["output"] = loader.load(main).generate(**namespace).decode("utf-8")
        except ParseError as e:
            entry["error"] = {"type": "ParseError", "message": sorted_sets(str(e))}
        except Exception as e:
            entry["error"] = {"type": type(e).__name__, "message": str(e),
                              "where": where(traceback.format_exc())}
        results.append(entry)
    with open("conformance.json", "w", encoding="utf-8") as out:
        json.dump(results, out, indent=1, ensure_ascii=False)
        out.write("\n")


def objects(value):
    if isinstance(value, dict):
        return ObjectDict({k: objects(v) for k, v in value.items()})
    if isinstance(value, list):
        return [objects(v) for v in value]
    return value


if __name__ == "__main__":
    run()
