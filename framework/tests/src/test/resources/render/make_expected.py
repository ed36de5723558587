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
    "plain.html": "<p>{{ title }}</p>",
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


if __name__ == "__main__":
    main()
