type OnAbort = () => void;

/** Children currently listening to each parent, behind a single listener on that parent. */
const childrenOf = new WeakMap<AbortSignal, Set<OnAbort>>();

const NO_LINK = () => {};

/**
 * Calls `onAbort` when `parent` aborts, until the returned unlink is called. However many calls are in
 * flight under one long-lived parent (cockatiel hands every call the same never-aborted signal), the
 * parent carries one listener, so listeners never pile up and unlinking stays O(1).
 */
export function linkAbort(parent: AbortSignal | undefined, onAbort: OnAbort): () => void {
  if (!parent) return NO_LINK;
  if (parent.aborted) {
    onAbort();
    return NO_LINK;
  }
  let children = childrenOf.get(parent);
  if (!children) {
    const fresh = new Set<OnAbort>();
    children = fresh;
    childrenOf.set(parent, fresh);
    parent.addEventListener(
      'abort',
      () => {
        childrenOf.delete(parent);
        for (const child of fresh) child();
      },
      { once: true },
    );
  }
  children.add(onAbort);
  const linked = children;
  return () => {
    linked.delete(onAbort);
  };
}
