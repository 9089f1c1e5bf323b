/**
 * Hands out permission to create a Monaco editor one at a time, each in its own task, so opening a
 * long notebook never blocks the page for the sum of all editor creations: cells turn live top to
 * bottom while the page stays responsive.
 */
const queue: (() => void)[] = [];
let pumping = false;

function pump(): void {
  if (pumping) return;
  pumping = true;
  setTimeout(() => {
    pumping = false;
    queue.shift()?.();
    if (queue.length > 0) pump();
  }, 0);
}

/** Calls `grant` when it is this editor's turn; the returned function withdraws the request. */
export function requestEditorSlot(grant: () => void, urgent: boolean): () => void {
  let withdrawn = false;
  const entry = () => {
    if (!withdrawn) grant();
  };
  if (urgent) queue.unshift(entry);
  else queue.push(entry);
  pump();
  return () => {
    withdrawn = true;
    const index = queue.indexOf(entry);
    if (index >= 0) queue.splice(index, 1);
  };
}
