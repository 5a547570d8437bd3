/**
 * What the XML readers have in common: a push interface a shell feeds chunk by chunk, the element
 * path for messages, and a capped problem list.
 */
import { Checked, Problem } from "../../problem/problem";
import { detached } from "./values";

/** A reader fed text in chunks (a file stream, a string in one piece); `end` gives the result or every problem. */
export interface StreamReader<T> {
  write(chunk: string): void;
  end(): Checked<T>;
}

/** One file's text in one piece, through a stream reader (tests, small files, the task pane). */
export function readWhole<T>(reader: StreamReader<T>, text: string): Checked<T> {
  reader.write(text);
  return reader.end();
}

/**
 * The open elements as a path for messages: `Leveranse/oppgave/virksomhet[2]/arbeidsgiveravgift`.
 * The root element is left out (every element is under it), and elements the schema repeats get
 * their 1-based position among the run of same-named siblings.
 */
export class ElementPath {
  private readonly names: string[] = [];
  private readonly positions: number[] = [];
  /** Per depth: the name and run length of the last child opened there. */
  private readonly lastChild: (string | undefined)[] = [undefined];
  private readonly lastCount: number[] = [0];

  constructor(private readonly repeating: ReadonlySet<string>) {}

  get depth(): number {
    return this.names.length;
  }

  /** The name of the open element at `depth` (1 = the root). */
  at(depth: number): string | undefined {
    return this.names[depth - 1];
  }

  open(local: string): void {
    const d = this.names.length;
    const n = this.lastChild[d] === local ? this.lastCount[d] + 1 : 1;
    this.lastChild[d] = local;
    this.lastCount[d] = n;
    this.names.push(local);
    this.positions.push(n);
    this.lastChild[d + 1] = undefined;
    this.lastCount[d + 1] = 0;
  }

  close(): void {
    this.names.pop();
    this.positions.pop();
  }

  /** The path of the open element (or of its ancestor at `depth`, 1 = the root), with `child` appended when given. */
  text(depth = this.names.length, child?: string): string {
    const parts: string[] = [];
    for (let i = 1; i < depth; i++) parts.push(this.repeating.has(this.names[i]) ? `${this.names[i]}[${this.positions[i]}]` : this.names[i]);
    if (depth >= 1 && parts.length === 0 && child === undefined) return this.names[0] ?? "";
    if (child !== undefined) parts.push(child);
    return parts.join("/");
  }
}

/** Problems of one file, capped so a hostile file with a million bad values cannot fill memory. */
export class CappedProblems {
  readonly list: Problem[] = [];
  private dropped = 0;

  constructor(
    private readonly file: string,
    private readonly max = 1000,
  ) {}

  add(message: string, row: number | undefined, element: string | undefined): void {
    if (this.list.length >= this.max) {
      this.dropped++;
      return;
    }
    // Detached: a message quoting a value cut from a chunk must not keep the chunk alive.
    this.list.push({ file: this.file, ...(row === undefined ? {} : { row }), ...(element === undefined || element === "" ? {} : { element: detached(element) }), message: detached(message) });
  }

  addProblem(p: Problem): void {
    if (this.list.length >= this.max) this.dropped++;
    else this.list.push({ ...p, file: this.file, message: detached(p.message), ...(p.element !== undefined ? { element: detached(p.element) } : {}) });
  }

  get count(): number {
    return this.list.length + this.dropped;
  }

  /** The list, with a last line saying how many more there were. */
  all(): Problem[] {
    return this.dropped > 0 ? [...this.list, { file: this.file, message: `… og ${this.dropped} feil til i denne filen (lesingen viser de første ${this.max}).` }] : this.list;
  }
}
