// Chart.js with only what the dashboard draws (bars): the rest of the library is left out of the
// bundle, and the whole of it lives in the dashboard's chunk (the page imports this lazily).
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
// The DSFR's typeface (loaded by its CSS) for the axes, as for the rest of the page.
Chart.defaults.font.family = "Marianne, arial, sans-serif";

/** A DSFR colour token (`--background-flat-blue-france`…) as the canvas needs it: its computed value. */
export function couleurDsfr(variable: string, secours = "#000091"): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
  return v || secours;
}

export { Chart };
