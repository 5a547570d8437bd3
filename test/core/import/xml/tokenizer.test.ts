import { createXmlTokenizer, XmlAttribute, XmlHandler } from "../../../../src/core/import/xml/tokenizer";

type Event = [string, ...unknown[]];

/** Every event the tokenizer gives for `chunks`, and its problem. */
function events(chunks: string | readonly string[], limits?: Parameters<typeof createXmlTokenizer>[1]) {
  const out: Event[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") out.push(["text", text]);
    text = "";
  };
  const handler: XmlHandler = {
    openElement(local, uri, attributes: readonly XmlAttribute[]) {
      flush();
      out.push(["open", local, uri, ...attributes.map((a) => `${a.local}|${a.uri}=${a.value}`), `@${tok.line()}`]);
    },
    text(t) {
      text += t;
    },
    closeElement(local, uri) {
      flush();
      out.push(["close", local, uri]);
    },
  };
  const tok = createXmlTokenizer(handler, limits);
  for (const c of typeof chunks === "string" ? [chunks] : chunks) tok.write(c);
  tok.end();
  return { events: out, problem: tok.problem };
}

/** The text split into chunks of `n` characters. */
const split = (text: string, n: number) => Array.from({ length: Math.ceil(text.length / n) }, (_, i) => text.slice(i * n, i * n + n));

describe("XML tokenizer", () => {
  const doc =
    '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n<a:root xmlns:a="urn:a" xmlns="urn:d" x="1 &amp; 2">\r\n' +
    "  <child>Bl&#229;b&#xE6;r &lt;3 &quot;&apos;&gt;</child>\n" +
    '  <empty k=\'v"\'/>\n' +
    "  <![CDATA[<not a tag> & ]]>\n" +
    '  <?pi stuff?><b:x xmlns:b="urn:b" b:y="z"/>\n' +
    "</a:root>\n";

  test("elements, attributes, namespaces, entities, CDATA, comments, PIs and line numbers", () => {
    const r = events(doc);
    expect(r.problem).toBeUndefined();
    expect(r.events).toEqual([
      ["open", "root", "urn:a", "a|http://www.w3.org/2000/xmlns/=urn:a", "xmlns|http://www.w3.org/2000/xmlns/=urn:d", "x|=1 & 2", "@3"],
      ["text", "\n  "],
      ["open", "child", "urn:d", "@4"],
      ["text", "Blåbær <3 \"'>"],
      ["close", "child", "urn:d"],
      ["text", "\n  "],
      ["open", "empty", "urn:d", 'k|=v"', "@5"],
      ["close", "empty", "urn:d"],
      ["text", "\n  <not a tag> & \n  "],
      ["open", "x", "urn:b", "b|http://www.w3.org/2000/xmlns/=urn:b", "y|urn:b=z", "@7"],
      ["close", "x", "urn:b"],
      ["text", "\n"],
      ["close", "root", "urn:a"],
    ]);
  });

  test.each([1, 2, 3, 7, 64])("the same events whatever the chunks (%i characters)", (n) => {
    expect(events(split(doc, n))).toEqual(events(doc));
  });

  test.each([
    ["<a><b></a>", "Sluttaggen </a> passer ikke til <b>.", 1, "b"],
    ["<a>\n<b>\n</b>", "Filen slutter før <a> er lukket.", 3, "a"],
    ["<a/><b/>", "Elementet <b> står etter rotelementet; en XML-fil har bare ett rotelement.", 1, undefined],
    ["<a/>tekst", "Tekst etter rotelementet.", 1, undefined],
    ["x<a/>", "Tekst før rotelementet.", 1, undefined],
    ["<a>&nbsp;</a>", "Ukjent entitet «&nbsp;» (XML kjenner bare &lt; &gt; &amp; &quot; &apos; uten DTD).", 1, "a"],
    ["<a>&#0;</a>", "«&#0;» viser til et tegn XML ikke tillater.", 1, "a"],
    ["<a>AT&T</a>", "«&» må skrives &amp; (fant «&T»).", 1, "a"],
    ['<a x="1" x="2"/>', "Attributtet «x» står to ganger i <a>.", 1, undefined],
    ["<a x=1/>", "Verdien av attributtet «x» i <a> står ikke i anførselstegn.", 1, undefined],
    ["<p:a/>", "Prefikset «p» i «p:a» er ikke deklarert (mangler xmlns:p=\"…\").", 1, undefined],
    ["<1a/>", "«1a» er ikke et gyldig elementnavn.", 1, undefined],
    ['<!DOCTYPE a [<!ENTITY x "y">]><a/>', "Filen har en DTD (<!DOCTYPE …>); den leses ikke (ingen entitetsdeklarasjoner eller eksterne oppslag). Eksporter filen uten DOCTYPE.", 1, undefined],
    ["<a><!-- a -- b --></a>", "«--» er ikke tillatt inne i en kommentar.", 1, "a"],
    ["<a>]]></a>", "«]]>» er ikke tillatt i tekst.", 1, "a"],
    ["<a>\u0001</a>", "Teksten har et kontrolltegn XML ikke tillater.", 1, "a"],
    ["<a/>\n<?xml version='1.0'?>", "XML-deklarasjonen (<?xml …?>) kan bare stå helt først i filen.", 2, undefined],
    ["", "Filen har ikke noe XML-element.", 1, undefined],
    ["<a", "Filen slutter midt i en starttagg.", 1, undefined],
  ])("%j is refused: %s", (text, message, row, element) => {
    const r = events(text);
    expect(r.problem).toEqual({ row, ...(element ? { element } : {}), message: `XML-feil: ${message}` });
  });

  test("the open elements are the problem's place, under the root", () => {
    const r = events("<melding>\n <Leveranse>\n  <oppgave>\n   <x></y>");
    expect(r.problem).toEqual({ row: 4, element: "Leveranse/oppgave/x", message: "XML-feil: Sluttaggen </y> passer ikke til <x>." });
  });

  test("limits: nesting, token length, attributes", () => {
    expect(events("<a>".repeat(20), { maxDepth: 10 }).problem?.message).toBe("XML-feil: Elementene er nøstet dypere enn 10 nivåer.");
    expect(events(`<a><!--${"x".repeat(200)}`, { maxTokenLength: 100 }).problem?.message).toBe("XML-feil: En kommentar er lengre enn 100 tegn.");
    expect(events(split(`<a><b ${"x".repeat(500)}`, 10), { maxTokenLength: 100 }).problem?.message).toBe("XML-feil: En starttagg er lengre enn 100 tegn.");
    const many = Array.from({ length: 20 }, (_, i) => `a${i}="1"`).join(" ");
    expect(events(`<a ${many}/>`, { maxAttributes: 10 }).problem?.message).toBe("XML-feil: <a> har flere enn 10 attributter.");
  });

  test("after the first problem nothing more is reported", () => {
    const r = events(["<a></b>", "<c>text</c></a>"]);
    expect(r.events).toEqual([["open", "a", "", "@1"]]);
    expect(r.problem?.message).toBe("XML-feil: Sluttaggen </b> passer ikke til <a>.");
  });

  test("a large document in small chunks stays linear (no rescanning of a pending token per chunk)", () => {
    const big = `<a>${"<b>x</b>".repeat(20000)}<c d="${"y".repeat(200000)}"/></a>`;
    const started = Date.now();
    const r = events(split(big, 3));
    expect(r.problem).toBeUndefined();
    expect(r.events.length).toBe(20000 * 3 + 4);
    expect(Date.now() - started).toBeLessThan(20000); // a hang guard, not a timing assertion
  });
});
