import type { CaseActionName } from '../case-actions';

/** What every action form gets from the actions panel. */
export interface ActionFormProps {
  run: (action: CaseActionName, body: object) => void;
  pending: boolean;
  /** The last refusal, for field errors next to the inputs. */
  error: unknown;
}
