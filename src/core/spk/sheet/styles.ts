import { Budsjettering } from "../types";
import {
  ADJUST_CELLS,
  BALANCE_COLUMNS,
  balanceRows,
  nameOf,
  ROWS,
  SIGN_OFF_COLUMN,
  scalarField,
  SCALAR_FIELDS,
  VOUCHER_COLUMNS,
} from "./layout";
import { CHANGED_AFTER_SIGN_OFF } from "../../workpaper/sign-off";
import { ConditionalFormat, FormatWrite, NUMBER_FORMATS, StyleName } from "../../workpaper/write-plan";

/**
 * How a new reconciliation sheet looks: styles (inputs yellow, formulas grey, headers, sums) and
 * number formats per range, and the conditional formats that show the model's flags. Applied only
 * when the sheet is made: re-running a fill never restyles a sheet the user has formatted, and never
 * stacks a second copy of a conditional format.
 */

const f = (sheet: string, address: string, style?: StyleName, numberFormat?: string): FormatWrite => ({
  sheet,
  address,
  ...(style ? { style } : {}),
  ...(numberFormat ? { numberFormat } : {}),
});

export function layoutFormats(sheet: string, budsjettering: Budsjettering): FormatWrite[] {
  const first = ROWS.firstTermin;
  const last = ROWS.lastTermin;
  const sum = ROWS.sum;
  const v1 = ROWS.voucherFirstTermin;
  const vy = ROWS.voucherYear;
  const b = balanceRows(budsjettering);
  const b1 = b[0].row;
  const bn = b[b.length - 1].row;
  return [
    f(sheet, "A1", "title"),
    f(sheet, "J2", "note"),
    f(sheet, "A2", "label"),
    ...SCALAR_FIELDS.filter((s) => s.key !== "virksomhet").map((s) => f(sheet, s.labelCell, "header")),
    ...SCALAR_FIELDS.map((s) => f(sheet, s.valueCell, "input", s.numberFormat)),
    f(sheet, `A${ROWS.accountLabels}:A${ROWS.dimensionValues}`, "label"),
    f(sheet, `B${ROWS.accountLabels}:I${ROWS.accountLabels}`, "header"),
    f(sheet, `B${ROWS.accountValues}:I${ROWS.accountValues}`, "input", NUMBER_FORMATS.text),
    f(sheet, `B${ROWS.dimensionNames}:H${ROWS.dimensionValues}`, "input", NUMBER_FORMATS.text),
    // The termin table.
    f(sheet, `A${ROWS.letters}:${SIGN_OFF_COLUMN}${ROWS.titles}`, "header"),
    f(sheet, `A${first}:A${last}`, "label"),
    f(sheet, `B${first}:F${last}`, "input", NUMBER_FORMATS.amount),
    f(sheet, `G${first}:I${last}`, "formula", NUMBER_FORMATS.amount),
    f(sheet, `J${first}:J${last}`, "input"),
    f(sheet, `K${first}:K${last}`, "input", NUMBER_FORMATS.text),
    f(sheet, `L${first}:N${last}`, "input", NUMBER_FORMATS.amount),
    f(sheet, `O${first}:R${last}`, "formula", NUMBER_FORMATS.amount),
    f(sheet, `S${first}:S${last}`, "formula", NUMBER_FORMATS.rateFine),
    f(sheet, `T${first}:T${last}`, "formula", NUMBER_FORMATS.amount),
    f(sheet, `U${first}:V${last}`, "input", NUMBER_FORMATS.text),
    f(sheet, `W${first}:W${last}`, "input", NUMBER_FORMATS.date),
    f(sheet, `${SIGN_OFF_COLUMN}${first}:${SIGN_OFF_COLUMN}${last}`, "formula", NUMBER_FORMATS.text),
    f(sheet, `A${sum}:W${sum}`, "sum", NUMBER_FORMATS.amount),
    // Termin-/årsavstemming.
    f(sheet, `A${ROWS.voucherTitle}`, "title"),
    f(sheet, `A${ROWS.voucherHeader}:L${ROWS.voucherHeader}`, "header"),
    f(sheet, `A${ROWS.voucherAccounts}:D${ROWS.voucherAccounts}`, "header"),
    f(sheet, `E${ROWS.voucherAccounts}:K${ROWS.voucherAccounts}`, "formula", NUMBER_FORMATS.text),
    f(sheet, `L${ROWS.voucherAccounts}`, "header"),
    f(sheet, `A${v1}:A${vy - 1}`, "label"),
    f(sheet, `B${v1}:L${vy - 1}`, "formula", NUMBER_FORMATS.amount),
    f(sheet, `${VOUCHER_COLUMNS.S}${v1}:${VOUCHER_COLUMNS.S}${vy - 1}`, undefined, NUMBER_FORMATS.rateFine),
    f(sheet, `A${vy}:L${vy}`, "sum", NUMBER_FORMATS.amount),
    f(sheet, `${VOUCHER_COLUMNS.S}${vy}`, undefined, NUMBER_FORMATS.rateFine),
    // Balance control.
    f(sheet, `A${ROWS.balanceTitle}`, "title"),
    f(sheet, `A${ROWS.balanceHeader}:F${ROWS.balanceHeader}`, "header"),
    f(sheet, `${BALANCE_COLUMNS.konto}${b1}:${BALANCE_COLUMNS.konto}${bn}`, "formula", NUMBER_FORMATS.text),
    f(sheet, `${BALANCE_COLUMNS.ib}${b1}:${BALANCE_COLUMNS.bevegelse}${bn}`, "input", NUMBER_FORMATS.amount),
    f(sheet, `${BALANCE_COLUMNS.ub}${b1}:${BALANCE_COLUMNS.differanse}${bn}`, "formula", NUMBER_FORMATS.amount),
    // AGA adjustment.
    f(sheet, `A${ROWS.adjustTitle}`, "title"),
    f(sheet, `A${ROWS.adjustLabels}:E${ROWS.adjustLabels}`, "header"),
    f(sheet, ADJUST_CELLS.nySats, "input", NUMBER_FORMATS.rateFine),
    f(sheet, `${ADJUST_CELLS.sumR}:${ADJUST_CELLS.justering}`, "formula", NUMBER_FORMATS.amount),
  ];
}

