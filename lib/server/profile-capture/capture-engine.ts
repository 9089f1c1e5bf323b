/**
 * Runs inside the kernel worker, around the real engine: every PROFILE_MIME payload that is a full
 * ProfileDocument (from nki.benchmark, nki.profile, kernel_lab.profile) is published to the server under a
 * fresh profile id and replaced by its card before the worker counts or posts the output. So the card is
 * all that ever reaches iopub — live clients, the replay buffer, rate limits and saved notebooks alike.
 */
import { randomUUID } from "node:crypto";
import type { CreateEngine } from "../../kernel/engine";
import type { MimeBundle } from "../../jupyter/messages";
import { profileCard } from "../../profile/card";
import { PROFILE_MIME } from "../../profile/document";
import { isProfileDocument, type PublishProfile } from "./channel";

/** Where the profile viewer shows a stored profile. */
export function profileUrl(profileId: string): string {
  return `/profiles/${profileId}`;
}

/**
 * Profiles one execution may store. Captured documents bypass the output budget, so a loop displaying
 * profiles must not fill the database: past this, cards say the profile was not stored (no id, no URL).
 */
export const MAX_STORED_PROFILES_PER_EXECUTION = 32;

export function captureProfiles(inner: CreateEngine, publish: PublishProfile, newId: () => string = randomUUID): CreateEngine {
  let storedThisExecution = 0;
  const rewrite = (bundle: MimeBundle): MimeBundle => {
    const document = bundle[PROFILE_MIME];
    if (!isProfileDocument(document)) return bundle;
    let stored: { profileId: string; url: string } | null = null;
    if (storedThisExecution < MAX_STORED_PROFILES_PER_EXECUTION) {
      storedThisExecution++;
      const profileId = newId();
      publish({ profileId, document });
      stored = { profileId, url: profileUrl(profileId) };
    }
    return { ...bundle, [PROFILE_MIME]: profileCard(document, stored) as unknown as MimeBundle[string] };
  };
  return async (host) => {
    const engine = await inner({ ...host, display: (request) => host.display({ ...request, data: rewrite(request.data) }) });
    // Patched in place rather than wrapped, so methods the engine interface gains later pass through untouched.
    const execute = engine.execute.bind(engine);
    engine.execute = (code, cellName) => {
      storedThisExecution = 0;
      const outcome = execute(code, cellName);
      return outcome.status === "ok" && outcome.result ? { ...outcome, result: rewrite(outcome.result) } : outcome;
    };
    const evaluate = engine.evaluate?.bind(engine);
    if (evaluate) {
      engine.evaluate = (expression) => {
        const result = evaluate(expression);
        return result.status === "ok" ? { ...result, data: rewrite(result.data) } : result;
      };
    }
    return engine;
  };
}
