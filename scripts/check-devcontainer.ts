/**
 * Checks the dev container's configuration (CI runs it from .ci/steps/40-devcontainer.sh):
 *
 * - `.devcontainer/devcontainer.json` parses as JSONC (comments allowed, trailing commas not, as the
 *   Dev Container schema says) and validates against the Dev Container JSON schema
 *   vendored in this repository, `scripts/devcontainer/devContainer.base.schema.json` (JSON Schema
 *   draft 2019-09, Ajv2019; scripts/devcontainer/README.md says where it comes from);
 * - the GPU rule: `"hostRequirements": { "gpu": "optional" }`, never `"gpu": true`, no `--gpus` in
 *   `runArgs`, and the Dockerfile passes the NVIDIA driver's compute, utility and graphics parts through;
 * - the set-up: the project's scripts/setup.sh on create, JupyterLab started and port 8888 forwarded,
 *   VS Code's Jupyter extension, Node 20.
 *
 * Usage: `npx tsx scripts/check-devcontainer.ts [--schema PATH]`. Exit status 1 on any problem
 * (a missing schema file included).
 *
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import jsonc from "jsonc-parser";
import Ajv2019Module from "ajv/dist/2019.js";

/** The Dev Container schema, vendored (scripts/devcontainer/README.md), relative to the repository root. */
export const VENDORED_SCHEMA = "scripts/devcontainer/devContainer.base.schema.json";

/** The parsed `devcontainer.json`: a JSON object of unknown shape. */
export type DevContainerConfig = Record<string, unknown>;

/** The NVIDIA driver capabilities the image must request (CUDA, nvidia-smi/NVML, OpenGL/Vulkan). */
export const REQUIRED_DRIVER_CAPABILITIES = ["compute", "utility", "graphics"] as const;

/** The port JupyterLab serves and the dev container forwards. */
export const JUPYTER_PORT = 8888;

/**
 * Parses JSON with comments the way the Dev Container tooling reads `devcontainer.json`.
 *
 * @param text - the file's text.
 * @param file - the file's name, for messages.
 * @returns the parsed value, which must be a JSON object.
 * @throws Error naming `file:line:column` and the problem for each syntax error (a trailing comma is
 *   one), or saying that the top level is not an object.
 * @example
 * parseJsonc('{ // a comment\n "name": "x" }', "devcontainer.json"); // { name: "x" }
 */
