/*
 * itertools: lazy iterators producing items in CPython's order.
 */

import { parseArgs } from "../binding";
import { nativeFunction } from "../define";
import * as E from "../errors";
import { None, PyIterator, PyTuple, builtinType, iteratorType, type Kwargs, type PyValue } from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";
import { asInt } from "../types/numbers";

const types = new Map(
  ["product", "permutations", "combinations", "combinations_with_replacement", "chain", "accumulate", "count", "repeat", "islice", "zip_longest", "cycle", "starmap", "takewhile", "dropwhile", "groupby", "_grouper", "pairwise", "compress", "filterfalse", "tee"].map(
    // tee's iterators are itertools._tee objects.
    (n) => [n, builtinType(n === "tee" ? "_tee" : n, [iteratorType], undefined, false, "itertools")],
  ),
);
const typeFor = (name: string) => types.get(name) ?? iteratorType;

function fromGen(name: string, gen: Generator<PyValue, void, undefined>): PyIterator {
  return new PyIterator(() => {
    const r = gen.next();
    return r.done ? undefined : r.value;
  }, typeFor(name));
}

function nonNegInt(v: PyValue | undefined, what: string): number | undefined {
  if (v === undefined || v === None) return undefined;
  const i = asInt(v);
  if (i === undefined) throw E.typeError(`Expected int as ${what}`);
  const n = Number(i);
  if (n < 0) throw E.valueError(`${what} must be non-negative`);
  return n;
}

function* product(pools: PyValue[][], rt: Runtime): Generator<PyValue, void, undefined> {
  if (pools.some((p) => p.length === 0)) return;
  const idx = pools.map(() => 0);
  for (;;) {
    rt.tick();
    yield new PyTuple(idx.map((i, k) => pools[k][i]));
    let k = pools.length - 1;
    while (k >= 0) {
      idx[k]++;
      if (idx[k] < pools[k].length) break;
      idx[k] = 0;
      k--;
    }
    if (k < 0) return;
  }
}

function* permutations(pool: PyValue[], r: number, rt: Runtime): Generator<PyValue, void, undefined> {
  const n = pool.length;
  if (r > n) return;
  const indices = pool.map((_, i) => i);
  const cycles = Array.from({ length: r }, (_, i) => n - i);
  yield new PyTuple(indices.slice(0, r).map((i) => pool[i]));
  while (n > 0) {
    rt.tick();
    let i = r - 1;
    for (; i >= 0; i--) {
      cycles[i]--;
      if (cycles[i] === 0) {
        const moved = indices[i];
        indices.splice(i, 1);
        indices.push(moved);
        cycles[i] = n - i;
      } else {
        const j = cycles[i];
        [indices[i], indices[n - j]] = [indices[n - j], indices[i]];
        yield new PyTuple(indices.slice(0, r).map((x) => pool[x]));
        break;
      }
    }
    if (i < 0) return;
  }
}

