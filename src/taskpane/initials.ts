/**
 * The user's initials, for the `Logg` sheet's «Hvem»: typed once in the pane's header and
 * remembered in this browser's localStorage. They are the user's, not the workbook's, so they
 * are never stored in the workbook (a colleague opening it sees their own). Where the host has no
 * localStorage (or refuses it) the field still works for the session.
 */
import { Field, textField } from "./field";

const KEY = "lonnsavstemming.initialer";

function stored(): string {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

function store(value: string): void {
  try {
    if (value === "") globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, value);
  } catch {
    // Not remembered on this machine; the pane uses what is typed.
  }
}

export interface InitialsField {
  readonly element: HTMLElement;
  /** What is typed now, trimmed ("" when nothing). */
  value(): string;
}

export function initialsField(): InitialsField {
  const field: Field = textField("initialer", "Initialer", {
    value: stored(),
    autocomplete: "off",
    help: "Står i kolonnen Hvem i arkfanen Logg ved hver skriving. Huskes på denne maskinen, ikke i arbeidsboken.",
  });
  field.input.maxLength = 40;
  field.input.addEventListener("input", () => store(field.input.value.trim()));
  return { element: field.element, value: () => field.input.value.trim() };
}
