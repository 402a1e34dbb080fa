/**
 * TypeScript stand-ins for the lesson's shell cells (`!nvidia-smi`, `!ls`, `!cd sample_data`): tslab has
 * no `!` escape, and these work the same on Linux, macOS and Windows.
 * @module
 */
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { ValueError } from "../np/errors.js";

/** The languages the shell helpers speak: the Russian notebook prints Russian, the English one English. */
export type ShellLanguage = "en" | "ru";

/** Every sentence the shell helpers print, in each language (the commands' own output is left as it is). */
const MESSAGES = {
  en: {
    gpuMissing: (cmd: string) =>
      `No NVIDIA GPU is visible: ${cmd} is not installed here (not on PATH). ` +
      "The lesson runs on the CPU; in the dev container a GPU shows up when the host has the NVIDIA driver " +
      "and the NVIDIA Container Toolkit.",
    gpuFailed: (cmd: string, why: string) => `No NVIDIA GPU is usable: ${cmd} failed (${why}).`,
    exitStatus: (status: number | null) => `exit status ${status}`,
    lsMissing: (dir: string) => `ls: cannot access '${dir}': No such file or directory`,
    empty: (dir: string) => `(${dir} is empty)`,
    cdMissing: (dir: string, here: string) => `cd: no folder '${dir}' in ${here}; staying there.`,
    cdFile: (dir: string, here: string) => `cd: '${dir}' is a file, not a folder; staying in ${here}.`,
    cdNow: (there: string) => `cd: now in ${there}`,
  },
  ru: {
    gpuMissing: (cmd: string) =>
      `GPU NVIDIA не видна: ${cmd} здесь не установлена (её нет в PATH). ` +
      "Урок работает на CPU; в dev-контейнере GPU появляется, когда на хосте есть драйвер NVIDIA " +
      "и NVIDIA Container Toolkit.",
    gpuFailed: (cmd: string, why: string) => `GPU NVIDIA недоступна: ${cmd} завершилась с ошибкой (${why}).`,
    exitStatus: (status: number | null) => `код выхода ${status}`,
    lsMissing: (dir: string) => `ls: нет доступа к '${dir}': нет такого файла или каталога`,
    empty: (dir: string) => `(папка ${dir} пуста)`,
    cdMissing: (dir: string, here: string) => `cd: в ${here} нет папки '${dir}'; остаёмся здесь.`,
    cdFile: (dir: string, here: string) => `cd: '${dir}' — файл, а не папка; остаёмся в ${here}.`,
    cdNow: (there: string) => `cd: теперь в ${there}`,
  },
} satisfies Record<ShellLanguage, unknown>;

let language: ShellLanguage = "en";
const say = () => MESSAGES[language];

/**
 * Sets the language of the sentences that `nvidiaSmi`, `ls` and `cd` print (the Russian notebook
 * calls `setShellLanguage("ru")` in its set-up cell). The commands' own output is not translated.
 *
 * @param lang - `"en"` (the default) or `"ru"`.
 * @throws ValueError for any other language.
 */
export function setShellLanguage(lang: ShellLanguage): void {
  if (lang !== "en" && lang !== "ru") throw new ValueError(`setShellLanguage takes "en" or "ru", not ${JSON.stringify(lang)}`);
  language = lang;
}

/** The folder the kernel started in (the notebook's folder): paths are shown relative to it. */
const START = process.cwd();

/**
 * A path as the shell helpers print it: relative to the folder the kernel started in (the notebook's
 * folder), with `/`, so a notebook's saved outputs never show the machine's own folders.
 *
 * @param path - any path.
 * @returns e.g. `.` for the notebook's folder, `sample_data`, `..` for the repository root.
 */
export function shownPath(path: string): string {
  const rel = relative(START, resolve(path));
  return rel === "" ? "." : rel.split(sep).join("/");
}

/** What {@link gpuInfo} found: whether a GPU is visible and the text to show. */
export interface GpuInfo {
  /** True when `nvidia-smi` ran and succeeded (it fails when it finds no GPU or no driver). */
  visible: boolean;
  /** `nvidia-smi`'s own output, or a plain sentence saying why no GPU is visible. */
  text: string;
}

