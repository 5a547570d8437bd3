/**
 * Requirement-set checks. The manifest declares ExcelApi 1.9, so anything newer must be checked
 * before use and have a fallback. Outside Office (no `Office` global) nothing is supported.
 */
export function supportsExcelApi(version: string): boolean {
  if (typeof Office === "undefined") return false;
  return Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}
