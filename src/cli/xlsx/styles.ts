/** The plan's named styles on exceljs cells and conditional formats (the Office.js shell's `excel/styles.ts`). */
import type { Cell, Style } from "exceljs";
import { StyleSpec } from "../../core/workpaper/write-plan";

/** "#1F4E3D" → "FF1F4E3D" (exceljs colours are ARGB). */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/**
 * Sets only what the style defines; anything else on the cell stays as the user left it. exceljs
 * may share a font or alignment object between cells, so each is replaced by a copy, never changed
 * in place.
 */
export function applyStyle(cell: Cell, spec: StyleSpec): void {
  if (spec.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(spec.fill) } };
  if (spec.fontColor !== undefined || spec.bold !== undefined || spec.italic !== undefined) {
    cell.font = {
      ...(cell.font ?? {}),
      ...(spec.fontColor !== undefined ? { color: { argb: argb(spec.fontColor) } } : {}),
      ...(spec.bold !== undefined ? { bold: spec.bold } : {}),
      ...(spec.italic !== undefined ? { italic: spec.italic } : {}),
    };
  }
  if (spec.wrap !== undefined) cell.alignment = { ...(cell.alignment ?? {}), wrapText: spec.wrap };
}

/**
 * A conditional format's look as a differential format: in a dxf a solid fill's colour is the
 * background colour (ECMA-376 §18.8.17), and a conditional format has no wrap.
 */
export function conditionalStyle(spec: StyleSpec): Partial<Style> {
  return {
    ...(spec.fill !== undefined ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(spec.fill) } } } : {}),
    ...(spec.fontColor !== undefined || spec.bold !== undefined || spec.italic !== undefined
      ? {
          font: {
            ...(spec.fontColor !== undefined ? { color: { argb: argb(spec.fontColor) } } : {}),
            ...(spec.bold !== undefined ? { bold: spec.bold } : {}),
            ...(spec.italic !== undefined ? { italic: spec.italic } : {}),
          },
        }
      : {}),
  };
}
