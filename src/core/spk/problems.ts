import { RuleError } from "../errors";

/**
 * Every problem with an input, not just the first: an accountant fixing a scenario file or a
 * sheet wants the whole list at once. Still a RuleError (kind "value"), so callers that only
 * know `isRuleError` and `message` work; the message is the problems one per line.
 */
export class InputProblems extends RuleError {
  constructor(readonly problems: readonly string[]) {
    super("value", problems.join("\n"));
  }
}

/** Collects problems while validating; `result` gives the value only when there were none. */
export class ProblemList {
  private readonly list: string[] = [];

  add(problem: string): void {
    this.list.push(problem);
  }

  /** Adds the messages of another error (one per problem when it is an InputProblems). */
  addError(error: RuleError, where?: string): void {
    const messages = error instanceof InputProblems ? error.problems : [error.message];
    for (const m of messages) this.list.push(where ? `${where}: ${m}` : m);
  }

  get count(): number {
    return this.list.length;
  }

  /** The problems so far as one error, or undefined when there are none. */
  error(): InputProblems | undefined {
    return this.list.length > 0 ? new InputProblems([...this.list]) : undefined;
  }

  result<T>(value: () => T): T | InputProblems {
    return this.list.length > 0 ? new InputProblems([...this.list]) : value();
  }
}
