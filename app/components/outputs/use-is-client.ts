/**
 * False while rendering on the server and during hydration, true afterwards. Outputs that need the
 * DOM (sanitising, Plotly) render their reserved placeholder until then, without a hydration mismatch.
 */
import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

export function useIsClient(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
