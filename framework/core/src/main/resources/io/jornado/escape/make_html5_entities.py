"""Writes html5-entities.txt, the HTML5 named character references that Escape.xhtmlUnescape knows.

Run from this directory with any Python 3 (the table is Python's html.entities.html5):
    /usr/bin/python3 make_html5_entities.py
Each line: the name as Python spells it (with its ';' when it has one), a tab, the code points in hex,
space-separated.
"""
from html.entities import html5

with open("html5-entities.txt", "w", encoding="ascii", newline="\n") as out:
    for name in sorted(html5):
        out.write(name + "\t" + " ".join("%x" % ord(c) for c in html5[name]) + "\n")
