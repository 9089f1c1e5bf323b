"use client";

import { useCallback, useMemo, useState } from "react";
import type { ProfileDocument } from "../../../lib/profile/document";
import { OPCODE_CLASSES, type ColorMode } from "./model/colors";
import { parseFilter } from "./model/filter";
import type { HierarchyNode } from "./model/hierarchy";
import { buildModel, lineKey, matching, type ProfileModel } from "./model/profile-model";
import { Timeline } from "./timeline/Timeline";
import { boundsFor, zoomAt, type Viewport } from "./timeline/viewport";
import { formatNs } from "./timeline/ruler";
import { DetailsPanel } from "./panels/DetailsPanel";
import { SelectionPanel } from "./panels/SelectionPanel";
import { HierarchyPanel } from "./panels/HierarchyPanel";
import { SourceView } from "./source/SourceView";
import { SummaryPane } from "./summary/SummaryPane";
import { ExportBar } from "./export/ExportBar";
import { ModelNote } from "./ModelNote";
import styles from "./profile.module.css";

type Tab = "details" | "selection" | "hierarchy";

/** Sorted union of instruction lists. */
function union(lists: readonly Uint32Array[]): Uint32Array {
  if (lists.length === 1) return lists[0];
  const all = new Set<number>();
  for (const l of lists) for (const i of l) all.add(i);
  return Uint32Array.from([...all].sort((a, b) => a - b));
}

function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const keep = new Set(b);
  return a.filter((i) => keep.has(i));
}

/** The emphasised instructions: those of the selected lines or hierarchy node, narrowed by the filter. */
function emphasisOf(model: ProfileModel, lines: readonly number[], node: HierarchyNode | null, filtered: Uint32Array | null): Uint32Array | null {
  let chosen: Uint32Array | null = null;
  if (node) chosen = node.instructions;
  else if (lines.length > 0) chosen = union(lines.map((l) => model.byLine.get(lineKey(model.mainFile, l)) ?? new Uint32Array()));
  if (chosen && filtered) return intersect(chosen, filtered);
  return chosen ?? filtered;
}

