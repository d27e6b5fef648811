/**
 * The pop-ups are not needed for the first paint: the country pop-up and the code
 * pop-up (with the code step's binding and the confirmation) load on first use, or
 * right after the first paint, keeping the first module small. The flow awaits the
 * code pop-up before it enters the code step, so `codeStep()` is there whenever the
 * code step or the confirmation is rendered.
 */
import type * as CodeStep from '../code/code-step.ts';

export const loadCountryDialog = () => import('../country/hik-country-dialog.ts');

let codeStepModule: typeof CodeStep | undefined;

export const loadCodeModal = (): Promise<void> =>
  import('../code/code-step.ts').then((module) => { codeStepModule = module; });

/** The code step's templates, once loaded. */
export const codeStep = (): typeof CodeStep | undefined => codeStepModule;
