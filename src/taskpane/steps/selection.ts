/** «Bruk markert område»: the user's selection in Excel into a range field. One sync. */
import { Field } from "../field";
import { StepContext } from "../step-context";
import { selectedRange } from "../workbook";

export async function useSelection(pane: StepContext, field: Field, name: string): Promise<void> {
  await pane.run(null, "Henter markert område …", "read", async () => {
    field.input.value = await selectedRange();
    field.setProblem();
    pane.message(`${name}: ${field.input.value}.`);
  });
}
