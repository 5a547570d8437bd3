/**
 * Filling a workbook the CLI cannot write back whole (finding 2): exceljs silently drops notes on
 * empty cells, threaded comments, Power Query, sparklines, form controls, custom document
 * properties and a sheet's legacy protection password (and more, round-trip.ts). The CLI refuses
 * such a fill, listing each, and writes nothing; a workbook exceljs keeps whole is filled with the
 * user's parts intact. The packages are built here from minimal OOXML parts.
 */
import ExcelJS from "exceljs";
import { existsSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { withParts, zipMap } from "../support/zip";
import { BRUTTO, lonn, lonnJson, tempDir } from "./helpers";

const dir = tempDir("lonn-hostile-rt-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/** Our template (filled once by lonn) plus the user's own sheet «Mine tall» with a note on a cell with a value. */
let base: Buffer;
beforeAll(async () => {
  const path = join(dir, "grunnlag.xlsx");
  expect((await lonn("avstem", BRUTTO, "--xlsx", path)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const own = wb.addWorksheet("Mine tall");
  own.getCell("A1").value = "Kontrollsum";
  own.getCell("B2").value = 1234.5;
  own.getCell("B2").note = "fra hovedboken";
  base = Buffer.from(await wb.xlsx.writeBuffer());
  OWN = `xl/worksheets/sheet${wb.worksheets.length}.xml`;
  OWN_RELS = `xl/worksheets/_rels/sheet${wb.worksheets.length}.xml.rels`;
});

/** The part of «Mine tall» (the last sheet exceljs wrote), its rels, comments and VML. */
let OWN = "";
let OWN_RELS = "";


const rel = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
const addRel = (rels: string, r: string) => rels.replace("</Relationships>", `${r}</Relationships>`);
const override = (types: string, part: string, contentType: string) =>
  types.replace("</Types>", `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`);

/** Each kind of part or content exceljs drops, as the OOXML parts that hold it, added to `pkg`. */
function kinds(pkg: Buffer = base): Record<string, () => Record<string, string | Buffer>> {
  const parts = () => zipMap(pkg);
  const text = (name: string): string => {
    const t = parts().get(name);
    if (!t) throw new Error(`mangler ${name}: ${[...parts().keys()].join(", ")}`);
    return t.toString("utf8");
  };
  const sheet = text(OWN);
  const commentsPart = [...parts().keys()].find((k) => /^xl\/comments\d+\.xml$/.test(k) && text(k).includes("fra hovedboken"))!;
  const vmlPart = [...parts().keys()].find((k) => /^xl\/drawings\/vmlDrawing\d+\.vml$/.test(k) && text(OWN_RELS).includes(k.replace("xl/", "../")))!;
  const types = text("[Content_Types].xml");
  return {
    "merknader på tomme celler (D5) på arket «Mine tall»": () => ({
      [commentsPart]: text(commentsPart).replace("</commentList>", '<comment ref="D5" authorId="0"><text><r><t>husk å sjekke</t></r></text></comment></commentList>'),
    }),
    "kommentartråder (moderne kommentarer)": () => ({
      "xl/threadedComments/threadedComment1.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B2" dT="2024-03-01T10:00:00.00" personId="{1}" id="{2}"><text>Stemmer med lønn?</text></threadedComment></ThreadedComments>',
      "xl/persons/person.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Kari" id="{1}" userId="kari" providerId="None"/></personList>',
      [OWN_RELS]: addRel(text(OWN_RELS), `<Relationship Id="rIdTc" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>`),
      "[Content_Types].xml": override(types, "xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml"),
    }),
    "Power Query-spørringer, datatilkoblinger (til Power Query eller eksterne data)": () => ({
      "customXml/item1.xml": '<?xml version="1.0" encoding="utf-16"?><DataMashup xmlns="http://schemas.microsoft.com/DataMashup">AAAAAA==</DataMashup>',
      "customXml/itemProps1.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{A}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.microsoft.com/DataMashup"/></ds:schemaRefs></ds:datastoreItem>',
      "xl/connections.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" name="Spørring - Lønn" type="5" refreshedVersion="8" background="1"><dbPr connection="Provider=Microsoft.Mashup.OleDb.1;Location=Lønn" command="SELECT * FROM [Lønn]"/></connection></connections>',
    }),
    "minidiagrammer (sparklines) på arket «Mine tall»": () => ({
      [OWN]: sheet.replace(
        "</worksheet>",
        '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>\'Mine tall\'!B2:B2</xm:f><xm:sqref>C2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst></worksheet>',
      ),
    }),
    "skjemakontroller (avmerkingsbokser, knapper, lister) på arket «Mine tall»": () => ({
      "xl/ctrlProps/ctrlProp1.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" objectType="CheckBox" checked="Checked" fmlaLink="$C$2"/>',
      [vmlPart]: text(vmlPart).replace("</xml>", '<v:shape id="_x0000_s2049" type="#_x0000_t201"><x:ClientData ObjectType="Checkbox"><x:Checked>1</x:Checked><x:FmlaLink>$C$2</x:FmlaLink></x:ClientData></v:shape></xml>'),
      [OWN_RELS]: addRel(text(OWN_RELS), rel("rIdCtrl", "ctrlProp", "../ctrlProps/ctrlProp1.xml")),
    }),
    "egendefinerte dokumentegenskaper (for eksempel en følsomhetsetikett)": () => ({
      "docProps/custom.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_0a1b_Enabled"><vt:lpwstr>true</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="MSIP_Label_0a1b_Name"><vt:lpwstr>Intern</vt:lpwstr></property></Properties>',
      "_rels/.rels": addRel(text("_rels/.rels"), rel("rIdCustom", "custom-properties", "docProps/custom.xml")),
      "[Content_Types].xml": override(types, "docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml"),
    }),
    "arkbeskyttelse med passord (passordet ville falle bort) på arket «Mine tall»": () => ({
      [OWN]: sheet.replace("<pageMargins", '<sheetProtection password="CC1A" sheet="1" objects="1" scenarios="1"/><pageMargins'),
    }),
    "diagrammer": () => ({ "xl/charts/chart1.xml": '<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>' }),
  };
}

/** The kinds, known before the packages are built (test.each is set up before beforeAll runs). */
const KINDS = [
  "merknader på tomme celler (D5) på arket «Mine tall»",
  "kommentartråder (moderne kommentarer)",
  "Power Query-spørringer, datatilkoblinger (til Power Query eller eksterne data)",
  "minidiagrammer (sparklines) på arket «Mine tall»",
  "skjemakontroller (avmerkingsbokser, knapper, lister) på arket «Mine tall»",
  "egendefinerte dokumentegenskaper (for eksempel en følsomhetsetikett)",
  "arkbeskyttelse med passord (passordet ville falle bort) på arket «Mine tall»",
  "diagrammer",
];

const SAY = "Arbeidsboken har ";
const TAIL = ", som lonn ikke kan ta vare på når den skriver .xlsx-filen. Fyll den i Excel med tillegget; lonn kan fortsatt lese den og skrive bilagsfilene (--csv, --gl07) uten --xlsx.";

describe("a workbook holding a part exceljs would drop is not filled; the refusal names it", () => {
  test("the kinds tested are the kinds built", () => expect(Object.keys(kinds())).toEqual(KINDS));

  test.each(KINDS.map((k) => [k]))("%s", async (kind) => {
    const path = join(dir, `${kind.replace(/[^a-zæøå]+/gi, "-").slice(0, 40)}.xlsx`);
    writeFileSync(path, withParts(base, kinds()[kind]()));
    const before = readFileSync(path);
    const csv = `${path}.csv`;
    const r = await lonn("avstem", BRUTTO, "--xlsx", path, "--csv", csv);
    expect([r.code, r.err.trim()]).toEqual([1, `${SAY}${kind}${TAIL}\nIngenting er skrevet.`]);
    expect(readFileSync(path)).toEqual(before);
    expect(existsSync(csv)).toBe(false);
  });

  test("all of them at once: every one listed, nothing written; reading the workbook and writing vouchers still work", async () => {
    // Several kinds change the same sheet, rels or content types: each is added to the package so far.
    let pkg = base;
    for (const kind of Object.keys(kinds())) pkg = withParts(pkg, kinds(pkg)[kind]());
    const path = join(dir, "alt.xlsx");
    writeFileSync(path, pkg);
    const before = readFileSync(path);
    const r = await lonn("avstem", path, "--xlsx", path);
    expect(r.code).toBe(1);
    for (const kind of Object.keys(kinds())) expect(r.err).toContain(kind);
    expect(readFileSync(path)).toEqual(before);
    // Without a workbook to record the export in, the vouchers come as a marked copy.
    expect((await lonn("avstem", path, "--csv", join(dir, "alt.csv"), "--alle", "--eksporter-uforklart")).code).toBe(0);
  });
});

describe("a workbook exceljs keeps whole is filled, with the user's parts intact", () => {
  test("notes on cells with values, links out of the workbook, validation, a picture, names: all still there after the fill", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(base as unknown as ExcelJS.Buffer);
    const own = wb.getWorksheet("Mine tall")!;
    own.getCell("A3").value = { text: "DFØ", hyperlink: "https://dfo.no" };
    own.getCell("C3").dataValidation = { type: "list", allowBlank: true, formulae: ['"Ja,Nei"'] };
    own.getCell("C3").value = "Ja";
    own.mergeCells("E1:F2");
    own.getCell("E1").value = "Flettet";
    own.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" }), "H1:I3");
    wb.definedNames.add("'Mine tall'!$B$2", "MIN_SUM");
    const path = join(dir, "hel.xlsx");
    await wb.xlsx.writeFile(path);
    const before = zipMap(readFileSync(path));

    const r = await lonnJson("avstem", BRUTTO, "--xlsx", path);
    expect(r.terminer).toHaveLength(6);
    const after = zipMap(readFileSync(path));
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path);
    const sheet = back.getWorksheet("Mine tall")!;
    expect(sheet.getCell("B2").value).toBe(1234.5);
    expect(sheet.getCell("B2").note).toBe("fra hovedboken");
    expect(sheet.getCell("A3").value).toEqual({ text: "DFØ", hyperlink: "https://dfo.no" });
    expect(sheet.getCell("C3").dataValidation).toMatchObject({ type: "list", formulae: ['"Ja,Nei"'] });
    expect(sheet.getCell("F2").isMerged).toBe(true);
    expect([...after.keys()].filter((k) => k.startsWith("xl/media/")).map((k) => after.get(k))).toEqual(
      [...before.keys()].filter((k) => k.startsWith("xl/media/")).map((k) => before.get(k)),
    );
    expect(back.definedNames.getRanges("MIN_SUM").ranges).toEqual(["'Mine tall'!$B$2"]);
  });
});
