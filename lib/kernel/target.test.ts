import { afterAll, describe, expect, it } from "vitest";
import { TestClient } from "./fixtures/test-client";
import { DEFAULT_TARGET_ENV, defaultTargetFromEnv, KernelManager } from "./manager";

const fakeEngine = new URL("./fixtures/fake-engine.ts", import.meta.url).href;
const managers: KernelManager[] = [];
function manager(options: ConstructorParameters<typeof KernelManager>[0] = {}): KernelManager {
  const m = new KernelManager({ engineModule: fakeEngine, cullIdleMs: 0, ...options });
  managers.push(m);
  return m;
}
afterAll(async () => {
  await Promise.all(managers.map((m) => m.shutdownAll()));
});

const replyTarget = (reply: { metadata: unknown }) => (reply.metadata as { kernel_lab?: { target?: string } }).kernel_lab?.target;

describe("the kernel's target", () => {
  it("is named in the metadata of every execute_reply: ok, error, empty, after %target, and aborted", async () => {
    const km = manager();
    const { id } = km.start();
    await km.whenReady(id);
    const client = new TestClient(km, id);
    expect(replyTarget((await client.execute("1")).reply)).toBe("trn2");
    expect(replyTarget((await client.execute("")).reply)).toBe("trn2");
    expect(replyTarget((await client.execute("%target trn3\nprint(1)")).reply)).toBe("trn3");
    const failed = await client.execute("raise ValueError('x')");
    expect(failed.reply.content).toMatchObject({ status: "error" });
    expect(replyTarget(failed.reply)).toBe("trn3");
    const failing = client.send("execute_request", { code: "raise RuntimeError('stop')" });
    const aborted = client.send("execute_request", { code: "print(2)" });
    await client.exchange(failing);
    const a = await client.exchange(aborted);
    expect(a.reply.content).toMatchObject({ status: "aborted" });
    expect(replyTarget(a.reply)).toBe("trn3");
    expect(replyTarget((await client.execute("%target trn1", { silent: true, store_history: false })).reply)).toBe("trn1");
    client.conn.close();
  });

  it("starts at the manager's default target, which kernel_info's banner names", async () => {
    const km = manager({ defaultTarget: "trn1" });
    const { id } = km.start();
    await km.whenReady(id);
    expect(km.target(id)).toBe("trn1");
    const client = new TestClient(km, id);
    await client.execute("%target trn3");
    const banner = ((await client.request("kernel_info_request", {})).reply.content as { banner: string }).banner;
    expect(banner).toContain("Target: trn3 (default trn1)");
    const explicit = km.start({ target: "trn2" });
    expect(km.target(explicit.id)).toBe("trn2");
    client.conn.close();
  });

  it("takes the default from KERNEL_LAB_DEFAULT_TARGET of the server process", () => {
    const saved = process.env[DEFAULT_TARGET_ENV];
    try {
      process.env[DEFAULT_TARGET_ENV] = "trn3";
      expect(manager().defaultTarget).toBe("trn3");
      delete process.env[DEFAULT_TARGET_ENV];
      expect(manager().defaultTarget).toBe("trn2");
    } finally {
      if (saved === undefined) delete process.env[DEFAULT_TARGET_ENV];
      else process.env[DEFAULT_TARGET_ENV] = saved;
    }
  });

  it("parses the environment value, refusing unknown targets at startup", () => {
    expect(defaultTargetFromEnv(undefined)).toBe("trn2");
    expect(defaultTargetFromEnv("")).toBe("trn2");
    expect(defaultTargetFromEnv(" TRN1 ")).toBe("trn1");
    expect(() => defaultTargetFromEnv("trn9")).toThrow(/KERNEL_LAB_DEFAULT_TARGET='trn9' is not a target: expected one of trn1, trn2, trn3/);
  });
});
