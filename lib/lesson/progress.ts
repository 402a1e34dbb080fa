/**
 * A terminal progress bar for training, with the current cost, from the `cli-progress` package.
 * It draws only when the stream is a terminal (a TTY), so logs and CI output stay clean.
 * @module
 */
import cliProgress from "cli-progress";

/** What {@link trainingProgress} returns: pass `onCost` to `nnModel`, call `stop` after training. */
export interface TrainingProgress {
  /** Whether a bar is drawn (the stream is a terminal). */
  readonly active: boolean;
  /** Updates the bar; shaped as `nnModel`'s `onCost` option. */
  onCost(iteration: number, cost: number): void;
  /** Completes and releases the bar. */
  stop(): void;
}

/**
 * A progress bar for `total` training iterations, showing the iteration, the cost and an ETA.
 *
 * @param total - the number of iterations (nnModel's `numIterations`)
 * @param options.label - text before the bar (default "training")
 * @param options.stream - where to draw (default process.stdout)
 * @param options.enabled - force on or off (default: whether the stream is a TTY)
 * @returns `{ active, onCost, stop }`
 * @example
 * const bar = trainingProgress(10000);
 * const parameters = nnModel(X, Y, 4, { onCost: bar.onCost, costEvery: 50 });
 * bar.stop();
 */
export function trainingProgress(
  total: number,
  options: { label?: string; stream?: NodeJS.WriteStream; enabled?: boolean } = {},
): TrainingProgress {
  const stream = options.stream ?? process.stdout;
  const active = options.enabled ?? stream.isTTY === true;
  if (!active) return { active, onCost: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${options.label ?? "training"} [{bar}] {percentage}% | iteration {value}/{total} | cost {cost} | ETA {eta}s`,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { cost: "-" });
  return {
    active,
    onCost(iteration: number, cost: number) {
      bar.update(iteration + 1, { cost: cost.toFixed(6) });
    },
    stop() {
      bar.stop();
    },
  };
}
