#!/usr/bin/env node
// The `lonn` command. The TypeScript CLI is compiled into lib/ by `npm install` (the prepare script).
"use strict";
let main;
try {
  main = require("../lib/cli/main.js");
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND") {
    console.error("lonn er ikke bygget ennå. Kjør `npm install` (eller `npm run build:cli`) i prosjektmappen.");
    process.exit(2);
  }
  throw err;
}
main.run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exit(2);
  },
);
