/**
 * Virtual timers in fractional milliseconds, ordered by due time then creation, with no upper bound
 * (Node and fake-timers turn a delay of 2^31 ms or more into 1 ms; simulated time has no such limit).
 * The handles quack like Node's `Timeout`, so third-party code that calls `unref()` or `refresh()` on
 * what `setTimeout` returned keeps working while the virtual clock owns the globals.
 */
export class VirtualTimer {
  #refed = true;
  /** Position in the queue's heap; -1 when not pending. */
  heapIndex = -1;
  /** Its numeric id has been taken, so the queue must find it by id while it is pending. */
  idTaken = false;
  constructor(
    readonly id: number,
    readonly queue: TimerQueue,
    readonly fn: () => void,
    public delayMs: number,
    readonly repeat: boolean,
    public dueAt: number,
    public seq: number,
  ) {}
  ref(): this {
    this.#refed = true;
    return this;
  }
  unref(): this {
    this.#refed = false;
    return this;
  }
  hasRef(): boolean {
    return this.#refed;
  }
  refresh(): this {
    this.queue.reschedule(this);
    return this;
  }
  close(): this {
    this.queue.cancel(this);
    return this;
  }
  [Symbol.toPrimitive](): number {
    this.queue.trackId(this);
    return this.id;
  }
}

/** A delay as a timer sees it: negative, NaN or non-numeric delays fire at once, as in Node. */
export function timerDelay(ms: unknown): number {
  const n = typeof ms === 'number' ? ms : Number(ms);
  return Number.isFinite(n) && n > 0 ? n : n === Number.POSITIVE_INFINITY ? Number.MAX_VALUE : 0;
}

/** A binary min-heap of virtual timers keyed on (dueAt, seq). */
export class TimerQueue {
  #now = 0;
  #seq = 0;
  #ids = 0;
  readonly #heap: VirtualTimer[] = [];
  /**
   * Pending timers whose numeric id has been taken (`+handle`), so `clearTimeout(id)` finds them. Filled
   * only then: most handles are never turned into numbers, and two map updates per timer add up.
   */
  readonly #byId = new Map<number, VirtualTimer>();

  get now(): number {
    return this.#now;
  }

  add(fn: () => void, delayMs: number, repeat = false): VirtualTimer {
    const id = ++this.#ids;
    const timer = new VirtualTimer(id, this, fn, delayMs, repeat, this.#now + delayMs, ++this.#seq);
    this.#push(timer);
    return timer;
  }

  /** Cancels a timer given as its handle or its numeric id; unknown ones are ignored, as clearTimeout does. */
  cancel(handle: unknown): void {
    const timer =
      handle instanceof VirtualTimer
        ? handle
        : typeof handle === 'number'
          ? this.#byId.get(handle)
          : undefined;
    if (!timer || timer.queue !== this || timer.heapIndex < 0) return;
    this.#untrack(timer);
    this.#remove(timer);
  }

  /** Lets `cancel` find a pending timer by its numeric id from now on. */
  trackId(timer: VirtualTimer): void {
    timer.idTaken = true;
    if (timer.heapIndex >= 0) this.#byId.set(timer.id, timer);
  }

  reschedule(timer: VirtualTimer): void {
    this.#remove(timer);
    timer.dueAt = this.#now + timer.delayMs;
    timer.seq = ++this.#seq;
    this.#push(timer);
  }

  /** When the earliest timer falls due; undefined when none is pending. */
  nextDueAt(): number | undefined {
    return this.#heap[0]?.dueAt;
  }

  /**
   * Moves time to the earliest timer and runs it; false when none is pending. `onMoved` runs between
   * the two, so whatever follows the queue's time (faked Date) is current when the timer's code runs.
   */
  fireNext(onMoved?: () => void): boolean {
    const timer = this.#heap[0];
    if (!timer) return false;
    this.#remove(timer);
    this.#now = Math.max(this.#now, timer.dueAt);
    if (timer.repeat) this.reschedule(timer);
    else this.#untrack(timer);
    onMoved?.();
    timer.fn();
    return true;
  }

  /** Moves time forward to `at` without firing anything (callers fire what falls due first). */
  moveTo(at: number): void {
    if (at > this.#now) this.#now = at;
  }

  get size(): number {
    return this.#heap.length;
  }

  #untrack(timer: VirtualTimer): void {
    if (this.#byId.size > 0) this.#byId.delete(timer.id);
  }

  #before(a: VirtualTimer, b: VirtualTimer): boolean {
    return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
  }

  #push(timer: VirtualTimer): void {
    if (timer.idTaken) this.#byId.set(timer.id, timer);
    timer.heapIndex = this.#heap.length;
    this.#heap.push(timer);
    this.#up(timer.heapIndex);
  }

  #remove(timer: VirtualTimer): void {
    const heap = this.#heap;
    const index = timer.heapIndex;
    if (index < 0 || heap[index] !== timer) return;
    timer.heapIndex = -1;
    const last = heap.pop() as VirtualTimer;
    if (index === heap.length) return;
    this.#place(last, index);
    this.#up(index);
    this.#down(last.heapIndex);
  }

  #place(timer: VirtualTimer, index: number): void {
    this.#heap[index] = timer;
    timer.heapIndex = index;
  }

  #up(start: number): void {
    const heap = this.#heap;
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const a = heap[i] as VirtualTimer;
      const p = heap[parent] as VirtualTimer;
      if (!this.#before(a, p)) break;
      this.#place(p, i);
      this.#place(a, parent);
      i = parent;
    }
  }

  #down(start: number): void {
    const heap = this.#heap;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && this.#before(heap[l] as VirtualTimer, heap[m] as VirtualTimer)) m = l;
      if (r < heap.length && this.#before(heap[r] as VirtualTimer, heap[m] as VirtualTimer)) m = r;
      if (m === i) return;
      const tmp = heap[i] as VirtualTimer;
      this.#place(heap[m] as VirtualTimer, i);
      this.#place(tmp, m);
      i = m;
    }
  }
}
