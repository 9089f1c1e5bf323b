# A small host helper class that runs reference checks and reports
import numpy as np
class Checker:
    def __init__(self, rtol=1e-5, atol=1e-8):
        self.rtol, self.atol = rtol, atol
        self.results = []
    def check(self, name, actual, expected):
        ok = np.allclose(actual, expected, rtol=self.rtol, atol=self.atol)
        err = float(np.max(np.abs(actual - expected)))
        self.results.append((name, ok, err))
        return ok
    def report(self):
        for name, ok, err in self.results:
            print(f"{'PASS' if ok else 'FAIL'} {name:<10} max_err={err:.3e}")
        passed = sum(ok for _, ok, _ in self.results)
        print(f"{passed}/{len(self.results)} passed")
c = Checker()
x = np.linspace(0, 1, 50)
c.check("identity", x, x.copy())
c.check("shifted", x + 1e-3, x)
c.check("scaled", x * (1 + 1e-7), x)
c.report()
