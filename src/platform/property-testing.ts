// fast-check for the property tests of `npm test`, on a fixed seed: the same inputs on every run,
// so a verdict never changes at random (a failure prints its seed and path to replay). Set
// PROPERTY_SEED to explore other inputs; `npm run fuzz` does the random exploration of the API.
import fc from 'fast-check';
import { loadTestSettings } from '../config.ts';

fc.configureGlobal({ seed: loadTestSettings().propertySeed });

export default fc;