/**
 * The model's flags as conditional formats (formulas relative to each range's top-left cell).
 * ROUND(…,2) takes away binary noise (100,01 − 99,01 is 1.0000000000000142 as a double) so a
 * difference of exactly the tolerance is not flagged, as in the model; the materiality limit is
 * rounded to 7 decimals for the same reason. The model treats a J of only spaces as empty; these
 * formulas, limited to functions both Excel and LibreOffice have, see it as filled.
 */
export function layoutConditionalFormats(sheet: string, budsjettering: Budsjettering): ConditionalFormat[] {
  const r = ROWS.firstTermin;
  const table = (cols: string) => `${cols[0]}${r}:${cols[1]}${ROWS.lastTermin}`;
  const tol = nameOf("toleranse");
  const brutto = `${nameOf("budsjettering")}="Brutto"`;
  const b = balanceRows(budsjettering);
  const b1 = b[0].row;
  const bud = scalarField("budsjettering").valueCell;
  const mod = scalarField("modus").valueCell;
  // As the model: a comparison needs both its sources (missing is not zero).
  const sapUnit4 = `COUNT($B${r}:$C${r})>0,COUNT($D${r}:$F${r})>0`;
  const sapInvoice = `COUNT($B${r}:$C${r})>0,COUNT($L${r}:$N${r})>0`;
  return [
    {
      sheet,
      address: table("GJ"),
      formula: `AND(${sapUnit4},OR(ABS(ROUND($G${r},2))>${tol},ABS(ROUND($H${r},2))>${tol},ABS(ROUND($I${r},2))>${tol}),$J${r}="")`,
      style: "flag",
    },
    {
      sheet,
      address: table("QQ"),
      formula: `AND(${sapInvoice},ABS(ROUND($Q${r},2))>${tol},ABS(ROUND($Q${r},2))>ROUND(${nameOf("vesentlighetsgrense")}*ABS($B${r}+$C${r}),7))`,
      style: "warning",
    },
    { sheet, address: table("OP"), formula: `AND(${brutto},${sapInvoice},OR(ROUND($O${r},2)<>0,ROUND($P${r},2)<>0))`, style: "flag" },
    // Netto has no 2820: a figure in M cannot be posted (the model refuses it).
    { sheet, address: table("MM"), formula: `AND(${nameOf("budsjettering")}<>"Brutto",$M${r}<>0)`, style: "flag" },
    {
      sheet,
      address: `${VOUCHER_COLUMNS.kontroll}${ROWS.voucherFirstTermin}:${VOUCHER_COLUMNS.kontroll}${ROWS.voucherYear}`,
      formula: `ROUND($${VOUCHER_COLUMNS.kontroll}${ROWS.voucherFirstTermin},2)<>0`,
      style: "flag",
    },
    {
      sheet,
      address: `${BALANCE_COLUMNS.differanse}${b1}:${BALANCE_COLUMNS.differanse}${b[b.length - 1].row}`,
      formula: `ROUND($${BALANCE_COLUMNS.differanse}${b1},2)<>0`,
      style: "warning",
    },
    { sheet, address: `${SIGN_OFF_COLUMN}${r}:${SIGN_OFF_COLUMN}${ROWS.lastTermin}`, formula: `$${SIGN_OFF_COLUMN}${r}="${CHANGED_AFTER_SIGN_OFF}"`, style: "flag" },
    { sheet, address: bud, formula: `AND(${bud}<>"Brutto",${bud}<>"Netto")`, style: "flag" },
    { sheet, address: mod, formula: `AND(${mod}<>"Terminvis",${mod}<>"Årsslutt",${mod}<>"Arsslutt")`, style: "flag" },
  ];
}
