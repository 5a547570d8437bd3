/**
 * What the pane says when Excel refuses an action: a Norwegian sentence saying what happened and
 * what to do. Office.js errors carry a `code` (OfficeExtension.ErrorCodes / Excel.ErrorCodes).
 * Reading never changes the workbook. A write is validated and planned first and sent in one
 * batch, but Excel's batches are not transactions: if Excel stops one halfway, part of it may be
 * written. Every plan writes the same cells with the same values when run again, so the advice is
 * to run it again once the cause is gone.
 */

const AFTERWARDS: Readonly<Record<"read" | "write", string>> = {
  read: "Arbeidsboken er ikke endret.",
  write: "Kjør handlingen på nytt når dette er rettet: den skriver de samme verdiene, så ingenting blir dobbelt.",
};

const OFFICE_CODES: Readonly<Record<string, string>> = {
  ItemNotFound: "Fant ikke arket eller området. Sjekk at navnet er skrevet som i arkfanen (f.eks. SAP eller 'SAP eksport'!A1:F200), og prøv igjen.",
  InvalidReference: "Adressen er ikke et gyldig område. Skriv et arknavn eller et område som 'SAP'!A1:F200.",
  InvalidArgument: "Excel godtok ikke verdiene som skulle skrives. Prøv igjen; gjentar feilen seg, meld den med teksten under.",
  InvalidOperation: "Excel kan ikke gjøre dette nå. Er du i ferd med å redigere en celle? Trykk Enter eller Esc i cellen og prøv igjen.",
  InvalidOperationInCellEditMode: "Du redigerer en celle. Trykk Enter eller Esc i cellen og prøv igjen.",
  EditModeCellEditing: "Du redigerer en celle. Trykk Enter eller Esc i cellen og prøv igjen.",
  AccessDenied: "Arbeidsboken eller arket er beskyttet. Opphev beskyttelsen (Se gjennom → Opphev arkbeskyttelse) og prøv igjen.",
  InsertDeleteConflict: "Arket endres av noen andre akkurat nå. Vent litt og prøv igjen.",
  Conflict: "Arket endres av noen andre akkurat nå. Vent litt og prøv igjen.",
  RequestPayloadSizeLimitExceeded: "Området er for stort til å sendes i én operasjon. Velg et mindre område (bare eksporten), og prøv igjen.",
  ResponsePayloadSizeLimitExceeded: "Området er for stort til å leses i én operasjon. Velg et mindre område (bare eksporten), og prøv igjen.",
  GeneralException: "Excel meldte en uventet feil. Lagre arbeidsboken, lukk og åpne tillegget, og prøv igjen.",
  ItemAlreadyExists: "Et ark eller navn med det navnet finnes allerede. Les arbeidsboken på nytt (knappen øverst) og prøv igjen.",
};

/** The message for a thrown error (Office.js or other), ending with what it means for the workbook. */
export function officeErrorMessage(error: unknown, phase: "read" | "write"): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const detail = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const what = typeof code === "string" && OFFICE_CODES[code] ? OFFICE_CODES[code] : `Noe gikk galt${detail ? `: ${detail}` : ""}. Prøv igjen; gjentar feilen seg, lukk og åpne tillegget.`;
  return `${what} ${AFTERWARDS[phase]}`;
}
