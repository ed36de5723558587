"""Prints Tornado's help text for the options OptionParserHelpTest defines.

Run with Debian's Tornado:  /usr/bin/python3 tornado_help_reference.py
The output is the expected text in OptionParserHelpTest.EXPECTED (byte for byte).
The definitions are exec'd under the file name "OptionParserHelpTest.java", so the
default group is named as in Java, where it is the defining class's source file.
"""
import sys

DEFINITIONS = r'''
import datetime
from tornado.options import OptionParser

options = OptionParser()
options.define("port", default=8888, help="run on the given port", metavar="PORT")
options.define("debug", default=False)
options.define("name", default="", help="the name")
options.define("no_help")
options.define("ports", type=int, multiple=True, help="ports to listen on")
options.define("hosts", default=["a", "b"], multiple=True, help="hosts")
options.define("ratio", default=1e16,
               help="a very long help text that will need to be wrapped across "
                    "several lines because it is long, with comma-separated values")
options.define("small", default=1e-05, help="small")
options.define("half", default=0.5)
options.define("whole", default=2.0)
options.define("timeout", default=datetime.timedelta(hours=1, minutes=30), help="timeout")
options.define("tiny", default=datetime.timedelta(milliseconds=1.5))
options.define("week", default=datetime.timedelta(weeks=1, seconds=1))
options.define("start", default=datetime.datetime(2013, 4, 28, 5, 16), help="start")
options.define("long_option_name_that_is_really_long", metavar="VALUE", help="h")
options.define("exactly_thirty_characters_long", help="30")
options.define("url", default="http://example.com/a/very/long/path/that/does/not/fit/on/one/line",
               help="see")
options.define("tabs", help="tab\tseparated\nand newline")
options.define("hyphens", help="well-known self-explanatory state-of-the-art re-entrant options list")
options.define("template_path", group="application", help="templates")
options.define("static_path", group="application", default="static", help="static files")
options.define("zeta", group="Zeta", default=-3)
options.define("empty_group", group="", default=1)
options.define("normalized", group="a//b/./c/../d", default=1)
'''

namespace = {}
exec(compile(DEFINITIONS, "OptionParserHelpTest.java", "exec"), namespace)
sys.argv = ["prog"]
namespace["options"].print_help(sys.stdout)
