/** The single local user who owns every notebook until accounts arrive. */
export const LOCAL_USER = { email: "local@kernel-lab.invalid", displayName: "Local user" } as const;
