/**
 * The shape of src/core/successions.json. The file ships with the code, so it is checked by a
 * test (test/core/succession.test.ts) rather than at every start: zod costs about 70 ms of CPU to
 * load, which every `entente dyad` would pay.
 */
import { z } from "zod";

export const Successions = z.object({
  about: z.string(),
  ended: z.array(
    z
      .object({
        ccode: z.number().int(),
        successors: z.array(z.number().int()).min(1),
        how: z.string().min(1),
      })
      .strict(),
  ),
  sharedCode: z.array(
    z
      .object({
        entity: z.string().min(1),
        ccode: z.number().int(),
        to: z.number().int(),
        successor: z.string().min(1),
        how: z.string().min(1),
        inputs: z.array(z.string().min(1)).min(1),
      })
      .strict(),
  ),
});

export type SuccessionsData = z.infer<typeof Successions>;
