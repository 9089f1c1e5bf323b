"""Golden code point order of strs mixing ASCII, Latin-1, BMP text below the surrogates, lone
surrogates, U+E000..U+FFFF and astral characters: the pairwise `<` results and `sorted` order.

Run: python3 lib/python/runtime/golden/str-order.gen.py  (writes str-order.golden.json)

A lone high surrogate is never followed by a lone low one: JS cannot tell that pair from the astral
character it encodes (a documented Kernel Lab gap), so such strings have no Kernel Lab counterpart.
"""
import json, os, random

ALPHABET = ['a', 'b', 'z', '\xe9', '\xff', '\u0100', '\u4e2d', '\ud7ff', '\ud800', '\udbff', '\udc00',
            '\udfff', '\ue000', '\uf8ff', '\uffff', '\U00010000', '\U0001f600', '\U0010ffff']


def make(rng):
    out = []
    for _ in range(rng.randint(0, 5)):
        c = rng.choice(ALPHABET)
        if out and '\ud800' <= out[-1] <= '\udbff' and '\udc00' <= c <= '\udfff':
            c = 'a'
        out.append(c)
    return ''.join(out)


def main():
    rng = random.Random(3)
    strings = sorted({make(rng) for _ in range(400)})
    rng.shuffle(strings)
    # Strings sharing prefixes exercise comparisons decided after a common surrogate.
    strings += ['\U0001f600' + s for s in strings[:40]] + ['\ud800' + s for s in strings[40:60] if not s[:1] or not '\udc00' <= s[0] <= '\udfff']
    pairs = [(i, j) for i in range(len(strings)) for j in range(len(strings)) if rng.random() < 0.05]
    golden = {
        # Code point lists: JSON parsers in the toolchain reject lone surrogate escapes.
        'strings': [[ord(ch) for ch in s] for s in strings],
        'less': [[i, j, strings[i] < strings[j]] for i, j in pairs],
        'sorted': sorted(range(len(strings)), key=lambda i: strings[i]),
        'sortedReverse': [i for i, _ in sorted(enumerate(strings), key=lambda p: p[1], reverse=True)],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'str-order.golden.json')
    with open(path, 'w') as f:
        json.dump(golden, f, separators=(',', ':'))
        f.write('\n')


main()