/**
 * Asks `nvidia-smi` which NVIDIA GPUs this machine (or dev container) can use.
 *
 * Parameters
 * ----------
 * command : string, optional
 *     The program to run (default `"nvidia-smi"`, looked up on PATH).
 *
 * Returns
 * -------
 * GpuInfo
 *     `visible` and the text: `nvidia-smi`'s table, or why no GPU is visible (not installed, or it failed).
 *     Never throws: no GPU is a normal answer, since the lesson runs on the CPU.
 *
 * Example
 * -------
 * ```ts
 * gpuInfo().visible   // false on a machine without an NVIDIA GPU
 * ```
 */
export function gpuInfo(command = "nvidia-smi"): GpuInfo {
  const r = spawnSync(command, [], { encoding: "utf8", timeout: 20_000 });
  const err = r.error as NodeJS.ErrnoException | undefined;
  if (err?.code === "ENOENT") {
    return { visible: false, text: say().gpuMissing(command) };
  }
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`.trimEnd();
  if (err || r.status !== 0) {
    const why = err ? err.message : say().exitStatus(r.status);
    return { visible: false, text: `${say().gpuFailed(command, why)}${output ? "\n" + output : ""}` };
  }
  return { visible: true, text: output };
}

/**
 * The notebook's `!nvidia-smi`: prints the GPU table, or says plainly that no GPU is visible.
 *
 * Example
 * -------
 * ```ts
 * nvidiaSmi();   // "No NVIDIA GPU is visible: nvidia-smi is not installed here ..."
 * ```
 */
export function nvidiaSmi(): void {
  console.log(gpuInfo().text);
}

/**
 * The names in a folder, sorted, folders marked with a trailing `/`.
 *
 * Parameters
 * ----------
 * dir : string, optional
 *     The folder (default: the current one).
 *
 * Returns
 * -------
 * string[]
 *
 * Throws
 * ------
 * ValueError
 *     `ls: cannot access '<dir>': No such file or directory` when the folder does not exist.
 */
export function listFiles(dir = "."): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new ValueError(say().lsMissing(dir));
  }
  return names
    .sort((a, b) => a.localeCompare(b))
    .map((n) => {
      try {
        return statSync(resolve(dir, n)).isDirectory() ? n + "/" : n;
      } catch {
        return n;
      }
    });
}

/**
 * The notebook's `!ls`: prints the folder's files, one per line, as `ls -p` does (or says that the folder
 * does not exist). No machine path is printed.
 *
 * Parameters
 * ----------
 * dir : string, optional
 *     The folder to list (default: the current one).
 */
export function ls(dir = "."): void {
  try {
    const names = listFiles(dir);
    console.log(names.length ? names.join("\n") : say().empty(shownPath(dir)));
  } catch (e) {
    console.log((e as Error).message);
  }
}

/**
 * The notebook's `!cd`: changes the kernel's current folder, or says clearly why it cannot
 * (the folder does not exist, or is a file) and stays where it is.
 *
 * Parameters
 * ----------
 * dir : string
 *     The folder to go to, relative to the current one or absolute.
 *
 * Returns nothing (so a notebook cell shows only the message); `process.cwd()` tells where the kernel is.
 * The messages show folders relative to the notebook's folder (see {@link shownPath}).
 *
 * Example
 * -------
 * ```ts
 * cd("sample_data");   // "cd: no folder 'sample_data' in .; staying there."
 * cd("..");            // "cd: now in .."
 * ```
 */
export function cd(dir: string): void {
  const here = process.cwd();
  const target = resolve(here, dir);
  let isDir = false;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    console.log(say().cdMissing(dir, shownPath(here)));
    return;
  }
  if (!isDir) {
    console.log(say().cdFile(dir, shownPath(here)));
    return;
  }
  process.chdir(target);
  console.log(say().cdNow(shownPath(target)));
}
