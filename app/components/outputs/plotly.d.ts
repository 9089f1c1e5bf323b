// plotly.js-dist-min ships no types; this is the part of its API the Plotly output uses.
declare module "plotly.js-dist-min" {
  interface PlotlyApi {
    newPlot(root: HTMLElement, data: readonly object[], layout?: object, config?: object): Promise<HTMLElement>;
    purge(root: HTMLElement): void;
  }
  const Plotly: PlotlyApi;
  export default Plotly;
}
