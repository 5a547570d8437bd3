/**
 * The `_lonn` settings sheet. Settings live in workbook content (a very hidden sheet of
 * key/value rows), never in `Office.context.document.settings`: co-authors, the `lonn` CLI and
 * LibreOffice must all see the same configuration, and the settings store is per add-in id.
 * The core reads the snapshot and produces the plans that write it; this shell only reads and
 * applies them.
 */
import { SETTINGS_SHEET } from "../core/workpaper/settings";
import { SheetSnapshot } from "../core/sheet/snapshot";
import { readSnapshots } from "./read";

export { SETTINGS_SHEET };

/** The sheets to read for an action, with the settings sheet added (once). */
export function withSettingsSheet(names: readonly string[]): string[] {
  return names.some((n) => n.toLowerCase() === SETTINGS_SHEET) ? [...names] : [...names, SETTINGS_SHEET];
}

/** The settings sheet, or undefined when the workbook has none yet. One sync. */
export async function readSettingsSnapshot(context: Excel.RequestContext): Promise<SheetSnapshot | undefined> {
  return (await readSnapshots(context, [SETTINGS_SHEET])).get(SETTINGS_SHEET);
}
