import type { CliIO } from "../io";

/** Placeholder until the reconciliation and vouchers exist: says what the demo will do. */
export async function demo(_args: string[], io: CliIO): Promise<number> {
  io.out(
    [
      "lonn demo – kommer:",
      "  leser eksempel-eksportene i assets/samples/ (SAP lønnsarter, Unit4 saldo, SPK-faktura),",
      "  fyller A10 SPK brutto-arket, lager korreksjonsbilag, A-melding-fordeling, CSV og Unit4 GL07,",
      "  og skriver alt til en mappe den navngir, med en kort oppsummering.",
    ].join("\n"),
  );
  return 0;
}
