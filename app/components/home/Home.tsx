"use client";

import { useCallback, useState } from "react";
import type { CatalogueEntry } from "@/lib/server/notebook-catalogue";
import { MyNotebooks } from "./MyNotebooks";
import { TutorialCatalogue } from "./TutorialCatalogue";

/**
 * The interactive part of the home page. A change to the user's notebooks (delete, undo, reset, import,
 * rename) can change tutorial progress, so the catalogue refetches it when the list changes.
 */
export function Home({ tutorials }: { tutorials: CatalogueEntry[] }) {
  const [changes, setChanges] = useState(0);
  const changed = useCallback(() => setChanges((n) => n + 1), []);
  return (
    <>
      <TutorialCatalogue entries={tutorials} changes={changes} />
      <MyNotebooks onChanged={changed} />
    </>
  );
}
