/**
 * A terminal progress bar for training, with the current cost, from the `cli-progress` package.
 * It draws only when the stream is a terminal (a TTY), so logs and CI output stay clean; lines
 * printed through it (the lesson's "Cost after iteration ..." lines) appear above the bar.
 * `cli-progress` is loaded only when a bar is drawn, and nothing here imports a Node built-in, so the
 * lesson's modules bundle for a web page (where no bar is ever drawn).
 * @module
 */
import type CliProgress from "cli-progress";

/** Where the bar draws: `process.stdout` or any stream like it (a terminal when `isTTY` is true). */
export interface ProgressStream {
  /** Writes text. */
  write(text: string): unknown;
  /** Whether the stream is a terminal. */
  isTTY?: boolean;
}

let cliProgressModule: typeof CliProgress | undefined;
/** `cli-progress` (a CommonJS package), required on first use through Node's own `require`. */
function loadCliProgress(): typeof CliProgress {
  if (!cliProgressModule) {
    const { createRequire } = process.getBuiltinModule("node:module");
    cliProgressModule = createRequire(import.meta.url)("cli-progress") as typeof CliProgress;
  }
  return cliProgressModule;
}

/** What {@link trainingProgress} returns: pass `onCost` and `print` to `nnModel`, call `stop` after training. */
export interface TrainingProgress {
  /** Whether a bar is drawn (the stream is a terminal). */
  readonly active: boolean;
  /** Updates the bar; shaped as `nnModel`'s `onCost` option. */
  onCost(iteration: number, cost: number): void;
  /** Prints a line above the bar (or plainly, without a bar); shaped as `nnModel`'s `print` option. */
  print(line: string): void;
  /** Completes and removes the bar. */
  stop(): void;
}

/**
 * A progress bar for `total` training iterations, showing the iteration, the cost and an ETA.
 *
 * @param total - the number of iterations (nnModel's `numIterations`)
 * @param options.label - text before the bar (default "training")
 * @param options.stream - where to draw (default process.stdout)
 * @param options.enabled - force on or off (default: whether the stream is a TTY)
 * @returns `{ active, onCost, print, stop }`
 * @example
 * const bar = trainingProgress(10000);
 * const parameters = nnModel(X, Y, 4, { printCost: true, print: bar.print, onCost: bar.onCost, costEvery: 50 });
 * bar.stop();
 */
export function trainingProgress(
  total: number,
  options: { label?: string; stream?: ProgressStream; enabled?: boolean } = {},
): TrainingProgress {
  const stream = options.stream ?? process.stdout;
  const active = options.enabled ?? stream.isTTY === true;
  if (!active) {
    return { active, onCost: () => {}, print: (line) => void stream.write(line + "\n"), stop: () => {} };
  }
  const cliProgress = loadCliProgress();
  const bars = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: `${options.label ?? "training"} [{bar}] {percentage}% | iteration {value}/{total} | cost {cost} | ETA {eta}s`,
      // a synchronous loop cannot restore a hidden cursor on Ctrl-C: leave it visible
      hideCursor: false,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { cost: "-" });
  // training keeps the event loop busy, so cli-progress's redraw timer never fires: redraw here,
  // at most every 100 ms
  let lastDraw = 0;
  return {
    active,
    onCost(iteration: number, cost: number) {
      bar.update(iteration + 1, { cost: cost.toFixed(6) });
      const now = Date.now();
      if (now - lastDraw >= 100) {
        lastDraw = now;
        bars.update();
      }
    },
    print(line: string) {
      bars.log(line + "\n");
      bars.update();
    },
    stop() {
      bar.update(total);
      bars.stop();
    },
  };
}
