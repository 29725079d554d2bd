// Start-up of the widget, timed from navigation start (performance.now() is
// relative to it): the module graph loaded, init() (fetching and compiling the
// wasm), mount() of the built-in deck (which fetches it), and the frame that
// paints the card.
import init, { mount } from '/pkg/factcards.js';
import { finish } from './startup-common.js';

const script = performance.now();
await init();
const ready = performance.now();
// The built-in deck is a file of the package, fetched by the page's first
// mount without a deck: the card is there at factcards:ready.
const host = document.getElementById('host');
const shown = new Promise((resolve) => host.addEventListener('factcards:ready', resolve, { once: true }));
mount(host, null, { seed: 2021 });
await shown;
finish({ script, ready, mounted: performance.now() });
