/**
 * Webpack loader for decimal.js: shortens its two built-in 1 025-digit constants, LN10 and PI,
 * to 60 digits. They exist for ln, log, exp, pow with fractions and the trigonometric methods,
 * which this add-in never calls (money is + − × ÷ and rounding); as digits they do not compress
 * and cost about 1.7 KB gzip in each bundle. decimal.js derives its precision limit for those
 * methods from the strings' length, so a call that needed more digits would throw
 * "[DecimalError] Precision limit exceeded" — never return a wrong figure.
 */
"use strict";

const DIGITS = 60;

module.exports = function trimDecimalConstants(source) {
  let replaced = 0;
  const out = source.replace(/^(\s*(?:LN10|PI) = ')(\d\.\d+)(')/gm, (_, head, digits, tail) => {
    replaced++;
    return head + digits.slice(0, DIGITS + 2) + tail;
  });
  if (replaced !== 2) this.emitWarning(new Error(`trim-decimal-constants: expected LN10 and PI in decimal.js, found ${replaced}`));
  return out;
};
