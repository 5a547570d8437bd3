import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";

/** Every .ts file under a folder. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Source without comments, so the checks look at code and strings only. */
function code(path: string): string {
  return readFileSync(path, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

const root = join(__dirname, "..", "..");
const core = join(root, "src", "core");

describe("the functional core is pure", () => {
  const coreFiles = files(core);

  test("core imports nothing but core and decimal.js", () => {
    for (const file of coreFiles) {
      const imports = [...code(file).matchAll(/from\s+["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)|import\(\s*["']([^"']+)["']/g)]
        .map((m) => m[1] ?? m[2] ?? m[3]);
      for (const spec of imports) {
        const allowed = spec === "decimal.js" || (spec.startsWith(".") && join(file, "..", spec).startsWith(core));
        if (!allowed) throw new Error(`${relative(root, file)} importerer «${spec}»`);
      }
    }
  });

  test("core touches no Office, DOM or Node globals", () => {
    const forbidden = /\b(Office|Excel|CustomFunctions|document|window|localStorage|process|Buffer|__dirname|globalThis)\b\s*[.[(]/;
    for (const file of coreFiles) {
      const hit = code(file).match(forbidden);
      if (hit) throw new Error(`${relative(root, file)} bruker ${hit[0]}`);
    }
  });
});

describe("no rate, limit or G exists in code outside core/rates", () => {
  // Every statutory figure of the year tables, as it would be written in code.
  const figures = [
    "0.141", "0.106", "0.064", "0.051", "0.079", "0.078", "0.082", "0.114", "0.080", "0.112", "0.111", "0.110",
    "0.077", "0.109", "0.076", "0.108", "0.035",
    "54650", "59650", "64650", "69650", "99650", "750000", "850000", "500000",
    "96883", "99858", "101351", "106399", "111477", "118620", "124028", "130160", "136549",
  ];
  const pattern = new RegExp(`(?<![\\d.])(${figures.map((f) => f.replace(".", "\\.")).join("|")})(?![\\d])`);

  test("src outside core/rates", () => {
    const rates = join(core, "rates");
    for (const file of files(join(root, "src")).filter((f) => !f.startsWith(rates))) {
      const hit = code(file).match(pattern);
      if (hit) throw new Error(`${relative(root, file)} inneholder satsen/grensen ${hit[1]}; den hører hjemme i src/core/rates`);
    }
  });
});

describe("decimal.js is used for arithmetic and rounding only", () => {
  // The build trims decimal.js's LN10 and PI constants (scripts/trim-decimal-constants.js), so its
  // logarithm, exponential and trigonometric methods would throw beyond 60 digits. Nothing may
  // call them; `pow` only with whole exponents, which needs neither constant.
  test("no src file calls ln, log, exp, trigonometric or root methods", () => {
    const forbidden = /\.(ln|log|logarithm|exp|naturalLogarithm|naturalExponential|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|sqrt|squareRoot|cbrt|cubeRoot|toPower|pow)\s*\(/;
    for (const file of files(join(root, "src"))) {
      for (const line of code(file).split("\n")) {
        const hit = line.match(forbidden);
        if (hit && !(hit[1] === "pow" && /Dec\(10\)\.pow\(/.test(line)) && !/(Math|console)\.(pow|log|exp|sqrt)\(/.test(line)) {
          throw new Error(`${relative(root, file)} kaller .${hit[1]}(): ${line.trim()}`);
        }
      }
    }
  });
});
