/** The plan's named styles on Office.js format objects, and column widths in Excel's units. */
import { StyleSpec } from "../core/workpaper/write-plan";

/** What a range format and a conditional format have in common. */
interface FormatTarget {
  readonly fill: { color: string };
  readonly font: { color: string; bold: boolean; italic: boolean };
}

/** Sets only what the style defines; anything else on the cells stays as the user left it. */
export function applyStyle(format: FormatTarget & { wrapText?: boolean }, spec: StyleSpec): void {
  if (spec.fill !== undefined) format.fill.color = spec.fill;
  if (spec.fontColor !== undefined) format.font.color = spec.fontColor;
  if (spec.bold !== undefined) format.font.bold = spec.bold;
  if (spec.italic !== undefined) format.font.italic = spec.italic;
  if (spec.wrap !== undefined) format.wrapText = spec.wrap;
}

/** A conditional format has no wrap; the rest is the same. */
export function applyConditionalStyle(format: FormatTarget, spec: StyleSpec): void {
  applyStyle(format, { ...spec, wrap: undefined });
}

/**
 * `format.columnWidth` is in points (OfficeDev/office-js#187). The plan gives widths in the unit
 * of an .xlsx file's column width (what exceljs writes for the CLI), which Excel shows as
 * trunc(((256·w + trunc(128/7)) / 256) · 7) pixels with the default Calibri 11 (ISO/IEC 29500
 * §18.3.1.13, maximum digit width 7 px); a pixel is 0.75 pt. So both shells give the same width.
 */
export function columnWidthPoints(width: number): number {
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}
