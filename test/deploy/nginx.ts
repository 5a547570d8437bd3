/**
 * Real nginx (Debian's nginx-light) for the deployment test: serve a folder with
 * deploy/nginx/addin.conf, as an ordinary process of the current user (no root, no system
 * config), on a free port of 127.0.0.1, from a throwaway prefix.
 *
 * The gate is the project's end-to-end gate (test/support/engines.ts): without nginx the test is
 * skipped with a notice saying how to get it, and with LONN_E2E=required (CI) it fails instead.
 */
import { ChildProcess, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as net from "net";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const ADDIN_CONF = path.join(ROOT, "deploy", "nginx", "addin.conf");

const INSTALL = "sudo apt-get install -y --no-install-recommends nginx-light (som .ci/run gjør)";

/** nginx's binary: LONN_NGINX, else Debian's place for it (outside a normal user's PATH). */
export const NGINX_PATH = process.env.LONN_NGINX ?? "/usr/sbin/nginx";

export function nginxPath(): string | undefined {
  return fs.existsSync(NGINX_PATH) ? NGINX_PATH : undefined;
}

function gate(available: boolean): { describe: jest.Describe } {
  if (available) return { describe };
  if (process.env.LONN_E2E === "required") {
    const failing = ((name: string) =>
      describe(name, () =>
        test("nginx er installert", () => {
          throw new Error(`nginx mangler, og LONN_E2E=required: ${INSTALL}`);
        }),
      )) as unknown as jest.Describe;
    return { describe: failing };
  }
  console.warn(`[lonn] nginx er ikke installert; utrullingstesten hoppes over. Installer: ${INSTALL}`);
  return { describe: describe.skip };
}

/** describe that needs nginx. */
export const withNginx = gate(nginxPath() !== undefined);

/** Temp-path directives for the modules this nginx has (their compiled-in defaults need root). */
function tempPaths(nginx: string, prefix: string): string[] {
  // `nginx -V` prints its configure arguments on stderr.
  const built = spawnSync(nginx, ["-V"], { encoding: "utf8" });
  const configure = `${built.stdout}${built.stderr}`;
  const modules = ["proxy", "fastcgi", "uwsgi", "scgi"].filter((m) => !configure.includes(`--without-http_${m}_module`));
  return [`client_body_temp_path ${path.join(prefix, "body")};`, ...modules.map((m) => `${m}_temp_path ${path.join(prefix, m)};`)];
}

/** A free TCP port on 127.0.0.1 (asked from the OS, then released for nginx). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** nginx.conf for serving `root` with deploy/nginx/addin.conf, everything else inside `prefix`. */
export function nginxConf(nginx: string, prefix: string, root: string, port: number): string {
  return [
    "daemon off;",
    // One process: no workers, so no switch to another user (which could not read our temp folder).
    "master_process off;",
    `pid ${path.join(prefix, "nginx.pid")};`,
    `error_log ${path.join(prefix, "error.log")} warn;`,
    "events { worker_connections 64; }",
    "http {",
    "  access_log off;",
    ...tempPaths(nginx, prefix).map((line) => `  ${line}`),
    "  server {",
    `    listen 127.0.0.1:${port};`,
    `    root ${root};`,
    `    include ${ADDIN_CONF};`,
    "  }",
    "}",
    "",
  ].join("\n");
}

export interface Served {
  readonly origin: string;
  stop(): Promise<void>;
}

function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (err?: Error): void => {
      if (done) return;
      done = true;
      child.off("exit", onExit);
      if (err) reject(err);
      else resolve();
    };
    const onExit = (code: number | null): void => finish(new Error(`nginx stoppet (status ${code}) før den svarte:\n${log()}`));
    child.once("exit", onExit);
    const deadline = Date.now() + 20_000;
    const attempt = (): void => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        finish();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) finish(new Error(`nginx svarte ikke på port ${port}:\n${log()}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Serves `root` until stop(); the process is ours, stopped by its own pid. */
export async function serveWithNginx(root: string): Promise<Served> {
  const nginx = nginxPath();
  if (!nginx) throw new Error(`nginx mangler: ${INSTALL}`);
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "lonn-nginx-"));
  const port = await freePort();
  const conf = path.join(prefix, "nginx.conf");
  fs.writeFileSync(conf, nginxConf(nginx, prefix, root, port));
  let output = "";
  const child = spawn(nginx, ["-p", prefix, "-c", conf, "-e", path.join(prefix, "error.log")], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  const log = (): string => {
    const file = path.join(prefix, "error.log");
    return `${output}${fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""}`;
  };
  try {
    await waitForPort(port, child, log);
  } catch (err) {
    child.kill("SIGTERM");
    fs.rmSync(prefix, { recursive: true, force: true });
    throw err;
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        const cleanUp = (): void => {
          fs.rmSync(prefix, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return cleanUp();
        child.once("exit", cleanUp);
        child.kill("SIGTERM");
      }),
  };
}

export interface Response {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A plain GET, with the body. */
export function get(url: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}