export function ProfileViewer({ doc, notModelled, title, compareHref, notebookPath = null }: { doc: ProfileDocument; notModelled: readonly string[]; title: string; compareHref?: string; notebookPath?: string | null }) {
  const model = useMemo(() => {
    const m = buildModel(doc);
    performance.mark("profile:model");
    return m;
  }, [doc]);
  const bounds = useMemo(() => boundsFor(model.totalNs), [model]);
  const [view, setView] = useState<Viewport | null>(null);
  const [colorMode, setColorMode] = useState<ColorMode>("opcode");
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState(-1);
  const [lines, setLines] = useState<readonly number[]>([]);
  const [node, setNode] = useState<HierarchyNode | null>(null);
  const [range, setRange] = useState<readonly [number, number] | null>(null);
  const [tab, setTab] = useState<Tab>("details");
  // The timeline comes first: the panes (Monaco) and the summary render once its first frame is up.
  const [drawn, setDrawn] = useState(false);
  const onFirstDraw = useCallback(() => setDrawn(true), []);

  const filtered = useMemo(() => {
    const predicate = parseFilter(query);
    return predicate ? matching(model, predicate) : null;
  }, [model, query]);
  const emphasis = useMemo(() => emphasisOf(model, lines, node, filtered), [model, lines, node, filtered]);
  const lineTimes = useMemo(() => new Map(model.lineCosts.filter((c) => c.file === model.mainFile).map((c) => [c.line, c.busyNs])), [model]);
  const source = doc.sources.find((s) => s.file === model.mainFile) ?? doc.sources[0] ?? null;
  const activeLine = selected >= 0 && doc.strings[model.table.file[selected]] === source?.file ? model.table.line[selected] : null;
  const selectedLineSet = useMemo(() => new Set(lines), [lines]);

  const select = useCallback((i: number) => {
    setSelected(i);
    if (i >= 0) setTab("details");
  }, []);
  const selectLines = useCallback((ls: readonly number[]) => {
    setNode(null);
    setLines((prev) => (ls.length === 1 && prev.length === 1 && prev[0] === ls[0] ? [] : ls));
  }, []);
  const onRange = useCallback((r: readonly [number, number] | null) => {
    setRange(r);
    if (r) setTab("selection");
  }, []);
  const onLineClick = useCallback((l: number) => selectLines([l]), [selectLines]);
  const onSelectNode = useCallback((n: HierarchyNode | null) => {
    setNode(n);
    setLines([]);
    // An instruction leaf also becomes the selected instruction (outlined, its line marked in the source).
    if (n?.kind === "instruction") setSelected(n.instructions[0]);
  }, []);
  const zoomButton = (factor: number) => view && setView(zoomAt(view, view.widthPx / 2, factor, bounds));
  const totalLabel = formatNs(model.totalNs);

  return (
    <div className={styles.viewer}>
      <header className={styles.header}>
        <div>
          <h1>{title}</h1>
          <p className={styles.meta}>
            <span data-field="target">{doc.target}</span> · NeuronCore {doc.coreVersion} (simulated) · <span data-field="total">{totalLabel}</span> ·{" "}
            {model.table.length} instructions
            {notebookPath && (
              <>
                {" "}· from <a href={`/edit/${notebookPath.split("/").map(encodeURIComponent).join("/")}`}>{notebookPath}</a> (
                <a href={`/profiles?path=${encodeURIComponent(notebookPath)}`}>its profiles</a>)
              </>
            )}
            {compareHref && (
              <>
                {" "}· <a href={compareHref}>Compare with another profile</a>
              </>
            )}
          </p>
        </div>
        <ExportBar doc={doc} baseName={`${doc.kernelName ?? "kernel"}-${doc.target}`} />
      </header>

      <div className={styles.toolbar} role="toolbar" aria-label="Timeline controls">
        <label>
          Colour by{" "}
          <select value={colorMode} onChange={(e) => setColorMode(e.target.value as ColorMode)}>
            <option value="opcode">opcode class</option>
            <option value="line">source line</option>
          </select>
        </label>
        <label className={styles.search}>
          Filter{" "}
          <input
            type="search"
            value={query}
            placeholder="opcode, engine:dma, line:12"
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby="filter-count"
          />
        </label>
        <span id="filter-count" className={styles.muted} aria-live="polite">
          {filtered ? `${filtered.length} match` : ""}
        </span>
        <button type="button" className={styles.iconButton} aria-label="Zoom in" onClick={() => zoomButton(0.5)}>
          +
        </button>
        <button type="button" className={styles.iconButton} aria-label="Zoom out" onClick={() => zoomButton(2)}>
          −
        </button>
        <button type="button" className={styles.iconButton} aria-label="Show the whole kernel" onClick={() => view && setView({ startNs: bounds.minNs, endNs: bounds.maxNs, widthPx: view.widthPx })}>
          ⤢
        </button>
        {(lines.length > 0 || node) && (
          <button type="button" className={styles.button} onClick={() => (setLines([]), setNode(null))}>
            Clear highlight
          </button>
        )}
        {colorMode === "opcode" && (
          <ul className={styles.classLegend} aria-label="Opcode classes">
            {OPCODE_CLASSES.map((c) => (
              <li key={c.name}>
                <span className={styles.swatch} style={{ background: c.color }} />
                {c.name}
              </li>
            ))}
          </ul>
        )}
      </div>

      <Timeline
        model={model}
        view={view}
        bounds={bounds}
        onViewChange={setView}
        colorMode={colorMode}
        emphasis={emphasis}
        selected={selected}
        onSelect={select}
        range={range}
        onRangeChange={onRange}
        label="Instruction timeline"
        onFirstDraw={onFirstDraw}
      />

      {drawn && (
        <div className={styles.panes}>
          <section className={styles.panel} aria-label="Inspector">
            <div role="tablist" className={styles.tabs}>
              {(["details", "selection", "hierarchy"] as const).map((t) => (
                <button key={t} type="button" role="tab" aria-selected={tab === t} className={styles.tab} onClick={() => setTab(t)}>
                  {t === "details" ? "Details" : t === "selection" ? "Range" : "Hierarchy"}
                </button>
              ))}
            </div>
            <div role="tabpanel" className={styles.tabPanel}>
              {tab === "details" && <DetailsPanel model={model} instruction={selected} onSelect={select} />}
              {tab === "selection" && (
                <SelectionPanel
                  model={model}
                  range={range}
                  onZoom={() => view && range && setView({ startNs: Math.min(...range), endNs: Math.max(...range), widthPx: view.widthPx })}
                  onUseView={() => view && setRange([view.startNs, view.endNs])}
                />
              )}
              {tab === "hierarchy" && <HierarchyPanel model={model} selectedId={node?.id ?? null} onSelectNode={onSelectNode} />}
            </div>
          </section>
          <section className={styles.panel} aria-label="Source">
            {source ? (
              <SourceView file={source.file} text={source.text} lineTimes={lineTimes} activeLine={activeLine} selectedLines={selectedLineSet} onLineClick={onLineClick} />
            ) : (
              <p className={styles.muted}>This profile carries no source text.</p>
            )}
          </section>
        </div>
      )}

      {drawn && <SummaryPane model={model} onSelectLines={selectLines} />}
      <ModelNote doc={doc} notModelled={notModelled} />
    </div>
  );
}
