import test from "ava";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  driverCapabilities,
  gpuRuleProblems,
  parseJsonc,
  schemaProblems,
  setupProblems,
  type DevContainerConfig,
  VENDORED_SCHEMA,
} from "../scripts/check-devcontainer.js";

const read = (path: string): string => readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8");
const configText = read("../.devcontainer/devcontainer.json");
const dockerfile = read("../.devcontainer/Dockerfile");
const config = parseJsonc(configText, "devcontainer.json");
const withGpu = (gpu: unknown): DevContainerConfig => ({ ...config, hostRequirements: { gpu } });

test("parseJsonc reads the committed devcontainer.json with its comments", (t) => {
  t.true(configText.includes("//"));
  t.deepEqual(config["hostRequirements"], { cpus: 2, gpu: "optional" });
});

test("the committed devcontainer.json validates against the Dev Container schema vendored in the repository", (t) => {
  const schema = JSON.parse(read(`../${VENDORED_SCHEMA}`)) as { $schema: string };
  t.is(schema.$schema, "https://json-schema.org/draft/2019-09/schema");
  t.deepEqual(schemaProblems(config, schema), []);
  t.deepEqual(schemaProblems({ ...config, forwardPorts: "8888" }, schema).slice(0, 1), ["/forwardPorts: must be array"]);
});

test("parseJsonc rejects a trailing comma, naming file, line and column", (t) => {
  const error = t.throws(() => parseJsonc('{\n  "name": "x",\n}', "dc.json"));
  t.regex(error?.message ?? "", /^dc\.json:3:1: PropertyNameExpected/);
});

test("parseJsonc rejects a top level that is not an object", (t) => {
  t.throws(() => parseJsonc("[1, 2]", "dc.json"), { message: "dc.json: the top level must be a JSON object" });
});

test("gpuRuleProblems finds none in the committed configuration", (t) => {
  t.deepEqual(gpuRuleProblems(config, dockerfile), []);
});

test('gpuRuleProblems rejects "gpu": true', (t) => {
  const problems = gpuRuleProblems(withGpu(true), dockerfile);
  t.is(problems.length, 1);
  t.regex(problems[0] ?? "", /^hostRequirements\.gpu is true: .*use "optional"/);
});

test('gpuRuleProblems requires "gpu": "optional"', (t) => {
  t.deepEqual(gpuRuleProblems(withGpu(false), dockerfile), ['hostRequirements.gpu must be "optional" (found false)']);
  const { hostRequirements: _dropped, ...without } = config;
  t.deepEqual(gpuRuleProblems(without, dockerfile), ['hostRequirements.gpu must be "optional" (found nothing)']);
});

for (const runArgs of [["--gpus", "all"], ["--gpus=all"], ["--init", "--gpus", '"device=0"']]) {
  test(`gpuRuleProblems rejects runArgs ${JSON.stringify(runArgs)}`, (t) => {
    const problems = gpuRuleProblems({ ...config, runArgs }, dockerfile);
    t.is(problems.length, 1);
    t.regex(problems[0] ?? "", /^runArgs holds --gpus: /);
  });
}

test("gpuRuleProblems accepts runArgs without --gpus", (t) => {
  t.deepEqual(gpuRuleProblems({ ...config, runArgs: ["--init", "--shm-size=1g"] }, dockerfile), []);
});

test("gpuRuleProblems requires compute, utility and graphics driver capabilities", (t) => {
  const noGraphics = dockerfile.replace("compute,utility,graphics", "compute,utility");
  t.deepEqual(gpuRuleProblems(config, noGraphics), ["NVIDIA_DRIVER_CAPABILITIES=compute,utility lacks graphics"]);
  const unset = dockerfile.replace(/NVIDIA_DRIVER_CAPABILITIES/g, "OTHER_VARIABLE");
  t.regex(gpuRuleProblems(config, unset)[0] ?? "", /^NVIDIA_DRIVER_CAPABILITIES is not set/);
  t.deepEqual(gpuRuleProblems({ ...config, containerEnv: { NVIDIA_DRIVER_CAPABILITIES: "all" } }, unset), []);
});

test("driverCapabilities reads ENV lines, continued or not", (t) => {
  t.deepEqual(driverCapabilities(dockerfile), ["compute", "utility", "graphics"]);
  t.deepEqual(driverCapabilities("FROM x\nENV A=1 \\\n    NVIDIA_DRIVER_CAPABILITIES=compute,video\n"), ["compute", "video"]);
  t.deepEqual(driverCapabilities('ENV NVIDIA_DRIVER_CAPABILITIES "utility"'), ["utility"]);
  t.is(driverCapabilities("FROM x\nRUN echo NVIDIA_DRIVER_CAPABILITIES=all\n"), null);
});

test("setupProblems finds none in the committed configuration", (t) => {
  t.deepEqual(setupProblems(config, dockerfile), []);
});

test("setupProblems names each missing piece", (t) => {
  const bare: DevContainerConfig = { image: "mcr.microsoft.com/devcontainers/python:3.12" };
  t.deepEqual(setupProblems(bare, null), [
    "postCreateCommand does not run scripts/setup.sh (npm ci, build, the tslab kernel)",
    "postStartCommand does not start JupyterLab",
    "forwardPorts does not forward JupyterLab's port 8888",
    "customizations.vscode.extensions lacks VS Code's Jupyter extension, ms-toolsai.jupyter",
    "the base image mcr.microsoft.com/devcontainers/python:3.12 is not a Node 20 image",
  ]);
  t.deepEqual(setupProblems(config, dockerfile.replace(":1-20-bookworm", ":1-18-bookworm")), [
    "the base image mcr.microsoft.com/devcontainers/javascript-node:1-18-bookworm is not a Node 20 image",
  ]);
});

test("schemaProblems uses draft 2019-09 (unevaluatedProperties) and the schema's VS Code keywords", (t) => {
  // A small stand-in for the Dev Container schema (tests must not read ../shared), with its idioms.
  const schema = {
    $schema: "https://json-schema.org/draft/2019-09/schema",
    allowComments: true,
    allowTrailingCommas: false,
    type: "object",
    properties: {
      name: { type: "string", markdownDescription: "A *name*." },
      hostRequirements: {
        type: "object",
        properties: { gpu: { type: ["boolean", "string"], enum: [true, false, "optional"] } },
      },
    },
    unevaluatedProperties: false,
  };
  t.deepEqual(schemaProblems({ name: "x", hostRequirements: { gpu: "optional" } }, schema), []);
  t.deepEqual(schemaProblems({ name: "x", bogus: 1 }, schema), ["/: must NOT have unevaluated properties (bogus)"]);
  t.deepEqual(schemaProblems({ hostRequirements: { gpu: "maybe" } }, schema), [
    "/hostRequirements/gpu: must be equal to one of the allowed values",
  ]);
});
