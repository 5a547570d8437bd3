/** `OfficeExtension.ClientResult`: a value that exists only after the sync that computes it. */
import { FakeOfficeError } from "./errors";

export class FakeClientResult<T> {
  private settled = false;
  private result: T | undefined;

  constructor(private readonly what: string) {}

  settle(value: T): void {
    this.result = value;
    this.settled = true;
  }

  get value(): T {
    if (!this.settled) throw new FakeOfficeError("PropertyNotLoaded", `${this.what}.value finnes først etter context.sync()`);
    return this.result as T;
  }
}
