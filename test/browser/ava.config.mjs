// ava configuration of the browser tests (Chromium, Jupyter): `npx ava --config test/browser/ava.config.mjs`,
// run by .ci/steps/30-browser.sh. They are *.browser.ts, so the README's `npm test` does not run them.
export default {
  files: ["test/browser/*.browser.ts"],
  extensions: { ts: "module" },
  nodeArguments: ["--import=tsx"],
  timeout: "5m",
  workerThreads: false,
  concurrency: 1,
  tap: process.env.AVA_TAP === "1", // .ci/run counts tests from the TAP report
};
