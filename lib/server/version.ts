import packageJson from "../../package.json" with { type: "json" };

/** The app's version, as released in package.json. */
export function appVersion(): string {
  return packageJson.version;
}
