/** file: URL of the profile-capturing Python engine, for `new KernelManager({ engineModule })`. */
export const PROFILE_CAPTURING_ENGINE = new URL("./python-engine.ts", import.meta.url).href;
