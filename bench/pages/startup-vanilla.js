// Start-up of the vanilla implementation, timed as startup-widget.js: the
// module graph loaded (it has nothing to initialise), mount() of the built-in
// deck, and the frame that paints the card.
import { mount } from '/vanilla/factcards-vanilla.js';
import { finish } from './startup-common.js';

const script = performance.now();
const ready = performance.now();
mount(document.getElementById('host'), null, { seed: 2021 });
finish({ script, ready, mounted: performance.now() });
