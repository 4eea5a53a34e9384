// The chart runtime of the site: ECharts with only the parts the site's
// charts use, built with esbuild by `npm ci` into
// node_modules/.offenbar/echarts.min.js. The build copies that file to
// /assets/echarts.min.js; it is half the size of the full ECharts build.
// Pages show their charts as SVG drawn by the build; site.js loads this
// runtime only when a visitor asks for the interactive version.
import * as echarts from "echarts/core";
import { RadarChart, BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, RadarComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

echarts.use([RadarChart, BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, RadarComponent, TooltipComponent, SVGRenderer]);

window.echarts = echarts;
