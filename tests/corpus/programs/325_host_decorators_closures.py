# Decorators and closures in host code: wraps, call counters with nonlocal, keyword-only options
import functools

def count_calls(func):
    calls = 0
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        wrapper.calls = calls
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper

@count_calls
def tiled_sum(values, *, tile=4, start=0):
    """Sum values tile by tile."""
    total = start
    for i in range(0, len(values), tile):
        total += sum(values[i:i + tile])
    return total

print(tiled_sum(list(range(10))), tiled_sum([1, 2, 3], tile=2, start=100), tiled_sum.calls)
print(tiled_sum.__name__, tiled_sum.__doc__, tiled_sum.__wrapped__.__name__)
try:
    tiled_sum([1], 2)
except TypeError as e:
    print("TypeError:", e)

def with_retries(times):
    def deco(func):
        def run(*args):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return func(attempt, *args)
                except RuntimeError as e:
                    last = e
                    print(f"  attempt {attempt} failed: {e}")
            raise RuntimeError(f"gave up after {times} attempts") from last
        return run
    return deco

@with_retries(3)
def flaky(attempt, name):
    if attempt < 3:
        raise RuntimeError(f"{name} not ready")
    return f"{name} ok on attempt {attempt}"

print(flaky("device"))
def make_accumulator():
    history = []
    def add(x):
        history.append(x)
        return sum(history)
    return add, history
add, hist = make_accumulator()
print(add(3), add(4), hist, [f(2) for f in [lambda x, k=k: x * k for k in range(3)]])