export function parseJsonc(text: string, file: string): DevContainerConfig {
  const errors: jsonc.ParseError[] = [];
  const value: unknown = jsonc.parse(text, errors, { allowTrailingComma: false, disallowComments: false });
  if (errors.length > 0) {
    const where = (offset: number): string => {
      const before = text.slice(0, offset).split("\n");
      return `${file}:${before.length}:${(before.at(-1) ?? "").length + 1}`;
    };
    throw new Error(
      errors.map((e) => `${where(e.offset)}: ${jsonc.printParseErrorCode(e.error)}`).join("\n"),
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${file}: the top level must be a JSON object`);
  }
  return value as DevContainerConfig;
}

/**
 * Reads the NVIDIA driver capabilities a Dockerfile sets with `ENV NVIDIA_DRIVER_CAPABILITIES=...`.
 *
 * @param dockerfile - the Dockerfile's text.
 * @returns the comma-separated capabilities as a list, or `null` when the Dockerfile sets none.
 * @example
 * driverCapabilities("ENV NVIDIA_DRIVER_CAPABILITIES=compute,utility"); // ["compute", "utility"]
 */
export function driverCapabilities(dockerfile: string): string[] | null {
  const match = /^\s*ENV\b(?:[^\n]*\\\n)*[^\n]*?\bNVIDIA_DRIVER_CAPABILITIES[= ]"?([A-Za-z0-9_,]+)/m.exec(dockerfile);
  return match?.[1] === undefined ? null : match[1].split(",").filter((c) => c !== "");
}

/**
 * Checks the GPU rule: the container asks for a GPU only where the host has one.
 *
 * @param config - the parsed `devcontainer.json`.
 * @param dockerfile - the text of the Dockerfile it builds, or `null` when it builds none (then
 *   `containerEnv` must set `NVIDIA_DRIVER_CAPABILITIES`).
 * @returns one message per broken rule; empty when all hold.
 * @example
 * gpuRuleProblems({ hostRequirements: { gpu: true } }, null);
 * // ['hostRequirements.gpu is true: ...', ...]
 */
export function gpuRuleProblems(config: DevContainerConfig, dockerfile: string | null): string[] {
  const problems: string[] = [];
  const host = config["hostRequirements"];
  const gpu = typeof host === "object" && host !== null ? (host as Record<string, unknown>)["gpu"] : undefined;
  if (gpu === true) {
    problems.push(
      'hostRequirements.gpu is true: the container would fail to start on hosts without a GPU (Codespaces among them); use "optional"',
    );
  } else if (gpu !== "optional") {
    problems.push(`hostRequirements.gpu must be "optional" (found ${JSON.stringify(gpu) ?? "nothing"})`);
  }

  const runArgs = config["runArgs"];
  if (runArgs !== undefined) {
    if (!Array.isArray(runArgs)) {
      problems.push("runArgs must be an array of strings");
    } else if (runArgs.some((a) => typeof a === "string" && /^--gpus(=|$)/.test(a.trim()))) {
      problems.push(
        'runArgs holds --gpus: docker refuses to start the container on hosts without an NVIDIA GPU; "hostRequirements": {"gpu": "optional"} adds it where there is one',
      );
    }
  }

  const env = config["containerEnv"];
  const fromEnv =
    typeof env === "object" && env !== null ? (env as Record<string, unknown>)["NVIDIA_DRIVER_CAPABILITIES"] : undefined;
  const caps =
    typeof fromEnv === "string" ? fromEnv.split(",") : dockerfile === null ? null : driverCapabilities(dockerfile);
  if (caps === null) {
    problems.push(
      `NVIDIA_DRIVER_CAPABILITIES is not set (Dockerfile ENV or containerEnv): the NVIDIA runtime then passes only ${"compute,utility"}`,
    );
  } else if (!caps.includes("all")) {
    const missing = REQUIRED_DRIVER_CAPABILITIES.filter((c) => !caps.includes(c));
    if (missing.length > 0) {
      problems.push(`NVIDIA_DRIVER_CAPABILITIES=${caps.join(",")} lacks ${missing.join(", ")}`);
    }
  }
  return problems;
}

/** Joins a lifecycle command (string, array or object of commands) into one string to search. */
function commandText(command: unknown): string {
  if (typeof command === "string") return command;
  if (Array.isArray(command)) return command.join(" ");
  if (typeof command === "object" && command !== null) return Object.values(command).map(commandText).join(" ; ");
  return "";
}

/**
 * Checks that the container sets the lesson up the way the README and CI do.
 *
 * @param config - the parsed `devcontainer.json`.
 * @param dockerfile - the text of the Dockerfile it builds, or `null` when it builds none.
 * @returns one message per missing piece; empty when all are there.
 * @example
 * setupProblems({}, null); // ['postCreateCommand does not run scripts/setup.sh ...', ...]
 */
export function setupProblems(config: DevContainerConfig, dockerfile: string | null): string[] {
  const problems: string[] = [];
  const lifecycle = ["onCreateCommand", "updateContentCommand", "postCreateCommand"]
    .map((k) => commandText(config[k]))
    .join(" ; ");
  if (!lifecycle.includes("scripts/setup.sh")) {
    problems.push("postCreateCommand does not run scripts/setup.sh (npm ci, build, the tslab kernel)");
  }
  if (!/jupyter[- ]?lab|start-jupyterlab/.test(commandText(config["postStartCommand"]) + commandText(config["postAttachCommand"]))) {
    problems.push("postStartCommand does not start JupyterLab");
  }
  const ports = config["forwardPorts"];
  if (!Array.isArray(ports) || !ports.some((p) => p === JUPYTER_PORT || p === `${JUPYTER_PORT}` || p === `localhost:${JUPYTER_PORT}`)) {
    problems.push(`forwardPorts does not forward JupyterLab's port ${JUPYTER_PORT}`);
  }
  const customizations = config["customizations"] as { vscode?: { extensions?: unknown } } | undefined;
  const extensions = customizations?.vscode?.extensions;
  if (!Array.isArray(extensions) || !extensions.some((e) => typeof e === "string" && e.toLowerCase() === "ms-toolsai.jupyter")) {
    problems.push("customizations.vscode.extensions lacks VS Code's Jupyter extension, ms-toolsai.jupyter");
  }
  const image = dockerfile === null ? String(config["image"] ?? "") : (/^\s*FROM\s+(\S+)/im.exec(dockerfile)?.[1] ?? "");
  if (!/(?:node|javascript-node|typescript-node)[^:]*:(?:[\w.]+-)?20\b/.test(image)) {
    problems.push(`the base image ${image === "" ? "(none found)" : image} is not a Node 20 image`);
  }
  return problems;
}

/**
 * Validates a configuration against the Dev Container JSON schema (draft 2019-09) with Ajv2019.
 * The schema's VS Code keywords (markdownDescription, defaultSnippets, ...) are known annotations.
 *
 * @param config - the parsed `devcontainer.json`.
 * @param schema - the parsed `devContainer.base.schema.json`.
 * @returns one `path: message` line per schema error; empty when valid.
 * @throws Error when the schema itself does not compile.
 * @example
 * schemaProblems({ name: 1 }, schema); // ['/name: must be string', ...]
 */
export function schemaProblems(config: DevContainerConfig, schema: object): string[] {
  const Ajv2019 = Ajv2019Module.default;
  const ajv = new Ajv2019({ allErrors: true, strictTypes: false });
  ajv.addVocabulary([
    "allowComments",
    "allowTrailingCommas",
    "defaultSnippets",
    "deprecationMessage",
    "enumDescriptions",
    "markdownDescription",
    "markdownEnumDescriptions",
    "errorMessage",
    "doNotSuggest",
  ]);
  ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  const validate = ajv.compile(schema);
  if (validate(config)) return [];
  // The schema nests oneOf/allOf, so the same error comes once per branch: keep each line once.
  const lines = (validate.errors ?? []).map((e) => {
    const params = e.params as { additionalProperty?: string; unevaluatedProperty?: string };
    const name = params.additionalProperty ?? params.unevaluatedProperty;
    return `${e.instancePath === "" ? "/" : e.instancePath}: ${e.message ?? e.keyword}${name === undefined ? "" : ` (${name})`}`;
  });
  return [...new Set(lines)];
}

/** Runs every check on this checkout and prints the verdict; returns the exit status. */
function main(argv: string[]): number {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const schemaArg = argv.indexOf("--schema");
  const schemaPath =
    schemaArg >= 0 && argv[schemaArg + 1] !== undefined
      ? resolve(argv[schemaArg + 1] as string)
      : join(root, VENDORED_SCHEMA);
  const configPath = join(root, ".devcontainer", "devcontainer.json");
  const config = parseJsonc(readFileSync(configPath, "utf8"), configPath);

  const build = config["build"] as { dockerfile?: unknown } | undefined;
  const dockerfileName = typeof build?.dockerfile === "string" ? build.dockerfile : config["dockerFile"];
  let dockerfile: string | null = null;
  const problems: string[] = [];
  if (typeof dockerfileName === "string") {
    const dockerfilePath = join(root, ".devcontainer", dockerfileName);
    if (existsSync(dockerfilePath)) dockerfile = readFileSync(dockerfilePath, "utf8");
    else problems.push(`build.dockerfile names ${dockerfilePath}, which does not exist`);
  }

  if (existsSync(schemaPath)) {
    const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as object;
    const found = schemaProblems(config, schema);
    problems.push(...found.map((p) => `schema: ${p}`));
    if (found.length === 0) console.log(`check-devcontainer: valid against ${schemaPath}`);
  } else {
    problems.push(`the Dev Container schema is missing: ${schemaPath}`);
  }
  problems.push(...gpuRuleProblems(config, dockerfile), ...setupProblems(config, dockerfile));

  if (problems.length > 0) {
    console.error(`check-devcontainer: ${configPath}: ${problems.length} problem(s):`);
    for (const p of problems) console.error(`  - ${p}`);
    return 1;
  }
  console.log('check-devcontainer: GPU rule holds (gpu "optional", no --gpus, compute,utility,graphics)');
  console.log("check-devcontainer: set-up holds (scripts/setup.sh, JupyterLab on 8888, Jupyter extension, Node 20)");
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`check-devcontainer: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
