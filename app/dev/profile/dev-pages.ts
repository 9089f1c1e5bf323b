/** Dev-only pages exist in development, or in production when KERNEL_LAB_DEV_PAGES=1 (tests, benchmarks). */
export function devPagesEnabled(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.KERNEL_LAB_DEV_PAGES === "1";
}
