/**
 * Typed calls to Kernel Lab's own endpoints under /api/lab (see the session contract), made through
 * `@jupyterlab/services`' ServerConnection so they carry the same cookie auth as the Jupyter API.
 * Responses come from our own server, so their shapes are asserted rather than re-validated.
 */
import { ServerConnection } from "@jupyterlab/services";
import { serverSettings } from "@/app/lib/services";

export type Target = "trn1" | "trn2" | "trn3";

export interface LabNotebook {
  path: string;
  title: string;
  /** The shipped tutorial this notebook was copied from, or null for the user's own notebooks. */
  sourcePath: string | null;
  target: Target;
  createdAt: string;
  updatedAt: string;
  revisionCount: number;
}

export interface TutorialProgress {
  /** The user's copy of the tutorial. */
  path: string;
  codeCells: number;
  cellsRunOk: number;
  lastRunAt: string | null;
}

export interface RevisionSummary {
  number: number;
  createdAt: string;
  cellCount: number;
  bytes: number;
}

export interface Revision {
  number: number;
  createdAt: string;
  /** The nbformat document as it was stored. */
  content: unknown;
}

async function labRequest<T>(method: "GET" | "POST", endpoint: string, body?: unknown): Promise<T> {
  const settings = serverSettings();
  const url = `${settings.baseUrl}api/lab/${endpoint}`;
  const init: RequestInit =
    body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { "Content-Type": "application/json" } };
  const response = await ServerConnection.makeRequest(url, init, settings);
  if (!response.ok) throw await ServerConnection.ResponseError.create(response);
  return (await response.json()) as T;
}

function query(params: Record<string, string | number>): string {
  return new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
}

export async function listMyNotebooks(): Promise<LabNotebook[]> {
  return (await labRequest<{ notebooks: LabNotebook[] }>("GET", "notebooks")).notebooks;
}

/** Progress per tutorial file name, for the tutorials the user has opened. */
export async function tutorialProgress(): Promise<Record<string, TutorialProgress>> {
  return (await labRequest<{ tutorials: Record<string, TutorialProgress> }>("GET", "progress")).tutorials;
}

/** The user's personal copy of a shipped tutorial, made on first open. */
export function openTutorial(tutorial: string): Promise<{ path: string; created: boolean }> {
  return labRequest("POST", "tutorials/open", { tutorial });
}

/** Replaces a tutorial copy with the shipped original; the replaced content stays a revision. */
export function resetToOriginal(path: string): Promise<{ path: string; revision: number }> {
  return labRequest("POST", "notebooks/reset", { path });
}

/** Brings back a notebook deleted within the last 10 minutes. */
export async function undeleteNotebook(path: string): Promise<void> {
  await labRequest<unknown>("POST", "notebooks/undelete", { path });
}

export async function listRevisions(path: string): Promise<RevisionSummary[]> {
  return (await labRequest<{ revisions: RevisionSummary[] }>("GET", `notebooks/revisions?${query({ path })}`)).revisions;
}

export function getRevision(path: string, number: number): Promise<Revision> {
  return labRequest("GET", `notebooks/revision?${query({ path, number })}`);
}
