/** When and by whom a step writes: the clock now (local wall time) and the initials in the pane's header. */
import { timestamp } from "../../core/workpaper/logg";
import { WriteMeta } from "../plans";
import { StepContext } from "../step-context";

export const writeMeta = (pane: Pick<StepContext, "who">): WriteMeta => ({ time: timestamp(new Date()), who: pane.who });
