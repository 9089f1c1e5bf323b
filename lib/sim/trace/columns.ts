/**
 * Growable typed-array columns: the struct-of-arrays storage behind the trace. Element access must
 * stay monomorphic: one shared getter or `push` used with five typed-array kinds is a megamorphic
 * access V8 cannot inline (it was 40% of recording time). So readers index `column.data` directly,
 * and each element kind has its own subclass whose `push` is a separate function.
 */

type NumericArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

export abstract class Column<T extends NumericArray> {
  data: T;
  length = 0;

  constructor(
    private readonly make: (n: number) => T,
    capacity = 256,
  ) {
    this.data = make(capacity);
  }

  abstract push(value: number): number;

  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    // Grow by 1.5x: at most a third of the allocation is spare capacity.
    let next = Math.max(16, Math.ceil(this.data.length * 1.5));
    while (next < capacity) next = Math.ceil(next * 1.5);
    const grown = this.make(next);
    grown.set(this.data.subarray(0, this.length) as never);
    this.data = grown;
  }

  /** Drops the spare capacity (after the last append). */
  trim(): void {
    if (this.data.length === this.length) return;
    this.data = this.data.slice(0, this.length) as T;
  }

  /** Bytes allocated, spare capacity included. */
  capacityBytes(): number {
    return this.data.byteLength;
  }

  /** Bytes actually holding records (not the spare capacity). */
  usedBytes(): number {
    return this.length * this.data.BYTES_PER_ELEMENT;
  }

  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

class U8Column extends Column<Uint8Array> {
  push(value: number): number {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }
}

class U16Column extends Column<Uint16Array> {
  push(value: number): number {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }
}

class U32Column extends Column<Uint32Array> {
  push(value: number): number {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }
}

class I32Column extends Column<Int32Array> {
  push(value: number): number {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }
}

class F64Column extends Column<Float64Array> {
  push(value: number): number {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }
}

export const u8 = (capacity?: number): Column<Uint8Array> => new U8Column((n) => new Uint8Array(n), capacity);
export const u16 = (capacity?: number): Column<Uint16Array> => new U16Column((n) => new Uint16Array(n), capacity);
export const u32 = (capacity?: number): Column<Uint32Array> => new U32Column((n) => new Uint32Array(n), capacity);
export const i32 = (capacity?: number): Column<Int32Array> => new I32Column((n) => new Int32Array(n), capacity);
export const f64 = (capacity?: number): Column<Float64Array> => new F64Column((n) => new Float64Array(n), capacity);

/** Interns strings (opcodes, file names, tensor names) so records store a small id. */
export class StringTable {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  // A direct-mapped cache in front of the Map, by length and first character: a loop body interns
  // the same few opcodes, variants and tile names over and over, and one `===` is cheaper than hashing.
  private readonly cacheKeys: string[] = new Array<string>(CACHE_SLOTS).fill("");
  private readonly cacheIds = new Int32Array(CACHE_SLOTS).fill(-1);

  intern(value: string): number {
    const slot = (Math.imul(value.length, 31) + (value.length > 0 ? value.charCodeAt(0) : 0)) & (CACHE_SLOTS - 1);
    if (this.cacheKeys[slot] === value && this.cacheIds[slot] >= 0) return this.cacheIds[slot];
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    this.cacheKeys[slot] = value;
    this.cacheIds[slot] = id;
    return id;
  }

  get(id: number): string {
    return this.values[id];
  }
}

const CACHE_SLOTS = 64;
