/**
 * Webpack plugin: emits hjelp.html and hjelp.css. The page is rendered from the functions.json
 * asset of the same compilation (what CustomFunctionsMetadataPlugin generated from the JSDoc, and
 * what Excel will load), so the help page and Excel always describe the same functions.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");
const { renderPage } = require("./render");

const NAME = "LonnHelpPagePlugin";
const HERE = __dirname;

class HelpPagePlugin {
  /** @param {{ metadata?: string }} [options] metadata: the metadata asset's name (functions.json) */
  constructor(options = {}) {
    this.metadata = options.metadata || "functions.json";
    this.files = {
      template: path.join(HERE, "hjelp.html"),
      stylesheet: path.join(HERE, "hjelp.css"),
      examples: path.join(HERE, "examples.json"),
    };
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // ADDITIONAL: after the metadata plugin has put functions.json in, before anything is optimised.
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const file of Object.values(this.files)) compilation.fileDependencies.add(file);
        const asset = compilation.getAsset(this.metadata);
        if (!asset) {
          compilation.errors.push(new WebpackError(`${NAME}: ${this.metadata} finnes ikke i bygget; hjelp.html kan ikke lages`));
          return;
        }
        try {
          const html = renderPage(
            fs.readFileSync(this.files.template, "utf8"),
            JSON.parse(asset.source.source().toString()),
            JSON.parse(fs.readFileSync(this.files.examples, "utf8")),
          );
          compilation.emitAsset("hjelp.html", new sources.RawSource(html));
          compilation.emitAsset("hjelp.css", new sources.RawSource(fs.readFileSync(this.files.stylesheet)));
        } catch (err) {
          compilation.errors.push(new WebpackError(`${NAME}: ${err && err.message ? err.message : String(err)}`));
        }
      });
    });
  }
}

module.exports = HelpPagePlugin;
