"""Writes expressions.json: Python expressions and CPython's str() of each result.

Run with: /usr/bin/python3 make_expressions.py (from this directory).
Each case is evaluated with eval() over NAMESPACE; the Java test evaluates the same text as
{% raw expr %} in a template over the same values (JSON objects become Maps, arrays Lists).
"""
import json
import math
import random
import struct


class ObjectDict(dict):
    """A dict whose keys read as attributes too, like tornado.util.ObjectDict (the Java side
    resolves attributes of a Map as its keys)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)


def objects(value):
    if isinstance(value, dict):
        return ObjectDict({k: objects(v) for k, v in value.items()})
    if isinstance(value, list):
        return [objects(v) for v in value]
    return value


NAMESPACE = {
    "n": 7, "neg": -3, "big": 2 ** 70, "f": 2.5, "s": "Hello, World", "empty": "",
    "items": [3, 1, 2], "words": ["b", "a", "c"], "d": {"a": 1, "b": [1, 2], "c": None},
    "nested": {"user": {"name": "Ann", "tags": ["x", "y"]}}, "none": None, "t": True,
    "pairs": [["a", 1], ["b", 2]],
}

EXPRESSIONS = r"""
1
-1
0
123456789012345678901234567890
0x1f
0o17
0b101
1_000_000
1.5
-0.0
.5
5.
1e10
1e16
1e-5
0.0001
1e22
1.7976931348623157e308
5e-324
0.1 + 0.2
1/3
2/3
10/4
10/5
7//2
-7//2
7//-2
7.5//2
7%3
-7%3
7%-3
-7.5%2
2**10
2**100
2**-1
(-2)**3
2**0.5
10-3*2
(10-3)*2
-n
- - n
+n
~n
n*f
n+f
True + 1
True + True
big * big
big // 3
big % 1000
-big
2**63
-(2**63)
9223372036854775807 + 1
'abc'
"abc"
'it\'s'
"say \"hi\""
'tab\there'
'\x41\u00e9\N{BULLET}'
'a' 'b' 'c'
'''triple'''
r'raw\n'
'ab' * 3
3 * 'ab'
'a' + 'b'
[1, 'a', None, True, 2.5]
[]
[[1, 2], [3]]
(1,)
(1, 2)
()
{'a': 1, 'b': 'x'}
{}
{1: [2, 3]}
None
True
False
n > 3
n < 3
1 < n < 10
1 < n > 10
n == 7.0
'a' == 'a'
[1, 2] == [1, 2]
[1, 2] < [1, 3]
'abc' < 'abd'
(1, 2) == (1, 2)
None is None
none is not None
n != 7
n >= 7
not n
not empty
n and s
0 and s
empty or 'default'
none or 0 or []
n if n > 5 else 0
'big' if n > 100 else 'small'
'a' in 'cat'
'z' not in 'cat'
2 in items
'a' in d
'zz' in d
len(items)
len(s)
len(d)
len('')
range(3)
range(1, 10, 2)
list(range(3))
list(range(5, 0, -2))
list(enumerate(words))
list(enumerate(words, 1))
list(zip(words, items))
sorted(items)
sorted(words, reverse=True)
sorted(d)
list(reversed(items))
min(items)
max(items)
min(4, 2, 8)
max(words)
sum(items)
sum([0.1, 0.2])
str(n)
str(f)
str(None)
str([1, 'a'])
int('42')
int(' -5 ')
int(3.99)
int(-3.99)
int('ff', 16)
float('1.5')
float(n)
float('inf')
bool(0)
bool('x')
list('abc')
dict(a=1, b=2)
dict([('x', 1)])
isinstance(n, int)
isinstance(s, str)
isinstance(t, int)
isinstance(f, (int, float))
isinstance(items, dict)
abs(neg)
abs(-2.5)
round(2.5)
round(3.5)
round(2.675, 2)
d.get('a')
d.get('zz')
d.get('zz', 'dflt')
list(d.keys())
list(d.values())
list(d.items())
d['b'][1]
d.b
nested.user.name
nested['user']['tags'][-1]
nested.user.tags[0]
items[0]
items[-1]
items[1:]
items[:-1]
items[::-1]
items[::2]
s[0]
s[-5:]
s[:5]
s[::-1]
s[100:]
', '.join(words)
'-'.join(['a', 'b'])
s.split(', ')
'a b  c'.split()
'a,b,c'.split(',', 1)
'  x  '.strip()
'xxhixx'.strip('x')
s.lower()
s.upper()
s.startswith('Hell')
s.endswith(('x', 'ld'))
s.replace('l', 'L')
s.replace('l', 'L', 1)
'hello world'.title()
'hello'.capitalize()
'banana'.count('an')
'banana'.find('n')
'{} and {}'.format('a', 'b')
'{1} {0}'.format('a', 'b')
'{name}!'.format(name='x')
'{:>6}|'.format('ab')
'{:<6}|'.format('ab')
'{:^7}|'.format('ab')
'{:*^7}'.format('ab')
'{:05d}'.format(42)
'{:+d}'.format(42)
'{:,}'.format(1234567)
'{:.2f}'.format(3.14159)
'{:.3}'.format(3.14159)
'{:e}'.format(12345.678)
'{:.1%}'.format(0.256)
'{:x}'.format(255)
'{:#x}'.format(255)
'{:b}'.format(5)
'{!r}'.format('a')
'{0[0]} {0[1]}'.format(words)
'{0[a]}'.format(d)
'{}'.format(1.0)
'{}'.format(None)
'{:10.3f}|'.format(-3.14159)
'%s' % 'x'
'%s and %s' % ('a', 'b')
'%d' % 42
'%5d|' % 42
'%-5d|' % 42
'%05d' % -42
'%+d' % 5
'%.2f' % 3.14159
'%.1f' % 0.25
'%.0f' % 2.5
'%8.3f|' % 3.14159
'%x %X %o' % (255, 255, 8)
'%#x' % 255
'%e' % 12345.678
'%g' % 0.0001
'%g' % 1234567.0
'%g' % 100000.0
'%.3g' % 3.14159
'%r' % 'q'
'%s' % None
'%s' % [1, 2]
'%(a)s-%(b)s' % {'a': 1, 'b': 2}
'%d%%' % 50
'%c' % 65
'%s' % 1e100
'%d' % 3.7
[x * 2 for x in items]
[w for w in words if w != 'a']
[k for k, v in pairs]
0.1
100.0
1234567890123456.0
12345678901234567.0
0.000123
123e-10
3.141592653589793
2.675
1/7
1e15 + 0.3
f * 1e-7
float(big)
str(1e300 * 10)
-float('inf')
[1.0, 0.5]
{'x': 1.5}
(1.5, 'a')
'%.3f' % 1e-5
'%10s|' % 'hi'
'%-10s|' % 'hi'
n + 1  # a trailing comment
-2 ** 2
2 ** -2
not 1 == 2
1 if 0 else 2 if 0 else 3
[1, 2, 3][-2:]
'abc'[1]
{'a': 1}['a']
(1, 2) + (3,)
[1] * 3
'%5.1f%%' % 12.345
str(2 ** 64)
round(-0.5)
sorted(words, key=len)
max(words, key=len)
sum(items, 10)
1e-7
123456789.123
float('1e400')
-1 % 5
len('h\u00e9llo')
'\u00e9'.upper()
'a\tb'.split()
any([0, '', 1])
all([])
tuple(items)
2.2250738585072014e-308
9007199254740993.0
1e23
8.41e21
4.35 * 100
0.1 * 3
1.1 * 1.1
9.999999999999999e22
123456789012345.67
0.000099999
2.0 ** 0.5 * 1e300
[x / 10 for x in range(1, 10)]
[1 / x for x in range(1, 12)]
'%.17g' % 0.1
'%.15f' % (1 / 3)
'%.3e' % 0.00012345
'%g' % 1e-5
'%g' % 123456.5
'%G' % 1e20
'%.0e' % 12345
'%#.0f' % 3
'%10.4g|' % 3.14159265
'{:g}'.format(1e-5)
'{:.10g}'.format(2 / 3)
'{:.0f}'.format(0.5)
'{:.0f}'.format(1.5)
'{:,.2f}'.format(1234567.891)
'{:_d}'.format(10 ** 7)
'{:=+8d}'.format(42)
'{:08.3f}'.format(-3.14159)
'{:.2%}'.format(1 / 3)
'{:E}'.format(0.000123)
'{:.3}'.format(1234.5)
'{:.3}'.format(1.0)
'{:10}|'.format(3.5)
'{:o}'.format(64)
'{:#b}'.format(5)
'{:c}'.format(97)
""".strip().splitlines()

ERRORS = r"""
undefined_name
n.nope
items[10]
d['missing']
1/0
1//0
1%0
'a' + 1
1 + 'a'
len(5)
int('abc')
'%d' % 'x'
'%s %s' % ('a',)
'%s' % ('a', 'b')
none.attr
[1] < 'a'
items['x']
float('nope')
'{}{}'.format('a')
n()
""".strip().splitlines()


def random_floats():
    """Doubles across the exponent range (fixed seed), for repr's shortest round-trip digits."""
    rng = random.Random(20261126)
    values = []
    for _ in range(300):
        bits = rng.getrandbits(64)
        value = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if math.isfinite(value):
            values.append(value)
    values += [rng.uniform(0, 1000) for _ in range(100)]
    return values


def run():
    cases = []
    for expr in EXPRESSIONS:
        cases.append({"expr": expr, "str": str(eval(expr, objects(NAMESPACE)))})
    errors = []
    for expr in ERRORS:
        try:
            eval(expr, objects(NAMESPACE))
        except Exception as e:
            errors.append({"expr": expr, "type": type(e).__name__, "message": str(e)})
        else:
            raise SystemExit("expected an error from " + expr)
    with open("expressions.json", "w", encoding="utf-8") as out:
        json.dump({"namespace": NAMESPACE,
                   "cases": cases, "errors": errors,
                   "floats": [[repr(v), v.hex()] for v in random_floats()]}, out, indent=1, ensure_ascii=False)
        out.write("\n")


if __name__ == "__main__":
    run()
