import test from "ava";
import { mkdtempSync, mkdirSync, writeFileSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { cd, gpuInfo, listFiles, ls, setShellLanguage, shownPath } from "../../lib/notebook/index.js";

/** The folder the helpers show paths relative to: where this test process started (the notebook's folder in a kernel). */
const START = process.cwd();
const shown = (p: string) => relative(START, p) || ".";

function capture(fn: () => void): string {
  const lines: string[] = [];
  const orig = console.log;
  console.log = (...a: unknown[]) => void lines.push(a.map(String).join(" "));
  try {
    fn();
  } finally {
    console.log = orig;
  }
  return lines.join("\n");
}

function sandbox(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "nb-shell-")));
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "b.txt"), "x");
  writeFileSync(join(dir, "a.txt"), "x");
  return dir;
}

test("gpuInfo() says plainly that no GPU is visible when the program is missing", (t) => {
  const info = gpuInfo("nvidia-smi-that-does-not-exist");
  t.false(info.visible);
  t.regex(info.text, /^No NVIDIA GPU is visible: nvidia-smi-that-does-not-exist is not installed here/);
});

test("gpuInfo() reports a failing nvidia-smi as not usable, with its output", (t) => {
  const info = gpuInfo("false");
  t.false(info.visible);
  t.regex(info.text, /^No NVIDIA GPU is usable: false failed \(exit status 1\)/);
});

test("gpuInfo() shows the program's output when it succeeds", (t) => {
  const info = gpuInfo("true");
  t.true(info.visible);
  t.is(info.text, "");
});

test("listFiles(dir) lists sorted names with folders marked", (t) => {
  t.deepEqual(listFiles(sandbox()), ["a.txt", "b.txt", "sub/"]);
});

test("listFiles(dir) throws ls's message for a missing folder", (t) => {
  t.throws(() => listFiles("/no/such/folder"), { message: "ls: cannot access '/no/such/folder': No such file or directory" });
});

test("ls(dir) prints the folder's files, and no machine path", (t) => {
  const dir = sandbox();
  t.is(capture(() => ls(dir)), "a.txt\nb.txt\nsub/");
  t.is(capture(() => ls(join(dir, "sub"))), `(${shown(join(dir, "sub"))} is empty)`);
  t.is(capture(() => ls(join(dir, "nope"))), `ls: cannot access '${join(dir, "nope")}': No such file or directory`);
});

test("cd(dir) changes folder, and stays put with a clear message when it cannot", (t) => {
  const dir = sandbox();
  const start = process.cwd();
  try {
    process.chdir(dir);
    t.is(capture(() => cd("sample_data")), `cd: no folder 'sample_data' in ${shown(dir)}; staying there.`);
    t.is(process.cwd(), dir);
    t.is(capture(() => cd("a.txt")), `cd: 'a.txt' is a file, not a folder; staying in ${shown(dir)}.`);
    t.is(process.cwd(), dir);
    t.is(capture(() => cd("sub")), `cd: now in ${shown(join(dir, "sub"))}`);
    t.is(process.cwd(), join(dir, "sub"));
  } finally {
    process.chdir(start);
  }
});

test("shownPath shows paths relative to the starting folder, never absolute", (t) => {
  t.is(shownPath(START), ".");
  t.is(shownPath(join(START, "notebooks", "x")), "notebooks/x");
  t.is(shownPath(join(START, "..")), "..");
  t.false(shownPath("/tmp").startsWith("/"));
});

test("setShellLanguage('ru'): nvidiaSmi, ls and cd speak Russian (the Russian notebook), then English again", (t) => {
  const dir = sandbox();
  const start = process.cwd();
  try {
    setShellLanguage("ru");
    t.regex(gpuInfo("no-such-nvidia-smi-here").text, /^GPU NVIDIA не видна: no-such-nvidia-smi-here здесь не установлена/);
    t.is(capture(() => ls(join(dir, "sub"))), `(папка ${shown(join(dir, "sub"))} пуста)`);
    process.chdir(dir);
    t.is(capture(() => cd("sample_data")), `cd: в ${shown(dir)} нет папки 'sample_data'; остаёмся здесь.`);
    t.is(capture(() => cd("sub")), `cd: теперь в ${shown(join(dir, "sub"))}`);
  } finally {
    process.chdir(start);
    setShellLanguage("en");
  }
  t.regex(gpuInfo("no-such-nvidia-smi-here").text, /^No NVIDIA GPU is visible/);
  t.throws(() => setShellLanguage("de" as "en"), { name: "ValueError", message: 'setShellLanguage takes "en" or "ru", not "de"' });
});
