// Start-up of the widget, timed from navigation start (performance.now() is
// relative to it): the module graph loaded, init() (fetching and compiling the
// wasm), mount() of the built-in deck, and the frame that paints the card.
import init, { mount } from '/pkg/factcards.js';
import { finish } from './startup-common.js';

const script = performance.now();
await init();
const ready = performance.now();
mount(document.getElementById('host'), null, { seed: 2021 });
finish({ script, ready, mounted: performance.now() });
