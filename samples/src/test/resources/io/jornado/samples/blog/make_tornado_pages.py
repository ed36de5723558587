"""Writes tornado-pages.json: the blog sample's templates rendered by Tornado 6.5.7, for BlogPagesTest.

Run with: PYTHONPATH=/tmp/t65 /usr/bin/python3 make_tornado_pages.py (from this directory), where /tmp/t65
holds Tornado 6.5.7's source. The namespace stands in for what RequestHandler.render gives a template
(handler, request, current_user, locale, _, the Entry UI module) plus the sample's own names (next,
atom_date, utc_now), with the data BlogPagesTest stores (an author, then one entry whose dates it pins)
and the Host it sends; BlogPagesTest fetches the same pages and expects the same bodies.

With --demo, it prints instead a diff between the home and entry pages of Tornado's own blog demo
(/tmp/t65/demos/blog/templates, with a stand-in Entry UI module and xsrf_form_html) and the sample's.
"""
import datetime
import difflib
import json
import os
import sys

import tornado
import tornado.locale
from tornado.template import Loader
from tornado.util import ObjectDict

assert tornado.version == "6.5.7", tornado.version

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "../../../../../../main/resources/io/jornado/samples/blog/templates")
DEMO = "/tmp/t65/demos/blog/templates"

ENTRY = ObjectDict(id=1, author_id=1, slug="a-b-c", title="A <b> & c", markdown="text <i>\n\nmore",
                   html="<p>text &lt;i&gt;</p>\n<p>more</p>",
                   published=datetime.datetime(2026, 11, 26, 15, 4, 5),
                   updated=datetime.datetime(2026, 11, 27, 1, 2, 3))
AUTHOR = ObjectDict(id=1, email="ada@example.com", name="Ada")


class Attribute(str):
    """A string that is also its own getter: Jornado's templates call request.path(), the demo's read
    request.path."""

    def __call__(self):
        return str(self)


def namespace(loader, author, path, nxt):
    locale = tornado.locale.get("en_US")
    title = "Jornado Blog"
    host = "127.0.0.1:8888"
    full_url = lambda: "http://" + host + path  # noqa: E731
    ns = dict(
        # The demo's base.html (as shipped in 6.5.7) reads settings[" blog_title"] with a space.
        handler=ObjectDict(settings={"blog_title": title, " blog_title": title}),
        request=ObjectDict(path=Attribute(path), host=Attribute(host), full_url=full_url, fullUrl=full_url),
        current_user=author, locale=locale, _=locale.translate, next=nxt,
        atom_date=lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ"),
        static_url=lambda p: "/static/" + p.strip())
    ns["_tt_modules"] = ObjectDict(
        xsrf_form_html=lambda: "",
        Entry=lambda entry: loader.load("modules/entry.html").generate(**dict(ns, entry=entry)).decode())
    return ns


def render(root, name, author=None, path="/", nxt=None, **args):
    loader = Loader(root)
    return loader.load(name).generate(**namespace(loader, author, path, nxt), **args).decode()


# name -> (template, author logged in, path, next, arguments)
CASES = {
    "home": ("home.html", None, "/", None, dict(entries=[ENTRY])),
    "home-author": ("home.html", AUTHOR, "/", None, dict(entries=[ENTRY])),
    "entry": ("entry.html", None, "/entry/a-b-c", None, dict(entry=ENTRY)),
    "archive": ("archive.html", None, "/archive", None, dict(entries=[ENTRY])),
    "feed": ("feed.xml", None, "/feed", None, dict(entries=[ENTRY])),
    "compose-new": ("compose.html", AUTHOR, "/compose", None, dict(entry=None)),
    "compose-edit": ("compose.html", AUTHOR, "/compose", None, dict(entry=ENTRY)),
    "login": ("login.html", None, "/auth/login", "/compose?id=7", dict(error=None)),
    "login-error": ("login.html", None, "/auth/login", None, dict(error="incorrect password")),
    "create_author": ("create_author.html", None, "/auth/create", "/compose", {}),
}


def main():
    if sys.argv[1:] == ["--demo"]:
        for case in ("home-author", "entry"):
            name, author, path, nxt, args = CASES[case]
            demo = render(DEMO, name, author, path, nxt, **args).splitlines()
            sample = render(SAMPLE, name, author, path, nxt, **args).splitlines()
            sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(
                demo, sample, "demo/" + case, "sample/" + case, lineterm="", n=1))
        return
    pages = {case: render(SAMPLE, name, author, path, nxt, **args)
             for case, (name, author, path, nxt, args) in CASES.items()}
    with open(os.path.join(HERE, "tornado-pages.json"), "w") as out:
        json.dump(pages, out, indent=1, sort_keys=True)
        out.write("\n")


main()
