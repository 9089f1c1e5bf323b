import { afterEach, describe, expect, it, vi } from "vitest";
import OutputsPreviewPage from "../../../app/dev/outputs/page";

describe("the outputs gallery is a development page", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is not found in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("KERNEL_LAB_DEV_PAGES", "");
    expect(() => OutputsPreviewPage()).toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  });

  it("is served in production with KERNEL_LAB_DEV_PAGES=1, and in development", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("KERNEL_LAB_DEV_PAGES", "1");
    expect(OutputsPreviewPage()).toBeTruthy();
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("KERNEL_LAB_DEV_PAGES", "");
    expect(OutputsPreviewPage()).toBeTruthy();
  });
});
