#!/usr/bin/python3
"""bench/FORMS.md's comparison of printed forms: `dfdx diff -- LINE` per line with two programs
(before, after), each change classed shorter / same length / longer by plain length plus 3 per
fraction bar. Usage: bench/forms_compare.py BEFORE_DFDX AFTER_DFDX CORPUS N."""
import subprocess, sys
from concurrent.futures import ThreadPoolExecutor
before, after, corpus, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
lines = [l.rstrip('\n') for l in open(corpus)][:n]
def run(b, l):
    try:
        p = subprocess.run([b, 'diff', '--', l], capture_output=True, text=True, timeout=60)
        return p.stdout.strip() if p.returncode == 0 else 'ERR ' + p.stderr.strip()[:80]
    except subprocess.TimeoutExpired:
        return 'TIMEOUT'
def cost(t): return len(t) + 3 * t.count('/')
with ThreadPoolExecutor(2) as ex:
    A = list(ex.map(lambda l: run(before, l), lines))
    B = list(ex.map(lambda l: run(after, l), lines))
same = shorter = longer = samelen = 0
tb = ta = 0
for i, (l, a, b) in enumerate(zip(lines, A, B), 1):
    tb += len(a); ta += len(b)
    if a == b: same += 1; continue
    ca, cb = cost(a), cost(b)
    kind = 'shorter' if cb < ca else 'longer' if cb > ca else 'same length'
    if cb < ca: shorter += 1
    elif cb > ca: longer += 1
    else: samelen += 1
    print('%d %s %d -> %d | %s\n   before: %s\n   after:  %s' % (i, kind, ca, cb, l, a[:300], b[:300]))
print('lines %d: same %d, shorter %d, same length %d, longer %d; characters %d -> %d' % (len(lines), same, shorter, samelen, longer, tb, ta))
