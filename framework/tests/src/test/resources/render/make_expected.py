"""Prints the pages Tornado 6.5.7 renders for RenderTest and UIModuleTest.

Run: PYTHONPATH=/path/to/tornado-6.5.7 /usr/bin/python3 make_expected.py
The templates, modules and settings mirror the Java tests; the output is pasted into them.
"""
import os
import tempfile

import tornado.ioloop
import tornado.httpclient
import tornado.template
import tornado.web

TEMPLATES = {
    "page.html": (
        "<html><head><title>{{ title }}</title><!-- </body> --></head><body>"
        "{% module Box('a') %}{% module Box('b') %}{% module Other() %}"
        "{% module Template('mod.html', x=1) %}{% module Template('mod.html', x=2) %}"
        "{% module linkify('see http://x.com <b>') %}"
        "</body></html>"
    ),
    "mod.html": (
        "{{ set_resources(embedded_css='.m{}', javascript_files=['/m.js', '/a.js'],"
        " html_body='<i>mb</i>') }}<p>{{ x }}</p>"
    ),
    "ns.html": (
        "{{ reverse_url('item', 7) }}|{{ current_user }}|{{ shout('hi', end='!') }}|"
        "{{ static_url('s.js') }}|{{ '<&>' }}"
    ),
    "plain.html": "<html><head></head><body>{{ modules.Box('m') }}</body></html>",
}

# RenderTest's files under template_path.
FILES = {
    "page.html": "<p>{{ title }}</p>\n\n   <i>{{ handler.get_argument('q', 'none') }}</i>\n",
    "base.html": "[{% block body %}{% end %}]",
    "child.html": "{% extends 'base.html' %}{% block body %}{{ request.method }} {{ current_user }}{% end %}",
}


class Box(tornado.web.UIModule):
    def render(self, text):
        return "<div>%s</div>" % text

    def embedded_javascript(self):
        return "var box=1;"

    def javascript_files(self):
        return ["/a.js", "s.js"]

    def embedded_css(self):
        return ".box{}"

    def css_files(self):
        return ["/box.css", "http://cdn/x.css"]

    def html_head(self):
        return "<meta name=box>"

    def html_body(self):
        return "<b>end</b>"


class Other(tornado.web.UIModule):
    def render(self):
        return "<span>other</span>"

    def embedded_javascript(self):
        return "var other=2;"

    def javascript_files(self):
        return "/a.js"

    def css_files(self):
        return ["/box.css"]


def shout(handler, text, end="."):
    return text.upper() + end + handler.request.method


class Page(tornado.web.RequestHandler):
    def get_current_user(self):
        return "ann"

    def get(self, name):
        self.render(name, title="T<1>")


class FilePage(tornado.web.RequestHandler):
    def get(self, name):
        self.render(name, title="<b>")


def main():
    static = tempfile.mkdtemp()
    with open(os.path.join(static, "s.js"), "w") as f:
        f.write("s")
    app = tornado.web.Application(
        [tornado.web.url(r"/page/(.*)", Page), tornado.web.url(r"/item/(\d+)", Page, name="item")],
        template_loader=tornado.template.DictLoader(TEMPLATES),
        static_path=static,
        ui_modules={"Box": Box, "Other": Other},
        ui_methods={"shout": shout},
    )
    server = app.listen(0, "127.0.0.1")
    port = list(server._sockets.values())[0].getsockname()[1]

    async def fetch_all():
        client = tornado.httpclient.AsyncHTTPClient()
        for name in ["page.html", "ns.html", "plain.html"]:
            response = await client.fetch("http://127.0.0.1:%d/page/%s" % (port, name))
            print("==", name, response.headers["Content-Type"])
            print(repr(response.body.decode()))

    tornado.ioloop.IOLoop.current().run_sync(fetch_all)

    files = tempfile.mkdtemp()
    for name, text in FILES.items():
        with open(os.path.join(files, name), "w") as f:
            f.write(text)
    for extra in [{}, {"autoescape": None, "template_whitespace": "all"}]:
        file_app = tornado.web.Application([(r"/page/(.*)", FilePage)], template_path=files, **extra)
        tornado.web.RequestHandler._template_loaders.clear()
        file_server = file_app.listen(0, "127.0.0.1")
        file_port = list(file_server._sockets.values())[0].getsockname()[1]

        async def fetch_files():
            client = tornado.httpclient.AsyncHTTPClient()
            for path in ["page.html?q=%3Cq%3E", "child.html"]:
                response = await client.fetch("http://127.0.0.1:%d/page/%s" % (file_port, path))
                print("==", extra, path, response.headers["Content-Length"])
                print(repr(response.body.decode()))

        tornado.ioloop.IOLoop.current().run_sync(fetch_files)
        file_server.stop()


if __name__ == "__main__":
    main()
