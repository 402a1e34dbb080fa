// Checks `npm pack --json`'s report of the tarball: under 1 MB packed; dist/ with JavaScript,
// declarations and source maps for every entry of "exports"; LICENSE; nothing of the repository's
// tests, fixtures, notebooks, benchmarks or scripts. Prints one line with its size and file count.
// Usage: node test/package/check-tarball.mjs pack.json
import { readFileSync } from "node:fs";

const text = readFileSync(process.argv[2], "utf8");
const [info] = JSON.parse(text.slice(text.indexOf("[")));
const files = info.files.map((f) => f.path);
const problems = [];
if (info.size >= 1024 * 1024) problems.push(`packed size ${info.size} bytes is not under 1 MB`);
for (const need of ["LICENSE", "README.md", "package.json", "dist/index.js", "dist/index.d.ts", "dist/index.js.map",
  "dist/web.js", "dist/web.d.ts", "dist/np-entry.js", "dist/np-entry.d.ts"]) {
  if (!files.includes(need)) problems.push(`${need} is missing`);
}
const stray = files.filter((f) => !/^(dist\/.*\.(js|d\.ts|js\.map)|LICENSE|README\.md|package\.json)$/.test(f) || /^dist\/main\./.test(f));
if (stray.length) problems.push(`files a user does not need: ${stray.slice(0, 10).join(", ")}`);
if (problems.length) {
  console.error(`package: the tarball ${info.filename}: ${problems.join("; ")}`);
  process.exit(1);
}
console.log(`package: tarball ${info.filename}: ${(info.size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked, ${info.entryCount} files`);
