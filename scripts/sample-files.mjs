// What the sample scripts share: organisation numbers with valid check digits, and writing a script's files
// or checking that they are what it would write (`--check`, which the samples' tests run).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Writes `files` (name → content) into `folder`, or with `check` reports each that differs; exits 1 on a difference. */
export function writeOrCheck(folder, files, script, check = process.argv.includes("--check")) {
  let differs = 0;
  if (!check) mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const target = join(folder, name);
    if (check) {
      let old;
      try {
        old = readFileSync(target, "utf8");
      } catch {
        old = "";
      }
      if (old !== content) {
        console.error(`${name} differs from what ${script} writes`);
        differs++;
      }
    } else writeFileSync(target, content);
  }
  if (check && differs > 0) process.exit(1);
  if (!check) console.log(`Wrote ${Object.keys(files).length} files to ${folder}`);
}

/** Nine-digit organisation number with a valid modulus-11 check digit, from an eight-digit start. */
export function orgnr(first8) {
  for (let n = Number(first8); ; n++) {
    const digits = String(n).padStart(8, "0");
    const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((s, w, i) => s + w * Number(digits[i]), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return digits + String(check === 11 ? 0 : check);
  }
}