function* combinations(pool: PyValue[], r: number, withReplacement: boolean, rt: Runtime): Generator<PyValue, void, undefined> {
  const n = pool.length;
  if (!withReplacement && r > n) return;
  if (withReplacement && n === 0 && r > 0) return;
  E.checkSequenceLength(r);
  const indices = withReplacement ? new Array<number>(r).fill(0) : Array.from({ length: r }, (_, i) => i);
  yield new PyTuple(indices.map((i) => pool[i]));
  for (;;) {
    rt.tick();
    let i = r - 1;
    if (withReplacement) {
      while (i >= 0 && indices[i] === n - 1) i--;
      if (i < 0) return;
      const v = indices[i] + 1;
      for (let j = i; j < r; j++) indices[j] = v;
    } else {
      while (i >= 0 && indices[i] === i + n - r) i--;
      if (i < 0) return;
      indices[i]++;
      for (let j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
    }
    yield new PyTuple(indices.map((x) => pool[x]));
  }
}

export const itertoolsModule: NativeModuleDef = {
  name: "itertools",
  init(mod, rt) {
    const def = (name: string, impl: (args: PyValue[], kw: Kwargs | null) => PyValue): void => {
      mod.set(name, nativeFunction(name, impl));
    };
    def("product", (args, kw) => {
      const repeat = kw?.get("repeat");
      const n = repeat === undefined ? 1 : Number(asInt(repeat) ?? 1);
      const pools = args.map((a) => rt.toArray(a));
      E.checkSequenceLength(n * pools.length);
      const all: PyValue[][] = [];
      for (let i = 0; i < n; i++) all.push(...pools);
      return fromGen("product", product(all, rt));
    });
    def("permutations", (args, kw) => {
      const [it, r] = parseArgs("permutations", args, kw, { names: ["iterable", "r"], required: 1 });
      const pool = rt.toArray(it as PyValue);
      return fromGen("permutations", permutations(pool, nonNegInt(r, "r") ?? pool.length, rt));
    });
    def("combinations", (args, kw) => {
      const [it, r] = parseArgs("combinations", args, kw, { names: ["iterable", "r"], required: 2 });
      return fromGen("combinations", combinations(rt.toArray(it as PyValue), nonNegInt(r, "r") as number, false, rt));
    });
    def("combinations_with_replacement", (args, kw) => {
      const [it, r] = parseArgs("combinations_with_replacement", args, kw, { names: ["iterable", "r"], required: 2 });
      return fromGen("combinations_with_replacement", combinations(rt.toArray(it as PyValue), nonNegInt(r, "r") as number, true, rt));
    });
    const chainOf = (sources: Iterator<PyValue>): PyIterator => {
      let cur: PyIterator | null = null;
      return new PyIterator(() => {
        for (;;) {
          if (cur === null) {
            const nx = sources.next();
            if (nx.done) return undefined;
            cur = rt.iter(nx.value);
          }
          const v = cur.next();
          if (v !== undefined) return v;
          cur = null;
        }
      }, typeFor("chain"));
    };
    const chain = nativeFunction("chain", (args) => chainOf(args[Symbol.iterator]()));
    mod.set("chain", chain);
    chain.dict = new Map([["from_iterable", nativeFunction("from_iterable", (args) => chainOf(rt.iterate(args[0])))]]);
    def("accumulate", (args, kw) => {
      const [it, func, initial] = parseArgs("accumulate", args, kw, { names: ["iterable", "func"], kwonly: ["initial"], required: 1 });
      const src = rt.iter(it as PyValue);
      const f = func === undefined || func === None ? null : func;
      let acc: PyValue | undefined = initial === undefined || initial === None ? undefined : initial;
      let pendingInitial = acc !== undefined;
      return new PyIterator(() => {
        if (pendingInitial) {
          pendingInitial = false;
          return acc;
        }
        const v = src.next();
        if (v === undefined) return undefined;
        acc = acc === undefined ? v : f === null ? rt.add(acc, v) : rt.call2(f, acc, v);
        return acc;
      }, typeFor("accumulate"));
    });
    def("count", (args, kw) => {
      const [start, step] = parseArgs("count", args, kw, { names: ["start", "step"] });
      let cur: PyValue = start ?? 0;
      const st: PyValue = step ?? 1;
      return new PyIterator(() => {
        rt.tick();
        const v = cur;
        cur = rt.add(cur, st);
        return v;
      }, typeFor("count"));
    });
    def("repeat", (args, kw) => {
      const [obj, times] = parseArgs("repeat", args, kw, { names: ["object", "times"], required: 1 });
      let left = times === undefined ? Infinity : Math.max(0, Number(asInt(times) ?? 0));
      return new PyIterator(() => {
        rt.tick();
        if (left <= 0) return undefined;
        left--;
        return obj;
      }, typeFor("repeat"));
    });
    def("islice", (args) => {
      if (args.length < 2 || args.length > 4) throw E.typeError(`islice expected at most 4 arguments, got ${args.length}`);
      const src = rt.iter(args[0]);
      const idx = (v: PyValue | undefined, what: string): number | undefined => {
        if (v === undefined || v === None) return undefined;
        const i = asInt(v);
        if (i === undefined || Number(i) < 0) {
          throw E.valueError(`${what} argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.`);
        }
        return Number(i);
      };
      let start = 0;
      let stop: number | undefined;
      let step = 1;
      if (args.length === 2) stop = idx(args[1], "Stop");
      else {
        start = idx(args[1], "Indices") ?? 0;
        stop = idx(args[2], "Stop");
        step = idx(args[3], "Step") ?? 1;
        if (step === 0) throw E.valueError("Step for islice() must be a positive integer or None.");
      }
      let pos = 0;
      let next = start;
      return new PyIterator(() => {
        if (stop !== undefined && next >= stop) return undefined;
        while (pos < next) {
          if (src.next() === undefined) return undefined;
          pos++;
        }
        const v = src.next();
        if (v === undefined) return undefined;
        pos++;
        next += step;
        return v;
      }, typeFor("islice"));
    });
    def("zip_longest", (args, kw) => {
      const fill = kw?.get("fillvalue") ?? None;
      const its = args.map((a) => rt.iter(a));
      const done = its.map(() => false);
      return new PyIterator(() => {
        if (its.length === 0) return undefined;
        const row: PyValue[] = [];
        let live = 0;
        for (let i = 0; i < its.length; i++) {
          let v: PyValue | undefined;
          if (!done[i]) {
            v = its[i].next();
            if (v === undefined) done[i] = true;
            else live++;
          }
          row.push(v ?? fill);
        }
        return live === 0 ? undefined : new PyTuple(row);
      }, typeFor("zip_longest"));
    });
    def("cycle", (args) => {
      const src = rt.iter(args[0]);
      const saved: PyValue[] = [];
      let i = -1;
      return new PyIterator(() => {
        rt.tick();
        if (i < 0) {
          const v = src.next();
          if (v !== undefined) {
            saved.push(v);
            return v;
          }
          if (saved.length === 0) return undefined;
          i = 0;
        }
        const v = saved[i];
        i = (i + 1) % saved.length;
        return v;
      }, typeFor("cycle"));
    });
    def("starmap", (args) => {
      const [f, it] = args;
      const src = rt.iter(it);
      return new PyIterator(() => {
        const v = src.next();
        return v === undefined ? undefined : rt.call(f, rt.toArray(v), null);
      }, typeFor("starmap"));
    });
    def("takewhile", (args) => {
      const [pred, it] = args;
      const src = rt.iter(it);
      let stopped = false;
      return new PyIterator(() => {
        if (stopped) return undefined;
        const v = src.next();
        if (v === undefined || !rt.truthy(rt.call1(pred, v))) {
          stopped = true;
          return undefined;
        }
        return v;
      }, typeFor("takewhile"));
    });
    def("dropwhile", (args) => {
      const [pred, it] = args;
      const src = rt.iter(it);
      let dropping = true;
      return new PyIterator(() => {
        for (let v = src.next(); v !== undefined; v = src.next()) {
          if (dropping && rt.truthy(rt.call1(pred, v))) continue;
          dropping = false;
          return v;
        }
        return undefined;
      }, typeFor("dropwhile"));
    });
    def("filterfalse", (args) => {
      const [pred, it] = args;
      const src = rt.iter(it);
      return new PyIterator(() => {
        for (let v = src.next(); v !== undefined; v = src.next()) {
          if (!rt.truthy(pred === None ? v : rt.call1(pred, v))) return v;
        }
        return undefined;
      }, typeFor("filterfalse"));
    });
    def("compress", (args) => {
      const data = rt.iter(args[0]);
      const sel = rt.iter(args[1]);
      return new PyIterator(() => {
        for (;;) {
          const d = data.next();
          const s = sel.next();
          if (d === undefined || s === undefined) return undefined;
          if (rt.truthy(s)) return d;
        }
      }, typeFor("compress"));
    });
    def("pairwise", (args) => {
      const src = rt.iter(args[0]);
      let prev = src.next();
      return new PyIterator(() => {
        if (prev === undefined) return undefined;
        const v = src.next();
        if (v === undefined) return undefined;
        const t = new PyTuple([prev, v]);
        prev = v;
        return t;
      }, typeFor("pairwise"));
    });
    def("groupby", (args, kw) => {
      const [it, keyf] = parseArgs("groupby", args, kw, { names: ["iterable", "key"], required: 1 });
      const items = rt.toArray(it as PyValue);
      const key = (v: PyValue): PyValue => (keyf === undefined || keyf === None ? v : rt.call1(keyf, v));
      let i = 0;
      return new PyIterator(() => {
        if (i >= items.length) return undefined;
        const k = key(items[i]);
        const group: PyValue[] = [];
        while (i < items.length) {
          const kk = key(items[i]);
          if (!(kk === k || rt.equal(kk, k))) break;
          group.push(items[i++]);
        }
        let g = 0;
        return new PyTuple([k, new PyIterator(() => (g < group.length ? group[g++] : undefined), typeFor("_grouper"))]);
      }, typeFor("groupby"));
    });
    def("tee", (args) => {
      const items = rt.toArray(args[0]);
      const n = args[1] === undefined ? 2 : Number(asInt(args[1]) ?? 2);
      return new PyTuple(
        Array.from({ length: n }, () => {
          let i = 0;
          return new PyIterator(() => (i < items.length ? items[i++] : undefined), typeFor("tee"));
        }),
      );
    });
  },
};
