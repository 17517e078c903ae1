// A time-series line chart (uPlot), with its data also offered as a table for screen readers and
// keyboard users. The uPlot instance is kept on the container as `uplot` so that tests (and anyone
// debugging) can read the points actually plotted.
import { useEffect, useId, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
  /** How a value shows in the legend and the table. */
  format: (v: number) => string;
}

/** A numeric x axis (a probability, a count) instead of time. */
export interface XAxis {
  label: string;
  format: (v: number) => string;
  /** Fixed range, e.g. [0, 1] for probabilities. */
  range?: [number, number];
}

export interface LineChartProps {
  title: string;
  /** Unix seconds, or the x values of `xAxis`. */
  times: number[];
  /** Absent: `times` are instants (UTC). */
  xAxis?: XAxis;
  series: Series[];
  height?: number;
  /** "step" for values that hold until the next point (ratings). */
  paths?: "linear" | "step";
}

export type ChartElement = HTMLDivElement & { uplot?: uPlot };

const utcMinute = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 16);

export function LineChart(props: LineChartProps) {
  const id = useId();
  const ref = useRef<ChartElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const width = Math.max(320, el.clientWidth || 640);
    const stepped = props.paths === "step" ? uPlot.paths.stepped?.({ align: 1 }) : undefined;
    const x = props.xAxis;
    const chart = new uPlot(
      {
        width,
        height: props.height ?? 240,
        scales: {
          // One point (a first snapshot): show the hours around it rather than uPlot's years.
          x: x
            ? { time: false, ...(x.range ? { auto: false, range: x.range } : {}) }
            : {
                time: true,
                ...(props.times.length === 1
                  ? { auto: false, range: [props.times[0]! - 3600, props.times[0]! + 3600] }
                  : {}),
              },
        },
        series: [
          {
            label: x ? x.label : "Time (UTC)",
            value: (_u, v) => (v == null ? "—" : x ? x.format(v) : utcMinute(v)),
          },
          ...props.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            points: { show: props.times.length < 60 },
            value: (_u: uPlot, v: number | null) => (v == null ? "—" : s.format(v)),
            ...(stepped ? { paths: stepped } : {}),
          })),
        ],
        axes: [x ? { values: (_u, ticks) => ticks.map(x.format) } : {}, { size: 70 }],
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      },
      [props.times, ...props.series.map((s) => s.values)] as uPlot.AlignedData,
      el,
    );
    el.uplot = chart;
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(320, el.clientWidth), height: props.height ?? 240 }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      el.uplot = undefined;
    };
  }, [props.times, props.series, props.height, props.paths, props.xAxis]);

  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{props.title}</figcaption>
      <div
        ref={ref}
        class="chart-canvas"
        role="img"
        aria-label={`${props.title}: ${props.times.length} points`}
      />
      <details>
        <summary>{props.title}: data as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{props.xAxis ? props.xAxis.label : "Time (UTC)"}</th>
              {props.series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.times.map((t, i) => (
              <tr key={t}>
                <td>{props.xAxis ? props.xAxis.format(t) : utcMinute(t).replace("T", " ")}</td>
                {props.series.map((s) => {
                  const v = s.values[i];
                  return <td key={s.label}>{v == null ? "—" : s.format(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
