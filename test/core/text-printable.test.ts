import { cutEchoes, oneLine, printable } from "../../src/core/text";
import { formatProblem } from "../../src/core/problem/problem";

describe("nothing a hostile file holds reaches the terminal as a control sequence", () => {
  test("escape sequences, OSC 52 clipboard writes and control characters are removed", () => {
    const osc52 = "\u001b]52;c;ZWNobyBwd25lZA==\u0007";
    expect(printable(`Etat\u001b[2J\u001b[31mRød${osc52}\u0000\u0008\u009b X`)).toBe("EtatRød X");
    expect(printable("linje 1\nlinje 2\tfane")).toBe("linje 1\nlinje 2\tfane");
    expect(printable("a\u202eb\u2066c")).toBe("abc");
  });

  test("a user's text is printed on one line", () => {
    expect(oneLine("Eksempel\r\netaten\tAS\u001b[1m")).toBe("Eksempel etaten AS");
  });

  test("a long echo of a cell is cut, saying how long it was", () => {
    const long = "A".repeat(100_000);
    const message = formatProblem({ sheet: "SAP", cell: "C14", message: `«${long}» er ikke et beløp.` });
    expect(message.length).toBeLessThan(140);
    expect(message).toBe(`SAP!C14: «${"A".repeat(80)}…» (100 000 tegn) er ikke et beløp.`);
    expect(cutEchoes("«kort» er fint")).toBe("«kort» er fint");
  });
});
