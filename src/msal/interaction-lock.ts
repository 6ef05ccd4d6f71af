/** The page-wide interaction lock, shared with every provider that opens windows (see src/providers). */
export {
  type ExclusiveOutcome,
  interactionSettled,
  runExclusiveInteraction,
} from '../providers/interaction-lock.js';
